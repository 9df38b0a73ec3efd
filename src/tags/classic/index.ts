/** Classic CFML tags older applications still use (see the README's "Classic CFML" section). */
import type { TagDef } from '../types.js';
import { htmlheadTag, htmlbodyTag } from './html-head.js';

export const classicTags: readonly TagDef[] = [htmlheadTag, htmlbodyTag];
