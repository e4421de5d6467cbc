import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FACT_RELATIONSHIP_TYPES } from '../../src/graph/fixtures/fixture-schema';
import { filesUnder, FixtureError } from '../../src/graph/fixtures/read';
import { graphCounts, isGraphCurrent, loadGraph } from '../../src/graph/load';
import { createDriver } from '../../src/neo4j/connect';
import { Cypher } from '../../src/neo4j/cypher';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { applyDatabaseSchema } from '../../src/neo4j/database-schema';
import { FIXTURES_DIR } from '../../src/paths';
import { scratchNeo4j } from '../helpers/neo4j';
import { SOURCE_TEXT, startTestServer, TestServer } from '../helpers/server';

/** The graph as loaded into the suite's Neo4j: its model, its evidence, and the loader's guarantees. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const cypherRows = async (query: string, params: Record<string, unknown> = {}) => {
  const result = await server.driver.executeQuery(query, params, { routing: 'READ' });
  return result.records.map((r) => r.toObject());
};

describe('the loaded graph', () => {
  it('has the document with its provenance', async () => {
    const [doc] = await cypherRows('MATCH (d:Document) RETURN d {.*} AS d');
    expect(doc.d).toMatchObject({
      id: 'longgang-2022-2023', publisher: '龙岗区发展和改革局', published: '2023-03-01', periodReviewed: 2022, periodPlanned: 2023,
    });
  });

  it('backs every evidence quote, on nodes and relationships, with the exact words of the report', async () => {
    const nodeQuotes = await cypherRows('MATCH ()-[e:EVIDENCED_BY]->(p:Passage) RETURN e.quote AS quote, p.start AS start, p.end AS end');
    expect(nodeQuotes.length).toBeGreaterThan(1000);
    const misplaced = nodeQuotes.filter(({ quote, start, end }) => {
      // The passage is where the quote stands: the quote's place in the source (its first occurrence, as the
      // loader cites it) overlaps the passage's span.
      const at = SOURCE_TEXT.indexOf(quote);
      return at < 0 || !(at < end && at + quote.length > start);
    });
    expect(misplaced).toEqual([]);
    const relQuotes = await cypherRows('MATCH ()-[r]->() WHERE r.evidence IS NOT NULL UNWIND r.evidence AS quote RETURN quote');
    expect(relQuotes.length).toBeGreaterThan(400);
    expect(relQuotes.filter((r) => !SOURCE_TEXT.includes(r.quote))).toEqual([]);
  });

  it('gives every entity and every curated relationship at least one quote and its passage', async () => {
    const [bare] = await cypherRows('MATCH (n:Entity) WHERE NOT (n)-[:EVIDENCED_BY]->(:Passage) RETURN count(n) AS n');
    expect(bare.n).toBe(0);
    const [unbacked] = await cypherRows(`
      MATCH ()-[r:$any($types)]->()
      WHERE size(r.evidence) = 0 OR size(r.passageIds) <> size(r.evidence) OR r.documentId IS NULL
      RETURN count(r) AS n`, { types: FACT_RELATIONSHIP_TYPES });
    expect(unbacked.n).toBe(0);
  });

  it('holds all 19 glossary terms, parsed from the text, most linked to what they define', async () => {
    const terms = await cypherRows('MATCH (g:GlossaryTerm) OPTIONAL MATCH (g)-[:DEFINES]->(e) RETURN g.number AS n, g.term AS term, e.name AS defines ORDER BY n');
    expect(terms.map((t) => t.n)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const byNumber = new Map(terms.map((t) => [t.n, t]));
    expect(byNumber.get(1)).toMatchObject({ term: '“一芯两核多支点”区域发展战略', defines: '一芯两核多支点' });
    expect(byNumber.get(3)).toMatchObject({ term: '双区', defines: '双区' });
    expect(byNumber.get(8)).toMatchObject({ term: '20+8', defines: '20+8' });
    expect(byNumber.get(13)).toMatchObject({ defines: '“IT+低碳”智慧园区' });
    expect(terms.filter((t) => t.defines).length).toBeGreaterThanOrEqual(15);
  });

  it('has the 一芯两核多支点 tree with its parts and the aliases the report uses', async () => {
    const parts = await cypherRows(`
      MATCH (:Strategy {name: '一芯两核多支点'})-[:HAS_PART]->(p:Strategy)
      RETURN p.name AS name, p.aliases AS aliases ORDER BY name`);
    expect(parts.map((p) => p.name).sort()).toEqual(['信息数字核', '低碳智造核', '多支点', '湾东智芯'].sort());
    const aliases = Object.fromEntries(parts.map((p) => [p.name, p.aliases]));
    expect(aliases['低碳智造核']).toContain('东核');
    expect(aliases['信息数字核']).toContain('西核');
    expect(aliases['湾东智芯']).toContain('一芯');
  });

  it('has the five headline indicators with their 2022 actuals and 2023 targets as numbers', async () => {
    const rows = await cypherRows(`
      MATCH (i:Indicator {headline: true})-[:HAS_VALUE]->(v)
      RETURN i.id AS id, v.year AS year, v.kind AS kind, v.value AS value, v.unit AS unit, v.qualifier AS qualifier`);
    const value = (id: string, year: number) => rows.find((r) => r.id === `indicator:${id}` && r.year === year);
    const expected: [string, number, number][] = [
      ['gdp-growth', 3, 7],
      ['industrial-value-added-growth', 1.7, 6.5],
      ['fixed-asset-investment-growth', 9.1, 10],
      ['retail-sales-growth', 5.9, 7.5],
      ['general-budget-revenue-growth', -9.9, 17],
    ];
    for (const [id, actual, target] of expected) {
      expect(value(id, 2022)).toMatchObject({ kind: 'ACTUAL', value: actual, unit: '%' });
      expect(value(id, 2023)).toMatchObject({ kind: 'TARGET', value: target, unit: '%' });
    }
    expect(value('gdp-growth', 2023)!.qualifier).toBe('左右');
    expect(value('general-budget-revenue-growth', 2023)!.qualifier).toBeNull();
    expect(value('general-budget-revenue-growth', 2022)!.qualifier).toBe('按自然口径计算');
  });

  it('holds the report at the scale a careful reader extracts', async () => {
    const { labels } = await graphCounts(server.cypher);
    expect(labels.Project).toBeGreaterThanOrEqual(200);
    expect(labels.Indicator).toBeGreaterThanOrEqual(150);
    expect(labels.Organization).toBeGreaterThanOrEqual(40);
    expect(labels.Strategy).toBeGreaterThanOrEqual(40);
    const [values] = await cypherRows(`
      MATCH (v:IndicatorValue) RETURN sum(CASE v.kind WHEN 'ACTUAL' THEN 1 ELSE 0 END) AS actual, sum(CASE v.kind WHEN 'TARGET' THEN 1 ELSE 0 END) AS target`);
    expect(values.actual).toBeGreaterThanOrEqual(150);
    expect(values.target).toBeGreaterThanOrEqual(50);
  });

  it('derives SERVES by rule: projects of 深圳国际低碳城 and 宝龙科技城 serve 低碳智造核', async () => {
    const rows = await cypherRows(`
      MATCH (p:Project)-[r:SERVES {basis: 'DERIVED'}]->(:Strategy {name: '低碳智造核'})
      RETURN p.name AS project, r.via AS via, r.rule AS rule, r.evidence AS evidence`);
    const byProject = new Map(rows.map((r) => [r.project, r]));
    expect(byProject.get('国际低碳城新能源产业园')).toMatchObject({ via: expect.stringContaining('low-carbon-city'), rule: 'serves-by-anchor' });
    expect(byProject.get('宝龙智造园')).toMatchObject({ rule: 'serves-by-anchor' });
    expect(byProject.get('深圳宝龙专精特新产业园(一期)')).toBeDefined();
    // The derived link carries the evidence of both facts it stands on: the location and the anchor.
    expect(byProject.get('宝龙智造园')!.evidence.join()).toContain('东核主要依托深圳国际低碳城、宝龙科技城、东部高铁新城');
    // No project outside the anchor zones is pulled in.
    expect(byProject.has('平湖智造园')).toBe(false);
    expect(byProject.has('深港科技产业园')).toBe(false);
  });

  it('links passages to the entities they mention, longer names first', async () => {
    const rows = await cypherRows(`
      MATCH (p:Passage)-[:MENTIONS]->(e:Entity)
      WHERE p.text CONTAINS '东核主要依托深圳国际低碳城'
      RETURN collect(e.name) AS names`);
    expect(rows[0].names).toEqual(expect.arrayContaining(['深圳国际低碳城', '宝龙科技城', '东部高铁新城', '低碳智造核']));
  });
});

describe('the loader', () => {
  const countsAndHash = async () => ({ ...(await graphCounts(server.cypher)), current: await isGraphCurrent(server.cypher) });

  it('is idempotent: loading again gives identical counts', async () => {
    const before = await countsAndHash();
    expect(before.current).toBe(true);
    await loadGraph(server.cypher);
    expect(await countsAndHash()).toEqual(before);
  });

  it('never shows readers a half-written graph while it reloads', async () => {
    const query = `{ strategy(name: "东核") { name parts { name } } search(text: "IT+BT+低碳", first: 1) { entity { name } } }`;
    // Planned once before the reload starts: on a busy machine a cold first read could outlast the whole (fast) reload.
    await server.data(query);
    const reload = loadGraph(server.cypher);
    let done = false;
    void reload.finally(() => (done = true));
    // Count only reads answered while the reload was still running: those are the ones the test is about.
    let readsDuringReload = 0;
    while (!done) {
      const data = await server.data(query);
      expect(data.strategy.name).toBe('低碳智造核');
      expect(data.search[0].entity.name).toBe('IT+BT+低碳');
      if (!done) readsDuringReload += 1;
    }
    await reload;
    expect(readsDuringReload).toBeGreaterThan(0);
  });

  it('refuses a bad fixture and leaves the graph unchanged', async () => {
    const before = await countsAndHash();
    const dir = mkdtempSync(join(tmpdir(), 'plangraph-bad-'));
    try {
      cpSync(FIXTURES_DIR, dir, { recursive: true });
      const file = join(dir, 'longgang-2022-2023/registry/strategies.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('“一芯”指“湾东智芯”', '“一芯”指“湾西智芯”'));
      await expect(loadGraph(server.cypher, dir)).rejects.toBeInstanceOf(FixtureError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await countsAndHash()).toEqual(before);
  });
});

describe('the loader on a database of its own', () => {
  let neo4j: Awaited<ReturnType<typeof startEmbeddedNeo4j>>;
  let driver: ReturnType<typeof createDriver>;
  let cypher: Cypher;
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  const value = async (query: string, params: Record<string, unknown> = {}) => (await driver.executeQuery(query, params)).records[0].get(0);
  /** Every node and relationship with its properties and their types, but not the load's stamp (sorted lines). */
  const content = async () => (await cypher.read('read/content')).map((r) => JSON.stringify(r)).sort();

  beforeAll(async () => {
    neo4j = await startEmbeddedNeo4j(await scratchNeo4j(tempDir('plangraph-own-')));
    driver = createDriver(neo4j.uri, neo4j.auth);
    cypher = new Cypher(driver, 'neo4j', 60_000);
    await applyDatabaseSchema(cypher);
  });
  afterAll(async () => {
    await driver?.close();
    await neo4j?.stop();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('removes what the fixtures no longer hold, and restores it when they hold it again', async () => {
    const full = await loadGraph(cypher);
    const fresh = await content();
    expect(await value(`MATCH (p:Project {name: '西坑粮食储备库'}) RETURN count(p)`)).toBe(1);

    // Drop one project, and the links that name it, from a copy of the fixtures.
    const fixtures = tempDir('plangraph-prune-fx-');
    cpSync(FIXTURES_DIR, fixtures, { recursive: true });
    const gone = ['project:xikeng-grain-reserve-depot', '西坑粮食储备库', '西坑粮库'];
    for (const file of filesUnder(fixtures).filter((f) => /\/(review-2022|plan-2023)\/.*\.yaml$/.test(f))) {
      const doc = parse(readFileSync(file, 'utf8')) ?? {};
      doc.entities = (doc.entities ?? []).filter((e: { id: string }) => !gone.includes(e.id));
      doc.links = (doc.links ?? []).filter((l: { from: string; to: string }) => !gone.includes(l.from) && !gone.includes(l.to));
      writeFileSync(file, stringify(doc));
    }
    const trimmed = await loadGraph(cypher, fixtures);
    expect(await value(`MATCH (p:Project {name: '西坑粮食储备库'}) RETURN count(p)`)).toBe(0);
    expect(trimmed.labels.Project).toBe(full.labels.Project - 1);
    expect(await value(`MATCH (m:Milestone) WHERE m.id STARTS WITH 'project:xikeng-grain-reserve-depot@' RETURN count(m)`)).toBe(0);

    const again = await loadGraph(cypher);
    expect(again.labels).toEqual(full.labels);
    expect(again.relationships).toEqual(full.relationships);
    // The first load CREATEd into an empty database, the reloads MERGEd: the same graph, property for property.
    expect(await content()).toEqual(fresh);
  });

  it('takes a second report as a second fixture folder: shared entities merge, every fact keeps its document', async () => {
    const fixtures = tempDir('plangraph-two-docs-');
    cpSync(FIXTURES_DIR, fixtures, { recursive: true });
    // A made-up next-year report, just big enough to name a shared strategy and a shared indicator.
    const second = join(fixtures, 'next-year');
    mkdirSync(join(second, 'plan'), { recursive: true });
    writeFileSync(join(fixtures, 'source/next-year.txt'), [
      '某区2023年计划执行情况与2024年计划', '',
      '  一、2023年主要指标完成情况', '',
      '  ——地区生产总值同比增长5.2%;', '',
      '  二、2023年经济社会发展主要工作和成效', '',
      '  1.东核建设提速。低碳智造核承载力持续增强。', '',
    ].join('\n'));
    writeFileSync(join(second, 'document.yaml'), stringify({
      id: 'next-year', title: '某区2023年计划执行情况与2024年计划', titleEn: 'Next year', publisher: '某区发展和改革局',
      publisherEn: 'DRC', published: '2024-03-01', periodReviewed: 2023, periodPlanned: 2024, source: '../source/next-year.txt',
    }));
    writeFileSync(join(second, 'plan/facts.yaml'), stringify({
      entities: [
        { type: 'Strategy', id: 'strategy:low-carbon-intelligent-manufacturing-hub', name: '低碳智造核', nameEn: 'East Hub', aliases: ['东核'], kind: 'SPATIAL_STRATEGY', evidence: ['低碳智造核承载力持续增强'] },
        { type: 'Indicator', id: 'indicator:gdp-growth', name: '地区生产总值增速', category: 'ECONOMY', direction: 'GROWTH_RATE', headline: true,
          evidence: ['地区生产总值同比增长5.2%'], values: [{ year: 2023, kind: 'ACTUAL', value: 5.2, unit: '%', evidence: '地区生产总值同比增长5.2%' }] },
      ],
    }));
    const report = await loadGraph(cypher, fixtures);
    expect(report.documents).toEqual(['longgang-2022-2023', 'next-year']);

    const hub = (await driver.executeQuery(`
      MATCH (s:Strategy {id: 'strategy:low-carbon-intelligent-manufacturing-hub'})
      OPTIONAL MATCH (s)-[e:EVIDENCED_BY]->()
      RETURN count(DISTINCT s) AS nodes, s.documents AS documents, collect(DISTINCT e.documentId) AS evidencedIn`)).records[0].toObject();
    expect(hub.nodes).toBe(1);
    expect(hub.documents).toEqual(['longgang-2022-2023', 'next-year']);
    expect(hub.evidencedIn.sort()).toEqual(['longgang-2022-2023', 'next-year']);

    const gdp = (await driver.executeQuery(`
      MATCH (:Indicator {id: 'indicator:gdp-growth'})-[:HAS_VALUE]->(v)
      RETURN v.documentId AS doc, v.year AS year, v.kind AS kind, v.value AS value ORDER BY doc, year`)).records.map((r) => r.toObject());
    expect(gdp.map((v) => [v.doc, v.year, v.kind, v.value])).toEqual([
      ['longgang-2022-2023', 2022, 'ACTUAL', 3],
      ['longgang-2022-2023', 2023, 'TARGET', 7],
      ['next-year', 2023, 'ACTUAL', 5.2],
    ]);
    expect(await value(`MATCH (s:Section {id: 'next-year:2.1'})-[:PART_OF]->(:Section)-[:PART_OF]->(d:Document) RETURN d.id`)).toBe('next-year');
    // The shared entity is still found by the alias both reports use, and the first report's data is intact.
    expect(await value(`MATCH (s:Strategy) WHERE '东核' IN s.names RETURN count(s)`)).toBe(1);
    expect(await value(`MATCH (:Strategy {name: '低碳智造核'})<-[:SERVES]-(p:Project) RETURN count(p)`)).toBeGreaterThan(5);
  });
});
