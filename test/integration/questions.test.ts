import { SOURCE_TEXT, startTestServer, TestServer } from '../helpers/server';
import questions from './questions.public.json';

/**
 * The sample questions of ../shared/questions.public.json (copied here), each answered through the GraphQL API
 * over HTTP. A name counts as present when it is an answer entity's name or one of its aliases; definitions and
 * values are matched in the answer's text. Inferred answers must carry their basis, and evidence must be returned.
 */

interface Answer {
  names: { name: string; aliases: string[] }[];
  text: string;
  evidence: string[];
  bases: string[];
}

type Question = (typeof questions)[number] & { expected?: Record<string, unknown> };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const entity = `name aliases`;
const evidence = `evidence { quote passage { text } }`;
const names = (...groups: { name: string; aliases?: string[] }[][]) => groups.flat().map((n) => ({ name: n.name, aliases: n.aliases ?? [] }));
const quotes = (items: { evidence?: { quote: string }[] }[]) => items.flatMap((i) => (i.evidence ?? []).map((e) => e.quote));

async function idOf(kind: 'strategy' | 'district' | 'project' | 'organization', name: string): Promise<string> {
  const data = await server.data(`query($name: String!) { x: ${kind}(name: $name) { id } }`, { name });
  if (!data.x) throw new Error(`no ${kind} named ${name}`);
  return data.x.id;
}

/** How each sample question is asked of the API. */
const ask: Record<string, () => Promise<Answer>> = {
  q01: async () => {
    const { strategy } = await server.data(`{ strategy(name: "一芯两核多支点") { partLinks { basis node { ${entity} } ${evidence} } } }`);
    const links = strategy.partLinks;
    return { names: names(links.map((l: any) => l.node)), text: '', evidence: quotes(links), bases: links.map((l: any) => l.basis) };
  },
  q04: async () => {
    const { strategy } = await server.data(`{ strategy(name: "东核") { anchorDistricts { basis node { ${entity} } ${evidence} } } }`);
    const links = strategy.anchorDistricts;
    return { names: names(links.map((l: any) => l.node)), text: '', evidence: quotes(links), bases: links.map((l: any) => l.basis) };
  },
  q06: async () => {
    const { strategy } = await server.data(`{
      strategy(name: "东核") { projects(first: 500) { edges { basis inference node { ${entity} } ${evidence} } } } }`);
    const edges = strategy.projects.edges;
    for (const e of edges) if (e.basis !== 'EXPLICIT') expect(e.inference).toEqual(expect.any(String));
    return { names: names(edges.map((e: any) => e.node)), text: '', evidence: quotes(edges), bases: edges.map((e: any) => e.basis) };
  },
  q10: async () => {
    const { glossaryTerm } = await server.data(`{ glossaryTerm(term: "20+8") { term definition ${evidence} } }`);
    return { names: [], text: glossaryTerm.definition, evidence: quotes([glossaryTerm]), bases: ['EXPLICIT'] };
  },
  q17: async () => {
    const { glossaryTerm } = await server.data(`{ glossaryTerm(term: "双区") { term definition ${evidence} } }`);
    return { names: [], text: glossaryTerm.definition, evidence: quotes([glossaryTerm]), bases: ['EXPLICIT'] };
  },
  q26: async () => indicatorAnswer('地区生产总值'),
  q30: async () => indicatorAnswer('一般公共预算收入'),
  q41: async () => {
    const { projects } = await server.data(`{
      projects(first: 500, filter: { stage: STARTED, year: 2022 }) {
        edges { node { ${entity} timeline { year stage ${evidence} } } } } }`);
    const nodes = projects.edges.map((e: any) => e.node);
    const milestones = nodes.flatMap((n: any) => n.timeline.filter((m: any) => m.year === 2022 && m.stage === 'STARTED'));
    return { names: names(nodes), text: '', evidence: quotes(milestones), bases: ['EXPLICIT'] };
  },
  q46: async () => {
    const { district } = await server.data(`{
      district(name: "坂田") { ${entity} ${evidence} children { ${entity} ${evidence} }
        projects(first: 500) { edges { locationBasis inference node { ${entity} } ${evidence} } } } }`);
    const edges = district.projects.edges;
    return {
      names: names(district.children, edges.map((e: any) => e.node)),
      text: '',
      evidence: [...quotes(edges), ...quotes(district.children), ...quotes([district])],
      bases: edges.map((e: any) => e.locationBasis),
    };
  },
  q52: async () => {
    const data = await server.data(`{
      east: strategy(name: "东核") { ${entity} ${evidence} }
      west: strategy(name: "西核") { ${entity} ${evidence} }
      core: strategy(name: "一芯") { ${entity} ${evidence} } }`);
    expect([data.east.name, data.west.name, data.core.name]).toEqual(['低碳智造核', '信息数字核', '湾东智芯']);
    const all = [data.east, data.west, data.core];
    return { names: names(all), text: '', evidence: quotes(all), bases: ['EXPLICIT'] };
  },
  q53: async () => {
    const { organization } = await server.data(`{
      organization(name: "港中深") { ${entity}
        projects { role basis node { ${entity} organizations { node { ${entity} } } } ${evidence} } } }`);
    const applied = organization.projects.filter((p: any) => p.role === 'PARTICIPANT');
    const partners = applied.flatMap((p: any) => p.node.organizations.map((o: any) => o.node));
    return {
      names: names([organization], applied.map((p: any) => p.node), partners),
      text: '',
      evidence: quotes(applied),
      bases: applied.map((p: any) => p.basis),
    };
  },
  q56: async () => {
    const [from, to] = await Promise.all([idOf('organization', '瓦谢尔计算生物研究院'), idOf('strategy', '湾东智芯')]);
    const { path } = await server.data(`query($from: ID!, $to: ID!) {
      path(from: $from, to: $to) { length nodes { ${entity} } relationships { type direction basis inference ${evidence} } } }`, { from, to });
    expect(path).not.toBeNull();
    return {
      names: names(path.nodes),
      text: quotes(path.relationships).join('\n'),
      evidence: quotes(path.relationships),
      bases: path.relationships.map((r: any) => r.basis),
    };
  },
};

async function indicatorAnswer(name: string): Promise<Answer> {
  const { indicator } = await server.data(`query($name: String!) {
    indicator(name: $name) { ${entity} values { year kind value unit qualifier display ${evidence} } } }`, { name });
  return {
    names: names([indicator]),
    // display is the report's own words (下降9.9%, issue 12); value and unit give the signed number beside it.
    text: indicator.values.map((v: any) => `${v.display} (${v.value}${v.unit})`).join(' '),
    evidence: quotes(indicator.values),
    bases: ['EXPLICIT'],
    // Kept for the `expected` check below.
    ...({ values: indicator.values } as object),
  };
}

/** Whether two quotes cover overlapping stretches of the report. */
function overlapInSource(a: string, b: string): boolean {
  const at = SOURCE_TEXT.indexOf(a);
  const bt = SOURCE_TEXT.indexOf(b);
  return at >= 0 && bt >= 0 && at < bt + b.length && bt < at + a.length;
}

const mentions = (answer: Answer, wanted: string) =>
  answer.names.some((n) => n.name === wanted || n.aliases.includes(wanted)) || (answer.text !== '' && answer.text.includes(wanted));

describe.each(questions as Question[])('$id: $question', (q) => {
  let answer: Answer;
  beforeAll(async () => {
    answer = await ask[q.id]();
  });

  it('includes everything a correct answer must', () => {
    expect(q.must_include.filter((w) => !mentions(answer, w))).toEqual([]);
  });

  it('includes nothing a correct answer must not', () => {
    expect(q.must_not_include.filter((w) => mentions(answer, w))).toEqual([]);
  });

  it('returns the evidence, quoted from the report', () => {
    expect(answer.evidence.length).toBeGreaterThan(0);
    // Each of the question's own evidence quotes shares words of the report with some quote the API returned.
    expect(answer.evidence.filter((quote) => !SOURCE_TEXT.includes(quote))).toEqual([]);
    expect(q.evidence.filter((e) => !answer.evidence.some((got) => overlapInSource(got, e)))).toEqual([]);
  });

  if (q.basis.startsWith('inferred')) {
    it('marks inferred links with their basis', () => {
      expect(answer.bases.some((b) => b === 'INFERRED' || b === 'DERIVED')).toBe(true);
    });
  }

  if (q.expected && q.kind === 'comparison') {
    it('gives the values as numbers with unit, kind and qualifier', () => {
      const values = (answer as unknown as { values: { year: number; kind: string; value: number; unit: string; qualifier: string | null }[] }).values;
      for (const [year, want] of Object.entries(q.expected as Record<string, object>)) {
        expect(values).toContainEqual(expect.objectContaining({ year: Number(year), ...want }));
      }
    });
  }
});
