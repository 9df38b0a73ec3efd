/** getFunctionData, getTagData, getContextInfo describe the engine's own library; cfusion_encrypt/decrypt. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(src);

describe('getFunctionData / getTagData', () => {
  it('describes a built-in function and its arguments', async () => {
    const out = await render(`<cfscript>d = getFunctionData("ListLen");
      writeOutput(d.name & "|" & d.type & "|" & d.status & "|" & d.argMin & "-" & d.argMax & "|" & d.arguments[1].name & ":" & d.arguments[1].required & "|" & d.arguments[2].required);</cfscript>`);
    expect(out).toBe('listlen|java|implemented|1-3|list:true|false');
  });
  it('describes a tag and its attributes; unknown names are errors', async () => {
    const out = await render(`<cfscript>t = getTagData("cf", "savecontent");
      writeOutput(t.name & "|" & t.bodyType & "|" & t.attributes.variable.required & "|" & structKeyExists(t.attributes, "append"));
      try { getTagData("cf", "nosuchtag"); } catch (any e) { writeOutput("|no tag"); }
      try { getFunctionData("noSuchFunction"); } catch (any e) { writeOutput("|no function"); }</cfscript>`);
    expect(out).toBe('savecontent|required|true|true|no tag|no function');
  });
});

describe('getContextInfo', () => {
  it('tells whether the response was flushed', async () => {
    expect(await render('<cfoutput>#getContextInfo().flushed#</cfoutput>')).toBe('false');
  });
});

describe('cfusion_encrypt / cfusion_decrypt', () => {
  it('are encrypt/decrypt with CFMX_COMPAT and hex', async () => {
    const out = await render(`<cfscript>e = cfusion_encrypt("secret text", "k3y");
      writeOutput((e == encrypt("secret text", "k3y", "CFMX_COMPAT", "hex")) & "|" & reFind("^[0-9A-F]+$", e) & "|" & cfusion_decrypt(e, "k3y"));</cfscript>`);
    expect(out).toBe('true|1|secret text');
  });
});

describe('getUserRoles', () => {
  it('lists the logged-in user roles, "" for nobody', async () => {
    expect(await render('<cfoutput>[#getUserRoles()#]</cfoutput><cflogin><cfloginuser name="ann" password="pw" roles="reader, editor"></cflogin><cfoutput>[#getUserRoles()#]</cfoutput>')).toBe('[][reader,editor]');
  });
});
