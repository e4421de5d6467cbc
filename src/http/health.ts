import { Cypher } from '../neo4j/cypher';

/** GET /health: is Neo4j reachable, which Neo4j it is, and how big the graph is. */

export interface Health {
  status: 'ok' | 'unavailable';
  /** The process that answered: under `npm start`, the API worker (a new one after a stuck one was replaced). */
  pid: number;
  neo4j: { connected: boolean; version: string | null; edition: string | null; error?: string };
  graph: { nodes: number; relationships: number } | null;
}

export async function health(cypher: Cypher): Promise<Health> {
  try {
    const [info] = await cypher.read<{ version: string; edition: string }>('read/server-info');
    const [size] = await cypher.read<{ nodes: number; relationships: number }>('read/graph-size');
    return {
      status: 'ok',
      pid: process.pid,
      neo4j: { connected: true, version: info.version, edition: info.edition },
      graph: { nodes: size.nodes, relationships: size.relationships },
    };
  } catch (err) {
    return {
      status: 'unavailable',
      pid: process.pid,
      neo4j: { connected: false, version: null, edition: null, error: (err as Error).message.split('\n')[0] },
      graph: null,
    };
  }
}
