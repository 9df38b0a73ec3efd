/**
 * The cfform controls in html format: `<cfinput>`, `<cftextarea>`, `<cfselect>`. Each must sit
 * inside a `<cfform>`; its validation (required, validate=, range=, maxlength=, pattern=, message=,
 * onError=, onValidate=) is registered with the form for the client-side check when validateAt
 * holds onSubmit or onBlur (the default), and written as hidden fields (`NAME_required`,
 * `NAME_integer`, `NAME_range` = "MIN=1 MAX=9"...) checked by the server on submit when it holds
 * onServer. Values and option texts are HTML-escaped.
 */
import { defineTag, Signal, type TagCall } from '../../types.js';
import { andThen } from '../../../runtime/maybe.js';
import { isSimple, toBool, toNum, toStr } from '../../../runtime/cast.js';
import { Query } from '../../../runtime/query.js';
import { compareValues as compare } from '../../../runtime/compare.js';
import { attrText, escHtml, jsLiteral } from './html.js';
import { currentForm, type OpenForm } from './state.js';
import { passThrough } from './form.js';
import { ruleFor, VALIDATE_NAMES } from './validation.js';

const INPUT_TYPES = ['text', 'password', 'checkbox', 'radio', 'button', 'file', 'hidden', 'image', 'reset', 'submit', 'datefield'];

/** Attributes the controls use themselves (never written on the element as given). */
const CONTROL_OWN = [
  'required', 'message', 'validate', 'validateat', 'range', 'pattern', 'mask', 'onerror', 'onvalidate', 'label', 'tooltip', 'passthrough',
  'checked', 'maxlength', 'value', 'encodevalue', 'visible', 'enabled', 'daynames', 'monthnames', 'firstdayofweek', 'bind', 'bindonload',
  'autosuggest', 'typeahead', 'sourcefortooltip',
];

interface Validation {
  required: boolean;
  kind: 'text' | 'check' | 'select';
  validate?: string;
  pattern?: string;
  message?: string;
  min?: number;
  max?: number;
  maxLength?: number;
}

function formOf(call: TagCall, tag: string): OpenForm {
  const f = currentForm(call.ctx);
  if (!f) throw call.error(`Tag [cf${tag}] must be inside a cfform tag`);
  return f;
}

/** Reads required/validate/range/maxlength/pattern/message, with Lucee's errors for bad values. */
function validationOf(call: TagCall, kind: Validation['kind']): Validation {
  const a = call.attrs;
  const v: Validation = { required: a.required !== undefined && toBool(a.required), kind };
  if (a.message !== undefined && toStr(a.message) !== '') v.message = toStr(a.message);
  if (a.validate !== undefined && toStr(a.validate).trim() !== '' && toStr(a.validate).trim().toLowerCase() !== 'none') {
    const rule = ruleFor(toStr(a.validate));
    if (!rule) throw call.error(`attribute validate has an invalid value [${toStr(a.validate)}]`, { detail: `valid values for attribute validate are [${VALIDATE_NAMES.join(', ')}]` });
    v.validate = rule.name;
  }
  if (a.pattern !== undefined && toStr(a.pattern) !== '') v.pattern = toStr(a.pattern);
  if (v.validate === 'regex' && v.pattern === undefined) throw call.error('when validation type regular_expression is selected, the pattern attribute is required');
  if (a.range !== undefined && toStr(a.range).trim() !== '') {
    const parts = toStr(a.range).split(',').map((s) => s.trim());
    const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
    const [min, max] = [num(parts[0]), num(parts[1])];
    if (parts.length > 2 || (min !== undefined && Number.isNaN(min)) || (max !== undefined && Number.isNaN(max))) {
      throw call.error(`attribute range has an invalid value [${toStr(a.range)}], must be string list with numbers`, { detail: 'Example: [number_from,number_to], [number_from], [number_from,], [,number_to]' });
    }
    v.min = min;
    v.max = max;
    if (v.validate !== 'integer' && v.validate !== 'float') v.validate = 'range';
  }
  if (a.maxlength !== undefined && toStr(a.maxlength) !== '') v.maxLength = Math.trunc(toNum(a.maxlength));
  return v;
}

/** Registers the checks with the form (client side) and returns the hidden fields (server side). */
function register(call: TagCall, form: OpenForm, name: string, v: Validation): string {
  const at = call.attrs.validateat === undefined ? 'onsubmit' : toStr(call.attrs.validateat).toLowerCase();
  const places = at.split(',').map((s) => s.trim());
  for (const p of places) if (!['onsubmit', 'onblur', 'onserver'].includes(p)) throw call.error(`attribute validateAt has an invalid value [${at}], valid values are [onSubmit, onBlur, onServer]`);
  const a = call.attrs;
  const onValidate = a.onvalidate === undefined ? undefined : toStr(a.onvalidate);
  const checks = v.required || v.validate !== undefined || onValidate !== undefined || (v.maxLength !== undefined && v.validate === 'maxlength');
  if (!checks) return '';
  if (places.includes('onsubmit') || places.includes('onblur')) {
    const args = [
      jsLiteral(name), String(v.required), jsLiteral(v.kind), jsLiteral(v.validate ?? null), jsLiteral(v.pattern ?? null), jsLiteral(v.message ?? null),
      jsLiteral(a.onerror === undefined ? null : toStr(a.onerror)), jsLiteral(onValidate ?? null), jsLiteral(v.min ?? null), jsLiteral(v.max ?? null),
      jsLiteral(v.maxLength ?? null),
    ];
    form.inputs.push(args.join(','));
  }
  if (!places.includes('onserver')) return '';
  const hidden: Array<[string, string]> = [];
  if (v.required) hidden.push([`${name}_required`, v.message ?? '']);
  if (v.validate === 'range' || ((v.validate === 'integer' || v.validate === 'float') && (v.min !== undefined || v.max !== undefined))) {
    if (v.validate !== 'range') hidden.push([`${name}_${v.validate}`, v.message ?? '']);
    hidden.push([`${name}_range`, [v.min === undefined ? '' : `MIN=${v.min}`, v.max === undefined ? '' : `MAX=${v.max}`].filter(Boolean).join(' ')]);
  } else if (v.validate === 'regex') hidden.push([`${name}_regex`, v.pattern!]);
  else if (v.validate === 'maxlength') hidden.push([`${name}_maxlength`, String(v.maxLength ?? '')]);
  else if (v.validate) hidden.push([`${name}_${v.validate}`, v.message ?? '']);
  return hidden.map(([n, val]) => `<input type="hidden" name="${escHtml(n)}" value="${escHtml(val)}">`).join('');
}

function preserved(call: TagCall, form: OpenForm, name: string): unknown {
  return form.preserveData ? call.ctx.form.get(name) : undefined;
}

export const inputTag = defineTag({
  name: 'input',
  anyAttrs: true,
  attrs: [{ name: 'name', required: true }, { name: 'type' }, { name: 'passthrough', type: 'any' }],
  run(call) {
    const form = formOf(call, 'input');
    const a = call.attrs;
    const name = toStr(a.name);
    const type = a.type === undefined ? 'text' : toStr(a.type).trim().toLowerCase();
    if (!INPUT_TYPES.includes(type)) throw call.error(`attribute type has an invalid value [${type}]`, { detail: `valid values for attribute type are [${INPUT_TYPES.join(', ')}]` });
    if (type === 'datefield') throw call.error('type [datefield] is only allowed if form format is flash');
    if (type === 'text' || type === 'password') {
      if (form.textNames.has(name.toLowerCase())) throw call.error(`duplicate input field [${name}] for form`, { detail: 'a text or password field must be unique' });
      form.textNames.add(name.toLowerCase());
    }
    const kind = type === 'checkbox' || type === 'radio' ? 'check' : 'text';
    const v = validationOf(call, kind);
    const own = new Set(CONTROL_OWN);
    const { attrs, raw } = passThrough(call, own);
    let value = a.value === undefined ? undefined : toStr(a.value);
    let checked = a.checked !== undefined && (toStr(a.checked) === '' || toBool(a.checked));
    const posted = preserved(call, form, name);
    if (posted !== undefined && isSimple(posted)) {
      if (kind === 'check') checked = toStr(posted).split(',').includes(value ?? 'on');
      else if (type !== 'password' && type !== 'file' && type !== 'submit' && type !== 'button' && type !== 'reset' && type !== 'image') value = toStr(posted);
    }
    if (!call.given.has('type')) attrs.unshift(['type', 'text']);
    const out: Array<[string, string]> = [...attrs];
    if (value !== undefined) out.push(['value', value]);
    if (v.maxLength !== undefined) out.push(['maxlength', String(v.maxLength)]);
    if (checked) out.push(['checked', 'checked']);
    const hidden = register(call, form, name, v);
    call.write(`<input${attrText(out)}${raw}>${hidden}`);
    return Signal.Normal;
  },
});

export const textareaTag = defineTag({
  name: 'textarea',
  body: 'optional',
  anyAttrs: true,
  attrs: [{ name: 'name', required: true }, { name: 'passthrough', type: 'any' }],
  run(call) {
    const form = formOf(call, 'textarea');
    const name = toStr(call.attrs.name);
    const v = validationOf(call, 'text');
    const body = call.node.body ? call.capture() : '';
    return andThen(body, (bodyText) => {
      const attrValue = call.attrs.value === undefined ? '' : toStr(call.attrs.value);
      if (bodyText !== '' && attrValue !== '') throw call.error("the value of tag can't be set twice (tag body and attribute value)");
      const posted = preserved(call, form, name);
      const value = posted !== undefined && isSimple(posted) ? toStr(posted) : bodyText || attrValue;
      const { attrs, raw } = passThrough(call, new Set(CONTROL_OWN));
      if (!attrs.some(([k]) => k === 'id')) attrs.push(['id', name.replace(/[^A-Za-z0-9_]/g, '_')]);
      if (v.maxLength !== undefined) attrs.push(['maxlength', String(v.maxLength)]);
      const hidden = register(call, form, name, v);
      call.write(`<textarea${attrText(attrs)}${raw}>${escHtml(value)}</textarea>${hidden}`);
      return Signal.Normal;
    });
  },
});

export const selectTag = defineTag({
  name: 'select',
  body: 'optional',
  anyAttrs: true,
  attrs: [
    { name: 'name', required: true }, { name: 'query', type: 'any' }, { name: 'value' }, { name: 'display' }, { name: 'group' },
    { name: 'selected', type: 'any' }, { name: 'queryposition', values: ['above', 'below'] }, { name: 'casesensitive', type: 'boolean' },
    { name: 'passthrough', type: 'any' },
  ],
  run(call) {
    const form = formOf(call, 'select');
    const a = call.attrs;
    const name = toStr(a.name);
    let query: Query | undefined;
    if (a.query !== undefined) {
      const q = a.query instanceof Query ? a.query : call.ctx.engine.getterFor(toStr(a.query), call.node.loc)(call.ctx);
      if (!(q instanceof Query)) throw call.error(`attribute query of tag cfselect: [${toStr(a.query)}] is not a query`);
      query = q;
      if (a.value === undefined) throw call.error('if you have defined attribute query for tag select, you must also define attribute value');
      for (const col of ['value', 'display', 'group'] as const) {
        if (a[col] !== undefined && !q.hasColumn(toStr(a[col]))) throw call.error(`invalid value for attribute [${col}], there is no column in query with name [${toStr(a[col])}]`);
      }
    }
    const v = validationOf(call, 'select');
    const posted = preserved(call, form, name);
    const selectedRaw = posted !== undefined && isSimple(posted) ? posted : a.selected;
    const selected = selectedRaw === undefined ? [] : Array.isArray(selectedRaw) ? selectedRaw.map(toStr) : toStr(selectedRaw).split(',');
    const caseSensitive = a.casesensitive === true;
    const isSelected = (val: string) => selected.some((s) => (caseSensitive ? s === val : compare(s, val) === 0));
    const own = new Set([...CONTROL_OWN, 'query', 'display', 'group', 'selected', 'queryposition', 'casesensitive', 'editable', 'height', 'width']);
    const { attrs, raw } = passThrough(call, own);
    const body = call.node.body ? call.capture() : '';
    return andThen(body, (bodyText) => {
      let options = '';
      if (query) {
        const valueCol = toStr(a.value);
        const displayCol = a.display === undefined ? valueCol : toStr(a.display);
        const groupCol = a.group === undefined ? undefined : toStr(a.group);
        let currentGroup: string | undefined;
        for (let row = 1; row <= query.recordCount; row++) {
          const val = toStr(query.getCell(valueCol, row));
          const text = toStr(query.getCell(displayCol, row));
          if (groupCol) {
            const g = toStr(query.getCell(groupCol, row));
            if (currentGroup === undefined || compare(currentGroup, g) !== 0) {
              if (currentGroup !== undefined) options += '</optgroup>\n';
              options += `<optgroup label="${escHtml(g)}">\n`;
              currentGroup = g;
            }
          }
          options += `<option${isSelected(val) ? ' selected' : ''} value="${escHtml(val)}">${escHtml(text)}</option>\n`;
        }
        if (groupCol && currentGroup !== undefined) options += '</optgroup>\n';
      }
      const below = a.queryposition === 'below';
      const hidden = register(call, form, name, v);
      call.write(`<select${attrText(attrs)}${raw}>\n${below ? bodyText : ''}${options}${below ? '' : bodyText}</select>${hidden}`);
      return Signal.Normal;
    });
  },
});
