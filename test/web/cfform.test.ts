/**
 * A cfform page through the Node handler on real HTTP: the form renders, a submit without the
 * required field gets the required-field message (server-side checks of validateAt="onServer"),
 * a filled one reaches the action page with the values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/web-site.js';

let site: Site;

beforeAll(async () => {
  site = await startSite({
    'signup.cfm': `<html><head><title>Sign up</title></head><body>
<cfform action="save.cfm" name="signup">
  <cfinput type="text" name="username" required="yes" message="Please enter a user name" validateAt="onSubmit,onServer">
  <cfinput type="text" name="age" validate="integer" range="18,130" validateAt="onServer">
  <cfinput type="text" name="email" validate="email" validateAt="onServer">
  <cfinput type="submit" name="go" value="Sign up">
</cfform></body></html>`,
    'save.cfm': '<cfoutput>Welcome #encodeForHTML(form.username)# (#form.age#)</cfoutput>',
    'keep.cfm': `<cfform name="k" preservedata="yes"><cfinput name="t" value="default"><cfinput type="checkbox" name="c" value="b"><cfselect name="s"><option value="x">x</option></cfselect><cftextarea name="a">start</cftextarea></cfform>`,
  });
});

afterAll(() => site.close());

const post = (path: string, fields: Record<string, string>) => fetch(site.base + path, { method: 'POST', body: new URLSearchParams(fields) });

describe('a cfform page through the handler', () => {
  it('renders a working form with its validation', async () => {
    const html = await (await fetch(site.base + '/signup.cfm')).text();
    expect(html).toContain('<form name="signup" action="save.cfm" method="post" onsubmit="return _CF_checksignup();">');
    expect(html).toContain('<input type="text" name="username"><input type="hidden" name="username_required" value="Please enter a user name">');
    expect(html).toContain('cfform_1.addInput("username",true,"text",null,null,"Please enter a user name"');
    expect(html).toContain('w.CFForm=CFForm');
  });

  it('submitting without the required field shows its message; filled, the action page gets the values', async () => {
    const base = { username_required: 'Please enter a user name', age_integer: '', age_range: 'MIN=18 MAX=130', email_email: '' };
    const empty = await post('/save.cfm', { ...base, username: '  ', age: '', email: '' });
    expect(empty.status).toBe(400);
    const page = await empty.text();
    expect(page).toContain('Form entries are incomplete or invalid.');
    expect(page).toContain('<li>Please enter a user name</li>');
    expect(page).not.toContain('Welcome');

    const bad = await (await post('/save.cfm', { ...base, username: 'ada', age: '12', email: 'no-at<b>' })).text();
    expect(bad).toContain('<li>value (12) of field age has an invalid range, valid range is from 18 to 130</li>');
    expect(bad).toContain("<li>value (no-at&lt;b&gt;) of field email doesn&#39;t contain a valid Email Address</li>");
    const notInt = await (await post('/save.cfm', { ...base, username: 'ada', age: 'x', email: '' })).text();
    expect(notInt).toContain("<li>value (x) of field age doesn&#39;t contain an integer</li>");

    const ok = await post('/save.cfm', { ...base, username: 'Ada <3', age: '36', email: 'ada@example.com' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('Welcome Ada &lt;3 (36)');
  });
});

describe('preserveData', () => {
  it('refills the controls from the submitted form, escaped', async () => {
    const first = await (await fetch(site.base + '/keep.cfm')).text();
    expect(first).toContain('<input type="text" name="t" value="default">');
    const again = await (await post('/keep.cfm', { t: '"><b>', c: 'a,b', a: '</textarea><i>' })).text();
    expect(again).toContain('<input type="text" name="t" value="&quot;&gt;&lt;b&gt;">');
    expect(again).toContain('<input type="checkbox" name="c" value="b" checked="checked">');
    expect(again).toContain('<textarea name="a" id="a">&lt;/textarea&gt;&lt;i&gt;</textarea>');
  });
});
