/** inspectTemplates(): changed templates and components are read again, even later in the same request. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-inspect-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('inspectTemplates', () => {
  it('a rewritten include and component are used after the call, whatever the inspect mode', async () => {
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.writeFileSync(
      path.join(dir, 'page.cfm'),
      `<cfscript>
      fileWrite(expandPath("part.cfm"), "A");
      fileWrite(expandPath("lib/Box.cfc"), "component { function v() { return 'one'; } }");
      savecontent variable="a" { include "part.cfm"; }
      b = new lib.Box().v();
      fileWrite(expandPath("part.cfm"), "BB");
      fileWrite(expandPath("lib/Box.cfc"), "component { function v() { return 'two!'; } }");
      savecontent variable="c" { include "part.cfm"; }
      d = new lib.Box().v();
      ok = inspectTemplates();
      savecontent variable="e" { include "part.cfm"; }
      f = new lib.Box().v();
      writeOutput([a, b, c, d, ok, e, f].toList("|"));
      </cfscript>`,
    );
    const out = await new Engine({ logger: () => {}, inspectTemplates: 'never' }).renderFile(path.join(dir, 'page.cfm'));
    expect(out).toBe('A|one|A|one|true|BB|two!');
  });
});
