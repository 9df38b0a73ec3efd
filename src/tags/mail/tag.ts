/**
 * `<cfmail>`, `<cfmailparam>` and `<cfmailpart>` (Lucee's Mail tags). The body is output like
 * cfoutput (`#...#` is live). With `query` one mail goes out per row (startRow/maxRows), the
 * attributes evaluated for each row; with `group` one mail per group of rows, and a cfoutput in
 * the body loops over the group's rows. Server settings: the tag's attributes, then
 * Application.cfc's `this.smtpServerSettings`, then `EngineOptions.mail` (see settings.ts).
 * nodemailer loads on the first `<cfmail>` that sends.
 */
import * as nodePath from 'node:path';
import { defineTag, Signal, type Exec, type TagDef } from '../types.js';
import type { Ctx } from '../../runtime/context.js';
import type { Query } from '../../runtime/query.js';
import { CfmlError, ErrorCode, toCfmlError, type SourceLoc } from '../../runtime/errors.js';
import { toBool, toStr } from '../../runtime/cast.js';
import { scrub } from '../../runtime/secrets.js';
import { bool, num, str } from '../attr-values.js';
import { parentList } from '../child-tags.js';
import { groupRanges, groupStack, resolveQuery, type GroupState } from '../core/query-source.js';
import { MailUsageError, priorityOf, validateMail, wrapText, type MailParam, type MailPart, type MailSpec } from './message.js';
import { mergeSettings, settingsFrom, type MailServerSettings } from './settings.js';
import type { MailSender } from './send.js';

type SendModule = typeof import('./send.js');
let loading: Promise<SendModule> | undefined;
const loadSend = () => (loading ??= import('./send.js'));

const PARAMS_KEY = 'mail.params';
const PARTS_KEY = 'mail.parts';
const LOOP_ATTRS: ReadonlySet<string> = new Set(['query', 'group', 'groupcasesensitive', 'startrow', 'maxrows']);

const MAIL_ATTRS = [
  'to', 'cc', 'bcc', 'from', 'replyto', 'subject', 'type', 'charset', 'server', 'port', 'username', 'password', 'usessl', 'usetls',
  'timeout', 'spoolenable', 'query', 'group', 'groupcasesensitive', 'startrow', 'maxrows', 'failto', 'mailerid', 'priority', 'wraptext',
  'mimeattach', 'remove', 'debug', 'async', 'encoding', 'validatecertificate', 'sign', 'encrypt', 'keystore', 'keystorepassword',
  'keyalias', 'keypassword', 'idnaversion', 'proxyserver', 'proxyport', 'proxyuser', 'proxypassword', 'partial', 'listunsubscribe',
];

/** Captures what `run` prints while the child tags of this mail collect into fresh lists. */
async function renderBody(ctx: Ctx, body: Exec): Promise<{ text: string; params: MailParam[]; parts: MailPart[] }> {
  const params: MailParam[] = [];
  const parts: MailPart[] = [];
  const savedOut = ctx.out;
  const savedParams = ctx.locals.get(PARAMS_KEY);
  const savedParts = ctx.locals.get(PARTS_KEY);
  ctx.out = '';
  ctx.outputDepth++;
  ctx.captureDepth++;
  ctx.locals.set(PARAMS_KEY, params);
  ctx.locals.set(PARTS_KEY, parts);
  try {
    await body(ctx);
    return { text: ctx.out, params, parts };
  } finally {
    ctx.out = savedOut;
    ctx.outputDepth--;
    ctx.captureDepth--;
    ctx.locals.set(PARAMS_KEY, savedParams);
    ctx.locals.set(PARTS_KEY, savedParts);
  }
}

/** The mail of one (row of a) cfmail from its evaluated attributes and rendered body. */
function buildMail(a: Record<string, unknown>, rendered: { text: string; params: MailParam[]; parts: MailPart[] }, defaults: MailServerSettings, dir: string): MailSpec {
  const type = (str(a.type) ?? 'text').trim().toLowerCase();
  const isHtml = type === 'html' || type === 'text/html';
  if (!['text', 'plain', 'text/plain', 'html', 'text/html', ''].includes(type)) throw new MailUsageError(`invalid value [${str(a.type)}] for attribute [type], valid values are [text, html]`);
  const wrap = num(a.wraptext);
  const mail: MailSpec = {
    from: str(a.from) || defaults.from || '',
    to: str(a.to) ?? '',
    subject: str(a.subject) ?? '',
    charset: str(a.charset) || 'utf-8',
    headers: [],
    attachments: [],
  };
  for (const [k, key] of [['cc', 'cc'], ['bcc', 'bcc'], ['replyto', 'replyTo'], ['failto', 'failTo'], ['mailerid', 'mailerId']] as const) {
    const v = str(a[k]);
    if (v) mail[key] = v;
  }
  const prio = priorityOf(str(a.priority));
  if (prio) mail.priority = prio;
  const body = rendered.text;
  const wrapped = (s: string, w?: number) => (w && w > 0 ? wrapText(s, w) : s);
  for (const p of rendered.parts) {
    if (p.type === 'html') mail.html = p.content;
    else mail.text = wrapped(p.content, p.wrapText ?? wrap);
  }
  // the tag's own body counts when it is more than the whitespace around the parts
  if (!rendered.parts.length || body.trim() !== '') {
    if (isHtml && mail.html === undefined) mail.html = body;
    else if (!isHtml && mail.text === undefined) mail.text = wrapped(body, wrap);
  }
  for (const p of rendered.params) {
    if (p.name !== undefined && p.file === undefined && p.content === undefined) mail.headers.push({ name: p.name, value: p.value ?? '' });
    else mail.attachments.push(p);
  }
  const mime = str(a.mimeattach);
  if (mime) mail.attachments.push({ file: nodePath.resolve(dir, mime), disposition: 'attachment' });
  validateMail(mail);
  return mail;
}

function usage(e: unknown, loc: SourceLoc): unknown {
  return e instanceof MailUsageError ? new CfmlError(e.message, { type: 'Application', loc, code: ErrorCode.MailUsage }) : e;
}

/**
 * The `<cfmail>` tag for an engine whose defaults are `defaults` (EngineOptions.mail).
 * Errors: type "Application"; a server failure carries errorCode EAUTH, ECONNECTION, ETIMEDOUT,
 * ETLS, EENVELOPE... and never the password.
 */
export function createMailTag(defaults: MailServerSettings = {}): TagDef {
  return defineTag({
    name: 'mail',
    body: 'optional',
    interpolates: true,
    attrs: [...MAIL_ATTRS.map((name) => ({ name })), { name: 'replyto', aliases: ['reply-to'] }].filter((s, i, all) => all.findIndex((x) => x.name === s.name) === i),
    compile(node, c) {
      const attrs = node.attrs.map((a) => ({ name: a.lower === 'reply-to' ? 'replyto' : a.lower, value: c.expr(a.value, { ref: true }) }));
      const body = c.block(node.body);
      const loc = node.loc;
      const evalAttrs = (ctx: Ctx, only?: ReadonlySet<string>): Record<string, unknown> => {
        const out: Record<string, unknown> = {};
        for (const a of attrs) if (!only || only.has(a.name)) out[a.name] = a.value(ctx);
        return out;
      };
      return (ctx) => runMail(ctx, evalAttrs, body, defaults, loc, (n) => c.engine.getterFor(n, loc)(ctx));
    },
  });
}

async function runMail(ctx: Ctx, evalAttrs: (ctx: Ctx, only?: ReadonlySet<string>) => Record<string, unknown>, body: Exec, defaults: MailServerSettings, loc: SourceLoc, get: (name: string) => unknown): Promise<Signal> {
  let sender: MailSender | undefined;
  let secrets: string[] = [];
  const sendOne = async (a: Record<string, unknown>): Promise<void> => {
    const rendered = await renderBody(ctx, body);
    const mail = buildMail(a, rendered, defaults, ctx.template.dir);
    if (!sender) {
      const app = settingsFrom(ctx.applicationSettings.get('smtpServerSettings'));
      const own: MailServerSettings = {};
      if (str(a.server)) own.server = str(a.server)!;
      if (num(a.port)) own.port = num(a.port)!;
      if (str(a.username)) own.username = str(a.username)!;
      if (a.password !== undefined && a.password !== null && a.password !== '') own.password = toStr(a.password);
      if (bool(a.usessl) !== undefined) own.useSSL = bool(a.usessl)!;
      if (bool(a.usetls) !== undefined) own.useTLS = bool(a.usetls)!;
      if (num(a.timeout)) own.timeout = num(a.timeout)!;
      if (bool(a.validatecertificate) !== undefined) own.validateCertificate = bool(a.validatecertificate)!;
      const s = mergeSettings(defaults, app, own);
      secrets = [s.password].filter((x): x is string => !!x);
      // a server of the form host:port (Lucee accepts it)
      const m = /^(.+):(\d+)$/.exec(s.server ?? '');
      if (m && !own.port) {
        s.server = m[1]!;
        s.port = Number(m[2]);
      }
      if (!s.server) {
        throw new MailUsageError('no SMTP server is defined: set the attribute [server], this.smtpServerSettings in Application.cfc, or EngineOptions.mail.server');
      }
      const mod = await loadSend();
      sender = mod.createSender({ ...s, server: s.server });
    }
    await sender.send(mail);
  };
  try {
    // the loop attributes first: the others may name columns of the query (to="#email#")
    const a0 = evalAttrs(ctx, LOOP_ATTRS);
    if (a0.query === undefined || a0.query === '') {
      await sendOne(evalAttrs(ctx));
      return Signal.Normal;
    }
    const q: Query = resolveQuery(ctx, a0.query, get, loc);
    const from = Math.max(1, num(a0.startrow) ?? 1);
    const max = num(a0.maxrows) ?? Infinity;
    const last = Math.min(q.recordCount, max === Infinity ? q.recordCount : from + max - 1);
    const saved = q.currentRow;
    ctx.queries.push(q);
    try {
      const group = str(a0.group);
      if (group) {
        const groups = groupStack(ctx);
        const cs = a0.groupcasesensitive !== undefined && a0.groupcasesensitive !== '' ? toBool(a0.groupcasesensitive) : false;
        for (const [start, end] of groupRanges(q, group, from, last, cs)) {
          const state: GroupState = { query: q, from: start, to: end, active: true };
          groups.push(state);
          q.currentRow = start;
          try {
            await sendOne(evalAttrs(ctx));
          } finally {
            groups.pop();
          }
        }
      } else {
        for (let row = from; row <= last; row++) {
          q.currentRow = row;
          await sendOne(evalAttrs(ctx));
        }
      }
    } finally {
      ctx.queries.pop();
      q.currentRow = saved;
    }
    return Signal.Normal;
  } catch (e) {
    const mod = loading ? await loading : undefined;
    if (mod && e instanceof mod.MailSendError) {
      throw new CfmlError(e.message, { type: 'Application', errorCode: e.errorCode, detail: e.detail, loc, code: ErrorCode.Mail });
    }
    if (e instanceof CfmlError) {
      e.message = scrub(e.message, secrets);
      e.detail = scrub(e.detail, secrets);
    }
    throw toCfmlError(usage(e, loc), loc);
  } finally {
    sender?.close();
  }
}

/** `<cfmailparam>`: a header (`name`/`value`) or an attachment (`file` or `content`), inside `<cfmail>` at any depth. */
export const mailParamTag = defineTag({
  name: 'mailparam',
  attrs: [
    { name: 'name' }, { name: 'value' }, { name: 'file' }, { name: 'content' }, { name: 'disposition', values: ['attachment', 'inline'] },
    { name: 'contentid' }, { name: 'type' }, { name: 'remove' }, { name: 'filename' },
  ],
  run(call) {
    const list = parentList<MailParam>(call, PARAMS_KEY, 'mail');
    const a = call.attrs;
    const p: MailParam = {};
    const name = str(a.name);
    const file = str(a.file);
    if (!name && !file && a.content === undefined) throw call.error('<cfmailparam> needs the attribute [name] (a header) or [file] / [content] (an attachment)');
    if (file) {
      p.file = nodePath.resolve(call.ctx.template.dir, file);
      if (name) p.fileName = name;
    } else if (a.content !== undefined) {
      p.content = a.content instanceof Uint8Array ? Buffer.from(a.content) : toStr(a.content);
      p.fileName = str(a.filename) || name || 'attachment';
    } else {
      p.name = name;
      p.value = str(a.value) ?? '';
    }
    if (str(a.filename)) p.fileName = str(a.filename);
    const disp = str(a.disposition);
    if (disp) p.disposition = disp.toLowerCase() as 'attachment' | 'inline';
    if (str(a.contentid)) p.contentID = str(a.contentid);
    if (str(a.type)) p.type = str(a.type);
    if (bool(a.remove)) p.remove = true;
    list.push(p);
    return Signal.Normal;
  },
});

/** `<cfmailpart type="text|html">`: one part of a multipart/alternative mail. */
export const mailPartTag = defineTag({
  name: 'mailpart',
  body: 'required',
  interpolates: true,
  attrs: [{ name: 'type', required: true }, { name: 'charset' }, { name: 'wraptext' }],
  async run(call) {
    const list = parentList<MailPart>(call, PARTS_KEY, 'mail');
    const t = toStr(call.attrs.type).trim().toLowerCase();
    const type = t === 'html' || t === 'text/html' ? 'html' : t === 'text' || t === 'plain' || t === 'text/plain' ? 'text' : undefined;
    if (!type) throw call.error(`invalid value [${t}] for attribute [type] of <cfmailpart>, valid values are [text, html]`);
    const part: MailPart = { type, content: await call.capture() };
    const w = num(call.attrs.wraptext);
    if (w) part.wrapText = w;
    list.push(part);
    return Signal.Normal;
  },
});
