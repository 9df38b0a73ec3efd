import { it, expect } from 'vitest';
import { Engine } from '../../src/index.js';
it('renders', async () => {
  const e = new Engine();
  expect(await e.renderString('<cfset x = 5><cfoutput>#x * 2#</cfoutput>')).toBe('10');
});
