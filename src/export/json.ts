import { Snapshot } from './snapshot';

/** The whole graph as one JSON document: nodes with labels and properties, relationships by endpoint id. */
export function toJson(s: Snapshot): string {
  return JSON.stringify(
    {
      format: 'plangraph-export',
      version: 1,
      exportedAt: s.exportedAt,
      graph: { fixturesHash: s.fixturesHash, loadedAt: s.loadedAt },
      counts: s.counts,
      nodes: s.nodes.map((n) => ({ id: n.id, labels: n.labels, properties: n.properties })),
      relationships: s.relationships.map((r) => ({ type: r.type, start: r.start, end: r.end, properties: r.properties })),
    },
    null,
    1,
  );
}
