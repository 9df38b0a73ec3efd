/** Classic CFML tags older applications still use (see the README's "Classic CFML" section). */
import type { TagDef } from '../types.js';
import { htmlheadTag, htmlbodyTag } from './html-head.js';
import { loginTag, loginuserTag, logoutTag } from './login.js';

export const classicTags: readonly TagDef[] = [htmlheadTag, htmlbodyTag, loginTag, loginuserTag, logoutTag];
