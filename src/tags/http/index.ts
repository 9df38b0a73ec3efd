/** `<cfhttp>` and `<cfhttpparam>`. */
export { httpTag, httpParamTag } from './tag.js';
