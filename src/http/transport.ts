import fastifyRateLimit from '@fastify/rate-limit';
import fastifyUnderPressure from '@fastify/under-pressure';
import { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Limits, Transport } from '../config';
import { errorBody, HttpRefusal } from './errors';

/**
 * What the HTTP server holds for a client below GraphQL, and when it sheds load. Issue 16: 2,000 idle sockets were
 * all held, nothing limited a client's request rate, and a drowning process kept accepting work.
 *
 *   server options   keep-alive, header and socket timeouts, requests per socket, whose X-Forwarded-For to trust
 *   connections.ts   the cap on open connections (the longest-idle one makes room)
 *   transportGuards  503 while closing; @fastify/under-pressure (event-loop delay, heap, RSS → 503 at once);
 *                    @fastify/rate-limit (opt-in, per client IP)
 * Every refusal is in the API's error shape with Retry-After. Defaults and why: docs/deploy.md, "Transport".
 */

/**
 * A client may send this many requests over one keep-alive connection, then it reconnects (as nginx's default).
 * Counted here (transportGuards), not with Node's own `maxRequestsPerSocket`: Node answers every request past its
 * limit on a connection the client keeps using with a 503, and a load-testing client (autocannon) that wrote its
 * next request before the close arrived got 26,808 503s in 4 s on one socket. The last allowed answer carries
 * `Connection: close`, so Node ends the connection after it and the client opens a new one.
 */
export const MAX_REQUESTS_PER_SOCKET = 1_000;
/** A client must send its whole request (headers and body) within this time (slow-loris). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Seconds a shed client is asked to wait (the rate limit says when its window reopens). */
const PRESSURE_RETRY_AFTER_S = 5;
/** Clients the rate limit remembers at once (an LRU inside @fastify/rate-limit): its memory is bounded too. */
const RATE_LIMIT_CLIENTS = 10_000;

/** Routes an operator needs most when the server is loaded: never shed, never rate-limited. */
export const exempt = (request: FastifyRequest): boolean => {
  const path = request.url.split('?')[0];
  return path === '/health' || path === '/metrics';
};

/** Fastify's server options for the transport. */
export function serverOptions(transport: Transport, limits: Limits) {
  return {
    trustProxy: transport.trustProxy,
    // An idle keep-alive connection is closed after this; a load balancer in front must time out its own first.
    keepAliveTimeout: transport.keepAliveTimeoutMs,
    // A socket with no traffic either way for this long is dropped: a client that stopped reading its answer holds
    // the answer's buffers. Longer than any answer may take (the request deadline), so no answer is cut.
    connectionTimeout: Math.max(60_000, limits.requestDeadlineMs + 5_000),
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, transport.headersTimeoutMs),
    http: {
      // Node answers 408 and closes a connection that has not sent its headers by then, a silent new one included;
      // it checks every connection this often (its default, 30 s, let idle sockets live up to 30 s too long).
      headersTimeout: transport.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, transport.headersTimeoutMs),
    },
    // Fastify's own 503 while closing is not in the API's shape; transportGuards answers instead.
    return503OnClosing: false,
  };
}

export interface PressureReport {
  underPressure: boolean;
  eventLoopDelayMs: number;
  heapUsedBytes: number;
  rssBytes: number;
  limits: { maxEventLoopDelayMs: number; maxHeapBytes: number; maxRssBytes: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** What load shedding sees now (GET /health reports it). */
    pressure(): PressureReport;
  }
}

/** The transport's hooks, on the root instance (fastify-plugin), registered before any route so they all get them. */
export const transportGuards = fp(
  async (app: FastifyInstance, { transport }: { transport: Transport }) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    const requestsOn = new WeakMap<object, number>();
    app.addHook('onRequest', async (request, reply) => {
      const socket = request.raw.socket;
      const count = (requestsOn.get(socket) ?? 0) + 1;
      requestsOn.set(socket, count);
      if (count >= MAX_REQUESTS_PER_SOCKET) reply.header('connection', 'close');
      // Requests still arriving on open keep-alive connections while the server drains.
      if (closing) {
        return reply.code(503).header('connection', 'close').header('retry-after', '2')
          .send(errorBody('The server is shutting down; try again in a moment (another instance may answer).', 'SERVICE_UNAVAILABLE'));
      }
    });

    await app.register(fastifyUnderPressure, {
      maxEventLoopDelay: transport.maxEventLoopDelayMs,
      maxHeapUsedBytes: transport.maxHeapBytes,
      maxRssBytes: transport.maxRssBytes,
      // As the plugin documents: a handler that sends answers the request; one that does not lets it through.
      pressureHandler: (request, reply, type, value) => {
        if (exempt(request)) return;
        void reply.code(503).header('retry-after', String(PRESSURE_RETRY_AFTER_S)).send(errorBody(
          `The server is overloaded (${type} ${Math.round(Number(value ?? 0))} over its limit); try again in ${PRESSURE_RETRY_AFTER_S} seconds.`,
          'SERVICE_UNAVAILABLE', { pressure: type },
        ));
      },
    });
    app.decorate('pressure', function pressure(this: FastifyInstance): PressureReport {
      const usage = app.memoryUsage();
      return {
        underPressure: app.isUnderPressure(),
        eventLoopDelayMs: Math.round(usage.eventLoopDelay * 10) / 10,
        heapUsedBytes: usage.heapUsed,
        rssBytes: usage.rssBytes,
        limits: { maxEventLoopDelayMs: transport.maxEventLoopDelayMs, maxHeapBytes: transport.maxHeapBytes, maxRssBytes: transport.maxRssBytes },
      };
    });

    if (transport.rateLimitPerMinute > 0) {
      await app.register(fastifyRateLimit, {
        global: true,
        max: transport.rateLimitPerMinute,
        timeWindow: 60_000,
        cache: RATE_LIMIT_CLIENTS,
        allowList: (request) => exempt(request),
        errorResponseBuilder: (_request, context) =>
          new HttpRefusal(429, 'RATE_LIMITED',
            `More than ${context.max} requests a minute from your address (PLANGRAPH_RATE_LIMIT); try again in ${context.after}.`,
            { limit: 'rateLimit', max: context.max, retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
      });
    }
  },
  { name: 'plangraph-transport', fastify: '5.x' },
);
