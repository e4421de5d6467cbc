import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { archiveKey, classArchiveDir, dumpClassArchive, planClassArchive } from './class-archive';
import { fetchNeo4j } from './fetch';
import { PlanGraphError } from '../errors';

/**
 * Starts Neo4j Community as a child JVM (neo4j/src/main/java/dev/plangraph/Launcher.java) and stops it.
 * The JVM exits by itself when our end of its stdin pipe closes, so it cannot outlive this process.
 *
 * Auth is on: each JVM start gets a new random password for the user neo4j (docs/deploy.md, "Embedded Neo4j
 * security"). It reaches the JVM on its stdin, the driver through `auth`, and local tools through a 0600 file in
 * the data folder (passwordFile()), written once the JVM is ready and removed when it stops.
 */

/** A user name and password for Bolt. */
export interface BoltAuth {
  username: string;
  password: string;
}

export interface EmbeddedOptions {
  dataDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  java: string;
  maven: string;
  log: (line: string) => void;
  /** Called once the JVM process is spawned (it then boots for seconds): the caller can do its own start-up meanwhile. */
  onLaunched?: () => void;
  /** Where class-data archives live (default: neo4j/target/cds, beside the jars they are made of). */
  classDataDir?: string;
  /** How long after makeClassArchive() the dump begins (default 10 s). */
  classArchiveDelayMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  /** This JVM's credentials (a new password at every start). */
  auth: BoltAuth;
  pid: number;
  version: string;
  stop(): Promise<void>;
  /** Calls back if the JVM exits without being asked to (a crash, an OOM kill), with its exit code and log tail. */
  onUnexpectedExit(callback: (detail: string) => void): void;
  /**
   * When this JVM started without a class-data archive, dumps the classes it loaded into one in the background, so
   * later starts are faster (src/neo4j/class-archive.ts). Call once the server is ready; a no-op otherwise.
   */
  makeClassArchive(): void;
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
const VM_LINE = 'PLANGRAPH_NEO4J_VM';
const CLASS_ARCHIVE_DELAY_MS = 10_000;
/** A JVM that has not reported ready by then is killed (a start takes 7–40 s on this 2-core machine, loaded or not). */
export const START_TIMEOUT_MS = 180_000;
/** 24 random bytes: 192 bits, 32 characters of base64url (no quoting needed in a shell or a config file). */
const PASSWORD_BYTES = 24;

/** Where a running embedded Neo4j's password is kept for local tools (npm run cypher/export/load, a Bolt client). */
export function passwordFile(dataDir: string): string {
  return join(dataDir, 'neo4j-password');
}

/** Settings for a small, loopback-only Neo4j on a 2-core machine shared with Node (docs/design.md, "Settings for a shared 2-core machine"). */
function settings(opts: EmbeddedOptions): string {
  return [
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${opts.boltPort}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    // Bolt is bound to 127.0.0.1 only, and still asks for the password of this start: any local user, or a request
    // forged through another local service (SSRF), could otherwise write or wipe the graph.
    'dbms.security.auth_enabled=true',
    // No lock-out after failed logins: against a 192-bit random password guessing is hopeless anyway, while the
    // default (3 failures lock the user for 5 s, even with the right password) would let any local user lock the
    // API's new connections out at will.
    'dbms.security.auth_max_failed_attempts=0',
    // LOAD CSV may read no file (by default it reads any file the JVM can: /etc/passwd, the password file) and
    // reach no address (by default it fetches any URL: an SSRF from inside). Nothing in PlanGraph uses LOAD CSV.
    'dbms.security.allow_csv_import_from_file_urls=false',
    'internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0',
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

/** The JVM's flags before its class path (a class-data archive is dumped with the same ones). */
function jvmFlags(opts: EmbeddedOptions): string[] {
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
  ];
}

function javaArgs(opts: EmbeddedOptions, classData: string[], classpath: string, home: string, conf: string): string[] {
  return [...jvmFlags(opts), ...classData, '-cp', classpath, 'dev.plangraph.Launcher', home, conf];
}

/** Checks the JVM is Java 17+; returns its `-version` text (part of the class-data archive's name). */
function assertJava17(java: string): string {
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
  return probe.stderr;
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
  const javaVersion = assertJava17(opts.java);
  const dist = await fetchNeo4j({ maven: opts.maven, log: opts.log });
  await assertPortFree(opts.boltPort);

  const home = join(opts.dataDir, 'neo4j');
  // Only its owner may look inside (the store, the logs, the password file) when the folder is new.
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const conf = join(home, 'plangraph-neo4j.conf');
  writeFileSync(conf, settings(opts));
  // The last run's password stays valid in the store until the new JVM replaces it: no copy of it may remain.
  const credentials = passwordFile(opts.dataDir);
  rmSync(credentials, { force: true });

  const archiveDir = opts.classDataDir ?? classArchiveDir(dist.targetDir);
  const key = archiveKey(javaVersion, dist.jarFiles);
  let plan = planClassArchive(archiveDir, key);
  opts.log(
    `starting Neo4j ${dist.version} (heap ${opts.heap}, page cache ${opts.pageCache}, bolt 127.0.0.1:${opts.boltPort}, data ${home}` +
      `${plan.archive ? ', class-data archive' : ''})…`,
  );
  const started = Date.now();
  let launched: Launched;
  try {
    launched = await launch(opts, javaArgs(opts, plan.flags, dist.classpath, home, conf), home);
  } catch (err) {
    // Never let the archive break a start: a JVM that died while mapping it starts again without it.
    if (!plan.archive) throw err;
    opts.log(`Neo4j did not start with the class-data archive; deleting it and starting without it (${(err as Error).message.split('\n')[0]})`);
    rmSync(plan.archive, { force: true });
    plan = planClassArchive(archiveDir, key);
    launched = await launch(opts, javaArgs(opts, plan.flags, dist.classpath, home, conf), home);
  }
  const { child, exited, vmInfo, auth } = launched;
  writePasswordFile(credentials, auth.password);
  if (plan.archive && !/\bsharing\b/.test(vmInfo)) {
    // The JVM found the archive unusable (another JDK build, changed jars) and ran without it: make a new one.
    opts.log(`the class-data archive ${plan.archive} could not be used (JVM: ${vmInfo}); it is deleted and will be made again`);
    rmSync(plan.archive, { force: true });
  }
  opts.log(`Neo4j ${dist.version} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid})`);

  let stopping = false;
  let dump: ChildProcess | undefined;
  let dumping = false;
  let dumpTimer: NodeJS.Timeout | undefined;
  return {
    uri: `bolt://127.0.0.1:${opts.boltPort}`,
    auth,
    pid: child.pid!,
    version: dist.version,
    stop: async () => {
      stopping = true;
      clearTimeout(dumpTimer);
      dump?.kill('SIGKILL');
      await stopChild(child, exited);
      removePasswordFile(credentials, auth.password);
      // A class list nobody dumped is of no use to the next start (it records its own).
      if (plan.classList && !dump) rmSync(plan.classList, { force: true });
    },
    onUnexpectedExit: (callback) => {
      void exited.then((code) => {
        if (!stopping) callback(`Neo4j (pid ${child.pid}) exited unexpectedly (exit ${code ?? child.signalCode}).\n${logTail(home, 15)}`);
      });
    },
    makeClassArchive: () => {
      if (!plan.classList || dumping || stopping) return;
      dumping = true;
      // Not at once: a server stopped within seconds (a test, a quick try) would only waste the dump's CPU.
      dumpTimer = setTimeout(() => {
        if (stopping || !plan.classList || !existsSync(plan.classList)) return;
        const archive = join(archiveDir, `${key}.jsa`);
        opts.log('making a class-data archive of Neo4j in the background (once), for faster starts later…');
        const began = Date.now();
        dumpClassArchive({
          java: opts.java, jvmFlags: jvmFlags(opts), classpath: dist.classpath, classList: plan.classList, archive,
          onSpawn: (c) => (dump = c),
        }).then(
          () => opts.log(`class-data archive ready in ${((Date.now() - began) / 1000).toFixed(0)} s: later starts of Neo4j map it`),
          (err: Error) => {
            if (!stopping) opts.log(`no class-data archive this time (${err.message.slice(0, 300)}); Neo4j starts without one`);
          },
        );
      }, opts.classArchiveDelayMs ?? CLASS_ARCHIVE_DELAY_MS);
      dumpTimer.unref();
    },
  };
}

/** Written whole under another name and renamed: a reader never sees half a password. Owner-only from the start. */
function writePasswordFile(file: string, password: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true }); // a leftover would keep its own mode: the 0600 below applies only to a new file
  writeFileSync(tmp, `${password}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Removed only when it still holds this JVM's password (a later start may have written its own meanwhile). */
function removePasswordFile(file: string, password: string): void {
  try {
    if (readFileSync(file, 'utf8').trim() === password) rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}

interface Launched {
  child: ChildProcess;
  /** The credentials this JVM was started with. */
  auth: BoltAuth;
  exited: Promise<number | null>;
  /** java.vm.info of the JVM, as the launcher printed it ("mixed mode, sharing" when a class-data archive is mapped). */
  vmInfo: string;
}

/** Spawns the launcher and waits for its ready line. */
async function launch(opts: EmbeddedOptions, args: string[], home: string): Promise<Launched> {
  const child = spawn(opts.java, args, {
    // stdin stays an open pipe: its EOF is the JVM's signal to shut down (see Launcher.java).
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group: a Ctrl-C in the terminal reaches Node only, which then stops Neo4j after draining
    // requests, instead of both shutting down at once. (It still cannot outlive Node: see stdin above.)
    detached: true,
  });
  // A new password for every JVM (a retry too: the one before may have set its password before it died).
  const auth: BoltAuth = { username: 'neo4j', password: randomBytes(PASSWORD_BYTES).toString('base64url') };
  // A JVM that dies at once closes the pipe under this write: its exit is reported below, not as an EPIPE crash.
  child.stdin!.on('error', () => undefined);
  child.stdin!.write(`${auth.password}\n`);
  opts.onLaunched?.();
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - 20));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const vmInfo = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedNeo4jError('NEO4J_START_FAILED', `Neo4j did not become ready within ${START_TIMEOUT_MS / 1000} s.\n${logTail(home)}`));
    }, START_TIMEOUT_MS);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve(new RegExp(`${VM_LINE} (.*)`).exec(out)?.[1]?.trim() ?? '');
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
  return { child, exited, vmInfo, auth };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(killer);
}

export interface SupervisorOptions {
  /** Restarts allowed for one outage before giving up (a JVM that dies again within a minute continues the count). */
  maxRestarts: number;
  /** Delay before the first restart; doubles with each attempt, capped at 30 s. */
  backoffMs: number;
  /** A JVM that ran this long before dying starts a new outage (default 60 s); one that died sooner continues the last. */
  stableAfterMs?: number;
}

export interface SupervisedNeo4j {
  uri: string;
  /** The running JVM's credentials (a restarted JVM has a new password). */
  readonly auth: BoltAuth;
  /** The running JVM's process id (it changes with each restart). */
  readonly pid: number;
  version: string;
  stop(): Promise<void>;
  /** The JVM died; a restart follows (unless none are left). */
  onDown(callback: (detail: string) => void): void;
  /** A restarted JVM is ready. */
  onRestarted(callback: (pid: number) => void): void;
  /** The JVM died and every restart failed: nothing more will happen. */
  onGaveUp(callback: (detail: string) => void): void;
  /** See EmbeddedNeo4j.makeClassArchive (the current JVM's). */
  makeClassArchive(): void;
}

const STABLE_AFTER_MS = 60_000;

/**
 * The embedded Neo4j, restarted when its JVM dies (a crash, an OOM kill): with backoff, at most `maxRestarts`
 * times per outage, so a database that cannot start is not retried forever and the supervisor above PlanGraph
 * (systemd, Docker) sees the process exit instead.
 */
export async function superviseEmbeddedNeo4j(opts: EmbeddedOptions & SupervisorOptions): Promise<SupervisedNeo4j> {
  let current = await startEmbeddedNeo4j(opts);
  let upSince = Date.now();
  let attempts = 0;
  let stopping = false;
  let restarting: Promise<void> | null = null;
  const down: ((detail: string) => void)[] = [];
  const restarted: ((pid: number) => void)[] = [];
  const gaveUp: ((detail: string) => void)[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const watch = (neo4j: EmbeddedNeo4j) =>
    neo4j.onUnexpectedExit((detail) => {
      if (stopping) return;
      down.forEach((cb) => cb(detail));
      restarting = restart(detail).finally(() => (restarting = null));
    });

  async function restart(detail: string): Promise<void> {
    // A JVM that ran for a while had a new outage; one that died soon after a restart continues the last one.
    if (Date.now() - upSince > (opts.stableAfterMs ?? STABLE_AFTER_MS)) attempts = 0;
    let last = detail;
    while (!stopping && attempts < opts.maxRestarts) {
      attempts += 1;
      const delay = Math.min(opts.backoffMs * 2 ** (attempts - 1), 30_000);
      opts.log(`Neo4j died; restart ${attempts} of ${opts.maxRestarts} in ${(delay / 1000).toFixed(1)} s`);
      await sleep(delay);
      if (stopping) return;
      try {
        current = await startEmbeddedNeo4j(opts);
        upSince = Date.now();
        watch(current);
        restarted.forEach((cb) => cb(current.pid));
        return;
      } catch (err) {
        last = (err as Error).message;
        opts.log(`restart ${attempts} failed: ${last.split('\n')[0]}`);
      }
    }
    if (!stopping) gaveUp.forEach((cb) => cb(`Neo4j could not be restarted (${opts.maxRestarts} attempts). Last failure:\n${last}`));
  }

  watch(current);
  return {
    uri: current.uri,
    get auth() {
      return current.auth;
    },
    get pid() {
      return current.pid;
    },
    version: current.version,
    stop: async () => {
      stopping = true;
      await restarting;
      await current.stop();
    },
    onDown: (cb) => void down.push(cb),
    onRestarted: (cb) => void restarted.push(cb),
    onGaveUp: (cb) => void gaveUp.push(cb),
    makeClassArchive: () => current.makeClassArchive(),
  };
}
