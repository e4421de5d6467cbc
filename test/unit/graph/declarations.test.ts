import { mergeDeclarations } from '../../../src/graph/passes/declarations';
import { file, gdp, hub, park } from '../helpers/tiny-document';

describe('mergeDeclarations (one report, several files)', () => {
  it('keeps one declaration per id, in order of first declaration', () => {
    const problems: string[] = [];
    const declared = mergeDeclarations([file('a.yaml', { entities: [hub, park] }), file('b.yaml', { entities: [gdp] })], problems);
    expect([...declared.keys()]).toEqual(['strategy:east-hub', 'project:baolong-park', 'indicator:gdp-growth']);
    expect(declared.get('indicator:gdp-growth')).toMatchObject({ label: 'Indicator', category: 'ECONOMY', direction: 'GROWTH_RATE', headline: false, files: ['b.yaml'] });
    expect(problems).toEqual([]);
  });

  it('merges an id declared in two files: aliases and evidence unioned, milestones and values gathered, headline if either says so', () => {
    const problems: string[] = [];
    const declared = mergeDeclarations([
      file('review.yaml', { entities: [park, gdp] }),
      file('plan.yaml', {
        entities: [
          { ...park, aliases: ['宝龙园'], evidence: ['推进宝龙智造园建成投产'], timeline: [{ year: 2023, stage: 'COMPLETED', evidence: '推进宝龙智造园建成投产' }] },
          { ...gdp, headline: true, values: [{ year: 2023, kind: 'TARGET', value: 6, unit: '%', evidence: '地区生产总值增长6%' }] },
        ],
      }),
    ], problems);
    expect(problems).toEqual([]);
    const p = declared.get('project:baolong-park')!;
    expect(p.aliases).toEqual(['宝龙园']);
    expect(p.evidence).toEqual(['宝龙科技城新开工宝龙智造园', '推进宝龙智造园建成投产']);
    expect(p.timeline.map((m) => `${m.year}:${m.stage}`)).toEqual(['2022:STARTED', '2023:COMPLETED']);
    expect(p.files).toEqual(['review.yaml', 'plan.yaml']);
    const g = declared.get('indicator:gdp-growth')!;
    expect(g.headline).toBe(true);
    expect(g.values).toHaveLength(2);
  });

  it('reports two declarations that disagree on name or kind, naming both files', () => {
    const problems: string[] = [];
    mergeDeclarations([
      file('review.yaml', { entities: [park] }),
      file('plan.yaml', { entities: [{ ...park, name: '宝龙智造园二期', category: 'INDUSTRIAL_PROJECT' }] }),
    ], problems);
    expect(problems).toEqual([
      'project:baolong-park is declared twice and the declarations disagree: name "宝龙智造园" in review.yaml but "宝龙智造园二期" in plan.yaml',
      'project:baolong-park is declared twice and the declarations disagree: category "INDUSTRIAL_PARK" in review.yaml but "INDUSTRIAL_PROJECT" in plan.yaml',
    ]);
  });
});
