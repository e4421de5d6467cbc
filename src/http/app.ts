import { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { FastifyError, FastifyReply, FastifyRequest, LogController } from 'fastify';
import { GraphQLFormattedError } from 'graphql';
import { DEFAULT_LIMITS, Limits, LogLevel } from '../config';
import { Cypher } from '../neo4j/cypher';
import { Availability } from '../neo4j/availability';
import { depthLimit } from '../graphql/depth-limit';
import { formatError } from '../graphql/errors';
import { argumentValueErrorPlugin, readOnlyRule } from '../graphql/validation';
import { Context, createLoaders, LoaderOptions } from '../graphql/loaders';
import { resolvers } from '../graphql/resolvers';
import { loadTypeDefs } from '../graphql/type-defs';
import { health } from './health';
import { costPlugin, formatLimitError, limitMessage, limitRules, tokenLimitError } from './limits';
import { Metrics } from './metrics';
import { Exports } from './export';
import { playgroundPage } from './playground';
import { WebFile, webFile } from './web';
import { corsOptions, helmetOptions } from './security';
import { responseCachePlugins } from './response-cache';

/**
 * The HTTP face of PlanGraph, on Fastify with Apollo Server (@as-integrations/fastify):
 *   POST/GET /graphql  the API
 *   GET /graphql, /    in a browser: the playground (GraphiQL), served from this process (no CDN)
 *   GET /playground/*  the playground's scripts and styles (bundled into web/dist; an allow-list of files)
 *   GET /explore       the graph explorer (web/), its assets, and /favicon.ico
 *   GET /export/*      the graph as GraphML, CSV and JSON files
 *   GET /health        JSON status of the server, Neo4j and the graph (503 `degraded` during a Neo4j outage)
 *   GET /metrics       Prometheus metrics
 * Every request is logged as one JSON line (pino) with its id, operation, status, duration, Cypher round trips
 * and error codes. Every error answer, whatever refused it, is GraphQL-shaped: `{ errors: [{ message, extensions: { code } }] }`.
 */

export interface App {
  url: string;
  server: Server;
  metrics: Metrics;
  availability: Availability;
  /** Stops accepting requests, lets in-flight ones finish, then resolves. Does not close the driver. */
  stop(): Promise<void>;
}

export interface AppOptions {
  cypher: Cypher;
  port: number;
  host: string;
  development: boolean;
  /** Queries nested deeper than this are refused (PLANGRAPH_MAX_QUERY_DEPTH); same as limits.maxDepth. */
  maxQueryDepth?: number;
  /** The request limits; anything not given takes its default (src/config.ts). */
  limits?: Partial<Limits>;
  loaders?: LoaderOptions;
  /** Neo4j's availability (src/main.ts passes the one the embedded supervisor feeds); by default one of its own. */
  availability?: Availability;
  /** Origins besides the API's own and localhost that browsers may call from (PLANGRAPH_CORS_ORIGINS). */
  corsOrigins?: string[];
  /** Request log level (LOG_LEVEL); default "silent" here, main.ts passes the configured one. */
  logLevel?: LogLevel;
  /** Where the log goes (default stdout; pretty-printed when stdout is a terminal). */
  logStream?: Writable;
  /**
   * Whole answers kept between requests, in bytes (PLANGRAPH_RESPONSE_CACHE_MB; default off here, main.ts passes the
   * configured size). Keyed by the load id the cypher runner's result cache watches: without that cache, off.
   */
  responseCacheBytes?: number;
  /** Cache-Control max-age and response-cache TTL in seconds (PLANGRAPH_CACHE_MAX_AGE; default 60). */
  cacheMaxAgeSeconds?: number;
}

/** What the request log and the metrics learn about one GraphQL request while it runs. */
interface RequestRecord {
  operation: string | null;
  codes: string[];
  cypher?: Cypher;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** The request's record travels inside the GraphQL context (Apollo copies the context object; a symbol key survives). */
const RECORD = Symbol('plangraph.request');
const recordOf = (context: unknown): RequestRecord | undefined => (context as { [RECORD]?: RequestRecord } | undefined)?.[RECORD];

function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** Fastify's own refusals (body size, content type, JSON syntax) as GraphQL errors a client can act on. */
function describeHttpError(error: FastifyError, request: FastifyRequest, limits: Limits): { status: number; body: object } {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const declared = Number(request.headers['content-length']);
      const actual = Number.isFinite(declared) && declared > limits.maxBodyBytes ? declared : limits.maxBodyBytes + 1;
      const message = limitMessage('maxBodyBytes', limits.maxBodyBytes, actual, `The request body${actual === declared ? '' : ' (at least)'} in bytes`,
        'Send a shorter query; put long values in variables only as long as they need to be.');
      return { status: 413, body: errorBody(message, 'PAYLOAD_TOO_LARGE', { limit: 'maxBodyBytes', max: limits.maxBodyBytes, actual }) };
    }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: errorBody('The request body is not valid JSON. Send {"query": "...", "variables": {...}}.', 'BAD_REQUEST') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: errorBody(`Content-Type ${JSON.stringify(String(request.headers['content-type'] ?? '').slice(0, 100))} is not supported; send application/json.`, 'UNSUPPORTED_MEDIA_TYPE'),
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: errorBody('The Content-Length header does not match the body.', 'BAD_REQUEST') };
  }
  if (status < 500) return { status, body: errorBody(error.message.slice(0, 300), 'BAD_REQUEST') };
  return { status: 500, body: errorBody('Internal server error.', 'INTERNAL_SERVER_ERROR') };
}

export async function startApp(opts: AppOptions): Promise<App> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...(opts.maxQueryDepth ? { maxDepth: opts.maxQueryDepth } : {}), ...opts.limits };
  const availability = opts.availability ?? Availability.forDriver(opts.cypher.driver, opts.cypher.database);
  const metrics = new Metrics(() => availability.up);
  const records = new WeakMap<object, RequestRecord>();

  const level = opts.logLevel ?? 'silent';
  const pretty = !opts.logStream && process.stdout.isTTY && level !== 'silent';
  const fastify = Fastify({
    logger: pretty
      ? { level, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : { level, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    // One line per request, written in onResponse below; not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // The client's X-Request-Id is kept when it is sane (genReqId decides), so logs can be joined across services.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: limits.maxBodyBytes,
    // A client must send its whole request within this time (slow-loris); answers are bounded by the deadline below.
    requestTimeout: 30_000,
    return503OnClosing: true,
  });

  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError: (() => {
      const base = formatError(opts.development);
      return (formatted: GraphQLFormattedError, error: unknown) => formatLimitError(error) ?? base(formatted, error);
    })(),
    includeStacktraceInErrorResponses: opts.development,
    introspection: true,
    // No automatic persisted queries: a public read-only API gains little, and a hash that does not match its
    // query came back as an uncoded error. Clients get PERSISTED_QUERY_NOT_SUPPORTED instead.
    persistedQueries: false,
    validationRules: [depthLimit(limits.maxDepth), readOnlyRule, limitRules(limits)],
    allowBatchedHttpRequests: limits.maxBatch > 0,
    // main.ts owns signal handling: it stops the HTTP server, then the driver, then the embedded Neo4j, in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(), costPlugin(limits), observe(), argumentValueErrorPlugin,
      ...responseCachePlugins({
        maxBytes: opts.cypher.resultCache ? opts.responseCacheBytes ?? 0 : 0,
        maxAgeSeconds: opts.cacheMaxAgeSeconds ?? 60,
        loadId: () => opts.cypher.resultCache?.currentLoadId ?? null,
      }),
    ],
    parseOptions: { maxTokens: limits.maxTokens },
  });
  await apollo.start();

  /** Operation name, error codes and round trips into the request's record; round trips reported to the client. */
  function observe(): ApolloServerPlugin<Context> {
    return {
      async requestDidStart() {
        return {
          async didResolveOperation({ contextValue, operationName }) {
            const record = recordOf(contextValue);
            if (record) record.operation = operationName ?? null;
          },
          async willSendResponse({ contextValue, response }) {
            if (response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            const record = recordOf(contextValue);
            const codes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
            if (record) record.codes.push(...codes);
            // A request that could not reach Neo4j: answer the next ones at once until a probe reaches it again.
            if (codes.includes('SERVICE_UNAVAILABLE')) availability.markDown('a request could not reach Neo4j');
            if (contextValue?.cypher) {
              result.extensions = {
                ...result.extensions,
                plangraph: { cypherRoundTrips: contextValue.cypher.stats.roundTrips, cypherStatements: contextValue.cypher.stats.statements ?? 0 },
              };
            }
          },
        };
      },
    };
  }

  const graphqlHandler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      const cypher = opts.cypher.forRequest();
      const context: Context = { cypher, loaders: createLoaders(cypher, opts.loaders) };
      const record = records.get(request);
      if (record) {
        record.cypher = cypher;
        (context as { [RECORD]?: RequestRecord })[RECORD] = record;
      }
      return context;
    },
  });
  const exports = new Exports(opts.cypher);

  await fastify.register(fastifyHelmet, helmetOptions);
  await fastify.register(fastifyCors, corsOptions(opts.corsOrigins ?? []));
  await fastify.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });

  fastify.addHook('onRequest', async (request, reply) => {
    records.set(request, { operation: null, codes: [] });
    // A path that tries to climb out of the pages' folders is simply not there.
    if (/^\/(playground|explore|export)\//.test(request.url) && /\.\.|%2e%2e|%2f|%5c/i.test(request.url)) {
      return reply.code(404).send(errorBody(`No route GET ${request.url.split('?')[0].slice(0, 200)}; the API is at /graphql.`, 'NOT_FOUND'));
    }
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    // Refusals that never reached Apollo's plugins (the body limit, bad JSON, the token limit): note their codes.
    const record = records.get(request);
    if (record && record.codes.length === 0 && reply.statusCode >= 400 && typeof payload === 'string' && payload.length < 100_000 && payload.startsWith('{"errors"')) {
      try {
        for (const e of (JSON.parse(payload) as { errors: GraphQLFormattedError[] }).errors) record.codes.push(String(e.extensions?.code ?? 'UNKNOWN'));
      } catch {
        // not ours to parse
      }
    }
    return payload;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const record = records.get(request);
    const route = request.routeOptions.url ?? 'unknown';
    const seconds = reply.elapsedTime / 1000;
    metrics.http.inc({ route, status: String(reply.statusCode) });
    const isGraphQL = route === '/graphql' && !(reply.getHeader('content-type') ?? '').toString().startsWith('text/html');
    if (isGraphQL && record) {
      const operation = metrics.operationLabel(record.operation);
      metrics.requests.inc({ operation, status: String(reply.statusCode) });
      metrics.duration.observe({ operation }, seconds);
      for (const code of record.codes) metrics.errors.inc({ code });
      if (record.cypher) metrics.roundTrips.observe(record.cypher.stats.roundTrips);
    }
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0].slice(0, 200),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        ...(isGraphQL && record
          ? { operation: record.operation ?? null, cypherRoundTrips: record.cypher?.stats.roundTrips ?? 0, errorCodes: record.codes }
          : {}),
      },
      'request',
    );
  });

  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = describeHttpError(error, request, limits);
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  fastify.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(`No route ${request.method} ${request.url.split('?')[0].slice(0, 200)}; the API is at /graphql.`, 'NOT_FOUND')),
  );

  const wantsPlayground = (request: FastifyRequest) =>
    request.method === 'GET' && (request.headers.accept ?? '').includes('text/html') && !(request.query as Record<string, unknown>)?.query;
  const sendPlayground = (reply: FastifyReply) => {
    const page = playgroundPage();
    return reply.code(page.status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page.body);
  };
  const sendFile = (reply: FastifyReply, file: WebFile) => {
    if (file.status === 301) return reply.redirect(String(file.body), 301);
    return reply.code(file.status).header('cache-control', file.cache).type(file.type).send(file.body);
  };
  /** The browser pages (web/dist) and the exports: each path is on an allow-list, anything else is a coded 404. */
  async function pages(request: FastifyRequest, reply: FastifyReply) {
    const pathname = request.url.split('?')[0];
    const file = webFile(pathname) ?? (await exports.file(pathname));
    if (file) return sendFile(reply, file);
    return reply.code(404).send(errorBody(`No route GET ${pathname.slice(0, 200)}; the API is at /graphql.`, 'NOT_FOUND'));
  }

  /** Answers at once while Neo4j is down, and within the deadline whatever happens downstream. */
  async function graphql(request: FastifyRequest, reply: FastifyReply) {
    if (wantsPlayground(request)) return sendPlayground(reply);
    const body = request.body;
    if (Array.isArray(body) && body.length > limits.maxBatch) {
      const message = limitMessage('maxBatch', limits.maxBatch, body.length, 'The number of operations in this batched request',
        limits.maxBatch === 0 ? 'Batching is off: send one operation per request.' : 'Send fewer operations per request.');
      return reply.code(400).send(errorBody(message, 'QUERY_LIMIT_EXCEEDED', { limit: 'maxBatch', max: limits.maxBatch, actual: body.length }));
    }
    const operations = Array.isArray(body) ? body : [request.method === 'GET' ? request.query : body];
    for (const operation of operations) {
      const tooLong = tokenLimitError((operation as { query?: unknown } | null)?.query, limits.maxTokens);
      if (tooLong) return reply.code(400).send({ errors: [formatLimitError(tooLong)] });
    }
    if (!availability.up) {
      return reply.code(503).header('retry-after', '2').send(errorBody(
        'The graph database is unavailable (it is being restarted or reconnected); try again in a few seconds.', 'SERVICE_UNAVAILABLE'));
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<string>((resolve) => {
      timer = setTimeout(() => {
        // Not marked down: a slow answer may be overload, not an outage; the requests that fail to reach Neo4j decide.
        void reply.code(503).header('retry-after', '2').type('application/json; charset=utf-8');
        resolve(JSON.stringify(errorBody(
          `No answer within ${limits.requestDeadlineMs} ms (PLANGRAPH_REQUEST_DEADLINE_MS): the graph database is not responding; try again shortly.`,
          'SERVICE_UNAVAILABLE')));
      }, limits.requestDeadlineMs);
    });
    try {
      return await Promise.race([graphqlHandler.call(fastify, request as never, reply as never), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  fastify.route({ method: ['GET', 'POST'], url: '/graphql', handler: graphql });
  fastify.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/graphql',
    handler: (request, reply) =>
      reply.code(405).header('allow', 'GET, POST').send(errorBody(`${request.method} is not supported; send the query with POST (or GET for simple reads).`, 'METHOD_NOT_ALLOWED')),
  });
  fastify.get('/', (request, reply) =>
    wantsPlayground(request) ? sendPlayground(reply) : reply.code(404).send(errorBody('No route GET /; the API is at /graphql.', 'NOT_FOUND')),
  );
  for (const url of ['/explore', '/explore/*', '/playground/*', '/favicon.ico', '/favicon.svg', '/export', '/export/*']) fastify.get(url, pages);
  fastify.get('/health', async (_request, reply) => {
    const report = availability.up ? await health(opts.cypher) : null;
    if (report?.status === 'ok') return reply.send(report);
    if (report) availability.markDown(report.neo4j.error ?? 'the health check failed');
    const outage = availability.outage;
    return reply.code(503).send({
      status: 'degraded',
      pid: process.pid,
      neo4j: { connected: false, version: null, edition: null, error: report?.neo4j.error ?? outage?.reason ?? 'unavailable' },
      graph: null,
      ...(outage ? { unavailableSince: new Date(outage.since).toISOString() } : {}),
    });
  });
  fastify.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  await fastify.listen({ port: opts.port, host: opts.host });
  const { port } = fastify.server.address() as { port: number };
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  return {
    url: `http://${host}:${port}`,
    server: fastify.server,
    metrics,
    availability,
    stop: async () => {
      await fastify.close();
      await apollo.stop();
      if (!opts.availability) availability.close();
    },
  };
}
