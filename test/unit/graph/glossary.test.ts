import { glossaryTerms } from '../../../src/graph/passes/glossary';
import { file, tinyContext, tinyOutline } from '../helpers/tiny-document';

describe('glossaryTerms', () => {
  const curated = file('tiny/registry.yaml', { glossary: [{ number: 1, id: 'term:east-hub', nameEn: 'East Hub', aliases: ['东核解释'], defines: '低碳智造核' }] });

  it('takes the term and definition from the text and the id, English name and aliases from the registry', () => {
    const ctx = tinyContext();
    const { entities, terms } = glossaryTerms(tinyOutline().glossary, [curated], ctx);
    expect(entities).toEqual([{
      id: 'term:east-hub', label: 'GlossaryTerm', files: ['tiny/registry.yaml'],
      props: { name: '东核', term: '东核', number: 1, definition: '指低碳智造核。', nameEn: 'East Hub', aliases: ['东核解释'], documents: ['tiny'] },
    }]);
    expect(terms).toEqual([{ id: 'term:east-hub', number: 1, defines: '低碳智造核', file: 'tiny/registry.yaml', text: '1.东核:指低碳智造核。' }]);
    expect(ctx.evidence.map((e) => [e.nodeId, e.passageId])).toEqual([['term:east-hub', 'tiny:glossary.1#1']]);
    expect(ctx.problems).toEqual([]);
  });

  it('reports an entry without a curated id and a curated number without an entry', () => {
    const ctx = tinyContext();
    glossaryTerms(tinyOutline().glossary, [file('r.yaml', { glossary: [{ number: 2, id: 'term:other', nameEn: 'Other' }] })], ctx);
    expect(ctx.problems).toEqual([
      'glossary entry 1 (东核) has no curated id: add it to registry/glossary.yaml',
      'registry glossary number 2 is not an entry of the 名词解释',
    ]);
  });
});
