/**
 * getHttpRequestData(includeBody=true), as Lucee's: a struct of `content` (the request body as
 * text; left out when includeBody is false), `headers` (a struct of the request headers),
 * `method` and `protocol`. Outside an HTTP request (the CLI, renderString) it describes an empty
 * GET request, with the method and protocol of the cgi scope when given.
 */
import type { FunctionDef } from './types.js';
import { toStr } from '../cast.js';
import { Struct } from '../struct.js';

export const httpRequestDataFunctions: FunctionDef[] = [
  {
    name: 'getHttpRequestData',
    params: [{ name: 'includeBody', type: 'boolean', default: true }],
    impl: (ctx, includeBody: boolean) => {
      const req = ctx.ctx?.httpRequest;
      const cgi = ctx.ctx?.cgi;
      const s = new Struct();
      if (includeBody) s.set('content', req?.content ?? '');
      s.set('headers', Struct.from(req?.headers ?? {}));
      s.set('method', req?.method ?? (toStr(cgi?.get('request_method') ?? '') || 'GET'));
      s.set('protocol', req?.protocol ?? (toStr(cgi?.get('server_protocol') ?? '') || 'HTTP/1.1'));
      return s;
    },
  },
];
