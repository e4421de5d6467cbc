import { request } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { startTestServer, TestServer } from '../helpers/server';

/** The GraphQL contract, over real HTTP against the real graph: every root field, pagination, filters, errors. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const EAST_HUB = 'strategy:low-carbon-intelligent-manufacturing-hub';
const WHOLE = 'strategy:one-core-two-hubs-multiple-pivots';
const names = (edges: { node: { name: string } }[]) => edges.map((e) => e.node.name);

describe('lookups', () => {
  it('node(id) resolves any node to its type, and returns null for an unknown id', async () => {
    const data = await server.data(`{
      s: node(id: "${EAST_HUB}") { __typename id ... on Strategy { name } }
      p: node(id: "longgang-2022-2023:glossary.8#1") { __typename ... on Passage { text section { number } } }
      d: node(id: "longgang-2022-2023") { __typename ... on Document { publisher } }
      none: node(id: "strategy:no-such-thing") { id } }`);
    expect(data.s).toEqual({ __typename: 'Strategy', id: EAST_HUB, name: '低碳智造核' });
    expect(data.p.__typename).toBe('Passage');
    expect(data.p.text).toContain('20+8');
    expect(data.d).toEqual({ __typename: 'Document', publisher: '龙岗区发展和改革局' });
    expect(data.none).toBeNull();
  });

  it('strategy(name) accepts any alias: 东核 finds 低碳智造核, with or without quotes', async () => {
    const data = await server.data(`{
      a: strategy(name: "东核") { id name aliases nameEn partOf { name } }
      b: strategy(name: "低碳智造核") { id }
      c: strategy(name: "“低碳智造核”") { id }
      d: strategy(id: "${EAST_HUB}") { id }
      none: strategy(name: "不存在的战略") { id } }`);
    expect(data.a).toMatchObject({ id: EAST_HUB, name: '低碳智造核', partOf: { name: '一芯两核多支点' } });
    expect(data.a.aliases).toContain('东核');
    expect(data.a.nameEn).toMatch(/Low-Carbon/);
    expect([data.b.id, data.c.id, data.d.id]).toEqual([EAST_HUB, EAST_HUB, EAST_HUB]);
    expect(data.none).toBeNull();
  });

  it('district(name): 平湖 and 平湖街道 both find the 街道; zones know their parent', async () => {
    const data = await server.data(`{
      a: district(name: "平湖") { id name kind parent { name } }
      b: district(name: "平湖街道") { id }
      zone: district(name: "坂田金园片区") { kind parent { name } }
      lg: district(name: "龙岗区") { kind children { name } } }`);
    expect(data.a).toMatchObject({ name: '平湖街道', kind: 'SUBDISTRICT', parent: { name: '龙岗区' } });
    expect(data.b.id).toBe(data.a.id);
    expect(data.zone).toEqual({ kind: 'ZONE', parent: { name: '坂田街道' } });
    expect(data.lg.kind).toBe('DISTRICT');
    expect(data.lg.children.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['坂田街道', '平湖街道', '宝龙街道']));
  });

  it('project(name) resolves aliases the report uses, with timeline, places and strategies', async () => {
    const { project } = await server.data(`{
      project(name: "西坑粮库") { name category
        timeline { year stage kind evidence { quote section { number title } document { id } } }
        districts { basis node { name } } } }`);
    expect(project.name).toBe('西坑粮食储备库');
    expect(project.timeline).toContainEqual(expect.objectContaining({ year: 2022, stage: 'STARTED', kind: 'REPORTED' }));
    const started = project.timeline.find((m: { year: number }) => m.year === 2022);
    expect(started.evidence[0]).toMatchObject({ quote: expect.stringContaining('西坑粮食储备库'), document: { id: 'longgang-2022-2023' } });
    expect(started.evidence[0].section.number).toBe('23');
  });

  it('indicator(name) gives values as numbers with unit, kind, qualifier and a display form', async () => {
    const { indicator } = await server.data(`{ indicator(name: "地区生产总值") { name headline direction
      values { year kind value unit qualifier display evidence { quote } } t: values(kind: TARGET) { year } } }`);
    expect(indicator).toMatchObject({ name: '地区生产总值增速', headline: true, direction: 'GROWTH_RATE' });
    expect(indicator.values).toEqual([
      expect.objectContaining({ year: 2022, kind: 'ACTUAL', value: 3, unit: '%', qualifier: null, display: '3%' }),
      expect.objectContaining({ year: 2023, kind: 'TARGET', value: 7, unit: '%', qualifier: '左右', display: '7%左右' }),
    ]);
    expect(indicator.t).toEqual([{ year: 2023 }]);
  });

  it('organization(name): 港中深 is 香港中文大学(深圳), with its affiliates', async () => {
    const { organization } = await server.data(`{ organization(name: "港中深") { name kind aliases
      affiliates { node { name } basis } projects { role node { name } } } }`);
    expect(organization).toMatchObject({ name: '香港中文大学(深圳)', kind: 'UNIVERSITY' });
    expect(organization.aliases).toEqual(expect.arrayContaining(['港中深', '港中大(深圳)']));
    expect(organization.affiliates.map((a: { node: { name: string } }) => a.node.name)).toContain('瓦谢尔计算生物研究院');
  });

  it('glossaryTerm(term) finds entries by term, with or without quotes, or by what they define', async () => {
    const data = await server.data(`{
      a: glossaryTerm(term: "20+8") { number term definition defines { __typename name } }
      b: glossaryTerm(term: "一芯两核多支点") { number defines { ... on Strategy { parts { name } } } }
      c: glossaryTerm(term: "“IT+低碳”智慧园区") { number defines { __typename name } }
      none: glossaryTerm(term: "不存在") { number } }`);
    expect(data.a).toMatchObject({ number: 8, term: '20+8', defines: { __typename: 'Strategy', name: '20+8' } });
    expect(data.a.definition).toContain('七大战略性新兴产业');
    expect(data.b.number).toBe(1);
    expect(data.b.defines.parts).toHaveLength(4);
    expect(data.c).toEqual({ number: 13, defines: { __typename: 'Project', name: '“IT+低碳”智慧园区' } });
    expect(data.none).toBeNull();
  });

  it('glossary lists all 19 entries in order; documents and sections expose the outline', async () => {
    const data = await server.data(`{
      glossary { number }
      documents { id title published periodReviewed periodPlanned sections { number kind } }
      section(id: "longgang-2022-2023:5.5") { heading kind year parent { number } children { number title } } }`);
    expect(data.glossary.map((g: { number: number }) => g.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(data.documents[0]).toMatchObject({ published: '2023-03-01', periodReviewed: 2022, periodPlanned: 2023 });
    expect(data.documents[0].sections.map((s: { number: string }) => s.number)).toEqual(['0', '一', '二', '三', '四', '五', '名词解释']);
    expect(data.section).toMatchObject({ heading: '(五)提升绿色生态能级,打造“双碳”先行示范区', kind: 'PLAN', year: 2023, parent: { number: '五' } });
    expect(data.section.children.map((c: { number: string }) => c.number)).toEqual(['20', '21', '22']);
  });
});

describe('relationships carry their basis and evidence', () => {
  it('Strategy.projects: every project serving 低碳智造核, the same via 东核, each with basis and evidence', async () => {
    const q = (name: string) => `{ strategy(name: "${name}") { name projects(first: 200) { totalCount edges { basis inference rule via { name } node { name } evidence { quote } } } } }`;
    const [byName, byAlias] = await Promise.all([server.data(q('低碳智造核')), server.data(q('东核'))]);
    expect(byAlias).toEqual(byName);
    const { edges, totalCount } = byName.strategy.projects;
    expect(totalCount).toBe(edges.length);
    expect(names(edges)).toEqual(expect.arrayContaining(['国际低碳城新能源产业园', '“IT+低碳”智慧园区', '宝龙智造园', '低碳智造核产城融合发展规划']));
    for (const e of edges) {
      expect(e.evidence.length).toBeGreaterThan(0);
      expect(['EXPLICIT', 'INFERRED', 'DERIVED']).toContain(e.basis);
      if (e.basis === 'DERIVED') expect(e).toMatchObject({ rule: 'serves-by-anchor', inference: expect.stringContaining('anchored in') });
    }
  });

  it('Strategy.projects includes the parts of a strategy unless told not to, and filters by basis', async () => {
    const data = await server.data(`{
      whole: strategy(id: "${WHOLE}") { projects(first: 500) { totalCount edges { via { name } } } }
      direct: strategy(id: "${WHOLE}") { projects(includeParts: false) { totalCount } }
      explicit: strategy(id: "${EAST_HUB}") { projects(basis: [EXPLICIT]) { edges { basis node { name } } } } }`);
    expect(data.whole.projects.totalCount).toBeGreaterThan(15);
    const via = new Set(data.whole.projects.edges.map((e: { via: { name: string } }) => e.via.name));
    expect([...via]).toEqual(expect.arrayContaining(['低碳智造核', '湾东智芯']));
    expect(data.direct.projects.totalCount).toBeLessThan(data.whole.projects.totalCount);
    expect(data.explicit.projects.edges.every((e: { basis: string }) => e.basis === 'EXPLICIT')).toBe(true);
    expect(names(data.explicit.projects.edges)).toContain('低碳智造核产城融合发展规划');
  });

  it('District.projects includes places within it, and says where and how each is located', async () => {
    const data = await server.data(`{
      district(name: "坂田") {
        all: projects(first: 100) { totalCount edges { district { name } locationBasis inference node { name } evidence { quote } } }
        own: projects(includeSubdistricts: false, first: 100) { totalCount } } }`);
    const all = data.district.all;
    expect(names(all.edges)).toEqual(expect.arrayContaining(['深圳市云端学校', '坂田金园片区土地整备利益统筹政策试点']));
    expect(all.edges.find((e: { node: { name: string } }) => e.node.name === '坂田金园片区土地整备利益统筹政策试点').district.name).toBe('坂田金园片区');
    expect(data.district.own.totalCount).toBeLessThan(all.totalCount);
    for (const e of all.edges) if (e.locationBasis === 'INFERRED') expect(e.inference).toEqual(expect.any(String));
  });

  it('Project.strategies and Project.districts carry basis and evidence', async () => {
    const { project } = await server.data(`{ project(name: "宝龙智造园") {
      strategies { basis rule inference node { name } evidence { quote passage { id } } }
      districts { basis inference inferredFrom strength node { name } evidence { quote } } } }`);
    // 宝龙街道 is read from the name (宝龙); 宝龙科技城 is only a guess on the shared prefix, and says so.
    expect(project.districts).toEqual(expect.arrayContaining([
      expect.objectContaining({ basis: 'INFERRED', inferredFrom: 'PLACE_NAME_IN_NAME', strength: 'NAME_READ', node: { name: '宝龙街道' } }),
      expect.objectContaining({ basis: 'INFERRED', inferredFrom: 'NAME_PREFIX', strength: 'INFERRED', node: { name: '宝龙科技城' } }),
    ]));
    const east = project.strategies.find((s: { node: { name: string } }) => s.node.name === '低碳智造核');
    expect(east).toMatchObject({ basis: 'DERIVED', rule: 'serves-by-anchor' });
    expect(east.evidence.map((e: { quote: string }) => e.quote)).toContain('东核主要依托深圳国际低碳城、宝龙科技城、东部高铁新城');
  });

  it('every Entity exposes evidence and the passages that mention it', async () => {
    const { strategy } = await server.data(`{ strategy(name: "东核") {
      evidence { quote passage { text } section { kind } document { id } }
      mentions(first: 2) { totalCount edges { node { text mentions { name } } } } } }`);
    expect(strategy.evidence.length).toBeGreaterThan(0);
    for (const e of strategy.evidence) expect(e.passage.text).toContain(e.quote.slice(0, 4));
    // Longer names win: 低碳智造核产城融合发展规划 is a mention of the plan, not also of the hub.
    expect(strategy.mentions.totalCount).toBeGreaterThanOrEqual(2);
    expect(strategy.mentions.edges).toHaveLength(2);
    expect(strategy.mentions.edges[0].node.mentions.map((m: { name: string }) => m.name)).toContain('低碳智造核');
  });
});

describe('lists', () => {
  it('page with opaque cursors that round-trip, and report totals', async () => {
    const first = await server.data(`{ strategies(first: 10) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
    const { totalCount, edges, pageInfo } = first.strategies;
    expect(edges).toHaveLength(10);
    expect(pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: edges[9].cursor });
    const all = await server.data(`{ strategies(first: 500) { edges { node { id } } } }`);
    expect(all.strategies.edges).toHaveLength(totalCount);

    // Walking page by page visits every strategy once, in the same order as one big page.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await server.data(`query($after: String) { strategies(first: 25, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      seen.push(...page.strategies.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.strategies.pageInfo.hasNextPage) break;
      after = page.strategies.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.strategies.edges.map((e: { node: { id: string } }) => e.node.id));
  });

  it('refuse `first` above 500 or below 0, and cursors they did not give out, with BAD_USER_INPUT', async () => {
    for (const query of [
      '{ projects(first: 501) { totalCount } }',
      '{ strategies(first: -1) { totalCount } }',
      '{ projects(after: "not-a-cursor") { totalCount } }',
      '{ strategy(name: "东核") { projects(first: 1000) { totalCount } } }',
    ]) {
      const res = await server.gql(query);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/first must be between 0 and 500|not a cursor/);
    }
  });

  it('districts(kind) lists the 街道', async () => {
    const { districts } = await server.data(`{ districts(kind: SUBDISTRICT, first: 50) { totalCount edges { node { name kind } } } }`);
    expect(districts.totalCount).toBe(11);
    expect(districts.edges.every((e: { node: { kind: string } }) => e.node.kind === 'SUBDISTRICT')).toBe(true);
  });

  it('organizations lists every organization', async () => {
    const { organizations } = await server.data(`{ organizations(first: 500) { totalCount edges { node { name } } } }`);
    expect(organizations.totalCount).toBe(organizations.edges.length);
    expect(names(organizations.edges)).toEqual(expect.arrayContaining(['香港中文大学(深圳)', '澳门大学']));
  });

  it('filter projects by category, district (with sub-zones), strategy (with parts), stage, year and name', async () => {
    const data = await server.data(`{
      rail: projects(first: 100, filter: { category: RAIL }) { edges { node { category } } }
      bantian: projects(first: 100, filter: { district: "坂田" }) { edges { node { name } } }
      east: projects(first: 100, filter: { strategy: "东核" }) { totalCount }
      whole: projects(first: 500, filter: { strategy: "一芯两核多支点" }) { totalCount }
      started: projects(first: 100, filter: { stage: STARTED, year: 2022 }) { edges { node { name } } }
      named: projects(first: 100, filter: { nameContains: "宝龙" }, orderBy: NAME_ASC) { edges { node { name aliases } } } }`);
    expect(data.rail.edges.length).toBeGreaterThan(3);
    expect(data.rail.edges.every((e: { node: { category: string } }) => e.node.category === 'RAIL')).toBe(true);
    expect(names(data.bantian.edges)).toContain('坂田金园片区土地整备利益统筹政策试点'); // located in a zone within 坂田
    expect(data.whole.totalCount).toBeGreaterThan(data.east.totalCount);
    expect(names(data.started.edges)).toEqual(expect.arrayContaining(['深圳工业软件园', '丹农路二期', '深汕铁路']));
    expect(names(data.started.edges)).not.toContain('平湖电厂二期');
    const named = data.named.edges.map((e: { node: { name: string; aliases: string[] } }) => e.node);
    expect(named.every((p: { name: string; aliases: string[] }) => [p.name, ...p.aliases].some((n) => n.includes('宝龙')))).toBe(true);
    const sorted = [...named.map((p: { name: string }) => p.name)].sort();
    expect(named.map((p: { name: string }) => p.name)).toEqual(sorted);
  });

  it('filter indicators by year, kind, category and headline', async () => {
    const data = await server.data(`{
      targets: indicators(first: 500, filter: { year: 2023, kind: TARGET }) { totalCount edges { node { values(year: 2023) { kind } } } }
      headline: indicators(filter: { headline: true }) { totalCount edges { node { name } } }
      env: indicators(first: 100, filter: { category: ENVIRONMENT, year: 2022 }) { edges { node { name category } } } }`);
    expect(data.targets.totalCount).toBeGreaterThanOrEqual(50);
    expect(data.headline.totalCount).toBe(5);
    expect(names(data.env.edges)).toEqual(expect.arrayContaining([expect.stringContaining('空气质量优良率')]));
  });

  it('refuse a filter naming a district or strategy that does not exist', async () => {
    const res = await server.gql(`{ projects(filter: { district: "火星" }) { totalCount } }`);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('火星') });
  });
});

describe('search', () => {
  it('ranks exact name and alias matches first', async () => {
    const { search } = await server.data(`{ search(text: "东核") { score matchedName entity { name } } }`);
    expect(search[0]).toMatchObject({ matchedName: '东核', entity: { name: '低碳智造核' } });
    expect(search[0].score).toBeGreaterThan(search[1]?.score ?? 0);
  });

  it('takes Lucene special characters literally: 20+8, IT+BT+低碳, "1+1+10+N"', async () => {
    const data = await server.data(`{
      a: search(text: "20+8") { entity { __typename name } }
      b: search(text: "IT+BT+低碳") { entity { name } }
      c: search(text: "\\"1+1+10+N\\"") { entity { name } }
      d: search(text: "(深圳) && || ! ~ * ? : / [x]") { entity { name } } }`);
    expect(data.a.slice(0, 2).map((h: { entity: { name: string } }) => h.entity.name)).toEqual(['20+8', '20+8']);
    expect(data.b[0].entity.name).toBe('IT+BT+低碳');
    expect(data.c[0].entity.name).toBe('1+1+10+N');
    expect(Array.isArray(data.d)).toBe(true);
  });

  it('finds Chinese text inside names, English names and glossary definitions, filtered by type', async () => {
    const data = await server.data(`{
      zh: search(text: "低碳城", types: [DISTRICT]) { entity { __typename name } }
      en: search(text: "Bay-East", first: 3) { entity { name } }
      def: search(text: "七大战略性新兴产业", types: [GLOSSARY_TERM]) { entity { name } }
      one: search(text: "港", types: [ORGANIZATION]) { entity { name } } }`);
    expect(data.zh[0].entity).toEqual({ __typename: 'District', name: '深圳国际低碳城' });
    expect(data.zh.every((h: { entity: { __typename: string } }) => h.entity.__typename === 'District')).toBe(true);
    expect(data.en[0].entity.name).toBe('湾东智芯');
    expect(data.def[0].entity.name).toBe('20+8');
    expect(data.one.map((h: { entity: { name: string } }) => h.entity.name)).toContain('香港中文大学(深圳)');
  });

  it('refuses empty text', async () => {
    const res = await server.gql(`{ search(text: "  ") { score } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('path and neighborhood', () => {
  it('path: 瓦谢尔计算生物研究院 → 大运深港国际科教城 → 湾东智芯 → 一芯两核多支点, each step with direction and evidence', async () => {
    const { path } = await server.data(`{ path(from: "org:warshel-institute-for-computational-biology", to: "${WHOLE}") {
      length nodes { name } relationships { type from to direction basis evidence { quote } } } }`);
    expect(path.nodes.map((n: { name: string }) => n.name)).toEqual(['瓦谢尔计算生物研究院', '大运深港国际科教城', '湾东智芯', '一芯两核多支点']);
    expect(path.relationships.map((r: { type: string; direction: string }) => `${r.type}:${r.direction}`)).toEqual([
      'LOCATED_IN:FORWARD', 'ANCHORED_IN:BACKWARD', 'HAS_PART:BACKWARD',
    ]);
    expect(path.relationships[0].basis).toBe('INFERRED');
    for (const r of path.relationships) expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('path respects maxHops, refuses more than 6, and fails NOT_FOUND for unknown ids', async () => {
    const short = await server.data(`{ path(from: "org:warshel-institute-for-computational-biology", to: "${WHOLE}", maxHops: 2) { length } }`);
    expect(short.path).toBeNull();
    const tooFar = await server.gql(`{ path(from: "${EAST_HUB}", to: "${WHOLE}", maxHops: 7) { length } }`);
    expect(tooFar.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await server.gql(`{ path(from: "${EAST_HUB}", to: "strategy:nope") { length } }`);
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringContaining('strategy:nope') });
  });

  it('neighborhood gives nodes and edges for a graph view, depth 1 within depth 2', async () => {
    const data = await server.data(`{
      one: neighborhood(id: "${EAST_HUB}") { truncated nodes { id name } edges { type from to basis evidence { quote } } }
      two: neighborhood(id: "${EAST_HUB}", depth: 2) { nodes { id } edges { type } } }`);
    const ids = new Set(data.one.nodes.map((n: { id: string }) => n.id));
    expect(ids.has(EAST_HUB)).toBe(true);
    expect(data.one.nodes.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['一芯两核多支点', '深圳国际低碳城', '宝龙智造园']));
    for (const e of data.one.edges) {
      expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
      expect(e.evidence.length).toBeGreaterThan(0);
    }
    expect(data.two.nodes.length).toBeGreaterThan(data.one.nodes.length);
    const bad = await server.gql(`{ neighborhood(id: "${EAST_HUB}", depth: 3) { truncated } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await server.gql(`{ neighborhood(id: "nope") { truncated } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('errors', () => {
  it('an unknown id in a typed lookup is NOT_FOUND', async () => {
    const res = await server.gql(`{ strategy(id: "strategy:nope") { name } project(id: "${EAST_HUB}") { name } }`);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('a lookup without id or name, an unknown enum value, or a wrong argument type is BAD_USER_INPUT', async () => {
    for (const query of [
      '{ strategy { name } }',
      '{ districts(kind: PLANET) { totalCount } }',
      '{ projects(filter: { stage: BUILT }) { totalCount } }',
      '{ projects(first: "ten") { totalCount } }',
    ]) {
      const res = await server.gql(query);
      expect({ query, code: res.errors?.[0].extensions?.code }).toEqual({ query, code: 'BAD_USER_INPUT' });
    }
  });

  it('a malformed query is a GraphQL parse error with status 400 and no stack trace', async () => {
    const res = await server.gql(`{ strategy(name: "东核" { name }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\s+at\s+\S+\.(js|ts)/);
  });

  it('an unknown field is a validation error naming it', async () => {
    const res = await server.gql(`{ strategy(name: "东核") { budget } }`);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringContaining('budget') });
  });

  it('a query nested deeper than 15 fields is refused before it runs; introspection is not counted', async () => {
    // strategy → partOf → partOf → … : 16 levels with the final name. (Single objects, not lists, so the cost
    // budget, which multiplies nested lists, stays out of this test.)
    const deep = `{ strategy(name: "东核") { ${'partOf { '.repeat(14)}name${' }'.repeat(14)} } }`;
    const res = await server.gql(deep);
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxDepth', max: 15, actual: 16 },
      message: expect.stringMatching(/depth .* is 16; the limit maxDepth \(PLANGRAPH_MAX_QUERY_DEPTH\) is 15/),
    });
    expect(res.extensions?.plangraph?.cypherRoundTrips ?? 0).toBe(0); // nothing ran
    const ok = await server.gql(`{ strategy(name: "东核") { ${'partOf { '.repeat(13)}name${' }'.repeat(13)} } }`);
    expect(ok.errors).toBeUndefined();
    const introspection = await server.gql(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
  });

  it('a body that is not JSON is refused with 400', async () => {
    const res = await fetch(`${server.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/not valid JSON/);
  });

  it('the API is read-only: a mutation is refused', async () => {
    const res = await server.gql(`mutation { deleteEverything }`);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/read-only/) });
  });
});

describe('HTTP', () => {
  it('GET /health reports Neo4j and the graph', async () => {
    const res = await fetch(`${server.app.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; neo4j: { connected: boolean; version: string; edition: string }; graph: { nodes: number; relationships: number } };
    expect(body).toMatchObject({ status: 'ok', neo4j: { connected: true, edition: 'community', version: expect.stringMatching(/^5\.26\./) } });
    expect(body.graph.nodes).toBeGreaterThan(1000);
    expect(body.graph.relationships).toBeGreaterThan(1000);
  });

  it('serves the playground (GraphiQL) from this process: every script and style is local, and is served', async () => {
    const res = await fetch(`${server.app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/\/playground\/playground-[A-Z0-9]{8}\.js/); // content-hashed: cached for a year
    const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script>/); // no inline script: the CSP forbids them
    for (const ref of refs) {
      expect(ref).toMatch(/^\/[^/]/); // never another host
      const asset = await fetch(`${server.app.url}${ref}`);
      expect({ ref, status: asset.status }).toEqual({ ref, status: 200 });
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(300);
    }
    // The example queries of docs/examples open as tabs.
    expect(html).toContain('strategy(name: \\"东核\\")');
    expect((await fetch(`${server.app.url}/favicon.ico`)).status).toBe(200);
  });

  it('serves only the listed playground assets, whatever the path says', async () => {
    // Raw paths (http.request with a `path`): fetch() and URL strings would normalise "/playground/../package.json" before sending it.
    const rawGet = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const { hostname, port } = new URL(server.app.url);
        request({ hostname, port, path, method: 'GET' }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject).end();
      }).then((r) => ({ path, ...r }));
    const escaping = await Promise.all(['/playground/../package.json', '/playground/..%2Fpackage.json', '/playground/%2e%2e/package.json'].map(rawGet));
    for (const r of escaping) {
      expect({ path: r.path, status: r.status }).toEqual({ path: r.path, status: 404 });
      expect(r.body).not.toContain('"dependencies"');
    }
    // A name that is not a file but a property every object has.
    for (const name of ['constructor', '__proto__', 'toString']) {
      const r = await rawGet(`/playground/${name}`);
      expect({ name, status: r.status, body: r.body }).toEqual({ name, status: 404, body: expect.stringContaining('No file') });
    }
  });

  it('GET /graphql?query= works for simple reads', async () => {
    const res = await fetch(`${server.app.url}/graphql?query=${encodeURIComponent('{ glossary { number } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { glossary: unknown[] } }).data.glossary).toHaveLength(19);
  });
});
