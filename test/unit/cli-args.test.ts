/** `cfml serve` flags that choose how templates are inspected (--dev: always, --production: never). */
import { describe, expect, it } from 'vitest';
import { parseArgs, HELP } from '../../src/cli/args.js';

describe('cfml serve flags', () => {
  it('--production and --dev are read, neither by default', () => {
    expect(parseArgs(['serve', 'site', '--production'])).toMatchObject({ serve: 'site', production: true, dev: false });
    expect(parseArgs(['serve', 'site', '--dev'])).toMatchObject({ serve: 'site', production: false, dev: true });
    expect(parseArgs(['serve', 'site'])).toMatchObject({ production: false, dev: false });
  });

  it('the help names --production', () => {
    expect(HELP).toMatch(/--production loads each file once/);
  });
});
