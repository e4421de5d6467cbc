import { FixtureFile } from '../../../src/graph/fixtures/read';
import { mergeDeclarations } from '../../../src/graph/passes/declarations';
import { definesRows, linkRows } from '../../../src/graph/passes/links';
import { nameIndex } from '../../../src/graph/passes/name-index';
import { file, hub, park, tinyContext, zone } from '../helpers/tiny-document';

const registry = file('registry.yaml', { entities: [hub, zone, park] });
const run = (links: FixtureFile[]) => {
  const ctx = tinyContext();
  const names = nameIndex(mergeDeclarations([registry], ctx.problems), [], ctx.problems);
  return { rows: linkRows([registry, ...links], names, ctx), problems: ctx.problems, names, ctx };
};

describe('linkRows', () => {
  it('resolves both ends by name, alias or id and cites the quotes', () => {
    const { rows, problems } = run([file('l.yaml', { links: [{ rel: 'ANCHORED_IN', from: '东核', to: 'district:baolong', evidence: '宝龙科技城新开工' }] })]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{
      type: 'ANCHORED_IN', from: 'strategy:east-hub', to: 'district:baolong',
      props: { documentId: 'tiny', basis: 'EXPLICIT', inference: null, evidence: ['宝龙科技城新开工'], passageIds: ['tiny:1.1#3'] },
    }]);
  });

  it('merges the same fact curated twice: quotes unioned, the stronger basis wins', () => {
    const { rows } = run([
      file('a.yaml', { links: [{ rel: 'LOCATED_IN', from: '宝龙智造园', to: '宝龙科技城', basis: 'INFERRED', inference: 'by name', evidence: '宝龙智造园' }] }),
      file('b.yaml', { links: [{ rel: 'LOCATED_IN', from: '宝龙智造园', to: '宝龙科技城', evidence: ['宝龙科技城新开工宝龙智造园', '宝龙智造园'] }] }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].props).toEqual({
      documentId: 'tiny', basis: 'EXPLICIT', inference: null, evidence: ['宝龙智造园', '宝龙科技城新开工宝龙智造园'], passageIds: ['tiny:1.1#3', 'tiny:1.1#3'],
    });
  });

  it('refuses a link between the wrong kinds of entity, to nothing, or to itself, naming the file and the link', () => {
    const { rows, problems } = run([file('l.yaml', { links: [
      { rel: 'ANCHORED_IN', from: '宝龙智造园', to: '宝龙科技城', evidence: '宝龙智造园' },
      { rel: 'SERVES', from: '宝龙智造园', to: '西核', evidence: '宝龙智造园' },
      { rel: 'WITHIN', from: '宝龙科技城', to: '宝龙科技城', evidence: '宝龙科技城' },
    ] })]);
    expect(problems).toEqual([
      'l.yaml: links[0] (ANCHORED_IN 宝龙智造园 → 宝龙科技城): ANCHORED_IN joins Strategy → District, not Project → District',
      'l.yaml: links[1] (SERVES 宝龙智造园 → 西核): "西核" is not the name, alias or id of any declared entity',
      'l.yaml: links[2] (WITHIN 宝龙科技城 → 宝龙科技城): a link from an entity to itself',
    ]);
    expect(rows.map((r) => r.type)).toEqual(['WITHIN']);
  });
});

describe('definesRows', () => {
  it('links a glossary term to what it defines, stated by its entry, and reports a target that is not declared', () => {
    const { names, ctx } = run([]);
    names.typeOf.set('term:east-hub', 'GlossaryTerm');
    const text = '1.东核:指低碳智造核。';
    const rows = definesRows([
      { id: 'term:east-hub', number: 1, defines: '东核', file: 'g.yaml', text },
      { id: 'term:none', number: 2, file: 'g.yaml', text },
      { id: 'term:west', number: 3, defines: '西核', file: 'g.yaml', text },
    ], names, ctx);
    expect(rows).toEqual([{
      type: 'DEFINES', from: 'term:east-hub', to: 'strategy:east-hub',
      props: { documentId: 'tiny', basis: 'EXPLICIT', inference: null, evidence: [text], passageIds: ['tiny:glossary.1#1'] },
    }]);
    expect(ctx.problems).toEqual(['g.yaml: glossary 3 defines: "西核" is not the name, alias or id of any declared entity']);
  });
});
