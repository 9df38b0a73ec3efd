/** Classic CFML tags older applications still use (see the README's "Classic CFML" section). */
import type { TagDef } from '../types.js';
import { htmlheadTag, htmlbodyTag } from './html-head.js';
import { loginTag, loginuserTag, logoutTag } from './login.js';
import { formTag } from './form/form.js';
import { inputTag, selectTag, textareaTag } from './form/controls.js';
import { formgroupTag, formitemTag } from './form/group.js';
import { wddxTag } from './wddx.js';
import { insertTag, updateTag } from '../db/insert-update.js';

export const classicTags: readonly TagDef[] = [htmlheadTag, htmlbodyTag, loginTag, loginuserTag, logoutTag, formTag, inputTag, selectTag, textareaTag, formgroupTag, formitemTag, wddxTag, insertTag, updateTag];
