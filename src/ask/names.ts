import { Row } from '../neo4j/cypher';
import type { CypherRunner } from '../neo4j/runner';
import { ENTITY_LABELS, EntityLabel, NameDictionary, NameEntry } from './dictionary';

/**
 * The name dictionary of the loaded graph: cypher/read/ask-names.cypher's rows, checked (not cast), built into a
 * NameDictionary once per rows object. The result cache hands every request of one load the same rows object,
 * so the dictionary is built once per load; without the cache it is built per request (~2 ms for 660 names).
 */

const built = new WeakMap<object, NameDictionary>();

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
    dict = new NameDictionary(entriesOf(rows));
    built.set(rows, dict);
  }
  return dict;
}
