/** Lucee: `doc.xmlRoot = "name"` makes an empty root element of that name; x.keyExists(key) on XML values. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(`<cfscript>${src}</cfscript>`);

describe('xmlRoot given by name', () => {
  it('creates the root element, replacing an old one', async () => {
    expect(await render('d = xmlNew(); d.xmlRoot = "catalog"; writeOutput(d.xmlRoot.xmlName & "|" & arrayLen(d.xmlRoot.xmlChildren)); d.xmlRoot = "other"; writeOutput("|" & d.xmlRoot.xmlName);')).toBe('catalog|0|other');
  });
  it('a value that is neither an element nor a name is refused', async () => {
    await expect(render('d = xmlNew(); d.xmlRoot = "not a name";')).rejects.toThrow(/not an XML element/);
  });
  it('keyExists sees the root, child elements and attributes', async () => {
    const out = await render('d = xmlParse("<a x=""1""><b/></a>"); writeOutput(d.keyExists("xmlRoot") & d.xmlRoot.keyExists("b") & d.xmlRoot.keyExists("c") & xmlNew().keyExists("xmlRoot"));');
    expect(out).toBe('truetruefalsefalse');
  });
});
