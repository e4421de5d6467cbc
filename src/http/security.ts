import { FastifyCorsOptions } from '@fastify/cors';
import { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Who may call the API from a browser (CORS), and what pages served here may load (CSP).
 *
 * CORS: the API's own origin and any http(s)://localhost / 127.0.0.1 / [::1] port (a frontend in development)
 * always; other origins only when listed in PLANGRAPH_CORS_ORIGINS ("*" for any). Requests without an Origin
 * (curl, scripts, servers) are not browser requests and CORS does not apply to them.
 *
 * CSP: the playground (/graphql, /) and the explorer (/explore) load only scripts, styles, fonts and images served
 * by this process: no CDN, no inline scripts (the playground's start-up code is /playground/playground.js).
 * Exceptions, each needed by a feature: inline styles (GraphiQL and React set style attributes), data: and blob:
 * images (the explorer's PNG/SVG export draws to canvases and object URLs), blob: workers (editors that start
 * their language workers from a blob), data: fonts (inlined icon fonts in bundled CSS).
 */

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

export function corsOptions(allowList: string[]): FastifyCorsOptions {
  const any = allowList.includes('*');
  const listed = new Set(allowList.map((o) => o.toLowerCase()));
  return {
    // Per request: the same origin is decided from the Host header the browser sent.
    delegator: (req, callback) => {
      const origin = req.headers.origin;
      const allowed =
        origin === undefined ||
        any ||
        LOCALHOST.test(origin) ||
        listed.has(origin.toLowerCase()) ||
        (req.headers.host !== undefined && new URL(origin, 'http://invalid').host === req.headers.host && /^https?:/.test(origin));
      callback(null, {
        origin: allowed,
        methods: ['GET', 'POST', 'OPTIONS'],
        allowedHeaders: ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
        exposedHeaders: ['x-request-id', 'retry-after'],
        maxAge: 600,
      });
    },
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
