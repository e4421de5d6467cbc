import { DocumentFixtures, FixtureError } from './fixtures/read';
import { CuratedEntity, EntityType, LINK_ENDPOINTS } from './fixtures/schema';
import { lookupKeys } from './names';
import { parseOutline, ParsedPassage } from './parse/outline';

/**
 * Turns one document's parsed outline and curated fixtures into plain rows for the loader: every check that
 * can fail (a quote not in the source, a reference that resolves to nothing or to two things, a link between
 * the wrong kinds of entity, two declarations of one id that disagree) fails here, before Neo4j is touched.
 */

type Props = Record<string, unknown>;

export interface GraphData {
  documents: { id: string; props: Props }[];
  sections: { id: string; parentId: string | null; documentId: string; props: Props }[];
  passages: { id: string; sectionId: string; props: Props }[];
  entities: { id: string; label: EntityType; props: Props }[];
  milestones: { id: string; ownerId: string; props: Props }[];
  values: { id: string; indicatorId: string; props: Props }[];
  /** (node)-[:EVIDENCED_BY {quote, documentId}]->(passage) for entities, milestones, values and documents. */
  evidence: { nodeId: string; passageId: string; quote: string; documentId: string }[];
  relations: { type: string; from: string; to: string; props: Props }[];
  mentions: { passageId: string; entityId: string }[];
}

interface Declared {
  entity: CuratedEntity;
  files: string[];
}

/** Resolves quotes to the passages they stand in. */
class EvidenceIndex {
  constructor(
    private readonly source: string,
    private readonly passages: ParsedPassage[],
  ) {}

  /** The ids of the passages a quote overlaps, or null when the quote is not in the source. */
  passagesOf(quote: string): string[] | null {
    const at = this.source.indexOf(quote);
    if (at < 0) return null;
    const end = at + quote.length;
    return this.passages.filter((p) => p.start < end && p.end > at).map((p) => p.id);
  }
}

export function buildGraph(fx: DocumentFixtures): GraphData {
  const problems: string[] = [];
  const docId = fx.meta.id;
  const outline = parseOutline(fx.source, docId, { reviewed: fx.meta.periodReviewed, planned: fx.meta.periodPlanned });
  const evidenceIndex = new EvidenceIndex(fx.source, outline.passages);
  const data: GraphData = {
    documents: [], sections: [], passages: [], entities: [], milestones: [], values: [], evidence: [], relations: [], mentions: [],
  };

  /** Checks quotes and returns {quotes, passageIds}; records a problem for each quote not in the source. */
  const evidence = (given: string[], where: string) => {
    const quotes = [...new Set(given)];
    const passageIds: string[] = [];
    for (const quote of quotes) {
      const ids = evidenceIndex.passagesOf(quote);
      if (ids === null) problems.push(`${where}: evidence "${quote}" is not an exact substring of the source text`);
      else passageIds.push(ids[0]);
    }
    return { evidence: quotes, passageIds };
  };
  const nodeEvidence = (nodeId: string, quotes: string[], where: string) => {
    for (const quote of quotes) {
      for (const passageId of evidenceIndex.passagesOf(quote) ?? []) data.evidence.push({ nodeId, passageId, quote, documentId: docId });
    }
    evidence(quotes, where);
  };

  // The document and its outline.
  data.documents.push({ id: docId, props: { ...fx.meta, source: undefined, sourceLength: fx.source.length } });
  nodeEvidence(docId, [outline.title], `${docId}/document.yaml`);
  for (const s of outline.sections) {
    const { id, parentId, ...props } = s;
    data.sections.push({ id, parentId, documentId: docId, props: { ...props, parentId, documentId: docId } });
  }
  for (const p of outline.passages) {
    const { id, sectionId } = p;
    data.passages.push({ id, sectionId, props: { ...p, documentId: docId } });
  }

  // Entities: merge declarations of the same id across files.
  const declared = new Map<string, Declared>();
  fx.files.forEach((file) =>
    file.data.entities.forEach((entity, i) => {
      const where = `${file.path}: entities[${i}] (${entity.id})`;
      const seen = declared.get(entity.id);
      if (!seen) {
        declared.set(entity.id, { entity: structuredClone(entity), files: [file.path] });
        return;
      }
      const a = seen.entity as Record<string, unknown>;
      const b = entity as Record<string, unknown>;
      for (const key of ['type', 'name', 'kind', 'category', 'direction'] as const) {
        if (a[key] !== b[key]) {
          problems.push(`${where}: ${key} "${String(b[key])}" disagrees with "${String(a[key])}" declared for the same id in ${seen.files.join(', ')}`);
        }
      }
      seen.files.push(file.path);
      a.aliases = [...new Set([...(a.aliases as string[]), ...(b.aliases as string[])])];
      a.evidence = [...new Set([...(a.evidence as string[]), ...(b.evidence as string[])])];
      a.nameEn ??= b.nameEn;
      if ('timeline' in b) a.timeline = [...((a.timeline as unknown[]) ?? []), ...(b.timeline as unknown[])];
      if ('values' in b) a.values = [...((a.values as unknown[]) ?? []), ...(b.values as unknown[])];
      if (b.headline) a.headline = true;
    }),
  );

  // Glossary terms: parsed entries, curated ids.
  const glossaryById = new Map<string, { number: number; defines?: string; file: string; text: string }>();
  const curatedGlossary = new Map(fx.files.flatMap((f) => f.data.glossary.map((g) => [g.number, { ...g, file: f.path }] as const)));
  for (const entry of outline.glossary) {
    const curated = curatedGlossary.get(entry.number);
    if (!curated) {
      problems.push(`glossary entry ${entry.number} (${entry.term}) has no curated id: add it to registry/glossary.yaml`);
      continue;
    }
    glossaryById.set(curated.id, { number: entry.number, defines: curated.defines, file: curated.file, text: entry.text });
    data.entities.push({
      id: curated.id,
      label: 'GlossaryTerm',
      props: {
        name: entry.term, term: entry.term, number: entry.number, definition: entry.definition, nameEn: curated.nameEn,
        aliases: curated.aliases, documents: [docId],
      },
    });
    nodeEvidence(curated.id, [entry.text], `${curated.file}: glossary ${entry.number}`);
  }
  for (const number of curatedGlossary.keys()) {
    if (!outline.glossary.some((g) => g.number === number)) problems.push(`registry glossary number ${number} is not an entry of the 名词解释`);
  }

  // Name index for references and mentions: names and aliases must each mean one entity.
  const byName = new Map<string, string>();
  const typeOf = new Map<string, EntityType>();
  const claim = (name: string, id: string, where: string) => {
    const owner = byName.get(name);
    if (owner && owner !== id) problems.push(`${where}: the name "${name}" is already used by ${owner}; a name or alias must mean one entity`);
    else byName.set(name, id);
  };
  for (const [id, { entity, files }] of declared) {
    typeOf.set(id, entity.type);
    claim(entity.name, id, `${files[0]} (${id})`);
    for (const alias of entity.aliases) claim(alias, id, `${files[0]} (${id}) alias`);
  }
  for (const e of data.entities) typeOf.set(e.id, 'GlossaryTerm');
  const resolveRef = (ref: string, where: string): string | undefined => {
    const id = typeOf.has(ref) ? ref : byName.get(ref);
    if (!id) problems.push(`${where}: "${ref}" is not the name, alias or id of any declared entity`);
    return id;
  };

  for (const [id, { entity, files }] of declared) {
    const where = `${files.join(' + ')} (${id})`;
    const { type, evidence: quotes, aliases, ...rest } = entity;
    const props: Props = { ...rest, aliases, documents: [docId] };
    delete props.timeline;
    delete props.values;
    data.entities.push({ id, label: type, props });
    nodeEvidence(id, quotes, where);

    if (entity.type === 'Project' || entity.type === 'Organization') {
      const merged = new Map<string, { year: number; stage: string; quotes: string[] }>();
      for (const m of entity.timeline) {
        const key = `${m.year}:${m.stage}`;
        const prior = merged.get(key);
        merged.set(key, { year: m.year, stage: m.stage, quotes: [...new Set([...(prior?.quotes ?? []), ...m.evidence])] });
      }
      for (const [key, m] of merged) {
        const milestoneId = `${id}@${docId}:${key}`;
        const kind = m.year <= fx.meta.periodReviewed ? 'REPORTED' : 'PLANNED';
        data.milestones.push({
          id: milestoneId, ownerId: id,
          props: { year: m.year, stage: m.stage, kind, documentId: docId, ...evidence(m.quotes, `${where} timeline ${key}`) },
        });
        nodeEvidence(milestoneId, m.quotes, `${where} timeline ${key}`);
      }
    }
    if (entity.type === 'Indicator') {
      const seen = new Set<string>();
      for (const v of entity.values) {
        const valueId = `${id}@${docId}:${v.year}:${v.kind}:${v.value}`;
        if (seen.has(valueId)) continue;
        seen.add(valueId);
        data.values.push({
          id: valueId, indicatorId: id,
          props: {
            year: v.year, kind: v.kind, value: v.value, unit: v.unit, qualifier: v.qualifier, documentId: docId,
            ...evidence(v.evidence, `${where} value ${v.year} ${v.kind}`),
          },
        });
        nodeEvidence(valueId, v.evidence, `${where} value ${v.year} ${v.kind}`);
      }
    }
  }

  // Links.
  const relKeys = new Map<string, number>();
  fx.files.forEach((file) =>
    file.data.links.forEach((link, i) => {
      const where = `${file.path}: links[${i}] (${link.rel} ${link.from} → ${link.to})`;
      const from = resolveRef(link.from, where);
      const to = resolveRef(link.to, where);
      if (!from || !to) return;
      const allowed = LINK_ENDPOINTS[link.rel];
      if (!allowed.from.includes(typeOf.get(from)!) || !allowed.to.includes(typeOf.get(to)!)) {
        problems.push(
          `${where}: ${link.rel} joins ${allowed.from.join('/')} → ${allowed.to.join('/')}, not ${typeOf.get(from)} → ${typeOf.get(to)}`,
        );
        return;
      }
      if (from === to) problems.push(`${where}: a link from an entity to itself`);
      const props = {
        documentId: docId, basis: link.basis, inference: link.inference ?? null, ...evidence(link.evidence, where),
      };
      const key = `${from}|${link.rel}|${to}`;
      const prior = relKeys.get(key);
      if (prior !== undefined) {
        // The same fact curated twice (in the 2022 and the 2023 file, say): one relationship, quotes unioned,
        // and the stronger basis wins: if either sentence states it, it is stated.
        const rel = data.relations[prior].props as { evidence: string[]; passageIds: string[]; basis: string; inference: string | null };
        if (props.basis === 'EXPLICIT' && rel.basis !== 'EXPLICIT') Object.assign(rel, { basis: 'EXPLICIT', inference: null });
        props.evidence.forEach((quote, q) => {
          if (rel.evidence.includes(quote)) return;
          rel.evidence.push(quote);
          rel.passageIds.push(props.passageIds[q]);
        });
        return;
      }
      relKeys.set(key, data.relations.length);
      data.relations.push({ type: link.rel, from, to, props });
    }),
  );
  for (const [termId, g] of glossaryById) {
    if (!g.defines) continue;
    const target = resolveRef(g.defines, `${g.file}: glossary ${g.number} defines`);
    if (target) {
      data.relations.push({
        type: 'DEFINES', from: termId, to: target,
        props: { documentId: docId, basis: 'EXPLICIT', inference: null, ...evidence([g.text], `glossary ${g.number}`) },
      });
    }
  }

  // Lookup keys for name search, and where each entity first appears (document order for listings).
  const seqOf = new Map(outline.passages.map((p) => [p.id, p.seq]));
  const firstSeq = new Map<string, number>();
  for (const e of data.evidence) {
    const seq = seqOf.get(e.passageId)!;
    if (seq < (firstSeq.get(e.nodeId) ?? Infinity)) firstSeq.set(e.nodeId, seq);
  }
  for (const e of data.entities) {
    e.props.lookupKeys = lookupKeys(e.props.name as string, e.props.aliases as string[], e.props.kind);
    e.props.firstMention = firstSeq.get(e.id) ?? null;
  }

  data.mentions = findMentions(outline.passages, byName);
  if (problems.length) throw new FixtureError(problems);
  return data;
}

/**
 * (Passage)-[:MENTIONS]->(Entity) wherever a name or alias occurs in the passage. Longer names win: in
 * "深圳国际低碳城论坛" the passage mentions the forum, not also 深圳国际低碳城. One-character names are ignored.
 */
function findMentions(passages: ParsedPassage[], byName: Map<string, string>): GraphData['mentions'] {
  const names = [...byName.keys()].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  const mentions: GraphData['mentions'] = [];
  for (const p of passages) {
    const taken = new Array<boolean>(p.text.length).fill(false);
    const found = new Set<string>();
    for (const name of names) {
      for (let at = p.text.indexOf(name); at >= 0; at = p.text.indexOf(name, at + 1)) {
        if (taken.slice(at, at + name.length).some(Boolean)) continue;
        taken.fill(true, at, at + name.length);
        found.add(byName.get(name)!);
      }
    }
    for (const entityId of found) mentions.push({ passageId: p.id, entityId });
  }
  return mentions;
}
