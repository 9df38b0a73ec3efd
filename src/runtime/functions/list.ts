/**
 * List functions. A list is a string; `delimiters` is a set of characters; empty items are skipped
 * unless includeEmptyFields; functions that add items use the first delimiter character.
 * The closure-taking ones (listEach, listMap...) live in list-iteration.ts.
 */
import { expressionError } from '../errors.js';
import { isNumericString, toNum } from '../cast.js';
import type { FunctionDef, MemberSpec, ParamSpec } from './types.js';
import { delimitersOrComma, joinDelimiter, listItems, listRemoveEmpty, splitList, trimList, type ListItem } from './list-util.js';
import { listIterationFunctions } from './list-iteration.js';

const str = (name: string, required = true, def?: string): ParamSpec => ({ name, type: 'string', required, default: def });
const num = (name: string, required = true, def?: number): ParamSpec => ({ name, type: 'numeric', required, default: def });
const bool = (name: string, def = false): ParamSpec => ({ name, type: 'boolean', default: def });
const delims = (name = 'delimiters'): ParamSpec => str(name, false, ',');
const member = (name: string): MemberSpec[] => [{ type: 'string', name }];

function indexError(fn: string, pos: number, count: number): Error {
  return expressionError(
    count === 0
      ? `Invalid list index [${pos}] in function [${fn}], the list is empty`
      : `Invalid list index [${pos}] in function [${fn}], indexes go from 1 to ${count}`,
  );
}

/** 1-based position to the item, or a Lucee-like error. */
function itemAt(fn: string, items: ListItem[], pos: number): ListItem {
  const p = Math.trunc(pos);
  if (p < 1 || p > items.length) throw indexError(fn, p, items.length);
  return items[p - 1]!;
}

function find(list: string, value: string, delimiters: string, includeEmpty: boolean, noCase: boolean): number {
  // Lucee skips empty items by walking the delimiters (an empty delimiter: the list is one item);
  // with includeEmpty it searches the list-to-array split (an empty delimiter: the characters)
  const items = includeEmpty || delimiters !== '' ? splitList(list, delimiters, { includeEmpty }) : list === '' ? [] : [list];
  if (noCase) {
    const v = value.toLowerCase();
    return items.findIndex((i) => i.toLowerCase() === v) + 1;
  }
  return items.indexOf(value) + 1;
}

function contains(list: string, sub: string, delimiters: string, includeEmpty: boolean, multiChar: boolean, noCase: boolean): number {
  if (sub === '') return 0;
  const items = splitList(list, delimiters, { includeEmpty, multiChar });
  const s = noCase ? sub.toLowerCase() : sub;
  return items.findIndex((i) => (noCase ? i.toLowerCase() : i).includes(s)) + 1;
}

/** listFirst/listLast with a count: the first (or last) `count` items joined by the delimiters found between them. */
function firstItems(list: string, items: ListItem[], count: number): string {
  const n = Math.min(count, items.length);
  let out = '';
  for (let i = 0; i < n; i++) {
    if (i > 0) out += list[items[i]!.start - 1];
    out += items[i]!.value;
  }
  return out;
}

function lastItems(list: string, items: ListItem[], count: number): string {
  const from = items.length - Math.min(count, items.length);
  let out = items[from]!.value;
  for (let i = from + 1; i < items.length; i++) out += list[items[i]!.start - 1] + items[i]!.value;
  return out;
}

function sortItems(fn: string, items: string[], sortType: string, sortOrder: string): string[] {
  const type = sortType.toLowerCase();
  const order = sortOrder.toLowerCase();
  if (order !== 'asc' && order !== 'desc') {
    throw expressionError(`Invalid sort order [${sortOrder}] for function [${fn}], valid values are [asc, desc]`);
  }
  let cmp: (a: string, b: string) => number;
  if (type === 'numeric') {
    const nums = new Map<string, number>();
    for (const i of items) {
      if (!isNumericString(i)) throw expressionError(`Can't sort list with function [${fn}] numerically, the item [${i}] is not numeric`);
      nums.set(i, toNum(i));
    }
    cmp = (a, b) => nums.get(a)! - nums.get(b)!;
  } else if (type === 'text' || type === 'aabzabz' || type === 'zbazbaa') {
    cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  } else if (type === 'textnocase' || type === 'aaabbbzzz' || type === 'zzzbbbaaa') {
    cmp = (a, b) => {
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    };
  } else {
    throw expressionError(`Invalid sort type [${sortType}] for function [${fn}], valid values are [numeric, text, textnocase]`);
  }
  const sorted = items.slice().sort(cmp);
  return order === 'desc' ? sorted.reverse() : sorted;
}

const valueCount = (list: string, value: string, delimiters: string, includeEmpty: boolean, noCase: boolean): number => {
  const v = noCase ? value.toLowerCase() : value;
  return splitList(list, delimiters, { includeEmpty }).filter((i) => (noCase ? i.toLowerCase() : i) === v).length;
};

const baseListFunctions: FunctionDef[] = [
  {
    name: 'listLen',
    params: [str('list'), delims(), bool('includeEmptyValues')],
    members: member('listLen'),
    // with empty fields counted, the empty list is one empty field (Lucee's ListUtil.len; listToArray gives [] there)
    impl: (_c, list: string, d: string, inc: boolean) => (inc && list === '' ? 1 : listItems(list, d, { includeEmpty: inc }).length),
  },
  {
    name: 'listGetAt',
    params: [str('list'), num('position'), str('delimiter', false, ','), bool('includeEmptyValues')],
    members: member('listGetAt'),
    impl: (_c, list: string, pos: number, d: string, inc: boolean) => itemAt('listGetAt', listItems(list, d, { includeEmpty: inc }), pos).value,
  },
  {
    name: 'listFirst',
    params: [str('list'), delims(), bool('includeEmptyFields'), num('count', false, 1)],
    members: member('listFirst'),
    impl: (_c, list: string, d: string, inc: boolean, count: number) => {
      if (count < 1) throw expressionError(`Argument [count] of function [listFirst] must be a positive number, now [${count}]`);
      const items = listItems(list, delimitersOrComma(d), { includeEmpty: inc });
      return items.length ? firstItems(list, items, Math.trunc(count)) : '';
    },
  },
  {
    name: 'listLast',
    params: [str('list'), delims(), bool('includeEmptyValues'), num('count', false, 1)],
    members: member('listLast'),
    impl: (_c, list: string, d: string, inc: boolean, count: number) => {
      if (count < 1) throw expressionError(`Argument [count] of function [listLast] must be a positive number, now [${count}]`);
      const items = listItems(list, delimitersOrComma(d), { includeEmpty: inc });
      return items.length ? lastItems(list, items, Math.trunc(count)) : '';
    },
  },
  {
    name: 'listRest',
    params: [str('list'), delims(), bool('includeEmptyFields'), num('offset', false, 1)],
    members: member('listRest'),
    impl: (_c, list: string, d: string, inc: boolean, offset: number) => {
      if (offset < 1) throw expressionError(`Argument [offset] of function [listRest] must be a positive number, now [${offset}]`);
      const items = listItems(list, delimitersOrComma(d), { includeEmpty: inc });
      const next = items[Math.trunc(offset)];
      return next ? list.slice(next.start) : '';
    },
  },
  {
    name: 'listFind',
    params: [str('list'), str('value'), delims(), bool('includeEmptyValues')],
    members: member('listFind'),
    impl: (_c, list: string, v: string, d: string, inc: boolean) => find(list, v, d, inc, false),
  },
  {
    name: 'listFindNoCase',
    params: [str('list'), str('value'), delims(), bool('includeEmptyFields')],
    members: member('listFindNoCase'),
    impl: (_c, list: string, v: string, d: string, inc: boolean) => find(list, v, d, inc, true),
  },
  {
    name: 'listContains',
    params: [str('list'), str('substring'), delims(), bool('includeEmptyFields'), bool('multiCharacterDelimiter')],
    members: member('listContains'),
    impl: (_c, list: string, v: string, d: string, inc: boolean, multi: boolean) => contains(list, v, d, inc, multi, false),
  },
  {
    name: 'listContainsNoCase',
    params: [str('list'), str('substring'), delims(), bool('includeEmptyFields'), bool('multiCharacterDelimiter')],
    members: member('listContainsNoCase'),
    impl: (_c, list: string, v: string, d: string, inc: boolean, multi: boolean) => contains(list, v, d, inc, multi, true),
  },
  {
    name: 'listAppend',
    params: [str('list'), str('value'), delims(), bool('includeEmptyFields', true)],
    members: member('listAppend'),
    impl: (_c, list: string, value: string, d: string, inc: boolean) => {
      if (d === '') return list;
      if (!inc) {
        list = listRemoveEmpty(list, d[0]);
        value = listRemoveEmpty(value, d[0]);
      }
      if (list === '') return value;
      return list + d[0] + value;
    },
  },
  {
    name: 'listPrepend',
    params: [str('list'), str('value'), delims(), bool('includeEmptyFields', true)],
    members: member('listPrepend'),
    impl: (_c, list: string, value: string, d: string, inc: boolean) => {
      if (d === '') return value;
      if (!inc) {
        list = listRemoveEmpty(list, d[0]);
        value = listRemoveEmpty(value, d[0]);
      }
      if (list === '') return value;
      return value + d[0] + list;
    },
  },
  {
    name: 'listSetAt',
    params: [str('list'), num('position'), str('value'), delims(), bool('includeEmptyFields')],
    members: member('listSetAt'),
    impl: (_c, list: string, pos: number, value: string, d: string, inc: boolean) => {
      const it = itemAt('listSetAt', listItems(list, d, { includeEmpty: inc }), pos);
      return list.slice(0, it.start) + value + list.slice(it.end);
    },
  },
  {
    name: 'listDeleteAt',
    params: [str('list'), num('position'), delims(), bool('includeEmptyFields')],
    members: member('listDeleteAt'),
    impl: (_c, list: string, pos: number, d: string, inc: boolean) => {
      const items = listItems(list, d, { includeEmpty: inc });
      const it = itemAt('listDeleteAt', items, pos);
      const i = Math.trunc(pos) - 1;
      // Take the item with the delimiters after it; the last item takes the delimiters before it.
      if (i + 1 < items.length) return list.slice(0, it.start) + list.slice(items[i + 1]!.start);
      if (i > 0) return list.slice(0, items[i - 1]!.end) + list.slice(it.end);
      return list.slice(0, it.start) + list.slice(it.end);
    },
  },
  {
    name: 'listInsertAt',
    params: [str('list'), num('position'), str('value'), delims(), bool('includeEmptyFields')],
    members: member('listInsertAt'),
    impl: (_c, list: string, pos: number, value: string, d: string, inc: boolean) => {
      const it = itemAt('listInsertAt', listItems(list, d, { includeEmpty: inc }), pos);
      return list.slice(0, it.start) + value + joinDelimiter(d) + list.slice(it.start);
    },
  },
  {
    name: 'listSort',
    params: [str('list'), str('sortType', false, 'textnocase'), str('sortOrder', false, 'asc'), delims(), bool('includeEmptyFields')],
    members: member('listSort'),
    impl: (_c, list: string, type: string, order: string, d: string, inc: boolean) =>
      sortItems('listSort', splitList(list, d, { includeEmpty: inc }), type, order).join(joinDelimiter(d)),
  },
  {
    name: 'listToArray',
    params: [str('list'), delims(), bool('includeEmptyFields'), bool('multiCharacterDelimiter')],
    members: member('listToArray'),
    // an empty list with includeEmptyFields is one empty item (Lucee's ListToArray)
    impl: (_c, list: string, d: string, inc: boolean, multi: boolean) => (list === '' && inc ? [''] : splitList(list, d, { includeEmpty: inc, multiChar: multi })),
  },
  {
    name: 'listChangeDelims',
    params: [str('list'), str('new_delimiter'), delims(), bool('includeEmptyValues'), bool('multiCharacterDelimiter')],
    members: member('listChangeDelims'),
    impl: (_c, list: string, nd: string, d: string, inc: boolean, multi: boolean) =>
      splitList(list, d, { includeEmpty: inc, multiChar: multi }).join(nd),
  },
  {
    name: 'listQualify',
    params: [str('list'), str('qualifier'), delims(), str('elements', false, 'all'), bool('includeEmptyFields')],
    members: member('listQualify'),
    impl: (_c, list: string, q: string, d: string, elements: string, inc: boolean) => {
      const e = elements.toLowerCase();
      if (e !== 'all' && e !== 'char') throw expressionError(`Invalid value [${elements}] for argument [elements] of function [listQualify], valid values are [all, char]`);
      return splitList(list, d, { includeEmpty: inc })
        .map((i) => (e === 'char' && isNumericString(i) ? i : q + i + q))
        .join(joinDelimiter(d));
    },
  },
  {
    name: 'listValueCount',
    params: [str('list'), str('value'), delims(), bool('includeEmptyFields')],
    members: member('listValueCount'),
    impl: (_c, list: string, v: string, d: string, inc: boolean) => valueCount(list, v, d, inc, false),
  },
  {
    name: 'listValueCountNoCase',
    params: [str('list'), str('value'), delims(), bool('includeEmptyFields')],
    members: member('listValueCountNoCase'),
    impl: (_c, list: string, v: string, d: string, inc: boolean) => valueCount(list, v, d, inc, true),
  },
  {
    name: 'listRemoveDuplicates',
    params: [str('list'), str('delimiter', false, ','), bool('ignoreCase')],
    members: member('listRemoveDuplicates'),
    impl: (_c, list: string, d: string, ignoreCase: boolean) => {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const i of splitList(list, d)) {
        const k = ignoreCase ? i.toLowerCase() : i;
        if (!seen.has(k)) {
          seen.add(k);
          out.push(i);
        }
      }
      return out.join(joinDelimiter(d));
    },
  },
  {
    name: 'listCompact',
    params: [str('list'), delims(), bool('multiCharacterDelimiter')],
    members: member('listCompact'),
    impl: (_c, list: string, d: string, multi: boolean) => trimList(list, d, multi),
  },
  {
    name: 'listTrim',
    params: [str('list'), delims()],
    impl: (_c, list: string, d: string) => trimList(list, d),
  },
  {
    name: 'listItemTrim',
    params: [str('list'), delims(), bool('includeEmptyFields')],
    members: member('listItemTrim'),
    impl: (_c, list: string, d: string, inc: boolean) =>
      splitList(list, d, { includeEmpty: inc })
        .map((i) => i.trim())
        .join(joinDelimiter(d)),
  },
  {
    name: 'listIndexExists',
    params: [str('list'), num('index'), str('delimiter', false, ','), bool('includeEmptyFields')],
    members: member('listIndexExists'),
    impl: (_c, list: string, index: number, d: string, inc: boolean) => {
      const n = splitList(list, d, { includeEmpty: inc }).length;
      return Number.isInteger(index) && index >= 1 && index <= n;
    },
  },
  {
    name: 'listAvg',
    params: [str('list'), delims(), bool('multiCharacterDelimiter')],
    members: member('listAvg'),
    impl: (_c, list: string, d: string, multi: boolean) => {
      const items = splitList(list, d, { multiChar: multi });
      if (!items.length) return 0;
      let sum = 0;
      for (const i of items) {
        if (!isNumericString(i)) throw expressionError(`Can't compute the average of the list in function [listAvg], the item [${i}] is not numeric`);
        sum += toNum(i);
      }
      return sum / items.length;
    },
  },
];

export const listFunctions: FunctionDef[] = [...baseListFunctions, ...listIterationFunctions];
