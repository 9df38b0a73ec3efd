/**
 * Lucee's full null support (EngineOptions.nullSupport, `this.nullSupport`, cfapplication
 * nullSupport): off, a variable holding null is undefined and a struct key holding null does not
 * exist; on, both read as null. Database NULLs are covered by test/db/pages/nulls.cfm.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../src/index.js';

const page = `<cfscript>
function nothing() {}
t = nothing();
s = {foo: nullValue(), bar: 1};
out = [structKeyExists(s, "foo"), s.keyExists("foo"), isNull(s.foo), isNull(t)];
try { out.append("[" & t & "]"); } catch (any e) { out.append(e.message); }
try { out.append("[" & variables.t & "]"); } catch (any e) { out.append(e.message); }
out.append(getApplicationSettings().nullSupport);
writeOutput(out.toList("|"));
</cfscript>`;

describe('full null support', () => {
  it('is off by default, as in Lucee: null variables are undefined, null keys do not exist', async () => {
    const out = await new Engine().renderString(page);
    expect(out).toBe("false|false|true|true|variable [t] doesn't exist|variable [t] doesn't exist in scope [variables]|false");
  });

  it('EngineOptions.nullSupport: a variable holding null reads as null, a null key exists', async () => {
    const out = await new Engine({ nullSupport: true }).renderString(page);
    expect(out).toBe('true|true|true|true|[]|[]|true');
  });

  it("an application's this.nullSupport wins over the Engine option", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nullsupport-'));
    writeFileSync(path.join(dir, 'Application.cfc'), 'component { this.name = "ns_on_" & createUUID(); this.nullSupport = true; }');
    writeFileSync(path.join(dir, 'index.cfm'), page);
    const on = await new Engine({ root: dir }).renderFile(path.join(dir, 'index.cfm'));
    expect(on).toBe('true|true|true|true|[]|[]|true');
    writeFileSync(path.join(dir, 'Application.cfc'), 'component { this.name = "ns_off_" & createUUID(); this.nullSupport = false; }');
    const off = await new Engine({ root: dir, nullSupport: true }).renderFile(path.join(dir, 'index.cfm'));
    expect(off.startsWith('false|false|')).toBe(true);
  });
});
