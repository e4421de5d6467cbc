import { EntityType } from '../fixtures/fixture-schema';
import { EntityRow } from '../graph-data';
import { Declared } from './declarations';

/**
 * How curated references (a link's `from`/`to`, a term's `defines`) and passage mentions find entities: by id,
 * name or alias. A name or alias must mean one entity; glossary terms are found by id only.
 */
export class NameIndex {
  readonly byName = new Map<string, string>();
  readonly typeOf = new Map<string, EntityType>();

  /** The id a reference means, or undefined. */
  lookup(ref: string): string | undefined {
    return this.typeOf.has(ref) ? ref : this.byName.get(ref);
  }

  /** The id a reference means; a reference to nothing is a problem. */
  resolve(ref: string, where: string, problems: string[]): string | undefined {
    const id = this.lookup(ref);
    if (!id) problems.push(`${where}: "${ref}" is not the name, alias or id of any declared entity`);
    return id;
  }
}

export function nameIndex(declared: Map<string, Declared>, glossary: EntityRow[], problems: string[]): NameIndex {
  const index = new NameIndex();
  const claim = (name: string, id: string, where: string) => {
    const owner = index.byName.get(name);
    if (owner && owner !== id) problems.push(`${where}: the name "${name}" is already used by ${owner}; a name or alias must mean one entity`);
    else index.byName.set(name, id);
  };
  for (const [id, entity] of declared) {
    index.typeOf.set(id, entity.label);
    claim(entity.name, id, `${entity.files[0]} (${id})`);
    for (const alias of entity.aliases) claim(alias, id, `${entity.files[0]} (${id}) alias`);
  }
  for (const term of glossary) index.typeOf.set(term.id, 'GlossaryTerm');
  return index;
}
