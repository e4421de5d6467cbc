import { displayLabel } from './graphml';
import { Snapshot, Value } from './snapshot';

/**
 * One CSV per node label (the most specific one: Project.csv, not Entity.csv) and one per relationship type
 * (SERVES.csv), RFC 4180 with CRLF, UTF-8 with a byte-order mark so Excel opens the Chinese text correctly.
 * Lists are JSON text (json.loads / jsonlite::fromJSON read them back).
 */

export const BOM = '\uFEFF';

function cell(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: string[], rows: (Value | undefined)[][]): string {
  return BOM + [header, ...rows].map((r) => r.map((v) => cell(v as Value)).join(',')).join('\r\n') + '\r\n';
}

/** Columns in a readable order: the given ones first, then the rest alphabetically. */
function columns(first: string[], rows: Record<string, Value>[]): string[] {
  const rest = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!first.includes(k)) rest.add(k);
  return [...first, ...[...rest].sort()];
}

/** File name → content. */
export function toCsv(s: Snapshot): Map<string, string> {
  const files = new Map<string, string>();
  const byLabel = new Map<string, typeof s.nodes>();
  for (const n of s.nodes) byLabel.set(n.label, [...(byLabel.get(n.label) ?? []), n]);
  for (const [label, nodes] of byLabel) {
    const props = nodes.map((n) => n.properties);
    const cols = columns(['id', 'name'].filter((c) => props.some((p) => c in p)), props);
    const header = [...cols, 'labels', 'label'];
    files.set(
      `${label}.csv`,
      table(header, nodes.map((n) => [...cols.map((c) => n.properties[c]), `:${n.labels.join(':')}`, displayLabel(n.properties, n.id)])),
    );
  }
  const byType = new Map<string, typeof s.relationships>();
  for (const r of s.relationships) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  for (const [type, rels] of byType) {
    const cols = columns(['basis', 'inference', 'evidence'].filter((c) => rels.some((r) => c in r.properties)), rels.map((r) => r.properties));
    const header = ['start_id', 'end_id', 'start_label', 'end_label', 'type', ...cols];
    files.set(`${type}.csv`, table(header, rels.map((r) => [r.start, r.end, r.startLabel, r.endLabel, r.type, ...cols.map((c) => r.properties[c])])));
  }
  return files;
}
