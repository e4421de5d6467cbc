import { EntityProps, EntityRow } from '../graph-data';
import { BuildContext } from './context';
import { Declared } from './declarations';

/** One node per curated entity, evidenced by its quotes. Milestones and values are passes of their own. */
export function entityRows(declared: Map<string, Declared>, ctx: BuildContext): EntityRow[] {
  const rows: EntityRow[] = [];
  for (const [id, entity] of declared) {
    const props: EntityProps = { id, name: entity.name, aliases: entity.aliases, documents: [ctx.documentId] };
    for (const key of ['nameEn', 'kind', 'category', 'direction', 'headline'] as const) {
      if (entity[key] !== undefined) Object.assign(props, { [key]: entity[key] });
    }
    rows.push({ id, label: entity.label, files: entity.files, props });
    ctx.attach(id, entity.evidence, `${entity.files.join(' + ')} (${id})`);
  }
  return rows;
}
