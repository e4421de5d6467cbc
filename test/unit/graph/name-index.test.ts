import { EntityRow } from '../../../src/graph/graph-data';
import { mergeDeclarations } from '../../../src/graph/passes/declarations';
import { nameIndex } from '../../../src/graph/passes/name-index';
import { file, hub, park, zone } from '../helpers/tiny-document';

const term: EntityRow = { id: 'term:east-hub', label: 'GlossaryTerm', files: ['g.yaml'], props: { name: '东核', aliases: [], documents: ['tiny'] } };

describe('nameIndex', () => {
  it('finds an entity by id, name or alias, and a glossary term by id only', () => {
    const problems: string[] = [];
    const index = nameIndex(mergeDeclarations([file('a.yaml', { entities: [hub, zone, park] })], problems), [term], problems);
    expect(index.lookup('strategy:east-hub')).toBe('strategy:east-hub');
    expect(index.lookup('低碳智造核')).toBe('strategy:east-hub');
    expect(index.lookup('东核')).toBe('strategy:east-hub');
    expect(index.lookup('term:east-hub')).toBe('term:east-hub');
    expect(index.typeOf.get('term:east-hub')).toBe('GlossaryTerm');
    expect(index.typeOf.get('project:baolong-park')).toBe('Project');
    expect(problems).toEqual([]);
  });

  it('reports a reference to nothing, and a name or alias used by two entities', () => {
    const problems: string[] = [];
    const index = nameIndex(mergeDeclarations([file('a.yaml', { entities: [hub, { ...zone, aliases: ['东核'] }] })], problems), [], problems);
    expect(index.resolve('西核', 'a.yaml: links[0]', problems)).toBeUndefined();
    expect(problems).toEqual([
      'a.yaml (district:baolong) alias: the name "东核" is already used by strategy:east-hub; a name or alias must mean one entity',
      'a.yaml: links[0]: "西核" is not the name, alias or id of any declared entity',
    ]);
  });
});
