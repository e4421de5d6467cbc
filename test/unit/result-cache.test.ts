import { cacheKey, ResultCache } from '../../src/neo4j/result-cache';

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
});

describe('cacheKey', () => {
  it('does not depend on the order of object keys, and tells different parameters apart', () => {
    expect(cacheKey('read/x', { a: 1, b: { c: [1, 2], d: null } })).toBe(cacheKey('read/x', { b: { d: null, c: [1, 2] }, a: 1 }));
    expect(cacheKey('read/x', { ids: ['a'] })).not.toBe(cacheKey('read/x', { ids: ['b'] }));
    expect(cacheKey('read/x', { ids: ['a'] })).not.toBe(cacheKey('read/y', { ids: ['a'] }));
  });
});
