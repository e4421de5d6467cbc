import { Row } from '../neo4j/cypher';
import type { CypherRunner } from '../neo4j/runner';
import { ENTITY_LABELS, EntityLabel, NameDictionary, NameEntry } from './dictionary';

/**
 * The name dictionary of the loaded graph: cypher/read/ask-names.cypher's rows, checked (not cast), built into a
 * NameDictionary once per load. Building takes 17–64 ms of the event loop for 660 names here, so it must not happen
 * per question: 16 questions at once held /health for half a second. The result cache hands every request of one
 * load the same rows object (the WeakMap); without the cache the rows are compared as JSON text (~1 ms) with the last
 * ones built, so a dictionary is rebuilt only when the graph's names change.
 */

const built = new WeakMap<object, NameDictionary>();
let last: { text: string; dict: NameDictionary } | null = null;

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new Error(`read/ask-names: ${where} is not a string`);
  return v;
}

export function entriesOf(rows: Row[]): NameEntry[] {
  return rows.map((r, i) => {
    const label = str(r.label, `row ${i}.label`);
    if (!ENTITY_LABELS.includes(label as EntityLabel)) throw new Error(`read/ask-names: row ${i}.label is ${label}`);
    const aliases = Array.isArray(r.aliases) ? r.aliases.map((a, j) => str(a, `row ${i}.aliases[${j}]`)) : [];
    return {
      id: str(r.id, `row ${i}.id`), label: label as EntityLabel, name: str(r.name, `row ${i}.name`), aliases,
      nameEn: r.nameEn == null ? null : str(r.nameEn, `row ${i}.nameEn`), kind: r.kind == null ? null : str(r.kind, `row ${i}.kind`),
    };
  });
}

export async function dictionaryFor(cypher: CypherRunner): Promise<NameDictionary> {
  const rows = await cypher.read('read/ask-names', {});
  let dict = built.get(rows);
  if (!dict) {
    const text = JSON.stringify(rows);
    if (last?.text !== text) last = { text, dict: new NameDictionary(entriesOf(rows)) };
    dict = last.dict;
    built.set(rows, dict);
  }
  return dict;
}
