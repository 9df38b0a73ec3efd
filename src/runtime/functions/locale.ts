/**
 * Request locale: setLocale/getLocale (Lucee 7 names such as "en_US"; setLocale also reads
 * "german (swiss)" and "de-CH"), getLocaleDisplayName and getLocaleInfo through Intl.DisplayNames.
 * The locale lives in the render's locals; the default is en_US. The LS functions take theirs
 * from localeFor.
 */
import { expressionError } from '../errors.js';
import { Struct } from '../struct.js';
import type { FnContext, FunctionDef } from './types.js';

const LANGS: Record<string, string> = {
  english: 'en', german: 'de', french: 'fr', spanish: 'es', italian: 'it', dutch: 'nl', portuguese: 'pt', japanese: 'ja',
  chinese: 'zh', korean: 'ko', swedish: 'sv', danish: 'da', norwegian: 'no', finnish: 'fi', polish: 'pl', russian: 'ru', greek: 'el', turkish: 'tr',
};
/** Lucee's country words in locale names ("german (swiss)"), both ways. */
const COUNTRY_WORDS: Record<string, string> = {
  us: 'US', uk: 'GB', swiss: 'CH', austrian: 'AT', belgian: 'BE', canadian: 'CA', australian: 'AU', standard: '', 'new zealand': 'NZ',
};
const STANDARD: Record<string, string> = { de: 'DE', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', pt: 'PT', ja: 'JP', zh: 'CN', ko: 'KR', sv: 'SE', da: 'DK', no: 'NO', fi: 'FI', pl: 'PL', ru: 'RU', el: 'GR', tr: 'TR', en: 'US' };

/** English display names of every two-letter language or region code, lower-case, to the code (built once). */
function namesToCodes(type: 'language' | 'region'): Map<string, string> {
  const dn = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
  const map = new Map<string, string>();
  const A = 65;
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const c = type === 'language' ? code.toLowerCase() : code;
      let name: string | undefined;
      try {
        name = dn.of(c);
      } catch {
        name = undefined;
      }
      if (name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), c);
    }
  }
  return map;
}
let languageCodes: Map<string, string> | undefined;
let regionCodes: Map<string, string> | undefined;

/** "de_CH", "de-CH", "german (swiss)", "German", "English (United States)", "albanian", "english (india)" -> a BCP 47 tag. */
export function resolveLocale(fn: string, name: string): string {
  const l = name.trim();
  const m = /^([a-z ]+?)\s*(?:\(([^)]*)\))?$/i.exec(l);
  const langWord = m?.[1]!.toLowerCase();
  // a language by its English name: Lucee's own words first, then any name ICU knows
  const langCode = langWord === undefined ? undefined : LANGS[langWord] ?? (langWord.length > 3 ? (languageCodes ??= namesToCodes('language')).get(langWord) : undefined);
  if (m && langCode) {
    const lang = langCode;
    const word = (m[2] ?? '').trim().toLowerCase();
    let country = word in COUNTRY_WORDS ? COUNTRY_WORDS[word]! : '';
    // "English (United States)", "english (india)": a country display name
    if (!country && word && word !== 'standard') country = (regionCodes ??= namesToCodes('region')).get(word) ?? '';
    if (!country) country = STANDARD[lang] ?? '';
    return country ? `${lang}-${country}` : lang;
  }
  try {
    const tag = Intl.getCanonicalLocales(l.replace(/_/g, '-'))[0];
    if (tag) return tag;
  } catch {
    /* fall through */
  }
  throw expressionError(`Function [${fn}]: invalid locale [${name}]`);
}

/** Lucee 7 names a locale by its Java form: "en_US", "de_CH", "fr". */
export function luceeName(tag: string): string {
  return tag.replace(/-/g, '_');
}

/** The request's locale as a BCP 47 tag (setLocale; en-US by default). */
export const currentLocale = (ctx: FnContext): string => (ctx.locals.get('locale') as string | undefined) ?? 'en-US';
const current = currentLocale;

/**
 * The locale an LS function works in, as a BCP 47 tag for Intl: its `locale` argument when given
 * (any form resolveLocale reads), else the request's locale. Throws for an unknown locale name.
 */
export function localeFor(ctx: FnContext, fn: string, locale?: string): string {
  return locale !== undefined && locale.trim() !== '' ? resolveLocale(fn, locale) : currentLocale(ctx);
}

function displayName(tag: string, dsp: string): string {
  return new Intl.DisplayNames([dsp], { type: 'language', languageDisplay: 'standard' }).of(tag) ?? tag;
}

const opt = (name: string) => ({ name, type: 'string' as const });

export const localeFunctions: FunctionDef[] = [
  {
    name: 'setLocale',
    params: [{ name: 'locale', type: 'string', required: true }],
    impl: (ctx, name: string) => {
      const old = luceeName(current(ctx));
      ctx.locals.set('locale', resolveLocale('setLocale', name));
      return old;
    },
  },
  { name: 'getLocale', params: [], impl: (ctx) => luceeName(current(ctx)) },
  {
    name: 'getLocaleDisplayName',
    params: [opt('locale'), opt('dspLocale')],
    impl: (ctx, locale?: string, dsp?: string) => {
      const tag = locale ? resolveLocale('getLocaleDisplayName', locale) : current(ctx);
      return displayName(tag, dsp ? resolveLocale('getLocaleDisplayName', dsp) : tag);
    },
  },
  {
    name: 'getLocaleInfo',
    params: [opt('locale'), opt('dspLocale')],
    impl: (ctx, locale?: string, dsp?: string) => {
      const tag = locale ? resolveLocale('getLocaleInfo', locale) : current(ctx);
      const dspTag = dsp ? resolveLocale('getLocaleInfo', dsp) : current(ctx);
      const [lang = '', country = ''] = tag.split('-');
      const region = (t: string) => (country ? new Intl.DisplayNames([t], { type: 'region' }).of(country) ?? country : '');
      const language = (t: string) => new Intl.DisplayNames([t], { type: 'language' }).of(lang) ?? lang;
      const s = new Struct();
      s.set('country', region(tag));
      const display = new Struct();
      display.set('country', region(dspTag));
      display.set('language', language(dspTag));
      s.set('display', display);
      const iso = new Struct();
      iso.set('country', country);
      iso.set('language', lang);
      s.set('iso', iso);
      s.set('language', language(tag));
      s.set('name', displayName(tag, dspTag));
      s.set('variant', '');
      return s;
    },
  },
];
