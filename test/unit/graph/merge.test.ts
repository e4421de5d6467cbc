import { EntityRow } from '../../../src/graph/graph-data';
import { mergeEntityRows, mergeIdentity } from '../../../src/graph/merge';

const row = (documentId: string, over: Partial<EntityRow['props']> = {}, label: EntityRow['label'] = 'Strategy'): EntityRow => ({
  id: 'strategy:east-hub', label, files: [`${documentId}/registry.yaml`],
  props: { id: 'strategy:east-hub', name: '低碳智造核', kind: 'SPATIAL_STRATEGY', aliases: ['东核'], documents: [documentId], lookupKeys: ['低碳智造核', '东核'], firstMention: 10, ...over },
});

describe('the one merge rule for an entity declared twice', () => {
  it('unions aliases and files, keeps the first English name given, and is headline if either is', () => {
    const a = { label: 'Indicator' as const, name: 'x', aliases: ['a'], files: ['1.yaml'], headline: false };
    const b = { label: 'Indicator' as const, name: 'x', aliases: ['b', 'a'], files: ['2.yaml'], nameEn: 'X', headline: true };
    expect(mergeIdentity('indicator:x', a, b)).toEqual({
      merged: { label: 'Indicator', name: 'x', aliases: ['a', 'b'], files: ['1.yaml', '2.yaml'], nameEn: 'X', headline: true },
      problems: [],
    });
  });

  it.each([
    ['label', { label: 'District' as const }, 'label "Strategy" in 1.yaml but "District" in 2.yaml'],
    ['name', { name: '东部' }, 'name "低碳智造核" in 1.yaml but "东部" in 2.yaml'],
    ['kind', { kind: 'PROGRAMME' }, 'kind "SPATIAL_STRATEGY" in 1.yaml but "PROGRAMME" in 2.yaml'],
  ])('refuses two declarations whose %s differs, naming both files', (_field, change, message) => {
    const a = { label: 'Strategy' as const, name: '低碳智造核', kind: 'SPATIAL_STRATEGY', aliases: [], files: ['1.yaml'] };
    const { problems } = mergeIdentity('strategy:east-hub', a, { ...a, files: ['2.yaml'], ...change });
    expect(problems).toEqual([`strategy:east-hub is declared twice and the declarations disagree: ${message}`]);
  });

  it('merges rows of two reports into one: documents and lookup keys unioned, the earliest first mention', () => {
    const { entities, problems } = mergeEntityRows([row('one'), row('two', { aliases: ['东核', '东部'], lookupKeys: ['东部'], firstMention: 3 })]);
    expect(problems).toEqual([]);
    expect(entities).toHaveLength(1);
    expect(entities[0].files).toEqual(['one/registry.yaml', 'two/registry.yaml']);
    expect(entities[0].props).toMatchObject({
      name: '低碳智造核', aliases: ['东核', '东部'], documents: ['one', 'two'], lookupKeys: ['低碳智造核', '东核', '东部'], firstMention: 3,
    });
  });

  it('refuses two reports that disagree about what an entity is, naming both files', () => {
    const { problems } = mergeEntityRows([row('one'), row('two', { name: '东部智造核' })]);
    expect(problems).toEqual([
      'strategy:east-hub is declared twice and the declarations disagree: name "低碳智造核" in one/registry.yaml but "东部智造核" in two/registry.yaml',
    ]);
    expect(mergeEntityRows([row('one'), row('two', {}, 'District')]).problems[0]).toContain('label "Strategy" in one/registry.yaml but "District" in two/registry.yaml');
  });
});
