/**
 * The XML libraries load on the first XML value a page makes: they are a quarter of the CLI
 * bundle's code and most pages never touch XML. Resolved from this file (the CLI bundle passes
 * its own path as __filename; ES modules use import.meta.url).
 */
import { createRequire } from 'node:module';
import type * as XmlDom from '@xmldom/xmldom';
import type XPathLib from 'xpath';

const load = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

let dom: typeof XmlDom | undefined;
let xp: typeof XPathLib | undefined;

export const xmldom = (): typeof XmlDom => (dom ??= load('@xmldom/xmldom') as typeof XmlDom);
export const xpath = (): typeof XPathLib => (xp ??= load('xpath') as typeof XPathLib);
