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

  it('validate and build', () => {
    const [graph] = buildAll();
    expect(graph.entities.length).toBeGreaterThan(500);
    // Every curated entity and relationship carries evidence.
    const evidenced = new Set(graph.evidence.map((e) => e.nodeId));
    expect(graph.entities.filter((e) => !evidenced.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(graph.relations.filter((r) => (r.props.evidence as string[]).length === 0)).toEqual([]);
    expect(graph.relations.filter((r) => (r.props.passageIds as string[]).length !== (r.props.evidence as string[]).length)).toEqual([]);
  });

  it('give every Strategy, District, Organization and glossary term an English name', () => {
    const [graph] = buildAll();
    const needing = graph.entities.filter((e) => ['Strategy', 'District', 'Organization', 'GlossaryTerm'].includes(e.label));
    expect(needing.filter((e) => !e.props.nameEn).map((e) => e.id)).toEqual([]);
  });
});

describe('a bad fixture', () => {
  let dir: string;
  const doc = () => documentFolders(dir)[0];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plangraph-fixtures-'));
    cpSync(FIXTURES_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, from: string, to: string) => {
    const path = join(doc(), file);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
  };
  const problemsOf = () => {
    try {
      buildAll(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(FixtureError);
      return (err as FixtureError).problems;
    }
    throw new Error('the bad fixture was accepted');
  };

  it('is refused when a quote is not in the source, naming the file, the entry and the quote', () => {
    edit('registry/strategies.yaml', '东核主要依托深圳国际低碳城', '东核主要依托深圳国际高碳城');
    const problems = problemsOf();
    expect(problems.some((p) => p.startsWith('longgang-2022-2023/registry/strategies.yaml') && p.includes('深圳国际高碳城') && p.includes('not an exact substring'))).toBe(true);
  });

  it('is refused when a link names an entity that does not exist', () => {
    edit('registry/strategies.yaml', 'to: 宝龙科技城', 'to: 不存在的科技城');
    expect(problemsOf().some((p) => p.includes('"不存在的科技城" is not the name, alias or id of any declared entity'))).toBe(true);
  });

  it('is refused when a value is outside its enum, naming the field', () => {
    edit('registry/strategies.yaml', 'kind: SPATIAL_STRATEGY', 'kind: SPACE_STRATEGY');
    expect(problemsOf().some((p) => /registry\/strategies\.yaml: entities\[\d+\]\.kind \(strategy:[^)]+\): Invalid option/.test(p))).toBe(true);
  });

  it('is refused when a file is not valid YAML', () => {
    writeFileSync(join(doc(), 'review-2022/99-broken.yaml'), 'entities: [\n  - {type: Project');
    expect(problemsOf().some((p) => p.startsWith('longgang-2022-2023/review-2022/99-broken.yaml: not valid YAML'))).toBe(true);
  });

  it('is refused when an INFERRED link does not say what it is inferred from', () => {
    const path = join(doc(), 'registry/districts.yaml');
    const text = readFileSync(path, 'utf8');
    const withoutInference = text.replace(/(basis: INFERRED\n)\s*inference: .*\n/, '$1');
    expect(withoutInference).not.toBe(text);
    writeFileSync(path, withoutInference);
    expect(problemsOf().some((p) => p.includes('basis INFERRED needs an `inference`'))).toBe(true);
  });
});
