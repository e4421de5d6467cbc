/**
 * The benchmark's query mix, each written twice: once for PlanGraph's API and once for the @neo4j/graphql
 * server (bench/neo4j-graphql.ts). Both answers are reduced to the same plain shape by `same`, and the run
 * refuses to time anything until every server's reduced answer is identical: a fast wrong server cannot win.
 */

type Json = any; // GraphQL answers are checked structurally by the reducers below.

export interface MixQuery {
  /** Short key, used in tables and the chart. */
  key: string;
  title: string;
  plangraph: string;
  neo4jGraphql: string;
  /** Reduce each side's `data` to one comparable shape. */
  samePlangraph(data: Json): unknown;
  sameNeo4jGraphql(data: Json): unknown;
  /** What @neo4j/graphql cannot express in its generated API, if anything (written into docs/benchmarks.md). */
  note?: string;
}

/** Parts as a set: [name, …] tuples sorted by name (see the wide query's note). */
const byName = (parts: Json[]): Json[] => [...parts].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

const byDoc = '[{ firstMention: ASC }, { id: ASC }]';
const edgeByDoc = '[{ node: { firstMention: ASC } }, { node: { id: ASC } }]';
/** Quotes in order of first appearance, once each (PlanGraph returns an entity's evidence that way). */
const uniq = (quotes: string[]) => [...new Set(quotes)];

export const HUB = '低碳智造核';
export const SUBDISTRICT = '平湖街道';
export const PROJECT_ID = 'project:dayun-hub';
export const SEARCH_TEXT = '低碳';
export const PATH_FROM = 'org:warshel-institute-for-computational-biology';
export const PATH_TO = 'strategy:one-core-two-hubs-multiple-pivots';

export function mix(names: { hub: string; subdistrict: string; projectId: string } = { hub: HUB, subdistrict: SUBDISTRICT, projectId: PROJECT_ID }): MixQuery[] {
  return [
    {
      key: 'hub',
      title: `the ${names.hub} projects with basis and evidence`,
      plangraph: `{ strategy(name: ${JSON.stringify(names.hub)}) { name projects(first: 100, includeParts: false) { totalCount edges { basis node { name } evidence { quote } } } } }`,
      neo4jGraphql: `{ strategies(where: { name: { eq: ${JSON.stringify(names.hub)} } }) { name projectsConnection(sort: ${edgeByDoc}) { totalCount edges { properties { basis evidence } node { name } } } } }`,
      samePlangraph: (d) => {
        const s = d.strategy;
        return { name: s.name, total: s.projects.totalCount, links: s.projects.edges.map((e: Json) => [e.basis, e.node.name, e.evidence.map((q: Json) => q.quote)]) };
      },
      sameNeo4jGraphql: (d) => {
        const s = d.strategies[0];
        return { name: s.name, total: s.projectsConnection.totalCount, links: s.projectsConnection.edges.map((e: Json) => [e.properties.basis, e.node.name, e.properties.evidence ?? []]) };
      },
      note: 'PlanGraph resolves the strategy by name *or alias* (东核 works); @neo4j/graphql filters on the exact name. With includeParts (PlanGraph\'s default) projects serving any part (HAS_PART*) also count: a variable-length traversal the generated API cannot express, so the mix asks for direct links only.',
    },
    {
      key: 'wide',
      title: 'wide nested: strategies → parts → projects → districts',
      plangraph: `{ strategies(first: 500) { edges { node { name parts { name projects(first: 500, includeParts: false) { edges { basis node { name districts { basis node { name } } } } } } } } } }`,
      neo4jGraphql: `{ strategies(limit: 500, sort: ${byDoc}) { name parts(sort: ${byDoc}) { name projectsConnection(sort: ${edgeByDoc}) { edges { properties { basis } node { name districtsConnection(sort: ${edgeByDoc}) { edges { properties { basis } node { name } } } } } } } } }`,
      samePlangraph: (d) =>
        d.strategies.edges.map((s: Json) => [s.node.name, byName(s.node.parts.map((p: Json) => [p.name, p.projects.edges.map((e: Json) => [e.basis, e.node.name, e.node.districts.map((x: Json) => [x.basis, x.node.name])])]))]),
      sameNeo4jGraphql: (d) =>
        d.strategies.map((s: Json) => [s.name, byName(s.parts.map((p: Json) => [p.name, p.projectsConnection.edges.map((e: Json) => [e.properties.basis, e.node.name, e.node.districtsConnection.edges.map((x: Json) => [x.properties.basis, x.node.name])])]))]),
      note: 'PlanGraph lists a strategy\'s parts in the report\'s order (where the sentence stating the link names each part); @neo4j/graphql can only sort by a stored property, so the parts of each strategy are compared as a set (sorted by name). Everything else keeps its order.',
    },
    {
      key: 'subdistrict',
      title: `a 街道's projects with timelines (${names.subdistrict})`,
      plangraph: `{ district(name: ${JSON.stringify(names.subdistrict)}) { name projects(first: 100, includeSubdistricts: false) { totalCount edges { locationBasis node { name timeline { year stage } } } } } }`,
      neo4jGraphql: `{ districts(where: { name: { eq: ${JSON.stringify(names.subdistrict)} } }) { name projectsConnection(sort: ${edgeByDoc}) { totalCount edges { properties { basis } node { name timeline(sort: [{ year: ASC }, { stage: ASC }]) { year stage } } } } } }`,
      samePlangraph: (d) => ({
        name: d.district.name, total: d.district.projects.totalCount,
        projects: d.district.projects.edges.map((e: Json) => [e.locationBasis, e.node.name, e.node.timeline.map((m: Json) => [m.year, m.stage])]),
      }),
      sameNeo4jGraphql: (d) => ({
        name: d.districts[0].name, total: d.districts[0].projectsConnection.totalCount,
        projects: d.districts[0].projectsConnection.edges.map((e: Json) => [e.properties.basis, e.node.name, e.node.timeline.map((m: Json) => [m.year, m.stage])]),
      }),
      note: 'PlanGraph includes projects in zones within the 街道 (WITHIN*, its default) and picks the most direct location per project; the generated API has no variable-length traversal, so the mix asks for direct locations only (includeSubdistricts: false).',
    },
    {
      key: 'headline',
      title: 'the headline indicators table',
      plangraph: `{ indicators(first: 100, filter: { headline: true }) { totalCount edges { node { name values { year kind value unit qualifier } } } } }`,
      neo4jGraphql: `{ indicatorsConnection(first: 100, where: { headline: { eq: true } }, sort: ${byDoc}) { totalCount edges { node { name values(sort: [{ year: ASC }, { kind: ASC }, { value: ASC }]) { year kind value unit qualifier } } } } }`,
      samePlangraph: (d) => ({ total: d.indicators.totalCount, rows: d.indicators.edges.map((e: Json) => [e.node.name, e.node.values.map((v: Json) => [v.year, v.kind, v.value, v.unit, v.qualifier])]) }),
      sameNeo4jGraphql: (d) => ({
        total: d.indicatorsConnection.totalCount,
        rows: d.indicatorsConnection.edges.map((e: Json) => [e.node.name, e.node.values.map((v: Json) => [v.year, v.kind, v.value, v.unit, v.qualifier ?? null])]),
      }),
    },
    {
      key: 'search',
      title: `a search ("${SEARCH_TEXT}", projects)`,
      plangraph: `{ search(text: ${JSON.stringify(SEARCH_TEXT)}, types: [PROJECT], first: 20) { entity { name } } }`,
      neo4jGraphql: `{ searchProjects(key: ${JSON.stringify(SEARCH_TEXT)}, query: ${JSON.stringify(`"${SEARCH_TEXT}"`)}, limit: 20) { name } }`,
      samePlangraph: (d) => d.search.map((h: Json) => h.entity.name),
      sameNeo4jGraphql: (d) => d.searchProjects.map((n: Json) => n.name),
      note: 'Not expressible in the generated API (three ranked tiers: exact name/alias, substring of a name/alias, full-text with the cjk analyzer). Served through an @cypher field running the same statement (cypher/bench/search-projects.cypher); the client escapes the Lucene phrase itself.',
    },
    {
      key: 'path',
      title: 'a path (瓦谢尔研究院 → 一芯两核多支点)',
      plangraph: `{ path(from: ${JSON.stringify(PATH_FROM)}, to: ${JSON.stringify(PATH_TO)}) { length nodes { name } } }`,
      neo4jGraphql: `{ pathNames(from: ${JSON.stringify(PATH_FROM)}, to: ${JSON.stringify(PATH_TO)}) }`,
      samePlangraph: (d) => d.path.nodes.map((n: Json) => n.name),
      sameNeo4jGraphql: (d) => d.pathNames,
      note: 'Not expressible (shortest path over the curated relationships): an @cypher field returning the names along the path (cypher/bench/path-names.cypher); the steps, directions and evidence PlanGraph returns are lost.',
    },
    {
      key: 'project',
      title: `one project's full detail (${names.projectId})`,
      plangraph: `{ project(id: ${JSON.stringify(names.projectId)}) { name nameEn aliases category evidence { quote } districts { basis node { name } } strategies { basis node { name } } timeline { year stage evidence { quote } } } }`,
      neo4jGraphql: `{ projects(where: { id: { eq: ${JSON.stringify(names.projectId)} } }) { name nameEn aliases category evidenceConnection(sort: [{ node: { seq: ASC } }]) { edges { properties { quote } } } districtsConnection(sort: ${edgeByDoc}) { edges { properties { basis } node { name } } } strategiesConnection(sort: ${edgeByDoc}) { edges { properties { basis } node { name } } } timeline(sort: [{ year: ASC }, { stage: ASC }]) { year stage evidence } } }`,
      samePlangraph: (d) => {
        const p = d.project;
        return [p.name, p.nameEn, p.aliases, p.category, p.evidence.map((e: Json) => e.quote), p.districts.map((l: Json) => [l.basis, l.node.name]),
          p.strategies.map((l: Json) => [l.basis, l.node.name]), p.timeline.map((m: Json) => [m.year, m.stage, m.evidence.map((e: Json) => e.quote)])];
      },
      sameNeo4jGraphql: (d) => {
        const p = d.projects[0];
        return [p.name, p.nameEn ?? null, p.aliases ?? [], p.category, uniq(p.evidenceConnection.edges.map((e: Json) => e.properties.quote)),
          p.districtsConnection.edges.map((l: Json) => [l.properties.basis, l.node.name]), p.strategiesConnection.edges.map((l: Json) => [l.properties.basis, l.node.name]),
          p.timeline.map((m: Json) => [m.year, m.stage, m.evidence ?? []])];
      },
      note: 'An entity\'s evidence is one EVIDENCED_BY relationship per (quote, passage); PlanGraph returns each quote once, at its first passage; the @neo4j/graphql client must de-duplicate.',
    },
  ];
}
