/** toScript: JavaScript statements rebuilding a CFML value (Lucee's JSConverter rules, our values). */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(`<cfscript>${src}</cfscript>`);

describe('toScript', () => {
  it('simple values: quoted strings, numbers, booleans as strings', async () => {
    expect(await render(`writeOutput(toScript("it's ""x""", "s") & toScript(2.5, "n") & toScript(false, "b"));`)).toBe(`s="it's \\"x\\"";n=2.5;b="false";`);
  });
  it('escapes control and non-ASCII characters and never closes a script block', async () => {
    expect(await render(`writeOutput(toScript("a" & chr(10) & "é</SCRIPT>", "t"));`)).toBe('t="a\\n\\u00e9<\\/SCRIPT>";');
  });
  it('nested arrays and structs, struct keys lower-cased', async () => {
    expect(await render(`writeOutput(toScript({Name: "x", Tags: [1, "two"]}, "o"));`)).toBe(
      'o=new Object();o["name"]="x";o["tags"]=new Array();o["tags"][0]=1;o["tags"][1]="two";',
    );
    expect(await render(`writeOutput(toScript([[1]], "a", true, true));`)).toBe('a=[];a[0]=[];a[0][0]=1;');
  });
  it('a query as a WddxRecordset by column, or as rows', async () => {
    const q = `q = queryNew("id,Label", "integer,varchar", [[7, "seven"], [8, "eight"]]);`;
    expect(await render(`${q} writeOutput(toScript(q, "r"));`)).toBe(
      'r=new WddxRecordset();col0=new Array();col0[0]=7;col0[1]=8;r["id"]=col0;col0=null;col1=new Array();col1[0]="seven";col1[1]="eight";r["label"]=col1;col1=null;',
    );
    expect(await render(`${q} writeOutput(toScript(q, "r", false));`)).toBe(
      'r=new Array();r[0]=new Object();r[0]["id"]=7;r[0]["Label"]="seven";r[1]=new Object();r[1]["id"]=8;r[1]["Label"]="eight";',
    );
  });
  it('a date as new Date() with a 0-based month', async () => {
    expect(await render(`writeOutput(toScript(createDateTime(2022, 1, 15, 9, 8, 7), "d"));`)).toBe('d=new Date(2022,0,15,9,8,7);');
  });
  it('a value inside itself becomes null', async () => {
    expect(await render(`s = {}; s.me = s; writeOutput(toScript(s, "x"));`)).toBe('x=new Object();x["me"]=null;');
  });
});
