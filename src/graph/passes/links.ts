import { FixtureFile } from '../fixtures/read';
import { LINK_ENDPOINTS } from '../fixtures/fixture-schema';
import { nameWithinName, strengthOf } from '../strength';
import { RelationRow } from '../graph-data';
import { BuildContext } from './context';
import { GlossaryTerm } from './glossary';
import { NameIndex } from './name-index';

/**
 * Curated links between entities: both ends must resolve, and to the entity types the link type allows.
 * The same fact curated twice (in the 2022 and the 2023 file, say) is one relationship with its quotes
 * unioned, and the stronger basis wins: if either sentence states it, it is stated. Each link gets its strength
 * (strength.ts); a claim that it is read from a name inside a name (PLACE_NAME_IN_NAME) is checked on the names.
 */
export function linkRows(files: FixtureFile[], names: NameIndex, ctx: BuildContext): RelationRow[] {
  const rows: RelationRow[] = [];
  const namesOf = new Map<string, string[]>();
  for (const [name, id] of names.byName) namesOf.set(id, [...(namesOf.get(id) ?? []), name]);
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
      if (link.inferredFrom === 'PLACE_NAME_IN_NAME' && !nameWithinName(namesOf.get(from) ?? [], namesOf.get(to) ?? [])) {
        ctx.problem(`${where}: inferredFrom PLACE_NAME_IN_NAME, but neither name (nor alias) is written inside the other; say NAME_PREFIX or what it is read from`);
      }
      const inferredFrom = link.inferredFrom ?? null;
      const props = {
        documentId: ctx.documentId, basis: link.basis, inference: link.inference ?? null, inferredFrom,
        strength: strengthOf(link.basis, inferredFrom), ...ctx.cite(link.evidence, where),
      };
      const key = `${from}|${link.rel}|${to}`;
      const prior = byKey.get(key);
      if (!prior) {
        const row: RelationRow = { type: link.rel, from, to, props };
        byKey.set(key, row);
        rows.push(row);
        return;
      }
      if (props.basis === 'EXPLICIT' && prior.props.basis !== 'EXPLICIT') {
        Object.assign(prior.props, { basis: 'EXPLICIT', inference: null, inferredFrom: null, strength: 'STATED' });
      } else if (props.strength === 'NAME_READ' && prior.props.strength === 'INFERRED') {
        // Two readings of one fact: the one the names carry is the stronger.
        Object.assign(prior.props, { inference: props.inference, inferredFrom: props.inferredFrom, strength: props.strength });
      }
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
      props: {
        documentId: ctx.documentId, basis: 'EXPLICIT', inference: null, inferredFrom: null, strength: 'STATED',
        ...ctx.cite([term.text], `glossary ${term.number}`),
      },
    });
  }
  return rows;
}
