import { LRUCache } from 'lru-cache';

/**
 * Results of read statements, kept between requests. The graph changes only when it is loaded, and every load
 * leaves a new load id in (:PlanGraphMeta) (its fixtures hash and load time). Entries belong to the load id they
 * were read under; when a poll sees another id (a load by this process or by any other replica on the same
 * Neo4j), every entry is dropped. So an answer is at most one poll interval older than the graph, and never
 * mixes two loads' cached rows.
 *
 * Bounded twice: by entries and by bytes. A count alone let a few thousand large results (a 500-row page of
 * projects with their evidence) hold +150 MB; the bytes bound is lru-cache's own `maxSize`, with each entry's size
 * estimated from its rows (estimateBytes) as an upper bound of what V8 keeps for them.
 */

export interface ResultCacheOptions {
  /** How many statement results to keep (least recently used go first). */
  maxEntries: number;
  /** How many bytes (estimated) they may hold; a larger single result is not kept at all. Default: no bytes bound. */
  maxBytes?: number;
  /** How often to read the load id, in ms. */
  pollMs: number;
}

/** What the cache may hold: either bound reaching 0 turns it off. */
export interface ResultCacheLimits {
  maxEntries: number;
  maxBytes?: number;
}

export class ResultCache {
  private readonly entries: LRUCache<string, readonly unknown[]>;
  private loadId: string | null = null;
  private timer?: NodeJS.Timeout;
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResultCacheOptions) {
    const maxBytes = options.maxBytes ?? 0;
    this.entries = new LRUCache<string, readonly unknown[]>({
      max: options.maxEntries,
      ...(maxBytes > 0
        ? {
            maxSize: maxBytes,
            // One result may take at most an eighth of the cache: a huge one would otherwise flush everything else.
            maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
            // The key (a UTF-16 string) is held too.
            sizeCalculation: (rows, key) => Math.max(1, estimateBytes(rows) + STRING_HEADER + key.length * 2),
          }
        : {}),
    });
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

  /** The estimated bytes held now (0 when only the entries bound applies). */
  get bytes(): number {
    return this.entries.calculatedSize ?? 0;
  }

  /** The bounds it keeps to. */
  get limits(): { maxEntries: number; maxBytes: number } {
    return { maxEntries: this.options.maxEntries, maxBytes: this.options.maxBytes ?? 0 };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/**
 * Bytes V8 takes for `value`, rounded up, for rows as the driver returns them: plain objects and arrays of strings,
 * numbers, booleans, null and the driver's small objects (Integer, Node, Relationship), nested a few levels deep.
 * Figures for 64-bit V8 with pointer compression off (Node's default): an object header of 3 words plus a word per
 * property (and its hidden class, shared, not counted), an array 4 words plus one per element, a string 2 words
 * plus 2 bytes per UTF-16 unit (one-byte strings take half; two-byte is the upper bound and Chinese text's size),
 * a heap number 2 words. test/unit/result-cache.test.ts measures real rows against it with the garbage collector.
 * Bounded: at most MAX_DEPTH levels (deeper values count as one pointer each, which rows never reach).
 */
export function estimateBytes(value: unknown, depth = 0): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 0; // immediates (oddballs)
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 30 ? 0 : HEAP_NUMBER;
  if (typeof value === 'string') return STRING_HEADER + value.length * 2;
  if (typeof value === 'bigint') return 32;
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return WORD;
  if (Array.isArray(value)) {
    let bytes = ARRAY_HEADER + value.length * WORD;
    for (const item of value) bytes += estimateBytes(item, depth + 1);
    return bytes;
  }
  let bytes = OBJECT_HEADER;
  for (const key in value) {
    // Own enumerable properties only: inherited ones (the driver's prototypes) are shared, not per row.
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    // A property costs its slot, and its value; keys are internalised strings shared by every row.
    bytes += WORD + estimateBytes((value as Record<string, unknown>)[key], depth + 1);
  }
  return bytes;
}

const WORD = 8;
const HEAP_NUMBER = 16;
const STRING_HEADER = 24;
const ARRAY_HEADER = 32 + 16; // the JSArray and its backing store's header
const OBJECT_HEADER = 32 + 16; // map, properties, elements, plus the property backing store when it outgrows in-object slots
const MAX_DEPTH = 32;

/** A cache key for a statement and its parameters (objects serialised with sorted keys). */
export function cacheKey(name: string, params: Record<string, unknown>): string {
  return `${name}\u0000${JSON.stringify(params, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )}`;
}

/**
 * A result cache for `cypher`'s database that follows its load id; null when either bound is 0 (cache off).
 * `limits` may be a number, the entries bound alone (the bytes bound then defaults to none).
 */
export function watchedResultCache(
  readMeta: () => Promise<{ fixturesHash?: unknown; loadedAt?: unknown } | undefined>,
  limits: number | ResultCacheLimits,
  pollMs = 1000,
): ResultCache | null {
  const { maxEntries, maxBytes } = typeof limits === 'number' ? { maxEntries: limits, maxBytes: undefined } : limits;
  if (maxEntries <= 0 || maxBytes === 0) return null;
  const cache = new ResultCache({ maxEntries, maxBytes, pollMs });
  cache.watch(async () => {
    const meta = await readMeta();
    return meta?.fixturesHash ? `${meta.fixturesHash}@${meta.loadedAt}` : null;
  });
  return cache;
}
