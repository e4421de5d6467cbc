import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fetchNeo4j } from './fetch';
import { PlanGraphError } from '../errors';

/**
 * Starts Neo4j Community as a child JVM (neo4j/src/main/java/dev/plangraph/Launcher.java) and stops it.
 * The JVM exits by itself when our end of its stdin pipe closes, so it cannot outlive this process.
 */

export interface EmbeddedOptions {
  dataDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  java: string;
  maven: string;
  log: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  version: string;
  stop(): Promise<void>;
  /** Calls back if the JVM exits without being asked to (a crash, an OOM kill), with its exit code and log tail. */
  onUnexpectedExit(callback: (detail: string) => void): void;
}

export class EmbeddedNeo4jError extends PlanGraphError {
  constructor(
    readonly code: 'JAVA_NOT_FOUND' | 'PORT_IN_USE' | 'NEO4J_START_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const READY_LINE = 'PLANGRAPH_NEO4J_READY';
const START_TIMEOUT_MS = 180_000;

/** Settings for a small, loopback-only Neo4j on a 2-core machine shared with Node (docs/design.md, "Settings for a shared 2-core machine"). */
function settings(opts: EmbeddedOptions): string {
  return [
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${opts.boltPort}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    // Bolt is bound to 127.0.0.1 only; the API is the public face.
    'dbms.security.auth_enabled=false',
    `server.memory.pagecache.size=${opts.pageCache}`,
    'dbms.memory.transaction.total.max=512m',
    'db.tx_log.rotation.retention_policy=1 files',
    'db.tx_log.rotation.size=16m',
    'db.tx_log.preallocate=false',
    'db.transaction.timeout=120s',
    'dbms.usage_report.enabled=false',
    // By default Bolt waits 5 s for connections, then 5 s for its threads, at every shutdown; nothing is in flight
    // by then (the driver is closed first), so a stop takes seconds, not ten.
    'internal.server.bolt.connection_shutdown_wait_time=1s',
    'internal.server.bolt.thread_pool_shutdown_wait_time=1s',
    '',
  ].join('\n');
}

function javaArgs(opts: EmbeddedOptions, classpath: string, home: string, conf: string): string[] {
  return [
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-cp',
    classpath,
    'dev.plangraph.Launcher',
    home,
    conf,
  ];
}

function assertJava17(java: string): void {
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const hint =
    'Install Java 17 or 21 (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17)' +
    ' or set JAVA_HOME; or set NEO4J_URI to use a Neo4j you already run.';
  if (probe.error || probe.status !== 0) {
    throw new EmbeddedNeo4jError('JAVA_NOT_FOUND', `The embedded Neo4j needs Java 17+, and \`${java}\` could not be run.\n  ${hint}`, {
      cause: probe.error,
    });
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major < 17) {
    throw new EmbeddedNeo4jError('JAVA_NOT_FOUND', `The embedded Neo4j needs Java 17+, but \`${java}\` is Java ${major}.\n  ${hint}`);
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new EmbeddedNeo4jError(
          'PORT_IN_USE',
          `Bolt port 127.0.0.1:${port} is already in use (${err.code}): another Neo4j or PlanGraph is running.\n` +
            `  Stop it, or choose another port with PLANGRAPH_NEO4J_BOLT_PORT.`,
          { cause: err },
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function logTail(home: string, lines = 30): string {
  const debugLog = join(home, 'logs', 'debug.log');
  if (!existsSync(debugLog)) return '  (no debug.log was written)';
  const all = readFileSync(debugLog, 'utf8').trimEnd().split('\n');
  return all.slice(-lines).map((l) => `    ${l}`).join('\n');
}

export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  assertJava17(opts.java);
  const dist = await fetchNeo4j({ maven: opts.maven, log: opts.log });
  await assertPortFree(opts.boltPort);

  const home = join(opts.dataDir, 'neo4j');
  mkdirSync(home, { recursive: true });
  const conf = join(home, 'plangraph-neo4j.conf');
  writeFileSync(conf, settings(opts));

  opts.log(`starting Neo4j ${dist.version} (heap ${opts.heap}, page cache ${opts.pageCache}, bolt 127.0.0.1:${opts.boltPort}, data ${home})…`);
  const started = Date.now();
  const child = spawn(opts.java, javaArgs(opts, dist.classpath, home, conf), {
    // stdin stays an open pipe: its EOF is the JVM's signal to shut down (see Launcher.java).
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group: a Ctrl-C in the terminal reaches Node only, which then stops Neo4j after draining
    // requests, instead of both shutting down at once. (It still cannot outlive Node: see stdin above.)
    detached: true,
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - 20));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedNeo4jError('NEO4J_START_FAILED', `Neo4j did not become ready within ${START_TIMEOUT_MS / 1000} s.\n${logTail(home)}`));
    }, START_TIMEOUT_MS);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new EmbeddedNeo4jError(
          'NEO4J_START_FAILED',
          `Neo4j exited during start-up (exit ${code}).\n  Its stderr:\n${stderr.map((l) => `    ${l}`).join('\n') || '    (empty)'}\n` +
            `  The end of ${join(home, 'logs', 'debug.log')}:\n${logTail(home)}`,
        ),
      );
    });
  });
  opts.log(`Neo4j ${dist.version} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid})`);

  let stopping = false;
  return {
    uri: `bolt://127.0.0.1:${opts.boltPort}`,
    pid: child.pid!,
    version: dist.version,
    stop: () => {
      stopping = true;
      return stopChild(child, exited);
    },
    onUnexpectedExit: (callback) => {
      void exited.then((code) => {
        if (!stopping) callback(`Neo4j (pid ${child.pid}) exited unexpectedly (exit ${code ?? child.signalCode}).\n${logTail(home, 15)}`);
      });
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(killer);
}
