/** Groups cfdocs example names into function families for the report. */
export const CATEGORIES = [
  'string', 'list', 'array', 'struct', 'query', 'date', 'math', 'decision', 'conversion',
  'json', 'regex', 'encoding', 'files', 'runtime', 'tags', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

const EXACT: Record<string, Category> = {};
function put(cat: Category, names: string): void {
  for (const n of names.trim().split(/\s+/)) EXACT[n.toLowerCase()] = cat;
}

put('string', `compare compareNoCase find findNoCase findOneOf insert lCase lTrim left len mid
  removeChars repeatString replace replaceList replaceListNoCase replaceNoCase reverse right rTrim
  trim uCase ucFirst wrap soundEx metaphone stringLen stringEach stringEvery stringFilter stringMap
  stringReduce stringReduceRight stringSome stringSort echo writeOutput`);
put('query', `valueList valueArray querylazy`);
put('date', `beat clearTimeZone createDate createODBCDate createODBCDateTime createODBCTime
  createTimespan day dayOfWeek dayOfWeekAsString dayOfWeekShortAsString dayOfYear daysInMonth
  daysInYear firstDayOfMonth getHTTPTimeString getNumericDate getTimeZone hour lsParseDateTime lsWeek
  minute month monthAsString monthShortAsString now quarter second setTimeZone timeFormat week year
  isNumericDate getTickCount`);
put('math', `abs acos asin atn ceiling cos exp fix floor int log log10 max min pi precisionEvaluate
  round sgn sin sqr tan decrementValue incrementValue randRange rand formatBaseN inputBaseN`);
put('decision', `isArray isBinary isBoolean isClosure isCustomFunction isDate isDateObject isDefined
  isEmpty isFileObject isIPV6 isImage isImageFile isInstanceOf isJSON isLocalhost isNotMap isNull
  isNumeric isObject isSafeHTML isSimpleValue isStruct isValid isXML isXMLDoc isXMLElem isXMLNode
  isXMLRoot isinthread lsIsNumeric iIf empty`);
put('conversion', `booleanFormat dollarFormat javaCast lsParseCurrency lsParseNumber numberFormat
  parseNumber toNumeric toString trueFalseFormat val yesNoFormat duplicate nullValue`);
put('json', `deserializeJSON serializeJSON serialize`);
put('regex', `reEscape reFind reFindNoCase reMatch reReplace reReplaceNoCase`);
put('encoding', `binaryDecode binaryEncode canonicalize charsetDecode charsetEncode encodeFor
  encrypt generateBCryptHash generatePBKDFKey generateSCryptHash hash hmac htmlEditFormat toBase64
  urlDecode urlEncode urlEncodedFormat verifyBCryptHash verifySCryptHash xmlFormat`);
put('files', `directoryCreate directoryExists fileDelete fileGetMimeType fileSetAttribute
  getDirectoryFromPath getFileFromPath getFileInfo`);
put('runtime', `applicationStop cacheGet cacheGetEngineProperties cacheGetSession componentCacheList
  de evaluate getFunctionList getLocale getLocaleDisplayName getLocaleInfo getVariable invoke
  render runAsync setVariable`);

export function categoryOf(name: string, kind: string): Category {
  const l = name.toLowerCase();
  if (kind === 'tag' || /^cf[a-z]/.test(l)) return 'tags';
  const exact = EXACT[l];
  if (exact) return exact;
  if (l.startsWith('array')) return 'array';
  if (l.startsWith('struct') || l.startsWith('collection') || l === 'each') return 'struct';
  if (l.startsWith('query')) return 'query';
  if (l.startsWith('list')) return 'list';
  if (l.startsWith('date') || l.startsWith('ls') && l.includes('date')) return 'date';
  if (l.startsWith('bit')) return 'math';
  if (l.startsWith('encodefor')) return 'encoding';
  if (l.startsWith('file') || l.startsWith('directory')) return 'files';
  if (l.startsWith('is')) return 'decision';
  return 'other';
}
