import { mergeDeclarations } from '../../../src/graph/passes/declarations';
import { milestoneRows, valueRows } from '../../../src/graph/passes/facts';
import { file, gdp, park, tinyContext } from '../helpers/tiny-document';

describe('milestoneRows', () => {
  it('makes one milestone per (year, stage), REPORTED up to the reviewed year and PLANNED after, quotes unioned', () => {
    const ctx = tinyContext();
    const declared = mergeDeclarations([
      file('review.yaml', { entities: [park] }),
      file('plan.yaml', { entities: [{ ...park, timeline: [
        { year: 2022, stage: 'STARTED', evidence: '新开工宝龙智造园' },
        { year: 2023, stage: 'COMPLETED', evidence: '推进宝龙智造园建成投产' },
      ] }] }),
    ], ctx.problems);
    const rows = milestoneRows(declared, 2022, ctx);
    expect(rows).toEqual([
      {
        id: 'project:baolong-park@tiny:2022:STARTED', ownerId: 'project:baolong-park',
        props: { year: 2022, stage: 'STARTED', kind: 'REPORTED', documentId: 'tiny', evidence: ['宝龙科技城新开工宝龙智造园', '新开工宝龙智造园'], passageIds: ['tiny:1.1#3', 'tiny:1.1#3'] },
      },
      {
        id: 'project:baolong-park@tiny:2023:COMPLETED', ownerId: 'project:baolong-park',
        props: { year: 2023, stage: 'COMPLETED', kind: 'PLANNED', documentId: 'tiny', evidence: ['推进宝龙智造园建成投产'], passageIds: ['tiny:2.1#1'] },
      },
    ]);
    expect(ctx.evidence.filter((e) => e.nodeId.includes('@'))).toHaveLength(3);
    expect(ctx.problems).toEqual([]);
  });
});

describe('valueRows', () => {
  it('makes one value per (year, kind, value), however many files repeat it', () => {
    const ctx = tinyContext();
    const declared = mergeDeclarations([file('a.yaml', { entities: [gdp] }), file('b.yaml', { entities: [gdp] })], ctx.problems);
    expect(valueRows(declared, ctx)).toEqual([{
      id: 'indicator:gdp-growth@tiny:2023:TARGET:6', indicatorId: 'indicator:gdp-growth',
      props: { year: 2023, kind: 'TARGET', value: 6, unit: '%', qualifier: null, documentId: 'tiny', evidence: ['地区生产总值增长6%'], passageIds: ['tiny:2.1#2'] },
    }]);
  });

  it('names the entity, year and kind of a value whose quote is not in the source', () => {
    const ctx = tinyContext();
    const bad = { ...gdp, values: [{ year: 2023, kind: 'TARGET', value: 7, unit: '%', evidence: '增长7%' }] };
    valueRows(mergeDeclarations([file('a.yaml', { entities: [bad] })], ctx.problems), ctx);
    expect(ctx.problems).toEqual(['a.yaml (indicator:gdp-growth) value 2023 TARGET: evidence "增长7%" is not an exact substring of the source text']);
  });
});
