import { FastifyCorsOptions } from '@fastify/cors';
import { FastifyHelmetOptions } from '@fastify/helmet';
import { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors';

/**
 * Who may call the API from a browser (CORS), and what pages served here may load (CSP).
 *
 * CORS: the API's own origin and any http(s)://localhost / 127.0.0.1 / [::1] port (a frontend in development)
 * always; other origins only when listed in PLANGRAPH_CORS_ORIGINS ("*" for any). Requests without an Origin
 * (curl, scripts, servers) are not browser requests and CORS does not apply to them.
 *
 * CSP: the playground (/graphql, /) and the explorer (/explore) load only scripts, styles, fonts and images served
 * by this process: no CDN, no inline scripts (the playground's start-up code is /playground/playground-<hash>.js).
 * Exceptions, each needed by a feature: inline styles (GraphiQL and React set style attributes), data: and blob:
 * images (the explorer's PNG/SVG export draws to canvases and object URLs), blob: workers (editors that start
 * their language workers from a blob), data: fonts (inlined icon fonts in bundled CSS).
 */

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** Whether a browser on the request's Origin may read the API's answers (a request without Origin is no browser's). */
export function originAllowed(req: FastifyRequest | { headers: FastifyRequest['headers'] }, allowList: string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || allowList.includes('*') || LOCALHOST.test(origin)) return true;
  if (allowList.some((o) => o.toLowerCase() === origin.toLowerCase())) return true;
  // The same origin, decided from the Host header the browser sent.
  try {
    return req.headers.host !== undefined && /^https?:/.test(origin) && new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function corsOptions(allowList: string[]): FastifyCorsOptions {
  return {
    // Per request: the same origin is decided from the Host header the browser sent.
    delegator: (req, callback) => {
      callback(null, {
        origin: originAllowed(req, allowList),
        methods: ['GET', 'POST', 'OPTIONS'],
        allowedHeaders: ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
        exposedHeaders: ['x-request-id', 'retry-after'],
        maxAge: 600,
      });
    },
  };
}

/**
 * Preflights @fastify/cors does not answer as the API would, answered before it (an onRequest hook registered
 * ahead of the plugin): an OPTIONS that is no valid preflight (no Origin, or no Access-Control-Request-Method) is a
 * coded 400 instead of the plugin's plain-text one; a preflight from an origin that may not call the API is 204
 * without any Access-Control-* header — the browser then refuses the call itself — instead of the plugin's 404
 * (which told the world the route does not exist, and was not in the API's error shape either).
 */
export function preflightGuard(allowList: string[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'OPTIONS') return;
    if (!request.headers.origin || !request.headers['access-control-request-method']) {
      return reply.code(400).send(errorBody(
        'Not a CORS preflight: an OPTIONS request must carry Origin and Access-Control-Request-Method. The API takes GET and POST.', 'BAD_REQUEST'));
    }
    if (!originAllowed(request, allowList)) return reply.code(204).header('vary', 'Origin').header('content-length', '0').send();
  };
}

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  // Helmet adds upgrade-insecure-requests by default; on plain http (a LAN address, localhost) it would send
  // the browser to https for every asset and break the pages.
  upgradeInsecureRequests: null,
};

export const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  // Other sites' pages may read the API's answers (CORS decides); CORP would only block no-cors loads.
  crossOriginResourcePolicy: { policy: 'same-site' },
};
