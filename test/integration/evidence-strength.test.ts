import { readFileSync } from 'node:fs';
import {
  BreakdownRow, countsTables, DATA_DOC, FIXTURES_README, generatedPart, inferenceTable, RelationshipCountRow, stageVerbTable,
} from '../../src/docs/data-doc';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * Strength of evidence through the API (issue 10): "which projects serve 低碳智造核", asked for text-backed answers
 * only, returns just those, each with its chain of bases; derived links over a guessed location are left out;
 * SAME_AS, values in words and the generated docs hold against the loaded graph.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

interface Edge {
  basis: string;
  strength: string;
  inferredFrom: string | null;
  chain: { type: string; from: string; to: string; basis: string; inferredFrom: string | null; strength: string }[];
  evidence: { quote: string }[];
  node: { id: string; name: string; category: string };
}

const EAST_HUB = `query($textBacked: Boolean) {
  strategy(name: "低碳智造核") {
    projects(first: 100, textBacked: $textBacked) {
      totalCount
      edges { basis strength inferredFrom chain { type from to basis inferredFrom strength } evidence { quote } node { id name category } }
    }
  }
}`;
const eastHub = async (textBacked?: boolean): Promise<Edge[]> =>
  (await server.data(EAST_HUB, { textBacked })).strategy.projects.edges;

describe('which projects serve 低碳智造核', () => {
  it('returns only text-backed answers when asked, each with a visible chain of stated or name-read premises', async () => {
    const all = await eastHub();
    const textBacked = await eastHub(true);
    expect(textBacked.length).toBeGreaterThan(0);
    expect(textBacked.length).toBeLessThan(all.length);
    for (const edge of textBacked) {
      expect(['STATED', 'NAME_READ']).toContain(edge.strength);
      expect(edge.chain.length).toBeGreaterThan(0);
      for (const premise of edge.chain) expect(['STATED', 'NAME_READ']).toContain(premise.strength);
      expect(edge.evidence.length).toBeGreaterThan(0);
    }
    const names = textBacked.map((e) => e.node.name);
    // Stated by name, and derived over a location read from the zone's own name.
    expect(names).toEqual(expect.arrayContaining(['低碳智造核产城融合发展规划', '国际低碳城新能源产业园']));
    // A location guessed from the shared prefix 宝龙 (→ 宝龙科技城) never makes a text-backed answer.
    expect(names).not.toContain('宝龙智造园');
  });

  it('shows a derived answer\'s chain: located in the zone (read from the name), the zone anchoring the strategy (stated)', async () => {
    const park = (await eastHub(true)).find((e) => e.node.name === '国际低碳城新能源产业园')!;
    expect(park.basis).toBe('DERIVED');
    expect(park.chain.map((c) => [c.type, c.basis, c.inferredFrom, c.strength])).toEqual([
      ['LOCATED_IN', 'INFERRED', 'PLACE_NAME_IN_NAME', 'NAME_READ'],
      ['ANCHORED_IN', 'EXPLICIT', null, 'STATED'],
    ]);
    expect(park.chain[0].to).toBe('district:shenzhen-international-low-carbon-city');
  });

  it('marks a derivation over a prefix guess INFERRED, says so in its chain, and derives nothing for events, funds or plans', async () => {
    const all = await eastHub();
    const guessed = all.find((e) => e.node.name === '宝龙智造园')!;
    expect(guessed).toMatchObject({ basis: 'DERIVED', strength: 'INFERRED' });
    expect(guessed.chain.some((c) => c.inferredFrom === 'NAME_PREFIX' && c.strength === 'INFERRED')).toBe(true);
    const derivedCategories = all.filter((e) => e.basis === 'DERIVED').map((e) => e.node.category);
    for (const category of ['EVENT', 'FUND', 'PROGRAMME', 'POLICY_DOCUMENT', 'PLANNING_STUDY']) expect(derivedCategories).not.toContain(category);
  });

  it('keeps the chain of a curated link as the link itself, and shows strength on path steps', async () => {
    const plan = (await eastHub(true)).find((e) => e.node.name === '低碳智造核产城融合发展规划')!;
    expect(plan).toMatchObject({ basis: 'EXPLICIT', strength: 'STATED' });
    expect(plan.chain).toEqual([expect.objectContaining({ type: 'SERVES', from: plan.node.id, basis: 'EXPLICIT', strength: 'STATED' })]);
    const { path } = await server.data(`{ path(from: "project:ic-base", to: "project:national-ic-design-industrialization-base-longgang-park") {
      relationships { type basis strength inferredFrom chain { type strength } } } }`);
    expect(path.relationships).toEqual([
      { type: 'SAME_AS', basis: 'INFERRED', strength: 'INFERRED', inferredFrom: 'ABBREVIATION', chain: [{ type: 'SAME_AS', strength: 'INFERRED' }] },
    ]);
  });
});

describe('the rest of issue 10 through the API', () => {
  it('links two names the report never equates with an INFERRED sameAs, both ways', async () => {
    const data = await server.data(`{
      a: project(name: "IC基地") { sameAs { basis inferredFrom node { id } evidence { quote } } }
      b: project(name: "国家集成电路设计深圳产业化基地龙岗园") { sameAs { basis node { id } } }
    }`);
    expect(data.a.sameAs).toEqual([expect.objectContaining({ basis: 'INFERRED', inferredFrom: 'ABBREVIATION', node: { id: 'project:national-ic-design-industrialization-base-longgang-park' } })]);
    expect(data.b.sameAs.map((l: { node: { id: string } }) => l.node.id)).toEqual(['project:ic-base']);
  });

  it('serves a target stated in words as a value with text and no number', async () => {
    const { indicator } = await server.data(`{ indicator(name: "节能减排") { values { year kind value unit text display evidence { quote } } } }`);
    expect(indicator.values).toEqual(expect.arrayContaining([
      expect.objectContaining({ year: 2023, kind: 'TARGET', value: null, unit: null, text: '完成上级下达指标任务', display: '完成上级下达指标任务' }),
    ]));
  });

  it('keeps 十强 as words and 由2家增至5家 as a BASELINE of the target year', async () => {
    const data = await server.data(`{
      rank: indicator(name: "中国创新百强区排行榜排名") { values { value text } }
      firms: indicator(name: "百亿级建筑业企业数") { values { year kind value } }
    }`);
    expect(data.rank.values).toEqual([{ value: null, text: '十强' }]);
    expect(data.firms.values).toEqual(expect.arrayContaining([{ year: 2023, kind: 'BASELINE', value: 2 }, { year: 2023, kind: 'TARGET', value: 5 }]));
    expect(data.firms.values).not.toContainEqual(expect.objectContaining({ year: 2022, kind: 'ACTUAL' }));
  });
});

describe('generated documentation', () => {
  it('docs/data.md shows the loaded graph\'s counts and inference table (run `npm run docs` to refresh)', async () => {
    const breakdown = await server.cypher.read<BreakdownRow>('read/doc-breakdowns');
    const rels = await server.cypher.read<RelationshipCountRow>('read/doc-relationship-counts');
    const doc = readFileSync(DATA_DOC, 'utf8');
    expect(generatedPart(doc, 'data-inference')).toBe(inferenceTable(rels));
    expect(generatedPart(doc, 'data-counts')).toBe(countsTables(breakdown, rels));
  });

  it('fixtures/README.md shows the code\'s verb → stage table', () => {
    expect(generatedPart(readFileSync(FIXTURES_README, 'utf8'), 'stage-verbs')).toBe(stageVerbTable());
  });
});
