import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildAll } from '../../src/graph/load';
import { documentFolders, filesUnder, FixtureError } from '../../src/graph/fixtures/read';
import { FIXTURES_DIR } from '../../src/paths';
import { SOURCE_TEXT } from '../helpers/source';

/** Every `evidence` value anywhere in a parsed YAML document. */
function quotesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => quotesIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'evidence') out.push(...(Array.isArray(v) ? v : [v]));
      else quotesIn(v, out);
    }
  }
  return out;
}

const curatedFiles = filesUnder(FIXTURES_DIR).filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('document.yaml'));

describe('the curated fixtures', () => {
  it('quote the report exactly: every evidence string is a substring of the source', () => {
    const quotes = curatedFiles.flatMap((f) => quotesIn(parse(readFileSync(f, 'utf8'))));
    expect(quotes.length).toBeGreaterThan(1000);
    const missing = quotes.filter((q) => typeof q !== 'string' || !SOURCE_TEXT.includes(q));
    expect(missing).toEqual([]);
  });

  // One build of the real fixtures serves every test that reads it.
  let built: ReturnType<typeof buildAll> | undefined;
  const graphOf = () => (built ??= buildAll())[0];

  it('validate and build', () => {
    const graph = graphOf();
    expect(graph.entities.length).toBeGreaterThan(500);
    // Every curated entity and relationship carries evidence.
    const evidenced = new Set(graph.evidence.map((e) => e.nodeId));
    expect(graph.entities.filter((e) => !evidenced.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(graph.relations.filter((r) => r.props.evidence.length === 0)).toEqual([]);
    expect(graph.relations.filter((r) => r.props.passageIds.length !== r.props.evidence.length)).toEqual([]);
  });

  it('give every Strategy, District, Organization and glossary term an English name', () => {
    const graph = graphOf();
    const needing = graph.entities.filter((e) => ['Strategy', 'District', 'Organization', 'GlossaryTerm'].includes(e.label));
    expect(needing.filter((e) => !e.props.nameEn).map((e) => e.id)).toEqual([]);
  });
});

/**
 * Bad fixtures, edited in a copy of the real ones. Reading (YAML, zod) stops before building, so the edits are
 * made in two copies: one with errors the reader finds, one with errors only the build finds. Each test asserts
 * its own problem among those the one load reports (every problem is reported at once).
 */
describe('a bad fixture', () => {
  const dirs: string[] = [];
  const problemsAfter = (edits: (doc: string) => void): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'plangraph-fixtures-'));
    dirs.push(dir);
    cpSync(FIXTURES_DIR, dir, { recursive: true });
    edits(documentFolders(dir)[0]);
    try {
      buildAll(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(FixtureError);
      return (err as FixtureError).problems;
    }
    throw new Error('the bad fixtures were accepted');
  };
  const edit = (doc: string, file: string, from: string | RegExp, to: string) => {
    const path = join(doc, file);
    const text = readFileSync(path, 'utf8');
    const edited = text.replace(from, to);
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
  };

  let readProblems: string[];
  let buildProblems: string[];
  beforeAll(() => {
    readProblems = problemsAfter((doc) => {
      edit(doc, 'registry/strategies.yaml', 'kind: SPATIAL_STRATEGY', 'kind: SPACE_STRATEGY');
      writeFileSync(join(doc, 'review-2022/99-broken.yaml'), 'entities: [\n  - {type: Project');
      edit(doc, 'registry/districts.yaml', /(basis: INFERRED\n)\s*inference: .*\n/, '$1');
    });
    buildProblems = problemsAfter((doc) => {
      edit(doc, 'registry/strategies.yaml', '东核主要依托深圳国际低碳城', '东核主要依托深圳国际高碳城');
      edit(doc, 'registry/strategies.yaml', 'to: 宝龙科技城', 'to: 不存在的科技城');
    });
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is refused when a quote is not in the source, naming the file, the entry and the quote', () => {
    expect(buildProblems.some((p) => p.startsWith('longgang-2022-2023/registry/strategies.yaml') && p.includes('深圳国际高碳城') && p.includes('not an exact substring'))).toBe(true);
  });

  it('is refused when a link names an entity that does not exist', () => {
    expect(buildProblems.some((p) => p.includes('"不存在的科技城" is not the name, alias or id of any declared entity'))).toBe(true);
  });

  it('is refused when a value is outside its enum, naming the field', () => {
    expect(readProblems.some((p) => /registry\/strategies\.yaml: entities\[\d+\]\.kind \(strategy:[^)]+\): Invalid option/.test(p))).toBe(true);
  });

  it('is refused when a file is not valid YAML', () => {
    expect(readProblems.some((p) => p.startsWith('longgang-2022-2023/review-2022/99-broken.yaml: not valid YAML'))).toBe(true);
  });

  it('is refused when an INFERRED link does not say what it is inferred from', () => {
    expect(readProblems.some((p) => p.includes('basis INFERRED needs an `inference`'))).toBe(true);
  });
});
