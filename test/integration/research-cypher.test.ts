import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { CYPHER_DIR } from '../../src/paths';
import { runCli } from '../helpers/cli';
import { SOURCE_TEXT, startTestServer, TestServer } from '../helpers/server';

/** The ready research queries, run with `npm run cypher` against the suite's graph, checked against the API. */

let server: TestServer;
let scratch: string;
beforeAll(async () => {
  server = await startTestServer();
  scratch = mkdtempSync(join(tmpdir(), 'plangraph-cypher-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await server.stop();
});

const research = (name: string) => join(CYPHER_DIR, 'research', `${name}.cypher`);

async function csvRows(file: string, ...params: string[]): Promise<Record<string, string>[]> {
  const run = await runCli('cypher', [file, '--csv', ...params.flatMap((p) => ['--param', p])]);
  if (run.status !== 0) throw new Error(`npm run cypher -- ${file} failed (${run.status}):\n${run.stderr}`);
  return parseCsv(run.stdout, { columns: true }) as Record<string, string>[];
}

it('every ready query runs with its default parameters and returns rows', async () => {
  const files = readdirSync(join(CYPHER_DIR, 'research')).filter((f) => f.endsWith('.cypher'));
  expect(files.length).toBeGreaterThanOrEqual(5);
  for (const f of files) expect({ f, rows: (await csvRows(join(CYPHER_DIR, 'research', f))).length > 0 }).toEqual({ f, rows: true });
});

it('projects per strategy: the counts per basis of 东核 equal the API’s Strategy.projects', async () => {
  const rows = await csvRows(research('projects-per-strategy'), 'strategy=东核');
  const api = await server.data('{ strategy(name: "东核") { projects(first: 500) { edges { basis node { name } } } } }');
  const byBasis = new Map<string, string[]>();
  for (const e of api.strategy.projects.edges) byBasis.set(e.basis, [...(byBasis.get(e.basis) ?? []), e.node.name]);
  expect(rows.map((r) => r.strategy)).toEqual(rows.map(() => '低碳智造核'));
  expect(new Map(rows.map((r) => [r.basis, Number(r.count)]))).toEqual(new Map([...byBasis].map(([b, names]) => [b, names.length])));
  for (const r of rows) expect(new Set(JSON.parse(r.projectNames))).toEqual(new Set(byBasis.get(r.basis)));
});

it('the 2022 actual vs 2023 target table holds the headline indicators with the API’s numbers', async () => {
  const rows = await csvRows(research('indicators-2022-vs-2023'), 'headline=true');
  const api = await server.data('{ indicators(filter: { headline: true }) { edges { node { name values { year kind value } } } } }');
  expect(rows.map((r) => r.indicator).sort()).toEqual(api.indicators.edges.map((e: { node: { name: string } }) => e.node.name).sort());
  for (const e of api.indicators.edges) {
    const row = rows.find((r) => r.indicator === e.node.name)!;
    const actual = e.node.values.find((v: { year: number; kind: string }) => v.year === 2022 && v.kind === 'ACTUAL');
    const target = e.node.values.find((v: { year: number; kind: string }) => v.year === 2023 && v.kind === 'TARGET');
    if (actual) expect(Number(row.actual2022)).toBeCloseTo(actual.value);
    if (target) expect(Number(row.target2023)).toBeCloseTo(target.value);
  }
});

it('co-mentions: the sentences that name both entities, exact, with their section', async () => {
  const rows = await csvRows(research('co-mentions'), 'a=东核', 'b=深圳国际低碳城');
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r).toMatchObject({ a: '低碳智造核', b: '深圳国际低碳城', bType: 'District' });
    expect(SOURCE_TEXT).toContain(r.sentence);
    expect(r.sentence).toContain('深圳国际低碳城');
  }
});

it('zone coverage and the entities of a section agree with the graph', async () => {
  const zones = await csvRows(research('zone-strategy-coverage'));
  expect(JSON.parse(zones.find((z) => z.zone === '深圳国际低碳城')!.anchoredStrategies)).toContain('低碳智造核');
  const section = await csvRows(research('section-entities'), 'section=longgang-2022-2023:2.1');
  const api = await server.data('{ section(id: "longgang-2022-2023:2.1") { heading } }');
  expect(new Set(section.map((r) => r.section))).toEqual(new Set([api.section.heading]));
});

it('prints an aligned table by default', async () => {
  const run = await runCli('cypher', [research('zone-strategy-coverage')]);
  expect(run.status).toBe(0);
  const [header, rule] = run.stdout.split('\n');
  expect(header).toMatch(/^zone\s+│ anchoredStrategies/);
  expect(rule).toMatch(/^─+┼─/);
});

it('runs in a read transaction: a write is refused and changes nothing', async () => {
  const file = join(scratch, 'write.cypher');
  writeFileSync(file, 'CREATE (n:ResearchWrite {at: 1}) RETURN n');
  const run = await runCli('cypher', [file]);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/Neo\.ClientError\.\S+: .*(read|access mode)/i);
  const left = await server.driver.executeQuery('MATCH (n:ResearchWrite) RETURN count(n) AS n');
  expect(left.records[0].get('n')).toBe(0);
});

it('explains a parameter the query does not take, and a missing file', async () => {
  const bad = await runCli('cypher', [research('co-mentions'), '--param', 'c=1']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('has no parameter "c"; it takes: a, b');
  const missing = await runCli('cypher', [join(scratch, 'nope.cypher')]);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('Cannot read');
});
