import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { Driver, ManagedTransaction, RecordShape } from 'neo4j-driver';
import { CYPHER_DIR } from '../paths';
import { cacheKey, ResultCache, ResultCacheLimits, watchedResultCache } from './result-cache';
import { Bulkhead } from './bulkhead';

/**
 * The statements whose work grows with the graph's fan-out to the power of the hops rather than with the answer:
 * path searches. They take turns in one server-wide Bulkhead, three at a time. (Sentence search is not one of
 * them since its text is bounded to 200 characters: its cost is one full-text lookup.)
 */
const HEAVY_STATEMENTS: ReadonlyMap<string, string> = new Map([
  ['read/paths', 'path searches'], ['read/reach', 'path searches'], ['read/path', 'path searches'],
]);
const HEAVY_CONCURRENCY = 3;
/** How long a path search waits for its turn before it is refused (SERVER_BUSY)… */
const HEAVY_MAX_WAIT_MS = 3_000;
/**
 * …and how long it may take in all, waiting included (then Neo4j stops it: QUERY_TIMEOUT). Searches between two
 * projects take 30–250 ms here; the slowest documented one, 6 hops between two hubs, 0.2–2.4 s under load.
 */
const HEAVY_BUDGET_MS = 4_500;

/**
 * The one module that sends Cypher to Neo4j. Statements live in cypher/**.cypher and are referred to by
 * their path without the extension ("read/nodes-by-id"); user input only ever travels as parameters.
 */

const statements = new Map<string, string>();

export function cypherText(name: string): string {
  let text = statements.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    statements.set(name, text);
  }
  return text;
}

export type Row = RecordShape;

/**
 * JavaScript has one number type; Cypher has INTEGER and FLOAT, and LIMIT, list slices and the stored years,
 * orders and counts want INTEGER. Whole numbers are therefore sent as INTEGER; a property that must stay FLOAT
 * whatever its value (IndicatorValue.value) is cast in its Cypher.
 */
export function toCypher(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypher);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypher(v)]));
  }
  return value;
}

export interface CypherStats {
  /**
   * Times the request waited for Neo4j: a statement sent while another of the same request is still in flight
   * runs beside it and adds no round trip (DataLoader batches of one tick go out together). Outside a request
   * runner every statement is one round trip.
   */
  roundTrips: number;
  /** Statements sent to Neo4j (not answered from the result cache). */
  statements?: number;
}

/** A request's deadline: its time limit and the signal that fires when it passes (or the answer is sent). */
export interface RequestDeadline {
  signal: AbortSignal;
  /** Epoch ms. */
  at: number;
}

/** A statement a request would send after its deadline: refused, never sent. */
export class DeadlinePassedError extends Error {
  readonly code = 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';
  constructor() {
    super('The request\'s deadline passed: the statement was not sent.');
  }
}

export interface CypherOptions {
  /** Results of read() kept between requests, keyed by statement, parameters and the graph's load id. */
  resultCache?: ResultCache | null;
  /** Shared by every runner made from one root runner (forRequest, withResultCache keep it). */
  heavy?: Bulkhead;
}

export class Cypher {
  private readonly perRequest: boolean;
  /** Statements of this request sent and not yet answered. */
  private inFlight = 0;

  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly timeoutMs: number,
    readonly stats: CypherStats = { roundTrips: 0 },
    private readonly options: CypherOptions = { heavy: new Bulkhead(HEAVY_CONCURRENCY, HEAVY_MAX_WAIT_MS) },
    perRequest = false,
    private readonly deadline?: RequestDeadline,
  ) {
    this.perRequest = perRequest;
  }

  /**
   * A runner for one GraphQL request: it counts its own statements and round trips, and runs each statement in an
   * auto-commit read transaction (see autoCommit).
   */
  forRequest(deadline?: RequestDeadline): Cypher {
    return new Cypher(this.driver, this.database, this.timeoutMs, { roundTrips: 0 }, this.options, true, deadline);
  }

  /**
   * The transaction timeout of the next statement: the configured one, or less when the request's deadline is
   * nearer, so Neo4j itself stops work nobody waits for. Throws when the deadline has passed.
   */
  private statementTimeout(): number {
    if (!this.deadline) return this.timeoutMs;
    const left = this.deadline.at - Date.now();
    if (this.deadline.signal.aborted || left <= 0) throw new DeadlinePassedError();
    return Math.max(1, Math.min(this.timeoutMs, left));
  }

  /**
   * A runner like this one whose reads are cached between requests while the graph's load id stays the same
   * (read here every second, without the cache). `limits` is the entries bound, or both bounds
   * ({ maxEntries, maxBytes }); either 0 returns this runner unchanged.
   */
  withResultCache(limits: number | ResultCacheLimits, pollMs = 1000): Cypher {
    const cache = watchedResultCache(async () => (await this.read('read/meta'))[0], limits, pollMs);
    return cache ? new Cypher(this.driver, this.database, this.timeoutMs, this.stats, { ...this.options, resultCache: cache }) : this;
  }

  get resultCache(): ResultCache | null {
    return this.options.resultCache ?? null;
  }

  /** Runs a named statement in a read transaction with the configured timeout; returns plain objects. */
  async read<T extends Row = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const cache = this.options.resultCache;
    const key = cache ? cacheKey(name, params) : '';
    const loadId = cache?.currentLoadId ?? null;
    const hit = cache?.get(key);
    if (hit) return hit as T[];
    const text = cypherText(name);
    const timeout = this.statementTimeout();
    this.stats.statements = (this.stats.statements ?? 0) + 1;
    let rows: T[];
    if (this.perRequest) {
      if (this.inFlight === 0) this.stats.roundTrips += 1;
      this.inFlight += 1;
      try {
        const heavy = HEAVY_STATEMENTS.get(name);
        if (heavy && this.options.heavy) {
          const until = Date.now() + HEAVY_BUDGET_MS;
          rows = await this.options.heavy.run(heavy, () => this.autoCommit<T>(text, params, Math.max(1, Math.min(this.statementTimeout(), until - Date.now()))),
            this.deadline ? this.deadline.at - Date.now() : undefined);
        } else {
          rows = await this.autoCommit<T>(text, params, timeout);
        }
      } finally {
        this.inFlight -= 1;
      }
    } else {
      this.stats.roundTrips += 1;
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(text, toCypher(params) as Record<string, unknown>), { timeout: this.timeoutMs });
        rows = result.records.map((r) => r.toObject() as T);
      } finally {
        await session.close();
      }
    }
    cache?.set(key, rows, loadId);
    return rows;
  }

  /**
   * One statement in its own auto-commit read transaction, on its own session: RUN + PULL, no BEGIN and no COMMIT.
   * Measured here, a one-statement request cost 1.2 ms of Node and 0.9 ms of JVM CPU in an explicit transaction
   * and 0.6 + 0.6 ms auto-commit; with look-ahead most requests are one or two statements. Statements of one tick
   * run side by side on separate pooled connections. Neo4j reads are read-committed either way, so a request never
   * had a snapshot of one load; the result and response caches are keyed by the load id instead.
   */
  private async autoCommit<T extends Row>(text: string, params: Record<string, unknown>, timeout: number): Promise<T[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(text, toCypher(params) as Record<string, unknown>, { timeout });
      return result.records.map((r) => r.toObject() as T);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs several named statements in ONE read transaction, so they see the same graph (the exports read nodes,
   * relationships and counts that must agree even while a reload commits).
   */
  async readAll(steps: { name: string; params?: Record<string, unknown> }[], timeoutMs = this.timeoutMs): Promise<Row[][]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(
        (tx) => this.runSteps(tx, steps),
        { timeout: timeoutMs },
      );
    } finally {
      await session.close();
    }
  }

  /** The statements of readAll/writeAll, one after the other in their transaction; each is one round trip. */
  private async runSteps(tx: ManagedTransaction, steps: { name: string; params?: Record<string, unknown> }[]): Promise<Row[][]> {
    const results: Row[][] = [];
    for (const step of steps) {
      this.stats.roundTrips += 1;
      const result = await tx.run(cypherText(step.name), toCypher(step.params ?? {}) as Record<string, unknown>);
      results.push(result.records.map((r) => r.toObject()));
    }
    return results;
  }

  /** Runs several named statements in ONE write transaction: all of them commit, or none. */
  async writeAll(steps: { name: string; params?: Record<string, unknown> }[], timeoutMs = 300_000): Promise<Row[][]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => this.runSteps(tx, steps),
        { timeout: timeoutMs },
      );
    } finally {
      await session.close();
    }
  }

  /**
   * Schema statements (constraints, indexes) cannot share a transaction with data; each runs on its own. Those
   * creating an index or constraint whose name is in `existing` are skipped.
   */
  async schema(name: string, existing: ReadonlySet<string> = new Set()): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    const creates = (statement: string) => /CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)/i.exec(statement.replace(/^\/\/.*$/gm, ''))?.[1];
    try {
      for (const statement of cypherText(name).split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean)) {
        const created = creates(statement);
        if (created && existing.has(created)) continue;
        this.stats.roundTrips += 1;
        await session.run(statement);
      }
    } finally {
      await session.close();
    }
  }
}
