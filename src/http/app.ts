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
import { DEFAULT_LIMITS, DEFAULT_TRANSPORT, Limits, LogLevel, Transport } from '../config';
import { Cypher, RequestDeadline } from '../neo4j/cypher';
import { Availability } from '../neo4j/availability';
import { formatError } from '../graphql/errors';
import { argumentValueErrorPlugin, readOnlyRule } from '../graphql/validation';
import { Context, createLoaders, LoaderOptions } from '../graphql/loaders';
import { resolvers } from '../graphql/resolvers';
import { loadTypeDefs } from '../graphql/type-defs';
import { health } from './health';
import { documentRules } from '../graphql/limits/document-rules';
import { costPlugin, GraphBounds } from '../graphql/limits/cost';
import { budgetPlugin } from '../graphql/limits/budget';
import { warmAsk } from '../ask/answer';
import { formatLimitError, LimitError, queryTextLimitError, variablesLimitError } from './limits';
import { Metrics } from './metrics';
import { Exports } from './export';
import { corsOptions, helmetOptions, preflightGuard } from './security';
import { responseCachePlugins } from './response-cache';
import { clientErrorHandler, describeHttpError, errorBody, frameworkErrors } from './errors';
import { sendPlayground, staticRoutes } from './static';
import { serverOptions, transportGuards } from './transport';
import { ConnectionGuard, guardConnections } from './connections';
import { knownOperations } from './operations';

/**
 * The HTTP face of PlanGraph, on Fastify with Apollo Server (@as-integrations/fastify):
 *   POST/GET /graphql  the API
 *   GET /graphql, /    in a browser: the playground (GraphiQL), served from this process (no CDN)
 *   GET /playground/*  the playground's scripts and styles (bundled into web/dist; an allow-list of files)
 *   GET /explore       the graph explorer (web/), its assets, and /favicon.ico
 *   GET /export/*      the graph as GraphML, CSV and JSON files
 *   GET /health        JSON status of the server, Neo4j, the graph and load shedding (503 `degraded` during a Neo4j outage)
 *   GET /metrics       Prometheus metrics (on PLANGRAPH_METRICS_PORT instead, when set)
 * Static files and exports are held in memory, pre-compressed, with ETags (static.ts); the transport — connection
 * cap, timeouts, load shedding, the opt-in rate limit, trusted proxies — is transport.ts and connections.ts.
 * Every request is logged as one JSON line (pino) with its id, operation, status, duration, Cypher round trips
 * and error codes. Every error answer, whatever refused it, is GraphQL-shaped: `{ errors: [{ message, extensions: { code } }] }`.
 */

export interface App {
  url: string;
  /** Where /metrics is served when it has its own port (PLANGRAPH_METRICS_PORT); otherwise undefined (it is at url). */
  metricsUrl?: string;
  server: Server;
  metrics: Metrics;
  availability: Availability;
  /** The open-connection cap's counts. */
  connections: ConnectionGuard;
  /** The /export/ files (built once per graph load). */
  exports: Exports;
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
  /** Connections, timeouts, rate limit, trusted proxies, load shedding, the metrics port; unset fields take their defaults. */
  transport?: Partial<Transport>;
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

export async function startApp(opts: AppOptions): Promise<App> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...(opts.maxQueryDepth ? { maxDepth: opts.maxQueryDepth } : {}), ...opts.limits };
  const transport: Transport = { ...DEFAULT_TRANSPORT, ...opts.transport };
  const availability = opts.availability ?? Availability.forDriver(opts.cypher.driver, opts.cypher.database);
  const resultCache = opts.cypher.resultCache;
  // `fastify` is assigned below; the gauges read it only when /metrics is scraped.
  let pressure = () => false;
  const metrics = new Metrics({
    isNeo4jUp: () => availability.up,
    knownOperations: knownOperations(),
    resultCache: resultCache ? () => ({ bytes: resultCache.bytes, entries: resultCache.size }) : undefined,
    underPressure: () => pressure(),
  });
  const records = new WeakMap<object, RequestRecord>();
  /** Each GraphQL request's deadline, for the Cypher runner its context gets. */
  const deadlines = new WeakMap<object, RequestDeadline>();

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
    // Timeouts, requests per socket, trusted proxies (transport.ts); answers are bounded by the deadline below.
    ...serverOptions(transport, limits),
    // Node's and the router's refusals (431, 408, a bad %-escape) in the API's error shape, like every other.
    clientErrorHandler: clientErrorHandler(),
    frameworkErrors: frameworkErrors(limits),
  });
  pressure = () => fastify.isUnderPressure?.() ?? false;

  const bounds = new GraphBounds(opts.cypher);
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
    validationRules: [readOnlyRule, documentRules(limits)],
    allowBatchedHttpRequests: limits.maxBatch > 0,
    // main.ts owns signal handling: it stops the HTTP server, then the driver, then the embedded Neo4j, in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(), costPlugin(limits, bounds), budgetPlugin(limits), observe(), argumentValueErrorPlugin,
      ...responseCachePlugins({
        maxBytes: opts.cypher.resultCache ? opts.responseCacheBytes ?? 0 : 0,
        maxAgeSeconds: opts.cacheMaxAgeSeconds ?? 60,
        loadId: () => opts.cypher.resultCache?.currentLoadId ?? null,
      }),
    ],
    parseOptions: { maxTokens: limits.maxTokens },
  });
  await apollo.start();
  // The graph's fan-outs, measured before the first request needs them (a cold plan takes seconds); a failure
  // here is not fatal: the first request measures again, or is refused.
  await bounds.get().catch(() => undefined);

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
      // The request's deadline reaches every statement it runs: each gets only the time left, none starts after it.
      const cypher = opts.cypher.forRequest(deadlines.get(request));
      const context: Context = { cypher, loaders: createLoaders(cypher, opts.loaders) };
      const record = records.get(request);
      if (record) {
        record.cypher = cypher;
        (context as { [RECORD]?: RequestRecord })[RECORD] = record;
      }
      return context;
    },
  });
  const exports = new Exports(opts.cypher, () => metrics.exportBuilds.inc());

  // First, so that a shed, rate-limited or closing server refuses before any other work.
  await fastify.register(transportGuards, { transport });
  await fastify.register(fastifyHelmet, helmetOptions);
  // Ahead of @fastify/cors: refused and invalid preflights answered as the API answers.
  fastify.addHook('onRequest', preflightGuard(opts.corsOrigins ?? []));
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
        // The client's address: X-Forwarded-For's when the proxy it came through is trusted (PLANGRAPH_TRUST_PROXY).
        ip: request.ip,
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
  // The rate limit (when on) counts requests for routes that do not exist too: a 404 flood is still a flood.
  fastify.setNotFoundHandler(transport.rateLimitPerMinute > 0 ? { preHandler: fastify.rateLimit() } : {}, (request, reply) =>
    reply.code(404).send(errorBody(`No route ${request.method} ${request.url.split('?')[0].slice(0, 200)}; the API is at /graphql.`, 'NOT_FOUND')),
  );

  const wantsPlayground = (request: FastifyRequest) =>
    request.method === 'GET' && (request.headers.accept ?? '').includes('text/html') && !(request.query as Record<string, unknown>)?.query;

  /** Answers at once while Neo4j is down, and within the deadline whatever happens downstream. */
  async function graphql(request: FastifyRequest, reply: FastifyReply) {
    if (wantsPlayground(request)) return sendPlayground(reply);
    const body = request.body;
    if (Array.isArray(body) && body.length > limits.maxBatch) {
      const refused = new LimitError('maxBatch', limits.maxBatch, body.length, 'The number of operations in this batched request',
        limits.maxBatch === 0 ? 'Batching is off: send one operation per request.' : 'Send fewer operations per request.');
      return reply.code(400).send({ errors: [refused.formatted] });
    }
    const operations = Array.isArray(body) ? body : [request.method === 'GET' ? request.query : body];
    for (const operation of operations) {
      const sent = (operation ?? {}) as { query?: unknown; variables?: unknown };
      const refused = queryTextLimitError(sent.query, limits) ?? variablesLimitError(sent.variables, limits);
      if (refused) return reply.code(400).send({ errors: [refused.formatted] });
    }
    if (!availability.up) {
      return reply.code(503).header('retry-after', '2').send(errorBody(
        'The graph database is unavailable (it is being restarted or reconnected); try again in a few seconds.', 'SERVICE_UNAVAILABLE'));
    }
    // The deadline answers the client and cancels the work: statements still to run are refused, running ones get
    // only the time left as their transaction timeout (src/neo4j/cypher.ts), so Neo4j stops them too.
    const deadline = { at: Date.now() + limits.requestDeadlineMs, controller: new AbortController() };
    deadlines.set(request, { signal: deadline.controller.signal, at: deadline.at });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => {
        deadline.controller.abort();
        // Not marked down: a slow answer may be overload, not an outage; the requests that fail to reach Neo4j decide.
        void reply.code(503).header('retry-after', '2').type('application/json; charset=utf-8');
        resolve(JSON.stringify(errorBody(
          `No answer within ${limits.requestDeadlineMs} ms (PLANGRAPH_REQUEST_DEADLINE_MS): the graph database is not responding; try again shortly.`,
          'SERVICE_UNAVAILABLE')));
      }, limits.requestDeadlineMs);
    });
    try {
      const answer = await Promise.race([graphqlHandler.call(fastify, request as never, reply as never), late]);
      // The last bound: an answer's bytes (the runtime budget already bounds its objects).
      // (A UTF-8 character is at most 4 bytes, so shorter strings need no counting.)
      const bytes = typeof answer === 'string' && answer.length > limits.maxResponseBytes / 4 ? Buffer.byteLength(answer) : 0;
      if (bytes > limits.maxResponseBytes) {
        const tooBig = new LimitError('maxResponseBytes', limits.maxResponseBytes, bytes, 'The size of the answer in bytes',
          'Ask for fewer fields or smaller pages (`first`), and page with `after`.');
        return reply.code(400).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify({ errors: [tooBig.formatted] }));
      }
      return answer;
    } finally {
      clearTimeout(timer);
      deadline.controller.abort(); // the answer is out: anything still running for it is wasted work
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
  await fastify.register(staticRoutes, { exports });
  fastify.get('/health', async (_request, reply) => {
    const report = availability.up ? await health(opts.cypher) : null;
    const pressure = fastify.pressure();
    if (report?.status === 'ok') return reply.send({ ...report, pressure });
    if (report) availability.markDown(report.neo4j.error ?? 'the health check failed');
    const outage = availability.outage;
    return reply.code(503).send({
      status: 'degraded',
      pid: process.pid,
      neo4j: { connected: false, version: null, edition: null, error: report?.neo4j.error ?? outage?.reason ?? 'unavailable' },
      graph: null,
      ...(outage ? { unavailableSince: new Date(outage.since).toISOString() } : {}),
      pressure,
    });
  });
  // On the API's port unless it has its own (then the public port has no /metrics at all).
  if (transport.metricsPort === null) fastify.get('/metrics', (_request, reply) => sendMetrics(metrics, reply));

  await fastify.listen({ port: opts.port, host: opts.host });
  // Query.ask's libraries load once, now, rather than on the event loop of the first question (src/ask/answer.ts).
  setImmediate(() => void warmAsk().catch(() => undefined));
  const connections = guardConnections(fastify.server, transport.maxConnections);
  const metricsServer = transport.metricsPort === null ? null : await startMetricsServer(metrics, opts.host, transport.metricsPort);
  const { port } = fastify.server.address() as { port: number };
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  return {
    url: `http://${host}:${port}`,
    metricsUrl: metricsServer ? `http://${host}:${(metricsServer.server.address() as { port: number }).port}` : undefined,
    server: fastify.server,
    metrics,
    availability,
    connections,
    exports,
    stop: async () => {
      await metricsServer?.close();
      await fastify.close();
      await apollo.stop();
      if (!opts.availability) availability.close();
    },
  };
}

async function sendMetrics(metrics: Metrics, reply: FastifyReply): Promise<FastifyReply> {
  return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
}

/**
 * /metrics on a port of its own (PLANGRAPH_METRICS_PORT), for a scraper on the inside while the API's port is
 * public: a bare Fastify with that one route, short timeouts and the API's error shape for anything else.
 */
async function startMetricsServer(metrics: Metrics, host: string, port: number) {
  const server = Fastify({
    logger: false, connectionTimeout: 30_000, requestTimeout: 10_000, keepAliveTimeout: 10_000, http: { headersTimeout: 10_000 },
    clientErrorHandler: clientErrorHandler(), frameworkErrors: frameworkErrors(DEFAULT_LIMITS),
  });
  server.get('/metrics', (_request, reply) => sendMetrics(metrics, reply));
  server.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(`No route ${request.method} ${request.url.split('?')[0].slice(0, 200)}; this port serves /metrics only.`, 'NOT_FOUND')));
  await server.listen({ port, host });
  return server;
}
