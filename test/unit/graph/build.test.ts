import { buildGraph } from '../../../src/graph/build';
import { FixtureError } from '../../../src/graph/fixtures/read';
import { defaultFiles, file, hub, tinyFixtures } from '../helpers/tiny-document';

describe('buildGraph (the passes together, on a made-up report)', () => {
  it('gives the rows the loader writes', () => {
    const g = buildGraph(tinyFixtures());
    expect(g.documents.map((d) => d.id)).toEqual(['tiny']);
    expect(g.entities.map((e) => `${e.label} ${e.id}`)).toEqual([
      'GlossaryTerm term:east-hub', 'Strategy strategy:east-hub', 'District district:baolong', 'Project project:baolong-park', 'Indicator indicator:gdp-growth',
    ]);
    expect(g.entities.find((e) => e.id === 'strategy:east-hub')!.props).toMatchObject({ lookupKeys: ['低碳智造核', '东核'], firstMention: 3 });
    expect(g.milestones.map((m) => m.id)).toEqual(['project:baolong-park@tiny:2022:STARTED']);
    expect(g.values.map((v) => v.id)).toEqual(['indicator:gdp-growth@tiny:2023:TARGET:6']);
    expect(g.relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toEqual([
      'strategy:east-hub ANCHORED_IN district:baolong', 'project:baolong-park LOCATED_IN district:baolong', 'term:east-hub DEFINES strategy:east-hub',
    ]);
    expect(g.mentions).toContainEqual({ passageId: 'tiny:1.1#1', entityId: 'strategy:east-hub' });
    expect(new Set(g.evidence.map((e) => e.nodeId))).toEqual(new Set([
      'tiny', 'term:east-hub', 'strategy:east-hub', 'district:baolong', 'project:baolong-park', 'indicator:gdp-growth',
      'project:baolong-park@tiny:2022:STARTED', 'indicator:gdp-growth@tiny:2023:TARGET:6',
    ]));
  });

  it('reports every problem at once, each once, and builds nothing', () => {
    const files = [...defaultFiles(), file('tiny/bad.yaml', {
      entities: [{ ...hub, kind: 'PROGRAMME', evidence: '高碳' }],
      links: [{ rel: 'SERVES', from: '宝龙智造园', to: '西核', evidence: '高碳' }],
    })];
    let error: unknown;
    try {
      buildGraph(tinyFixtures(files));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FixtureError);
    const { problems } = error as FixtureError;
    expect(problems).toEqual(expect.arrayContaining([
      'strategy:east-hub is declared twice and the declarations disagree: kind "SPATIAL_STRATEGY" in tiny/registry.yaml but "PROGRAMME" in tiny/bad.yaml',
      'tiny/registry.yaml + tiny/bad.yaml (strategy:east-hub): evidence "高碳" is not an exact substring of the source text',
      'tiny/bad.yaml: links[0] (SERVES 宝龙智造园 → 西核): "西核" is not the name, alias or id of any declared entity',
    ]));
    expect(new Set(problems).size).toBe(problems.length);
  });
});
