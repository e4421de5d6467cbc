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
  /** Queries nested deeper than this many fields are refused before they run. */
  maxQueryDepth: number;
  /** Load the fixtures at start when the graph is missing or out of date. */
  autoLoad: boolean;
  /** Development mode: error responses may include stack traces. */
  development: boolean;
  java: string;
  maven: string;
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

  const config: Config = {
    host: str('HOST', '0.0.0.0'),
    port: int('PORT', 4000, 0, 65535),
    neo4j,
    queryTimeoutMs: int('PLANGRAPH_QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS, 100, 600_000),
    maxQueryDepth: int('PLANGRAPH_MAX_QUERY_DEPTH', DEFAULT_MAX_QUERY_DEPTH, 2, 100),
    autoLoad: bool('PLANGRAPH_AUTOLOAD', true),
    development: env.NODE_ENV === 'development',
    java: env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java',
    maven: str('PLANGRAPH_MVN', 'mvn'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
