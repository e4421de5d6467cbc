import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';

/**
 * Whole answers kept between requests (Apollo's response-cache plugin over an in-memory LRU). The graph only
 * changes when it is loaded, so an answer stays right for as long as the graph's load id does: the id is part of
 * every key, and while it is unknown (the first poll, a Neo4j outage) nothing is read from or written to the cache.
 * A hit skips execution entirely — no resolvers, no Cypher — which is what keeps the tail short under load; the
 * statement-level result cache (src/neo4j/result-cache.ts) still serves the parts repeated across different questions.
 *
 * The same max-age becomes the Cache-Control header of every answer without errors, so browsers and CDNs may keep
 * GET answers too (for at most that long after a reload).
 */

export interface ResponseCacheOptions {
  /** Bytes of serialised answers to keep; 0 turns the response cache off (the Cache-Control header stays). */
  maxBytes: number;
  /** Seconds an answer may be reused (Cache-Control max-age, and the entries' TTL). */
  maxAgeSeconds: number;
  /** The graph's load id now, or null while unknown. */
  loadId: () => string | null;
}

export function responseCachePlugins(options: ResponseCacheOptions): ApolloServerPlugin[] {
  const cacheControl = ApolloServerPluginCacheControl({ defaultMaxAge: options.maxAgeSeconds });
  if (options.maxBytes <= 0 || options.maxAgeSeconds <= 0) return [cacheControl];
  const known = async () => options.loadId() !== null;
  return [
    cacheControl,
    responseCachePlugin({
      cache: new InMemoryLRUCache({ maxSize: options.maxBytes }),
      extraCacheKeyData: async () => options.loadId(),
      shouldReadFromCache: known,
      shouldWriteToCache: known,
    }),
  ];
}
