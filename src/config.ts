import { isAbsolute, join } from 'node:path';
import { PlanGraphError } from './errors';
import { ROOT } from './paths';

/**
 * Every environment variable PlanGraph reads is read here, validated, and documented in README.md.
 * Nothing else in src/ touches process.env.
 */

export type Neo4jTarget =
  | { mode: 'external'; uri: string; username: string; password: string; database: string }
  | { mode: 'embedded'; boltPort: number; dataDir: string; heap: string; pageCache: string; database: string };

export interface Config {
  host: string;
  port: number;
  neo4j: Neo4jTarget;
  /** Per-query transaction timeout for user queries. */
  queryTimeoutMs: number;
  /** Queries nested deeper than this many fields are refused before they run (= limits.maxDepth). */
  maxQueryDepth: number;
  /** Statement results kept between requests (0 turns the cache off); dropped whenever the graph's load id changes. */
  resultCacheEntries: number;
  /** Bytes those results may hold (estimated); the cache keeps within both bounds (0 turns it off). */
  resultCacheBytes: number;
  /** Bytes of whole answers kept between requests (0 = off); keyed by the load id, so it needs the result cache's watch. */
  responseCacheBytes: number;
  /** Seconds an answer may be reused: the response cache's TTL and the Cache-Control max-age (0 = no caching at all). */
  cacheMaxAgeSeconds: number;
  /** What one HTTP request may ask for; every refusal names the limit (see docs/deploy.md). */
  limits: Limits;
  /** The HTTP transport: connections, timeouts, rate limit, proxy, load shedding, the metrics port (docs/deploy.md). */
  transport: Transport;
  /** Origins (scheme://host[:port]) other than the API's own and localhost's whose browsers may call the API; ['*'] = any. */
  corsOrigins: string[];
  /** pino level of the request log and the server's own lines. */
  logLevel: LogLevel;
  /** Embedded Neo4j: how many times a JVM that died is restarted (with doubling backoff) before the server exits. */
  neo4jMaxRestarts: number;
  /** First restart delay; each further attempt waits twice as long (capped at 30 s). */
  neo4jRestartBackoffMs: number;
  /** An API worker that sends no heartbeat for this long (a blocked event loop) is replaced; 0 = never (debugging only). */
  watchdogMs: number;
  /** API worker replacements (stuck or exited) allowed within any minute; one more and the server exits with status 1. */
  workerMaxRestarts: number;
  /** Load the fixtures at start when the graph is missing or out of date. */
  autoLoad: boolean;
  /** Development mode: error responses may include stack traces. */
  development: boolean;
  java: string;
  maven: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Limits on one HTTP request. Defaults: docs/deploy.md says why each value (every documented example fits). */
export interface Limits {
  /** Field nesting (PLANGRAPH_MAX_QUERY_DEPTH). */
  maxDepth: number;
  /** Estimated rows: lists multiply their children by `first` (PLANGRAPH_MAX_QUERY_COST). */
  maxCost: number;
  /** Aliased fields in one document (PLANGRAPH_MAX_ALIASES). */
  maxAliases: number;
  /** Fields at the root of the operation, aliases included (PLANGRAPH_MAX_ROOT_FIELDS). */
  maxRootFields: number;
  /** Lexical tokens of the query text (PLANGRAPH_MAX_TOKENS). */
  maxTokens: number;
  /** Named fragment spreads (`...Name`) in the query text (PLANGRAPH_MAX_FRAGMENT_SPREADS). */
  maxFragmentSpreads: number;
  /** Operations in one batched HTTP request; 0 = batches refused (PLANGRAPH_MAX_BATCH). */
  maxBatch: number;
  /** Request body size in bytes; larger ones get 413 (PLANGRAPH_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** JSON size of one operation's variables (PLANGRAPH_MAX_VARIABLES_BYTES). */
  maxVariablesBytes: number;
  /** Nesting of arrays and objects in the variables (PLANGRAPH_MAX_VARIABLES_DEPTH). */
  maxVariablesDepth: number;
  /** Characters of any string argument, literal or variable (PLANGRAPH_MAX_INPUT_LENGTH). */
  maxInputLength: number;
  /** Values of any list argument, literal or variable (PLANGRAPH_MAX_INPUT_LIST_LENGTH). */
  maxInputListLength: number;
  /** Objects in one answer, counted as they resolve (PLANGRAPH_MAX_RESPONSE_OBJECTS). */
  maxResponseObjects: number;
  /** Bytes of one answer's JSON (PLANGRAPH_MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
  /** Whatever happens downstream, a GraphQL request is answered within this many ms (PLANGRAPH_REQUEST_DEADLINE_MS). */
  requestDeadlineMs: number;
}

/**
 * How the HTTP server guards itself below GraphQL: what one client, or a flood of them, can hold. Defaults:
 * docs/deploy.md ("Transport") says why each value; none of them trips in the test suite or the benchmark.
 */
export interface Transport {
  /** Open connections; past it the longest-idle one is closed, or the new one if all are busy (PLANGRAPH_MAX_CONNECTIONS). */
  maxConnections: number;
  /** A client must send a request's headers within this many ms of starting it or of connecting (PLANGRAPH_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this many ms (PLANGRAPH_KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** Requests per client IP per minute; 0 = no in-process rate limit (PLANGRAPH_RATE_LIMIT). */
  rateLimitPerMinute: number;
  /** Whose X-Forwarded-For to believe: false, true (any peer), or the proxies' addresses/CIDRs (PLANGRAPH_TRUST_PROXY). */
  trustProxy: boolean | string[];
  /** Load shedding: above any of these, requests get 503 at once; 0 turns that check off. */
  maxEventLoopDelayMs: number;
  maxHeapBytes: number;
  maxRssBytes: number;
  /** Serve /metrics on this port (on HOST) and not on the API's; null = on the API's port (PLANGRAPH_METRICS_PORT). */
  metricsPort: number | null;
}

export const DEFAULT_TRANSPORT: Transport = {
  maxConnections: 1_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 10_000,
  rateLimitPerMinute: 0,
  trustProxy: false,
  maxEventLoopDelayMs: 1_000,
  maxHeapBytes: 1_536 * 1024 * 1024,
  maxRssBytes: 2_048 * 1024 * 1024,
  metricsPort: null,
};

export const DEFAULT_RESULT_CACHE_MB = 64;

export class ConfigError extends PlanGraphError {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Defaults that code outside config.ts also needs (the HTTP layer when started without a Config, the tests). */
export const DEFAULT_MAX_QUERY_DEPTH = 15;
export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

export const DEFAULT_LIMITS: Limits = {
  maxDepth: DEFAULT_MAX_QUERY_DEPTH,
  maxCost: 50_000,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 2_000,
  maxFragmentSpreads: 100,
  maxBatch: 0,
  maxBodyBytes: 1_000_000,
  maxVariablesBytes: 65_536,
  maxVariablesDepth: 10,
  maxInputLength: 200,
  maxInputListLength: 100,
  maxResponseObjects: 100_000,
  maxResponseBytes: 10 * 1024 * 1024,
  requestDeadlineMs: 15_000,
};

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const MEMORY = /^\d+[kmg]$/i;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string, fallback: string) => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw} must be an integer between ${min} and ${max}`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    problems.push(`${name}=${raw} must be true or false`);
    return fallback;
  };
  const memory = (name: string, fallback: string) => {
    const value = str(name, fallback);
    if (!MEMORY.test(value)) problems.push(`${name}=${value} must be a size such as 512m or 1g`);
    return value;
  };

  const database = str('NEO4J_DATABASE', 'neo4j');
  let neo4j: Neo4jTarget;
  const uri = env.NEO4J_URI;
  if (uri) {
    const scheme = /^([a-z0-9+]+):\/\/[^/]+/i.exec(uri)?.[1]?.toLowerCase();
    if (!scheme || !URI_SCHEMES.includes(scheme)) {
      problems.push(`NEO4J_URI=${uri} must look like neo4j://host:7687 (schemes: ${URI_SCHEMES.join(', ')})`);
    }
    neo4j = {
      mode: 'external',
      uri,
      username: str('NEO4J_USERNAME', 'neo4j'),
      password: str('NEO4J_PASSWORD', ''),
      database,
    };
  } else {
    const dataDir = str('PLANGRAPH_DATA_DIR', '.data');
    neo4j = {
      mode: 'embedded',
      boltPort: int('PLANGRAPH_NEO4J_BOLT_PORT', 7687, 1, 65535),
      dataDir: isAbsolute(dataDir) ? dataDir : join(ROOT, dataDir),
      heap: memory('PLANGRAPH_NEO4J_HEAP', '1g'),
      pageCache: memory('PLANGRAPH_NEO4J_PAGECACHE', '256m'),
      database: 'neo4j',
    };
    if (env.NEO4J_DATABASE && env.NEO4J_DATABASE !== 'neo4j') {
      problems.push('NEO4J_DATABASE only applies with NEO4J_URI: the embedded Neo4j Community has the one database "neo4j"');
    }
  }

  const queryTimeoutMs = int('PLANGRAPH_QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS, 100, 600_000);
  const limits: Limits = {
    maxDepth: int('PLANGRAPH_MAX_QUERY_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 100),
    maxCost: int('PLANGRAPH_MAX_QUERY_COST', DEFAULT_LIMITS.maxCost, 1, 100_000_000),
    maxAliases: int('PLANGRAPH_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 10_000),
    maxRootFields: int('PLANGRAPH_MAX_ROOT_FIELDS', DEFAULT_LIMITS.maxRootFields, 1, 10_000),
    maxTokens: int('PLANGRAPH_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100, 1_000_000),
    maxFragmentSpreads: int('PLANGRAPH_MAX_FRAGMENT_SPREADS', DEFAULT_LIMITS.maxFragmentSpreads, 0, 10_000),
    maxBatch: int('PLANGRAPH_MAX_BATCH', DEFAULT_LIMITS.maxBatch, 0, 100),
    maxBodyBytes: int('PLANGRAPH_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 10_000, 100_000_000),
    maxVariablesBytes: int('PLANGRAPH_MAX_VARIABLES_BYTES', DEFAULT_LIMITS.maxVariablesBytes, 1_000, 100_000_000),
    maxVariablesDepth: int('PLANGRAPH_MAX_VARIABLES_DEPTH', DEFAULT_LIMITS.maxVariablesDepth, 2, 1_000),
    maxInputLength: int('PLANGRAPH_MAX_INPUT_LENGTH', DEFAULT_LIMITS.maxInputLength, 50, 1_000_000),
    maxInputListLength: int('PLANGRAPH_MAX_INPUT_LIST_LENGTH', DEFAULT_LIMITS.maxInputListLength, 10, 1_000_000),
    maxResponseObjects: int('PLANGRAPH_MAX_RESPONSE_OBJECTS', DEFAULT_LIMITS.maxResponseObjects, 100, 100_000_000),
    maxResponseBytes: int('PLANGRAPH_MAX_RESPONSE_BYTES', DEFAULT_LIMITS.maxResponseBytes, 10_000, 1_000_000_000),
    // The transaction timeout stops slow queries first; the deadline catches a database that stopped answering.
    requestDeadlineMs: int('PLANGRAPH_REQUEST_DEADLINE_MS', queryTimeoutMs + 5_000, 1_000, 3_600_000),
  };
  const logLevel = str('LOG_LEVEL', 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel} must be one of ${LOG_LEVELS.join(', ')}`);
  // The worker beats once a second: fewer than 3 missed beats would replace a worker for a garbage collection.
  const watchdog = () => {
    const raw = env.PLANGRAPH_WATCHDOG_MS;
    if (raw === undefined || raw === '') return 10_000;
    const value = Number(raw);
    if (value === 0 || (Number.isInteger(value) && value >= 3_000 && value <= 600_000)) return value;
    problems.push(`PLANGRAPH_WATCHDOG_MS=${raw} must be 0 (no watchdog) or an integer between 3000 and 600000`);
    return 10_000;
  };
  const corsOrigins = str('PLANGRAPH_CORS_ORIGINS', '').split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/i.test(origin)) {
      problems.push(`PLANGRAPH_CORS_ORIGINS: "${origin}" must be an origin such as https://example.org (or * for any)`);
    }
  }

  const transport = readTransport(env, int, problems);
  const port = int('PORT', 4000, 0, 65535);
  if (transport.metricsPort !== null && transport.metricsPort === port) {
    problems.push(`PLANGRAPH_METRICS_PORT=${transport.metricsPort} must differ from PORT: it exists to keep /metrics off the API's port`);
  }

  const config: Config = {
    host: str('HOST', '0.0.0.0'),
    port,
    neo4j,
    resultCacheEntries: int('PLANGRAPH_RESULT_CACHE_ENTRIES', 5000, 0, 1_000_000),
    resultCacheBytes: int('PLANGRAPH_RESULT_CACHE_MB', DEFAULT_RESULT_CACHE_MB, 0, 16_384) * 1024 * 1024,
    responseCacheBytes: int('PLANGRAPH_RESPONSE_CACHE_MB', 64, 0, 16_384) * 1024 * 1024,
    cacheMaxAgeSeconds: int('PLANGRAPH_CACHE_MAX_AGE', 60, 0, 86_400),
    queryTimeoutMs,
    maxQueryDepth: limits.maxDepth,
    limits,
    transport,
    corsOrigins,
    logLevel: logLevel as LogLevel,
    neo4jMaxRestarts: int('PLANGRAPH_NEO4J_MAX_RESTARTS', 5, 0, 100),
    neo4jRestartBackoffMs: int('PLANGRAPH_NEO4J_RESTART_BACKOFF_MS', 1_000, 10, 60_000),
    watchdogMs: watchdog(),
    workerMaxRestarts: int('PLANGRAPH_WORKER_MAX_RESTARTS', 5, 0, 100),
    autoLoad: bool('PLANGRAPH_AUTOLOAD', true),
    development: env.NODE_ENV === 'development',
    java: env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java',
    maven: str('PLANGRAPH_MVN', 'mvn'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const MB = 1024 * 1024;
/** An IPv4 or IPv6 address, optionally with a /prefix: what Fastify's trustProxy (proxy-addr) accepts in a list. */
const PROXY_ADDRESS = /^(?:[0-9.]+|[0-9a-f:.]+)(?:\/\d{1,3})?$/i;

/** PLANGRAPH_MAX_CONNECTIONS … PLANGRAPH_METRICS_PORT: the HTTP transport (see Transport). */
function readTransport(env: Env, int: (name: string, fallback: number, min: number, max: number) => number, problems: string[]): Transport {
  const d = DEFAULT_TRANSPORT;
  const rawProxy = (env.PLANGRAPH_TRUST_PROXY ?? '').trim();
  let trustProxy: Transport['trustProxy'] = false;
  if (rawProxy === '' || /^(false|no|0)$/i.test(rawProxy)) trustProxy = false;
  else if (/^(true|yes)$/i.test(rawProxy)) trustProxy = true;
  else if (/^\d+$/.test(rawProxy)) {
    // Fastify 5 treats a hop count as trusting nobody (it cannot check the peer); say so rather than ignore it.
    problems.push(`PLANGRAPH_TRUST_PROXY=${rawProxy}: a hop count is not supported; list the proxies' addresses (127.0.0.1,10.0.0.0/8) or use true`);
  } else {
    trustProxy = rawProxy.split(',').map((a) => a.trim()).filter(Boolean);
    const bad = trustProxy.filter((a) => !PROXY_ADDRESS.test(a) || !(a.includes('.') || a.includes(':')));
    if (bad.length > 0 || trustProxy.length > 100) {
      problems.push(`PLANGRAPH_TRUST_PROXY=${rawProxy} must be true, false, or up to 100 proxy addresses or CIDRs (127.0.0.1,10.0.0.0/8,::1)`);
    }
  }
  const metricsPort = int('PLANGRAPH_METRICS_PORT', 0, 0, 65535);
  return {
    maxConnections: int('PLANGRAPH_MAX_CONNECTIONS', d.maxConnections, 10, 100_000),
    headersTimeoutMs: int('PLANGRAPH_HEADERS_TIMEOUT_MS', d.headersTimeoutMs, 1_000, 120_000),
    keepAliveTimeoutMs: int('PLANGRAPH_KEEP_ALIVE_TIMEOUT_MS', d.keepAliveTimeoutMs, 1_000, 600_000),
    rateLimitPerMinute: int('PLANGRAPH_RATE_LIMIT', d.rateLimitPerMinute, 0, 1_000_000),
    trustProxy,
    maxEventLoopDelayMs: int('PLANGRAPH_MAX_EVENT_LOOP_DELAY_MS', d.maxEventLoopDelayMs, 0, 60_000),
    maxHeapBytes: int('PLANGRAPH_MAX_HEAP_MB', d.maxHeapBytes / MB, 0, 65_536) * MB,
    maxRssBytes: int('PLANGRAPH_MAX_RSS_MB', d.maxRssBytes / MB, 0, 65_536) * MB,
    metricsPort: metricsPort === 0 ? null : metricsPort,
  };
}
