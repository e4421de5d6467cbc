import { negotiate } from '@fastify/accept-negotiator';
import { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors';
import { Exports } from './export';
import { Encoding, StaticFile, WebAnswer, webAssets } from './web';

/**
 * The files the server holds in memory — the browser pages' bundles (src/http/web.ts) and the exports
 * (src/http/export.ts) — sent as they are kept: the pre-compressed copy the client accepts (Accept-Encoding, with
 * `Vary`), an ETag, and 304 without a body when the client's copy is current (If-None-Match). These routes are not
 * compressed again by @fastify/compress (`compress: false`): otherwise a client asking only for `deflate` would make
 * the server compress a 1.4 MB bundle on every request.
 */

const OFFERED: (Encoding | 'identity')[] = ['br', 'gzip', 'identity'];
// If-None-Match lists at most this many tags that are looked at; a longer list is an attack, not a cache.
const MAX_TAGS = 32;

/** The ETag of the copy sent: a compressed copy is another representation, so it has its own (strong) tag. */
function etagFor(file: StaticFile, encoding: Encoding | null): string {
  return encoding === null ? file.etag : `${file.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`;
}

/** Whether the client's If-None-Match names this file, in any of its copies (weak comparison, as RFC 9110 asks). */
function notModified(request: FastifyRequest, file: StaticFile): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string' || header === '') return false;
  if (header.trim() === '*') return true;
  const current = new Set([file.etag, etagFor(file, 'br'), etagFor(file, 'gzip')]);
  return header.split(',', MAX_TAGS).some((tag) => current.has(tag.trim().replace(/^W\//, '')));
}

function addVary(reply: FastifyReply, value: string): void {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, ${value}` : value);
}

/** Sends `file` (or 304), as it is kept. */
export function sendStatic(request: FastifyRequest, reply: FastifyReply, file: StaticFile): FastifyReply {
  const offered = OFFERED.filter((e) => e === 'identity' || file.encoded[e] !== undefined);
  const chosen = offered.length > 1 ? negotiate(String(request.headers['accept-encoding'] ?? ''), offered) : null;
  const encoding = chosen === 'br' || chosen === 'gzip' ? chosen : null;
  reply.header('cache-control', file.cache).header('etag', etagFor(file, encoding));
  if (offered.length > 1) addVary(reply, 'accept-encoding');
  if (notModified(request, file)) return reply.code(304).send();
  if (encoding) reply.header('content-encoding', encoding);
  return reply.code(200).type(file.type).send(encoding ? file.encoded[encoding] : file.body);
}

/** A file, or the coded error (404 NOT_FOUND, 503 SERVICE_UNAVAILABLE) that stands for it. */
export function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: WebAnswer): FastifyReply {
  if (answer.status === 200) return sendStatic(request, reply, answer.file);
  const code = answer.status === 404 ? 'NOT_FOUND' : 'SERVICE_UNAVAILABLE';
  return reply.code(answer.status).header('cache-control', 'no-store').send(errorBody(answer.message, code));
}

/** The playground page (GET / and GET /graphql from a browser). */
export function sendPlayground(reply: FastifyReply): FastifyReply {
  return sendAnswer(reply.request, reply, webAssets().playground);
}

const notFound = (pathname: string) => errorBody(`No route GET ${pathname.slice(0, 200)}; the API is at /graphql.`, 'NOT_FOUND');

/** GET /explore…, /playground/…, /favicon.*, /export/…: each path on an allow-list, anything else a coded 404. */
export const staticRoutes: FastifyPluginAsync<{ exports: Exports }> = async (app, { exports }) => {
  const options = { compress: false } as const;
  const pages = async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?')[0];
    const answer = webAssets().file(pathname);
    return answer ? sendAnswer(request, reply, answer) : reply.code(404).send(notFound(pathname));
  };
  for (const url of ['/explore', '/explore/*', '/playground/*', '/favicon.ico', '/favicon.svg']) app.get(url, options, pages);
  app.get('/export', (_request, reply) => reply.redirect('/export/', 301));
  app.get('/export/*', options, async (request, reply) => {
    const pathname = request.url.split('?')[0];
    return sendAnswer(request, reply, await exports.file(pathname));
  });
};
