import cluster, { Worker } from 'node:cluster';
import { join } from 'node:path';
import { PlanGraphError } from './errors';
import type { BoltAuth } from './neo4j/connect';

/**
 * The HTTP API runs in a worker process (src/api-worker.ts) that `npm start`'s primary process supervises
 * (docs/deploy.md, "Self-healing"). A request that blocks the worker's event loop (a validation that never ends,
 * an answer too big to serialise) stops its heartbeat: after PLANGRAPH_WATCHDOG_MS without one the primary starts a
 * new worker and kills the stuck one, with a log line saying why. A worker that exits is replaced the same way. The
 * primary keeps the embedded Neo4j and its driver throughout: a replacement costs a second or two, not a JVM start.
 *
 * node:cluster rather than child_process.fork: the listening socket belongs to the primary, so a replacement can
 * listen while the stuck worker still exists, and the port never closes; connections that arrive meanwhile wait in
 * the primary for the new worker instead of being refused.
 */

/** The worker's heartbeat period. The watchdog waits for at least three missed beats (src/config.ts). */
export const HEARTBEAT_MS = 1_000;
/** A worker must listen within this after it is told to serve (it takes 1–3 s; much more on a loaded machine). */
export const WORKER_START_TIMEOUT_MS = 60_000;
/** Replacements are counted over this window: more than PLANGRAPH_WORKER_MAX_RESTARTS in it is a crash loop. */
const RESTART_WINDOW_MS = 60_000;

/** Where the worker finds Neo4j. `rotating`: the password changes when the embedded JVM restarts (neo4j-auth messages). */
export interface BoltTarget {
  uri: string;
  database: string;
  auth?: BoltAuth;
  rotating: boolean;
}

/** Primary → worker. */
export type ToWorker =
  | { type: 'serve'; bolt: BoltTarget }
  | { type: 'neo4j-down'; reason: string }
  | { type: 'neo4j-auth'; auth: BoltAuth }
  | { type: 'stop' };

/** Worker → primary. `hello`: it listens for messages now; `ready`: its HTTP server accepts requests. */
export type FromWorker = { type: 'hello' } | { type: 'heartbeat' } | { type: 'ready'; url: string; metricsUrl?: string };

/** The first API worker did not come up (its own error, e.g. a port in use, is printed by the worker above this). */
export class ApiWorkerError extends PlanGraphError {
  readonly code = 'API_WORKER_FAILED';
}

export interface ApiWorkersOptions {
  watchdogMs: number;
  maxRestarts: number;
  /** How long a worker may drain its requests at shutdown before it is killed. */
  stopTimeoutMs: number;
  log: (line: string) => void;
}

interface Tracked {
  worker: Worker;
  pid: number;
  hello: boolean;
  /** When it was told to serve (its start timeout runs from then). */
  servingSince?: number;
  ready: boolean;
  lastBeat: number;
  /** Replaced because it is stuck: killed once its replacement serves (or after WORKER_START_TIMEOUT_MS). */
  retiredAt?: number;
  exited: Promise<void>;
}

export class ApiWorkers {
  private current: Tracked;
  /** Stuck workers waiting for their replacement to serve: at most one per replacement, and replacements are bounded. */
  private readonly retiring = new Set<Tracked>();
  /** Times of the replacements within the last RESTART_WINDOW_MS (at most maxRestarts of them). */
  private restarts: number[] = [];
  private bolt?: () => BoltTarget;
  private everReady = false;
  private stopping = false;
  private lastCheck = Date.now();
  private readonly timer: NodeJS.Timeout;
  private readonly gaveUp: ((detail: string) => void)[] = [];
  private first!: { resolve: (served: { url: string; metricsUrl?: string; pid: number }) => void; reject: (err: Error) => void };
  private readonly firstReady = new Promise<{ url: string; metricsUrl?: string; pid: number }>((resolve, reject) => (this.first = { resolve, reject }));

  /** Forks the first worker at once: it loads Fastify and Apollo while the primary opens Neo4j and checks the graph. */
  constructor(private readonly opts: ApiWorkersOptions) {
    cluster.setupPrimary({ exec: join(__dirname, 'api-worker.js') });
    this.firstReady.catch(() => undefined); // handled by serve()'s caller
    this.current = this.fork();
    this.timer = setInterval(() => this.check(), HEARTBEAT_MS);
  }

  /** Tells the worker where Neo4j is and resolves once it serves (rejects if it fails to start). */
  serve(bolt: () => BoltTarget): Promise<{ url: string; metricsUrl?: string; pid: number }> {
    this.bolt = bolt;
    this.sendServe(this.current);
    return this.firstReady;
  }

  /** The embedded Neo4j died: the worker answers SERVICE_UNAVAILABLE at once instead of finding out request by request. */
  neo4jDown(reason: string): void {
    this.send(this.current, { type: 'neo4j-down', reason });
  }

  /** A restarted embedded Neo4j has a new password. */
  neo4jAuth(auth: BoltAuth): void {
    this.send(this.current, { type: 'neo4j-auth', auth });
  }

  /** Called once when workers were replaced more than maxRestarts times within a minute; nothing is restarted after. */
  onGaveUp(callback: (detail: string) => void): void {
    this.gaveUp.push(callback);
  }

  /** Drains the serving worker (bounded by stopTimeoutMs, then killed) and kills any stuck one. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    for (const stuck of this.retiring) stuck.worker.process.kill('SIGKILL');
    const worker = this.current;
    this.send(worker, { type: 'stop' });
    const killer = setTimeout(() => worker.worker.process.kill('SIGKILL'), this.opts.stopTimeoutMs);
    await Promise.all([worker.exited, ...[...this.retiring].map((t) => t.exited)]);
    clearTimeout(killer);
  }

  private fork(): Tracked {
    const worker = cluster.fork();
    const tracked: Tracked = {
      worker, pid: worker.process.pid ?? 0, hello: false, ready: false, lastBeat: Date.now(),
      exited: new Promise((resolve) => worker.once('exit', (code, signal) => {
        this.onExit(tracked, code, signal);
        resolve();
      })),
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'heartbeat') tracked.lastBeat = Date.now();
      else if (message.type === 'hello') {
        tracked.hello = true;
        this.sendServe(tracked);
      } else if (message.type === 'ready') this.onReady(tracked, message.url, message.metricsUrl);
    });
    // A worker whose channel breaks is handled by its exit; the error itself needs no more than that.
    worker.on('error', () => undefined);
    return tracked;
  }

  private sendServe(tracked: Tracked): void {
    if (!this.bolt || !tracked.hello || tracked.servingSince !== undefined) return;
    tracked.servingSince = Date.now();
    this.send(tracked, { type: 'serve', bolt: this.bolt() });
  }

  private send(tracked: Tracked, message: ToWorker): void {
    if (tracked.worker.isConnected()) tracked.worker.send(message, () => undefined);
  }

  private onReady(tracked: Tracked, url: string, metricsUrl?: string): void {
    tracked.ready = true;
    tracked.lastBeat = Date.now();
    // The replacement serves: the stuck worker it replaces can go (SIGKILL: it cannot run a handler anyway).
    for (const stuck of this.retiring) stuck.worker.process.kill('SIGKILL');
    if (!this.everReady) {
      this.everReady = true;
      this.first.resolve({ url, metricsUrl, pid: tracked.pid });
    } else this.opts.log(`API worker pid ${tracked.pid} serves ${url}`);
  }

  private onExit(tracked: Tracked, code: number | null, signal: string | null): void {
    if (this.retiring.delete(tracked) || this.stopping || tracked !== this.current) return;
    const how = signal ?? `exit ${code}`;
    if (!this.everReady) {
      this.first.reject(new ApiWorkerError(`the API worker (pid ${tracked.pid}) exited before it served (${how})`));
      return;
    }
    this.replace(tracked, `API worker exited unexpectedly (${how})`);
  }

  /** Once a second: is the serving worker's heartbeat recent, did a new one start in time, did a stuck one linger? */
  private check(): void {
    const now = Date.now();
    // This process itself was busy (a synchronous step): the heartbeats that came meanwhile are not read yet.
    const primaryLagged = now - this.lastCheck > 3 * HEARTBEAT_MS;
    this.lastCheck = now;
    if (this.stopping) return;
    const tracked = this.current;
    if (primaryLagged) tracked.lastBeat = Math.max(tracked.lastBeat, now - HEARTBEAT_MS);
    const silent = now - tracked.lastBeat;
    if (tracked.ready && this.opts.watchdogMs > 0 && silent > this.opts.watchdogMs) {
      this.replace(tracked, `API worker stuck (no heartbeat for ${Math.round(silent / 1000)} s)`, { retire: true });
    } else if (!tracked.ready && tracked.servingSince !== undefined && now - tracked.servingSince > WORKER_START_TIMEOUT_MS) {
      if (!this.everReady) {
        tracked.worker.process.kill('SIGKILL');
        this.first.reject(new ApiWorkerError(`the API worker (pid ${tracked.pid}) did not serve within ${WORKER_START_TIMEOUT_MS / 1000} s`));
      } else this.replace(tracked, `API worker did not serve within ${WORKER_START_TIMEOUT_MS / 1000} s`);
    }
    for (const stuck of this.retiring) {
      if (now - (stuck.retiredAt ?? now) > WORKER_START_TIMEOUT_MS) stuck.worker.process.kill('SIGKILL');
    }
  }

  private replace(tracked: Tracked, why: string, opts: { retire?: boolean } = {}): void {
    const now = Date.now();
    this.restarts = this.restarts.filter((at) => now - at < RESTART_WINDOW_MS);
    if (this.restarts.length >= this.opts.maxRestarts) {
      tracked.worker.process.kill('SIGKILL');
      this.stopping = true;
      clearInterval(this.timer);
      const detail =
        `${why}, and ${this.restarts.length} API workers were replaced within the last minute ` +
        `(PLANGRAPH_WORKER_MAX_RESTARTS=${this.opts.maxRestarts}): giving up`;
      for (const callback of this.gaveUp) callback(detail);
      return;
    }
    this.restarts.push(now);
    if (opts.retire) {
      tracked.retiredAt = now;
      this.retiring.add(tracked);
    } else tracked.worker.process.kill('SIGKILL');
    this.current = this.fork();
    this.opts.log(`${why}: replaced (pid ${tracked.pid} by pid ${this.current.pid}; ${this.restarts.length} of at most ${this.opts.maxRestarts} replacements a minute)`);
  }
}
