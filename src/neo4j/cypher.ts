import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { Driver, RecordShape } from 'neo4j-driver';
import { CYPHER_DIR } from '../paths';

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
function toCypher(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypher);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypher(v)]));
  }
  return value;
}

export interface CypherStats {
  /** Statements sent to Neo4j: each read() or write() is exactly one round trip. */
  roundTrips: number;
}

export class Cypher {
  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly timeoutMs: number,
    readonly stats: CypherStats = { roundTrips: 0 },
  ) {}

  /** A runner sharing this one's driver that counts its own round trips (one per GraphQL request). */
  forRequest(): Cypher {
    return new Cypher(this.driver, this.database, this.timeoutMs, { roundTrips: 0 });
  }

  /** Runs a named statement in a read transaction with the configured timeout; returns plain objects. */
  async read<T extends Row = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const text = cypherText(name);
    this.stats.roundTrips += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(text, toCypher(params) as Record<string, unknown>), { timeout: this.timeoutMs });
      return result.records.map((r) => r.toObject() as T);
    } finally {
      await session.close();
    }
  }

  /** Runs several named statements in ONE write transaction: all of them commit, or none. */
  async writeAll(steps: { name: string; params?: Record<string, unknown> }[], timeoutMs = 300_000): Promise<Row[][]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        async (tx) => {
          const results: Row[][] = [];
          for (const step of steps) {
            this.stats.roundTrips += 1;
            const result = await tx.run(cypherText(step.name), toCypher(step.params ?? {}) as Record<string, unknown>);
            results.push(result.records.map((r) => r.toObject()));
          }
          return results;
        },
        { timeout: timeoutMs },
      );
    } finally {
      await session.close();
    }
  }

  /** Schema statements (constraints, indexes) cannot share a transaction with data; each runs on its own. */
  async schema(name: string): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const statement of cypherText(name).split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean)) {
        this.stats.roundTrips += 1;
        await session.run(statement);
      }
    } finally {
      await session.close();
    }
  }
}
