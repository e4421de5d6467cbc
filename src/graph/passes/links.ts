import { FixtureFile } from '../fixtures/read';
import { LINK_ENDPOINTS } from '../fixtures/fixture-schema';
import { RelationRow } from '../graph-data';
import { BuildContext } from './context';
import { GlossaryTerm } from './glossary';
import { NameIndex } from './name-index';

/**
 * Curated links between entities: both ends must resolve, and to the entity types the link type allows.
 * The same fact curated twice (in the 2022 and the 2023 file, say) is one relationship with its quotes
 * unioned, and the stronger basis wins: if either sentence states it, it is stated.
 */
export function linkRows(files: FixtureFile[], names: NameIndex, ctx: BuildContext): RelationRow[] {
  const rows: RelationRow[] = [];
  const byKey = new Map<string, RelationRow>();
  files.forEach((file) =>
    file.data.links.forEach((link, i) => {
      const where = `${file.path}: links[${i}] (${link.rel} ${link.from} → ${link.to})`;
      const from = names.resolve(link.from, where, ctx.problems);
      const to = names.resolve(link.to, where, ctx.problems);
      if (!from || !to) return;
      const allowed = LINK_ENDPOINTS[link.rel];
      const [fromType, toType] = [names.typeOf.get(from), names.typeOf.get(to)];
      if (!fromType || !toType || !allowed.from.includes(fromType) || !allowed.to.includes(toType)) {
        ctx.problem(`${where}: ${link.rel} joins ${allowed.from.join('/')} → ${allowed.to.join('/')}, not ${fromType} → ${toType}`);
        return;
      }
      if (from === to) ctx.problem(`${where}: a link from an entity to itself`);
      const props = { documentId: ctx.documentId, basis: link.basis, inference: link.inference ?? null, ...ctx.cite(link.evidence, where) };
      const key = `${from}|${link.rel}|${to}`;
      const prior = byKey.get(key);
      if (!prior) {
        const row: RelationRow = { type: link.rel, from, to, props };
        byKey.set(key, row);
        rows.push(row);
        return;
      }
      if (props.basis === 'EXPLICIT' && prior.props.basis !== 'EXPLICIT') Object.assign(prior.props, { basis: 'EXPLICIT', inference: null });
      props.evidence.forEach((quote, q) => {
        if (prior.props.evidence.includes(quote)) return;
        prior.props.evidence.push(quote);
        prior.props.passageIds.push(props.passageIds[q]);
      });
    }),
  );
  return rows;
}

/** (GlossaryTerm)-[:DEFINES]->(entity) for every term the curators say defines something, stated by its entry. */
export function definesRows(terms: GlossaryTerm[], names: NameIndex, ctx: BuildContext): RelationRow[] {
  const rows: RelationRow[] = [];
  for (const term of terms) {
    if (!term.defines) continue;
    const target = names.resolve(term.defines, `${term.file}: glossary ${term.number} defines`, ctx.problems);
    if (!target) continue;
    rows.push({
      type: 'DEFINES', from: term.id, to: target,
      props: { documentId: ctx.documentId, basis: 'EXPLICIT', inference: null, ...ctx.cite([term.text], `glossary ${term.number}`) },
    });
  }
  return rows;
}
