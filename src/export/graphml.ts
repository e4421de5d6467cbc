import { KeyType, Snapshot, Value } from './snapshot';

/**
 * GraphML for Gephi, yEd, Cytoscape desktop, networkx and igraph: one <key> per property with its type
 * (attr.type long/double/boolean/string), lists as JSON text. Every node carries `labels` (":Entity:Project") and a
 * display `label`; every edge its relationship `type`.
 */

// XML 1.0 forbids most control characters even when escaped; the report has none, but a curator's paste might.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function esc(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function text(value: Value): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** What Gephi shows on a node: its name, else its heading, title or text. */
export function displayLabel(props: Record<string, Value>, id: string): string {
  for (const key of ['name', 'heading', 'title', 'text']) if (typeof props[key] === 'string') return props[key] as string;
  return id;
}

interface Key {
  id: string;
  name: string;
  type: KeyType;
}

function keys(fixed: Record<string, KeyType>, types: Record<string, KeyType>, prefix: string): Map<string, Key> {
  const all = { ...fixed, ...types };
  const map = new Map<string, Key>();
  Object.keys(all).forEach((name, i) => map.set(name, { id: `${prefix}${i}`, name, type: all[name] }));
  return map;
}

export function toGraphML(s: Snapshot): string {
  const nodeKeys = keys({ labels: 'string', label: 'string' }, s.keyTypes.node, 'n');
  const edgeKeys = keys({ type: 'string' }, s.keyTypes.edge, 'e');
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  out.push(`  <!-- PlanGraph export ${esc(s.exportedAt)}; graph loaded ${esc(s.loadedAt ?? 'unknown')}; lists are JSON text. -->`);
  for (const [element, map] of [['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const k of map.values()) out.push(`  <key id="${k.id}" for="${element}" attr.name="${esc(k.name)}" attr.type="${k.type}"/>`);
  }
  out.push('  <graph id="plangraph" edgedefault="directed">');
  const data = (map: Map<string, Key>, name: string, value: Value) =>
    value === null ? '' : `<data key="${map.get(name)!.id}">${esc(text(value))}</data>`;
  for (const n of s.nodes) {
    const cells = [data(nodeKeys, 'labels', `:${n.labels.join(':')}`), data(nodeKeys, 'label', displayLabel(n.properties, n.id))];
    for (const [k, v] of Object.entries(n.properties)) cells.push(data(nodeKeys, k, v));
    out.push(`    <node id="${esc(n.id)}">${cells.join('')}</node>`);
  }
  s.relationships.forEach((r, i) => {
    const cells = [data(edgeKeys, 'type', r.type)];
    for (const [k, v] of Object.entries(r.properties)) cells.push(data(edgeKeys, k, v));
    out.push(`    <edge id="r${i}" source="${esc(r.start)}" target="${esc(r.end)}">${cells.join('')}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
