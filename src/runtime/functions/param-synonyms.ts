/**
 * Other names under which Lucee accepts a built-in's named argument: its function library gives
 * many arguments aliases (`listLast(list, delimiter=";")` as well as `delimiters=`,
 * `arrayEach(a, function=f)` as well as `closure=`/`callback=`). Rather than list aliases per
 * function, these are the groups of names that mean the same argument; a named argument that
 * matches no parameter is given to the one parameter of the function whose name is in its group.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['delimiter', 'delimiters', 'delim', 'delimiterlist1', 'delimiter_list1'],
  ['delimiterlist2', 'delimiter_list2'],
  ['includeemptyfields', 'includeemptyvalues'],
  ['closure', 'callback', 'function', 'udf', 'filter'],
  ['struct', 'structure'],
  ['maxthreads', 'maxthreadcount'],
  ['initialvalue', 'initialval', 'initial', 'initalvalue'],
  ['regex', 'reg_expression'],
  ['synchronized', 'issynchronized'],
  ['type', 'typename'],
  ['dimension', 'dimensions'],
  ['millisecond', 'milliseconds', 'millis'],
  ['second', 'seconds'],
  ['minute', 'minutes'],
  ['hour', 'hours'],
  ['day', 'days'],
  ['month', 'months'],
  ['year', 'years'],
  ['sorttype', 'sort_type'],
  ['sortorder', 'sort_order'],
  ['position', 'index'],
  ['path', 'pathtosubelement'],
  ['columnlist', 'columnnames', 'names', 'columns'],
  ['columntypelist', 'columntypes', 'types'],
  ['rowdata', 'data'],
  ['rownumber', 'row'],
  ['replacements', 'replacement'],
  ['length', 'len'],
];

const GROUP_OF = new Map<string, readonly string[]>();
for (const g of GROUPS) for (const n of g) GROUP_OF.set(n, g);

/**
 * The index of the parameter a named argument means when its name is no parameter's name,
 * or -1: the single parameter whose (lower-case) name shares the argument's group.
 */
export function synonymParam(paramNames: readonly string[], lower: string): number {
  const group = GROUP_OF.get(lower);
  if (!group) return -1;
  let found = -1;
  for (let i = 0; i < paramNames.length; i++) {
    if (!group.includes(paramNames[i]!.toLowerCase())) continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}
