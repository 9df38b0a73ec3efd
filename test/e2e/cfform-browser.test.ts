/**
 * The client-side validation of a cfform page in a real headless Chromium (Debian's, installed by
 * scripts/ensure-chromium.sh) driven by playwright-core, served by createHandler on 127.0.0.1:
 * a submit with a missing or invalid field shows the messages in an alert and stays on the page;
 * a valid one reaches the action page.
 */
import * as fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/web-site.js';

const CHROMIUM = '/usr/bin/chromium';
let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite({
    'signup.cfm': `<html><head><title>Sign up</title></head><body>
<cfform action="save.cfm" name="signup">
  <cfinput type="text" name="username" required="yes" message="Please enter a user name">
  <cfinput type="text" name="age" validate="integer" range="18,130">
  <cfinput type="text" name="email" validate="email">
  <cfinput type="checkbox" name="terms" value="yes" required="yes">
  <cfselect name="plan" required="yes" message="Choose a plan"><option value="">-</option><option value="basic">Basic</option></cfselect>
  <cfinput type="submit" name="go" value="Sign up">
</cfform></body></html>`,
    'save.cfm': '<cfoutput><p id="done">Welcome #encodeForHTML(form.username)# (#form.age#, #form.plan#)</p></cfoutput>',
  });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (npm test does)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Clicks submit and resolves to the alert's text (the alert is dismissed as it opens). */
async function submitExpectingAlert(page: Page): Promise<string> {
  const shown = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.message());
      void d.dismiss();
    }),
  );
  await page.click('input[name=go]');
  return shown;
}

describe('cfform client-side validation in Chromium', () => {
  it('blocks a submit with missing and invalid fields, then lets a valid one through', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(site.base + '/signup.cfm');

    expect(await submitExpectingAlert(page)).toBe(
      '- Please enter a user name\n- radio button or checkbox [terms] is not checked but required\n- Choose a plan\n',
    );
    expect(page.url()).toBe(site.base + '/signup.cfm');

    await page.fill('input[name=username]', 'Ada');
    await page.check('input[name=terms]');
    await page.selectOption('select[name=plan]', 'basic');
    await page.fill('input[name=age]', '12');
    expect(await submitExpectingAlert(page)).toBe('value (12) of field age has an invalid range, valid range is from 18 to 130');

    await page.fill('input[name=age]', 'abc');
    await page.fill('input[name=email]', 'not-an-address');
    expect(await submitExpectingAlert(page)).toBe(
      "- value (abc) of field age doesn't contain an integer\n- value (not-an-address) of field email doesn't contain a valid Email Address\n",
    );

    await page.fill('input[name=age]', '36');
    await page.fill('input[name=email]', 'ada@example.com');
    await Promise.all([page.waitForURL(/save\.cfm/), page.click('input[name=go]')]);
    expect(await page.textContent('#done')).toBe('Welcome Ada (36, basic)');
    await ctx.close();
  });
});
