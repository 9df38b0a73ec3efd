/** The `<cfform>`s open in a render, so the controls inside can register their validation. */
import type { Ctx } from '../../../runtime/context.js';

/** One open cfform. */
export interface OpenForm {
  name: string;
  /** The script variable of the form's CFForm object (`cfform_<n>`). */
  jsVar: string;
  /** `addInput(...)` argument lists, in order. */
  inputs: string[];
  /** Lower-cased names of its text and password inputs (each must be unique, as in Lucee). */
  textNames: Set<string>;
  /** preserveData: controls take their value from the form scope after a submit. */
  preserveData: boolean;
}

interface RenderForms {
  open: OpenForm[];
  count: number;
  scriptWritten: boolean;
}

const forms = new WeakMap<Ctx, RenderForms>();

/** The render's cfform bookkeeping. */
export function formsOf(ctx: Ctx): RenderForms {
  let f = forms.get(ctx);
  if (!f) forms.set(ctx, (f = { open: [], count: 0, scriptWritten: false }));
  return f;
}

/** The innermost open cfform, or undefined. */
export function currentForm(ctx: Ctx): OpenForm | undefined {
  const open = forms.get(ctx)?.open;
  return open?.[open.length - 1];
}
