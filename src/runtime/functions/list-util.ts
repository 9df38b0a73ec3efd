/**
 * CFML list helpers shared by the list functions, other families (replaceList, valueList...) and
 * the IMAP tag. A CFML list is a plain string; `delimiters` is a SET of characters (each one
 * separates items) unless `multiCharacterDelimiter` asks for the whole string as one separator.
 * Empty items are skipped unless `includeEmpty` is set. An empty delimiter: see splitList.
 */

export interface ListItem {
  value: string;
  /** Offsets of the item inside the list string (end is exclusive). */
  start: number;
  end: number;
}

export interface ListOptions {
  includeEmpty?: boolean;
  multiChar?: boolean;
}

/** Items of a list with their offsets, so edits can keep the other delimiters as they were. */
export function listItems(list: string, delimiters = ',', opts: ListOptions = {}): ListItem[] {
  const out: ListItem[] = [];
  const includeEmpty = opts.includeEmpty ?? false;
  if (list.length === 0) return out;
  if (delimiters.length === 0) return [{ value: list, start: 0, end: list.length }];
  const push = (start: number, end: number) => {
    if (includeEmpty || end > start) out.push({ value: list.slice(start, end), start, end });
  };
  let last = 0;
  if (opts.multiChar && delimiters.length > 1) {
    let i = list.indexOf(delimiters);
    while (i >= 0) {
      push(last, i);
      last = i + delimiters.length;
      i = list.indexOf(delimiters, last);
    }
    push(last, list.length);
    return out;
  }
  if (delimiters.length === 1) {
    const d = delimiters;
    for (let i = 0; i < list.length; i++) {
      if (list[i] === d) {
        push(last, i);
        last = i + 1;
      }
    }
  } else {
    for (let i = 0; i < list.length; i++) {
      if (delimiters.includes(list[i]!)) {
        push(last, i);
        last = i + 1;
      }
    }
  }
  push(last, list.length);
  return out;
}

/**
 * The item strings of a list, as Lucee's list-to-array split (listToArray, listContains, listSort,
 * listQualify, listValueCount, listEach/listMap... all go through it). An EMPTY delimiter splits the
 * list into its characters; with includeEmpty an empty item stands at each end, as Lucee (for ACF
 * compatibility) does: listToArray("ab", "", true) is ["", "a", "b", ""].
 */
export function splitList(list: string, delimiters = ',', opts: ListOptions = {}): string[] {
  if (list.length === 0) return [];
  if (delimiters.length === 0) {
    const chars = Array.from(list);
    return opts.includeEmpty ? ['', ...chars, ''] : chars;
  }
  return listItems(list, delimiters, opts).map((i) => i.value);
}

/**
 * listFirst/listLast/listRest read an empty delimiter as the default comma (Lucee's ListUtil.first,
 * last and rest); the positional functions (listLen, listGetAt...) take the whole string as one item.
 */
export const delimitersOrComma = (delimiters: string): string => (delimiters.length === 0 ? ',' : delimiters);

/** The separator used when a function adds or joins items: the first delimiter character (or the whole string for multi-character delimiters). */
export function joinDelimiter(delimiters: string, multiChar = false): string {
  if (multiChar) return delimiters;
  return delimiters.length ? delimiters[0]! : '';
}

export function joinList(items: readonly unknown[], delimiters = ',', multiChar = false): string {
  return items.map((v) => (typeof v === 'string' ? v : String(v))).join(joinDelimiter(delimiters, multiChar));
}

/** Removes empty items (runs of delimiters, leading and trailing ones), keeping the first delimiter of each run. */
export function listRemoveEmpty(list: string, delimiters = ','): string {
  const items = listItems(list, delimiters);
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += list[items[i - 1]!.end];
    out += items[i]!.value;
  }
  return out;
}

/** Strips delimiters at the start and the end of a list (listCompact / listTrim). */
export function trimList(list: string, delimiters = ',', multiChar = false): string {
  if (!list || !delimiters) return list;
  if (multiChar && delimiters.length > 1) {
    let s = list;
    while (s.startsWith(delimiters)) s = s.slice(delimiters.length);
    while (s.length && s.endsWith(delimiters)) s = s.slice(0, s.length - delimiters.length);
    return s;
  }
  let from = 0;
  let to = list.length;
  while (from < to && delimiters.includes(list[from]!)) from++;
  while (to > from && delimiters.includes(list[to - 1]!)) to--;
  return list.slice(from, to);
}

export function listLength(list: string, delimiters = ',', opts: ListOptions = {}): number {
  return listItems(list, delimiters, opts).length;
}
