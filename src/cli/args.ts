export interface CliArgs {
  file?: string;
  expr?: string;
  url: Record<string, string>;
  form: Record<string, string>;
  vars: Record<string, string>;
  debug: boolean;
  noCache: boolean;
  help: boolean;
  version: boolean;
  serve?: string;
  port?: number;
  host?: string;
  dev: boolean;
  maxBodySize?: number;
  maxSessions?: number;
  /** Site root for the Application.cfc/cfm lookup (default: the current directory). */
  root?: string;
  /** `--workers N|auto`: worker processes of cfml serve. */
  workers?: number | 'auto';
  /** `--health PATH`: answered 200 for load balancers. */
  health?: string;
  /** `--session-store memory|redis://host:port`. */
  sessionStore?: string;
  /** `--imap-max-per-user N`: named IMAP connections per user and process. */
  imapMaxPerUser?: number;
}

const HELP = `Usage:
  cfml FILE.cfm [--url k=v]... [--form k=v]... [--var k=v]... [--debug]
  cfml -e 'TEMPLATE'            render a template given on the command line
  cfml serve DIR [--port N] [--host H] [--dev] [--max-body BYTES] [--max-sessions N]
                 [--workers N|auto] [--session-store memory|redis://HOST:PORT]
                 [--health PATH] [--imap-max-per-user N]
                                serve DIR over HTTP: .cfm pages, static files, sessions
                                (port 8500 and host 127.0.0.1 by default; --dev shows
                                full errors in pages). --workers runs N processes behind
                                one port (auto: one per CPU); --session-store redis://
                                shares sessions between them (and between machines);
                                --health answers 200 on PATH for load balancers;
                                SIGTERM finishes running requests before stopping
  --root DIR                    Application.cfc/cfm are looked up from the page's
                                directory up to DIR (default: the current directory)
  cfml --help | --version

Parsed pages are cached under the temp dir (CFML_CACHE_DIR; --no-cache turns it off).
Prints the page to stdout. On a CFML error, prints file:line:col, the message and a code
frame to stderr and exits with 1 (a JS stack trace only with --debug).`;

export { HELP };

export function parseArgs(argv: string[]): CliArgs {
  const a: CliArgs = { url: {}, form: {}, vars: {}, debug: false, noCache: false, help: false, version: false, dev: false };
  const pair = (s: string | undefined, flag: string): [string, string] => {
    if (s === undefined || !s.includes('=')) throw new Error(`${flag} needs key=value`);
    const i = s.indexOf('=');
    return [s.slice(0, i), s.slice(i + 1)];
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--help' || x === '-h') a.help = true;
    else if (x === '--version' || x === '-v') a.version = true;
    else if (x === '--debug') a.debug = true;
    else if (x === '--no-cache') a.noCache = true;
    else if (x === '-e' || x === '--eval') {
      if (argv[i + 1] === undefined) throw new Error('-e needs a template');
      a.expr = argv[++i];
    } else if (x === '--url' || x === '--form' || x === '--var') {
      const [k, v] = pair(argv[++i], x);
      (x === '--url' ? a.url : x === '--form' ? a.form : a.vars)[k] = v;
    } else if (x === '--port' || x === '--max-body' || x === '--max-sessions') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0 || (x === '--port' && n > 65535)) throw new Error(`${x} needs a number`);
      if (x === '--port') a.port = n;
      else if (x === '--max-body') a.maxBodySize = n;
      else a.maxSessions = n;
    } else if (x === '--workers') {
      const v = argv[++i];
      const n = Number(v);
      if (v === 'auto') a.workers = 'auto';
      else if (Number.isInteger(n) && n >= 1 && n <= 256) a.workers = n;
      else throw new Error('--workers needs a number from 1 to 256 or auto');
    } else if (x === '--imap-max-per-user') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error('--imap-max-per-user needs a number of at least 1');
      a.imapMaxPerUser = n;
    } else if (x === '--health' || x === '--session-store') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new Error(`${x} needs a value`);
      if (x === '--health') {
        if (!v.startsWith('/')) throw new Error('--health needs a path starting with /');
        a.health = v;
      } else a.sessionStore = v;
    } else if (x === '--host' || x === '--root') {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${x} needs a value`);
      if (x === '--host') a.host = v;
      else a.root = v;
    } else if (x === '--dev') a.dev = true;
    else if (x === 'serve' && a.file === undefined && a.serve === undefined) a.serve = argv[++i] ?? '.';
    else if (x.startsWith('-')) throw new Error(`unknown option ${x}`);
    else if (a.file === undefined) a.file = x;
    else throw new Error(`unexpected argument ${x}`);
  }
  return a;
}
