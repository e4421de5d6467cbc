import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cacheKey, estimateBytes, ResultCache, watchedResultCache } from '../../src/neo4j/result-cache';

describe('ResultCache', () => {
  it('caches nothing until it knows the load id', () => {
    const cache = new ResultCache({ maxEntries: 10, pollMs: 1000 });
    cache.set('k', [1], null);
    expect(cache.get('k')).toBeUndefined();
    cache.observe('load-1');
    cache.set('k', [1], 'load-1');
    expect(cache.get('k')).toEqual([1]);
  });

  it('drops every entry when the load id changes, and refuses rows read under an older one', () => {
    const cache = new ResultCache({ maxEntries: 10, pollMs: 1000 });
    cache.observe('load-1');
    cache.set('a', ['old'], 'load-1');
    cache.observe('load-2');
    expect(cache.get('a')).toBeUndefined();
    // A statement that started under load-1 and finished after the change must not be kept.
    cache.set('a', ['old'], 'load-1');
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', ['new'], 'load-2');
    expect(cache.get('a')).toEqual(['new']);
    cache.observe(null);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps at most maxEntries, least recently used first out', () => {
    const cache = new ResultCache({ maxEntries: 2, pollMs: 1000 });
    cache.observe('l');
    cache.set('a', [1], 'l');
    cache.set('b', [2], 'l');
    cache.get('a');
    cache.set('c', [3], 'l');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual([1]);
    expect(cache.get('c')).toEqual([3]);
  });

  it('keeps within maxBytes however many entries it may hold, least recently used first out', () => {
    const maxBytes = 200_000;
    const cache = new ResultCache({ maxEntries: 100_000, maxBytes, pollMs: 1000 });
    cache.observe('l');
    let kept = 0;
    for (let i = 0; i < 2_000; i++) {
      cache.set(`k${i}`, projectRows(i, 3), 'l');
      expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
      kept = cache.size;
    }
    expect(kept).toBeGreaterThan(10);
    expect(kept).toBeLessThan(2_000);
    // The newest are kept, the oldest went first.
    expect(cache.get('k1999')).toBeDefined();
    expect(cache.get('k0')).toBeUndefined();
    // The bytes are what estimateBytes says of the rows kept (plus their keys).
    expect(cache.bytes).toBeGreaterThan(maxBytes * 0.8);
  });

  it('does not keep one result larger than an eighth of its bytes, and so keeps the others', () => {
    const cache = new ResultCache({ maxEntries: 100, maxBytes: 100_000, pollMs: 1000 });
    cache.observe('l');
    cache.set('small', projectRows(1, 2), 'l');
    const huge = projectRows(2, 500);
    expect(estimateBytes(huge)).toBeGreaterThan(100_000 / 8);
    cache.set('huge', huge, 'l');
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('small')).toBeDefined();
  });

  it('is off when either bound is 0', () => {
    const meta = async () => ({ fixturesHash: 'h', loadedAt: 't' });
    expect(watchedResultCache(meta, 0)).toBeNull();
    expect(watchedResultCache(meta, { maxEntries: 10, maxBytes: 0 })).toBeNull();
    const on = watchedResultCache(meta, { maxEntries: 10, maxBytes: 1024 * 1024 })!;
    expect(on.limits).toEqual({ maxEntries: 10, maxBytes: 1024 * 1024 });
    on.stop();
  });
});

/**
 * Rows shaped like the driver's answers to cypher/read (node maps with Chinese names and aliases, evidence with
 * quotes, numbers, booleans, nulls), each string distinct as strings decoded from Bolt are.
 */
function projectRows(seed: number, n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `project:p-${seed}-${i}`,
    node: {
      id: `project:p-${seed}-${i}`,
      name: `龙岗区第${seed}号产业项目${i}期建设工程`,
      aliases: [`项目${seed}-${i}`, `P${seed}.${i}`],
      category: 'INDUSTRY',
      headline: i % 2 === 0,
      order: i,
      value: 12.5 + i,
      loadId: null,
      labels: ['Entity', 'Project'],
    },
    evidence: [
      { quote: `加快推进第${seed}号项目第${i}期建设，力争年内竣工投产。`, sectionId: `sec:${seed}.${i}`, position: i * 3 },
      { quote: `Phase ${i} of project ${seed} starts construction in 2023 (${'x'.repeat(i % 7)}).`, sectionId: `sec:${seed}`, position: i },
    ],
  }));
}

describe('estimateBytes', () => {
  it('is at least what V8 keeps for real-shaped rows, and within 3× of it (measured with the garbage collector)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const settle = () => {
      for (let i = 0; i < 3; i++) gc();
      return process.memoryUsage().heapUsed;
    };
    // ~40 MB of rows, so that the collector's own noise (a few hundred KB) is far below the difference measured.
    const before = settle();
    const kept: unknown[] = [];
    for (let i = 0; i < 4_000; i++) kept.push(projectRows(i, 20));
    const retained = settle() - before;
    const estimated = kept.reduce<number>((sum, rows) => sum + estimateBytes(rows), 0) + kept.length * 8;
    expect(kept).toHaveLength(4_000); // keeps `kept` alive until after the measurement
    expect(retained).toBeGreaterThan(10_000_000);
    expect(estimated).toBeGreaterThanOrEqual(retained);
    expect(estimated).toBeLessThan(3 * retained);
  });

  it('counts strings by their UTF-16 length and stops at a bounded depth', () => {
    expect(estimateBytes('龙岗') - estimateBytes('')).toBe(4);
    expect(estimateBytes(7)).toBe(0); // a small integer lives in its slot
    expect(estimateBytes(0.5)).toBeGreaterThan(0);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(Number.isFinite(estimateBytes(deep))).toBe(true);
  });
});

describe('cacheKey', () => {
  it('does not depend on the order of object keys, and tells different parameters apart', () => {
    expect(cacheKey('read/x', { a: 1, b: { c: [1, 2], d: null } })).toBe(cacheKey('read/x', { b: { d: null, c: [1, 2] }, a: 1 }));
    expect(cacheKey('read/x', { ids: ['a'] })).not.toBe(cacheKey('read/x', { ids: ['b'] }));
    expect(cacheKey('read/x', { ids: ['a'] })).not.toBe(cacheKey('read/x', { ids: ['b'] }));
    expect(cacheKey('read/x', { ids: ['a'] })).not.toBe(cacheKey('read/y', { ids: ['a'] }));
  });
});
