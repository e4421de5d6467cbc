import { join } from 'node:path';
import { Config, ConfigError, DEFAULT_LIMITS, DEFAULT_MAX_QUERY_DEPTH, DEFAULT_QUERY_TIMEOUT_MS, DEFAULT_TRANSPORT, loadConfig } from '../../src/config';
import { PlanGraphError } from '../../src/errors';
import { ROOT } from '../../src/paths';

/** loadConfig(env) is a pure function of the environment it is given. */

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toBeInstanceOf(PlanGraphError);
    return (err as ConfigError).problems;
  }
  throw new Error('the configuration was accepted');
};

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual<Config>({
      host: '0.0.0.0', port: 4000, queryTimeoutMs: DEFAULT_QUERY_TIMEOUT_MS, maxQueryDepth: DEFAULT_MAX_QUERY_DEPTH, resultCacheEntries: 5000, autoLoad: true,
      responseCacheBytes: 64 * 1024 * 1024, cacheMaxAgeSeconds: 60, development: false, java: 'java', maven: 'mvn',
      neo4j: { mode: 'embedded', boltPort: 7687, dataDir: join(ROOT, '.data'), heap: '1g', pageCache: '256m', database: 'neo4j' },
      limits: DEFAULT_LIMITS, corsOrigins: [], logLevel: 'info', neo4jMaxRestarts: 5, neo4jRestartBackoffMs: 1000,
      resultCacheBytes: 64 * 1024 * 1024, transport: DEFAULT_TRANSPORT,
      watchdogMs: 10_000, workerMaxRestarts: 5,
    });
  });

  it.each<[string, Record<string, string>, Partial<Config> | Record<string, unknown>]>([
    ['PORT', { PORT: '4103' }, { port: 4103 }],
    ['PORT=0 (any free port)', { PORT: '0' }, { port: 0 }],
    ['an empty value means the default', { PORT: '', HOST: '' }, { port: 4000, host: '0.0.0.0' }],
    ['PLANGRAPH_AUTOLOAD=no', { PLANGRAPH_AUTOLOAD: 'no' }, { autoLoad: false }],
    ['PLANGRAPH_AUTOLOAD=TRUE', { PLANGRAPH_AUTOLOAD: 'TRUE' }, { autoLoad: true }],
    ['NODE_ENV=development', { NODE_ENV: 'development' }, { development: true }],
    ['the caches', { PLANGRAPH_RESPONSE_CACHE_MB: '0', PLANGRAPH_CACHE_MAX_AGE: '300' }, { responseCacheBytes: 0, cacheMaxAgeSeconds: 300 }],
    ['the result cache by bytes', { PLANGRAPH_RESULT_CACHE_MB: '16' }, { resultCacheBytes: 16 * 1024 * 1024 }],
    [
      'the transport',
      {
        PLANGRAPH_MAX_CONNECTIONS: '200', PLANGRAPH_HEADERS_TIMEOUT_MS: '5000', PLANGRAPH_KEEP_ALIVE_TIMEOUT_MS: '65000',
        PLANGRAPH_RATE_LIMIT: '600', PLANGRAPH_MAX_EVENT_LOOP_DELAY_MS: '0', PLANGRAPH_MAX_HEAP_MB: '512', PLANGRAPH_MAX_RSS_MB: '768',
        PLANGRAPH_METRICS_PORT: '9464',
      },
      {
        transport: {
          ...DEFAULT_TRANSPORT, maxConnections: 200, headersTimeoutMs: 5000, keepAliveTimeoutMs: 65000, rateLimitPerMinute: 600,
          maxEventLoopDelayMs: 0, maxHeapBytes: 512 * 1024 * 1024, maxRssBytes: 768 * 1024 * 1024, metricsPort: 9464,
        },
      },
    ],
    ['PLANGRAPH_TRUST_PROXY=true', { PLANGRAPH_TRUST_PROXY: 'true' }, { transport: { ...DEFAULT_TRANSPORT, trustProxy: true } }],
    [
      'PLANGRAPH_TRUST_PROXY as addresses',
      { PLANGRAPH_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' },
      { transport: { ...DEFAULT_TRANSPORT, trustProxy: ['127.0.0.1', '10.0.0.0/8', '::1'] } },
    ],
    ['NODE_ENV=production', { NODE_ENV: 'production' }, { development: false }],
    ['JAVA_HOME', { JAVA_HOME: '/opt/jdk' }, { java: join('/opt/jdk', 'bin', 'java') }],
    ['the query limits', { PLANGRAPH_QUERY_TIMEOUT_MS: '500', PLANGRAPH_MAX_QUERY_DEPTH: '8' }, { queryTimeoutMs: 500, maxQueryDepth: 8 }],
    ['the API worker watchdog', { PLANGRAPH_WATCHDOG_MS: '5000', PLANGRAPH_WORKER_MAX_RESTARTS: '0' }, { watchdogMs: 5000, workerMaxRestarts: 0 }],
    ['no watchdog (debugging)', { PLANGRAPH_WATCHDOG_MS: '0' }, { watchdogMs: 0 }],
    [
      'an embedded Neo4j on another port, absolute data dir, other memory',
      { PLANGRAPH_NEO4J_BOLT_PORT: '7703', PLANGRAPH_DATA_DIR: '/tmp/pg', PLANGRAPH_NEO4J_HEAP: '512m', PLANGRAPH_NEO4J_PAGECACHE: '2G' },
      { neo4j: { mode: 'embedded', boltPort: 7703, dataDir: '/tmp/pg', heap: '512m', pageCache: '2G', database: 'neo4j' } },
    ],
    [
      'an external Neo4j',
      { NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'plans' },
      { neo4j: { mode: 'external', uri: 'neo4j+s://x.databases.neo4j.io', username: 'neo4j', password: 'pw', database: 'plans' } },
    ],
  ])('reads %s', (_what, env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, string]>([
    ['a port that is not a number', { PORT: 'http' }, 'PORT=http must be an integer between 0 and 65535'],
    ['a port out of range', { PORT: '70000' }, 'PORT=70000 must be an integer between 0 and 65535'],
    ['a fractional timeout', { PLANGRAPH_QUERY_TIMEOUT_MS: '1.5' }, 'PLANGRAPH_QUERY_TIMEOUT_MS=1.5 must be an integer between 100 and 600000'],
    ['a depth of 1', { PLANGRAPH_MAX_QUERY_DEPTH: '1' }, 'PLANGRAPH_MAX_QUERY_DEPTH=1 must be an integer between 2 and 100'],
    ['a watchdog shorter than three heartbeats', { PLANGRAPH_WATCHDOG_MS: '1000' }, 'PLANGRAPH_WATCHDOG_MS=1000 must be 0 (no watchdog) or an integer between 3000 and 600000'],
    ['a watchdog that is not a number', { PLANGRAPH_WATCHDOG_MS: '10s' }, 'PLANGRAPH_WATCHDOG_MS=10s must be 0 (no watchdog)'],
    ['a negative restart bound', { PLANGRAPH_WORKER_MAX_RESTARTS: '-1' }, 'PLANGRAPH_WORKER_MAX_RESTARTS=-1 must be an integer between 0 and 100'],
    ['a boolean that is not one', { PLANGRAPH_AUTOLOAD: 'maybe' }, 'PLANGRAPH_AUTOLOAD=maybe must be true or false'],
    ['a heap without a unit', { PLANGRAPH_NEO4J_HEAP: '1024' }, 'PLANGRAPH_NEO4J_HEAP=1024 must be a size such as 512m or 1g'],
    ['an http:// Neo4j URI', { NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI=http://localhost:7474 must look like neo4j://host:7687'],
    ['a database for the embedded Neo4j', { NEO4J_DATABASE: 'plans' }, 'NEO4J_DATABASE only applies with NEO4J_URI'],
    ['a negative result cache size', { PLANGRAPH_RESULT_CACHE_MB: '-1' }, 'PLANGRAPH_RESULT_CACHE_MB=-1 must be an integer between 0 and 16384'],
    ['a trusted proxy that is not an address', { PLANGRAPH_TRUST_PROXY: 'proxy.local' }, 'PLANGRAPH_TRUST_PROXY=proxy.local must be true, false, or up to 100'],
    ['a hop count of trusted proxies', { PLANGRAPH_TRUST_PROXY: '1' }, 'PLANGRAPH_TRUST_PROXY=1: a hop count is not supported'],
    ['a metrics port equal to the API port', { PORT: '4000', PLANGRAPH_METRICS_PORT: '4000' }, 'PLANGRAPH_METRICS_PORT=4000 must differ from PORT'],
    ['a connection cap below 10', { PLANGRAPH_MAX_CONNECTIONS: '5' }, 'PLANGRAPH_MAX_CONNECTIONS=5 must be an integer between 10 and 100000'],
  ])('refuses %s, naming the variable and what it must be', (_what, env, problem) => {
    expect(problemsOf(env)).toEqual([expect.stringContaining(problem)]);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', PLANGRAPH_AUTOLOAD: 'maybe', PLANGRAPH_NEO4J_PAGECACHE: 'lots' })).toHaveLength(3);
  });
});
