/**
 * How the Lucee test runner counts a test that did not pass: a failure of ours, a function or
 * member function the engine does not have ("missing"), or a skip because the test needs what
 * this runner does not offer (Java objects, a database, the network, a Lucee extension).
 */

/** What a spec reported for one test (see LuceeTestCase.cfc's $report). */
export interface RawResult {
  suite: string;
  name: string;
  status: 'pass' | 'fail' | 'skip';
  reason?: string;
  type?: string;
  message?: string;
  detail?: string;
  line?: number;
  template?: string;
}

/** The counted outcome of one test. */
export interface TestOutcome {
  suite: string;
  name: string;
  status: 'pass' | 'fail' | 'skip' | 'missing';
  /** Skip reason, failure message, or the missing function ("arrayFoo", "string.foo", "tag cfzip"). */
  reason?: string;
  line?: number;
}

/**
 * Labels of Lucee's suites and specs that name a service or an extension we do not run, with the
 * reason printed for the skip.
 */
export const SKIP_LABELS: Record<string, string> = {
  mysql: 'needs a MySQL database',
  mssql: 'needs an MSSQL database',
  postgres: 'needs a PostgreSQL database',
  oracle: 'needs an Oracle database',
  h2: 'needs the H2 database',
  hsqldb: 'needs the HSQLDB database',
  datasource: 'needs a database',
  orm: 'needs ORM (Hibernate)',
  mongodb: 'needs MongoDB',
  redis: 'needs Redis',
  memcached: 'needs Memcached',
  s3: 'needs S3 (network)',
  http: 'needs the network (HTTP)',
  ftp: 'needs an FTP server',
  sftp: 'needs an SFTP server',
  mail: 'needs a mail server',
  smtp: 'needs a mail server',
  imap: 'needs an IMAP server',
  pop: 'needs a POP3 server',
  ldap: 'needs an LDAP server',
  internalRequest: 'needs Lucee\'s internal HTTP requests',
  pdf: 'needs the PDF extension',
  image: 'needs the image extension',
  esapi: 'needs the ESAPI extension',
  argon2: 'needs the Argon2 extension',
  ehCache: 'needs the EHCache extension',
  extensions: 'needs Lucee extensions',
  markdown: 'needs the Markdown extension',
  java: 'needs Java',
};

/**
 * Functions and tags that are not in Lucee's core either (an extension provides them) or that
 * need what this runner does not offer: a test stopped by one is skipped with the reason.
 */
export const OUTSIDE_CORE: [RegExp, string][] = [
  [/^function (image\w*|isimage\w*)$/, 'needs the image extension'],
  [/^function _internalrequest$/, "needs Lucee's internal HTTP requests"],
  [/^(tag cfadmin|function configtranslate)$/, 'needs the Lucee administrator'],
  [/^function getpagecontext$/, 'needs Java (the PageContext)'],
  [/^tag cf(ftp|ldap|pop|imap|mail|http|feed|ssh)$/, 'needs the network'],
  [/^tag cf(chart|pdf|document|image|spreadsheet)$/, 'needs a Lucee extension'],
];

/**
 * Classifies a reported result. `specSource` is the spec file's text: a "No matching function"
 * for a name the spec defines itself is a failure, not a missing built-in.
 */
export function classify(r: RawResult, specSource: string): TestOutcome {
  const base = { suite: r.suite, name: r.name, line: r.line || undefined };
  if (r.status === 'pass') return { ...base, status: 'pass' };
  if (r.status === 'skip') return { ...base, status: 'skip', reason: r.reason ?? 'skipped' };
  const message = r.message ?? '';
  const skip = skipReasonOf(r.type ?? '', message + ' ' + (r.detail ?? ''));
  if (skip) return { ...base, status: 'skip', reason: skip };
  const missing = missingOf(message, specSource);
  const outside = missing && OUTSIDE_CORE.find(([re]) => re.test(missing))?.[1];
  if (outside) return { ...base, status: 'skip', reason: `${outside} (${missing})` };
  if (missing) return { ...base, status: 'missing', reason: missing };
  return { ...base, status: 'fail', reason: (r.type && r.type !== 'TestBox.AssertionFailed' ? `[${r.type}] ` : '') + message };
}

/** The skip reason for an error that shows a need we do not serve, else undefined. */
export function skipReasonOf(type: string, text: string): string | undefined {
  if (/Java objects are not available|can't create Java object|java\.(lang|util|io|nio|net|sql|time|math|security|text)\.\w+/i.test(text)) return 'needs Java';
  if (/variable \[java\] doesn't exist in scope \[server\]/i.test(text)) return 'needs Java (server.java)';
  if (/^database$/i.test(type) || /\bdatasource\b/i.test(text)) return 'needs a database';
  if (/\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|getaddrinfo)\b/.test(text)) return 'needs the network';
  return undefined;
}

/** The missing function, member function or tag an error names, else undefined. */
export function missingOf(message: string, specSource: string): string | undefined {
  let m = /No matching function \[CF(\w+)\] found/i.exec(message);
  if (m && !/function\s+cf/i.test(specSource)) return `tag cf${m[1]!.toLowerCase()}`;
  m = /No matching function \[([\w$]+)\] found/i.exec(message);
  if (m) {
    const name = m[1]!;
    const defined = new RegExp(`function\\s+${name.replace(/\$/g, '\\$')}\\s*\\(|\\b${name.replace(/\$/g, '\\$')}\\s*=\\s*(function|\\()`, 'i');
    return defined.test(specSource) ? undefined : `function ${name.toLowerCase()}`;
  }
  m = /No matching member function \[([\w$]+)\] found for an? (\w+)/i.exec(message);
  if (m) return `member ${m[2]!.toLowerCase()}.${m[1]!.toLowerCase()}`;
  m = /Unknown tag \[?<?cf([\w:]+)/i.exec(message);
  if (m) return `tag cf${m[1]!.toLowerCase()}`;
  return undefined;
}
