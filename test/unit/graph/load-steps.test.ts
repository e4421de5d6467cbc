import { buildGraph } from '../../../src/graph/build';
import { FixtureError } from '../../../src/graph/fixtures/read';
import { hasDuplicateKeys, loadSteps, mergeGraphs } from '../../../src/graph/load';
import { defaultFiles, file, hub, tinyFixtures, TINY_META } from '../helpers/tiny-document';

describe('mergeGraphs (several reports, one load)', () => {
  const one = buildGraph(tinyFixtures());
  const other = buildGraph({ ...tinyFixtures(), meta: { ...TINY_META, id: 'other' } });

  it('keeps one node per shared entity, by the same rule as within a report, and every fact per document', () => {
    const merged = mergeGraphs([one, other]);
    expect(merged.documents.map((d) => d.id)).toEqual(['tiny', 'other']);
    expect(merged.entities).toHaveLength(one.entities.length);
    expect(merged.entities.find((e) => e.id === 'strategy:east-hub')!.props.documents).toEqual(['tiny', 'other']);
    expect(merged.values.map((v) => v.id)).toEqual(['indicator:gdp-growth@tiny:2023:TARGET:6', 'indicator:gdp-growth@other:2023:TARGET:6']);
    expect(merged.relations).toHaveLength(one.relations.length * 2);
  });

  it('refuses two reports that disagree about an entity, naming both files', () => {
    const renamed = defaultFiles();
    renamed[0] = file('other/registry.yaml', { ...renamed[0].data, entities: [{ ...hub, name: '东部智造核', aliases: ['东核', '低碳智造核'] }, ...renamed[0].data.entities.slice(1)] });
    const disagreeing = buildGraph({ ...tinyFixtures(renamed), meta: { ...TINY_META, id: 'other' } });
    expect(() => mergeGraphs([one, disagreeing])).toThrow(FixtureError);
    expect(() => mergeGraphs([one, disagreeing])).toThrow(/name "低碳智造核" in tiny\/registry.yaml but "东部智造核" in other\/registry.yaml/);
  });
});

describe('loadSteps', () => {
  it('writes nodes before the relationships between them, derives, prunes, and records the hash last, all stamped with the load id', () => {
    const steps = loadSteps(buildGraph(tinyFixtures()), 'hash', 'load-1');
    expect(steps.map((s) => s.name)).toEqual([
      'load/documents', 'load/sections', 'load/passages', 'load/entities', 'load/milestones', 'load/values', 'load/evidence',
      'load/relations', 'load/mentions', 'derive/serves-by-anchor', 'load/prune', 'load/meta',
    ]);
    expect(steps.every((s) => s.params.loadId === 'load-1')).toBe(true);
    expect(steps.at(-1)!.params).toEqual({ hash: 'hash', documents: ['tiny'], loadId: 'load-1' });
  });

  it('into a database without a graph, CREATEs the same rows and has nothing to prune', () => {
    const data = buildGraph(tinyFixtures());
    const fresh = loadSteps(data, 'hash', 'load-1', true);
    expect(fresh.map((s) => s.name)).toEqual([
      'load/create/documents', 'load/create/sections', 'load/create/passages', 'load/create/entities', 'load/create/milestones',
      'load/create/values', 'load/create/evidence', 'load/create/relations', 'load/create/mentions', 'derive/serves-by-anchor', 'load/meta',
    ]);
    const reload = loadSteps(data, 'hash', 'load-1');
    for (const [i, s] of fresh.slice(0, 9).entries()) expect(s.params).toEqual(reload[i].params);
  });

  it('sends each piece of evidence and each section link to the lookup of its own label', () => {
    const data = buildGraph(tinyFixtures());
    const [, sections, , , , , evidence] = loadSteps(data, 'hash', 'load-1');
    const split = evidence.params as Record<string, { nodeId: string }[]>;
    expect(split.entities.length + split.milestones.length + split.values.length + split.documents.length).toBe(data.evidence.length);
    expect(split.entities.every((e) => data.entities.some((x) => x.id === e.nodeId))).toBe(true);
    expect(split.values.every((e) => data.values.some((x) => x.id === e.nodeId))).toBe(true);
    const { top, nested } = sections.params as Record<string, { id: string; parentId: string }[]>;
    expect(top.length + nested.length).toBe(data.sections.length);
    expect(top.every((t) => t.parentId === data.documents[0].id)).toBe(true);
    expect(nested.every((n) => data.sections.some((s) => s.id === n.parentId))).toBe(true);
  });

  it('tells when CREATE would write more than MERGE: two rows with one key', () => {
    const data = buildGraph(tinyFixtures());
    expect(hasDuplicateKeys(data)).toBe(false);
    expect(hasDuplicateKeys({ ...data, mentions: [...data.mentions, data.mentions[0]] })).toBe(true);
    expect(hasDuplicateKeys({ ...data, entities: [...data.entities, data.entities[0]] })).toBe(true);
  });
});
