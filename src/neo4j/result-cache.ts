import { LRUCache } from 'lru-cache';

/**
 * Results of read statements, kept between requests. The graph changes only when it is loaded, and every load
 * leaves a new load id in (:PlanGraphMeta) (its fixtures hash and load time). Entries belong to the load id they
 * were read under; when a poll sees another id (a load by this process or by any other replica on the same
 * Neo4j), every entry is dropped. So an answer is at most one poll interval older than the graph, and never
 * mixes two loads' cached rows.
 */

export interface ResultCacheOptions {
  /** How many statement results to keep (least recently used go first). */
  maxEntries: number;
  /** How often to read the load id, in ms. */
  pollMs: number;
}

export class ResultCache {
  private readonly entries: LRUCache<string, readonly unknown[]>;
  private loadId: string | null = null;
  private timer?: NodeJS.Timeout;
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResultCacheOptions) {
    this.entries = new LRUCache({ max: options.maxEntries });
  }

  /** Starts polling the load id with `readLoadId`; until the first answer nothing is cached. */
  watch(readLoadId: () => Promise<string | null>): void {
    const poll = async () => {
      try {
        this.observe(await readLoadId());
      } catch {
        // Neo4j unreachable: keep nothing rather than serve answers that might belong to an old load.
        this.observe(null);
      }
    };
    void poll();
    this.timer = setInterval(() => void poll(), this.options.pollMs);
    this.timer.unref();
  }

  /** Records the load id seen now; a different one (or none) drops every entry. */
  observe(loadId: string | null): void {
    if (loadId !== this.loadId) {
      this.entries.clear();
      this.loadId = loadId;
    }
  }

  /** The id entries are read under now; null while unknown (then nothing is cached). */
  get currentLoadId(): string | null {
    return this.loadId;
  }

  get(key: string): readonly unknown[] | undefined {
    if (this.loadId === null) return undefined;
    const hit = this.entries.get(key);
    if (hit) this.hits += 1;
    else this.misses += 1;
    return hit;
  }

  /** Keeps rows read while `loadId` was current, unless the id moved on meanwhile. */
  set(key: string, rows: readonly unknown[], loadId: string | null): void {
    if (loadId !== null && loadId === this.loadId) this.entries.set(key, rows);
  }

  get size(): number {
    return this.entries.size;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** A cache key for a statement and its parameters (objects serialised with sorted keys). */
export function cacheKey(name: string, params: Record<string, unknown>): string {
  return `${name}\u0000${JSON.stringify(params, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )}`;
}

/** A result cache for `cypher`'s database that follows its load id; null when `maxEntries` is 0 (cache off). */
export function watchedResultCache(readMeta: () => Promise<{ fixturesHash?: unknown; loadedAt?: unknown } | undefined>, maxEntries: number, pollMs = 1000): ResultCache | null {
  if (maxEntries <= 0) return null;
  const cache = new ResultCache({ maxEntries, pollMs });
  cache.watch(async () => {
    const meta = await readMeta();
    return meta?.fixturesHash ? `${meta.fixturesHash}@${meta.loadedAt}` : null;
  });
  return cache;
}
