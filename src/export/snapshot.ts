import { Cypher } from '../neo4j/cypher';

/**
 * The whole graph as the exports see it: read in one read transaction so nodes, relationships and counts agree.
 * Loader bookkeeping (the PlanGraphMeta node, load stamps, lookup keys) is left out: it is not part of the report's
 * graph and would only confuse a researcher's tools.
 */

export type Value = string | number | boolean | null | Value[];

/** Properties that exist for the loader and the lookups, not for analysis. */
export const INTERNAL_PROPERTIES = new Set(['loadId', 'lookupKeys', 'names', 'aliasesText']);

export interface ExportNode {
  id: string;
  labels: string[];
  /** The most specific label (Entity is a super-label of Strategy, Project …): the node's CSV file. */
  label: string;
  properties: Record<string, Value>;
}

export interface ExportRelationship {
  type: string;
  start: string;
  end: string;
  startLabel: string;
  endLabel: string;
  properties: Record<string, Value>;
}

/** GraphML's attribute types; lists travel as JSON text. */
export type KeyType = 'string' | 'long' | 'double' | 'boolean';

export interface Snapshot {
  exportedAt: string;
  fixturesHash: string | null;
  loadedAt: string | null;
  nodes: ExportNode[];
  relationships: ExportRelationship[];
  /** Neo4j's own counts: nodes per label (Entity included), relationships per type. */
  counts: { labels: Record<string, number>; types: Record<string, number> };
  /** The type of each property key, per element kind. */
  keyTypes: { node: Record<string, KeyType>; edge: Record<string, KeyType> };
}

export const SUPER_LABELS = new Set(['Entity']);

function primaryLabel(labels: string[]): string {
  return labels.filter((l) => !SUPER_LABELS.has(l)).sort()[0] ?? labels[0] ?? 'Node';
}

function clean(props: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const key of Object.keys(props).sort()) {
    if (!INTERNAL_PROPERTIES.has(key)) out[key] = plain(props[key]);
  }
  return out;
}

/** Neo4j temporal and other driver values become their ISO text. */
function plain(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(plain);
  return String(v);
}

/** Cypher's valueType() names → one GraphML type per key (INTEGER and FLOAT together widen to double). */
function keyType(cypherTypes: string[]): KeyType {
  const base = new Set(cypherTypes.map((t) => t.replace(/ NOT NULL$/, '')));
  if ([...base].every((t) => t === 'BOOLEAN')) return 'boolean';
  if ([...base].every((t) => t === 'INTEGER')) return 'long';
  if ([...base].every((t) => t === 'INTEGER' || t === 'FLOAT')) return 'double';
  return 'string';
}

export async function readSnapshot(cypher: Cypher, timeoutMs = 60_000): Promise<Snapshot> {
  const [meta, nodes, rels, types, counts] = await cypher.readAll(
    [{ name: 'read/meta' }, { name: 'export/nodes' }, { name: 'export/relationships' }, { name: 'export/property-types' }, { name: 'export/counts' }],
    timeoutMs,
  );
  const byKey: { node: Record<string, string[]>; edge: Record<string, string[]> } = { node: {}, edge: {} };
  for (const t of types) {
    const element = t.element as 'node' | 'edge';
    if (INTERNAL_PROPERTIES.has(t.key as string)) continue;
    (byKey[element][t.key as string] ??= []).push(t.type as string);
  }
  const keyTypes = {
    node: Object.fromEntries(Object.entries(byKey.node).map(([k, ts]) => [k, keyType(ts)])),
    edge: Object.fromEntries(Object.entries(byKey.edge).map(([k, ts]) => [k, keyType(ts)])),
  };
  const labelCounts: Record<string, number> = {};
  const typeCounts: Record<string, number> = {};
  for (const c of counts) (c.kind === 'label' ? labelCounts : typeCounts)[c.name as string] = c.count as number;
  return {
    exportedAt: new Date().toISOString(),
    fixturesHash: (meta[0]?.fixturesHash as string | null) ?? null,
    loadedAt: (meta[0]?.loadedAt as string | null) ?? null,
    nodes: nodes.map((n) => ({
      id: n.id as string,
      labels: n.labels as string[],
      label: primaryLabel(n.labels as string[]),
      properties: clean(n.props as Record<string, unknown>),
    })),
    relationships: rels.map((r) => ({
      type: r.type as string,
      start: r.start as string,
      end: r.end as string,
      startLabel: primaryLabel(r.startLabels as string[]),
      endLabel: primaryLabel(r.endLabels as string[]),
      properties: clean(r.props as Record<string, unknown>),
    })),
    counts: { labels: labelCounts, types: typeCounts },
    keyTypes,
  };
}
