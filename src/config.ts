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
  /** Bytes of whole answers kept between requests (0 = off); keyed by the load id, so it needs the result cache's watch. */
  responseCacheBytes: number;
  /** Seconds an answer may be reused: the response cache's TTL and the Cache-Control max-age (0 = no caching at all). */
  cacheMaxAgeSeconds: number;
  /** What one HTTP request may ask for; every refusal names the limit (see docs/deploy.md). */
  limits: Limits;
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
  /** Operations in one batched HTTP request; 0 = batches refused (PLANGRAPH_MAX_BATCH). */
  maxBatch: number;
  /** Request body size in bytes; larger ones get 413 (PLANGRAPH_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Whatever happens downstream, a GraphQL request is answered within this many ms (PLANGRAPH_REQUEST_DEADLINE_MS). */
  requestDeadlineMs: number;
}


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
  maxBatch: 0,
  maxBodyBytes: 1_000_000,
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
    maxBatch: int('PLANGRAPH_MAX_BATCH', DEFAULT_LIMITS.maxBatch, 0, 100),
    maxBodyBytes: int('PLANGRAPH_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 10_000, 100_000_000),
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

  const config: Config = {
    host: str('HOST', '0.0.0.0'),
    port: int('PORT', 4000, 0, 65535),
    neo4j,
    resultCacheEntries: int('PLANGRAPH_RESULT_CACHE_ENTRIES', 5000, 0, 1_000_000),
    responseCacheBytes: int('PLANGRAPH_RESPONSE_CACHE_MB', 64, 0, 16_384) * 1024 * 1024,
    cacheMaxAgeSeconds: int('PLANGRAPH_CACHE_MAX_AGE', 60, 0, 86_400),
    queryTimeoutMs,
    maxQueryDepth: limits.maxDepth,
    limits,
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
