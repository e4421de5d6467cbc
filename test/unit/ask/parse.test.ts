import { buildASTSchema, concatAST, parse, validate } from 'graphql';
import { NameDictionary, NameEntry, EntityLabel } from '../../../src/ask/dictionary';
import { parseQuestion } from '../../../src/ask/parse';
import { plan } from '../../../src/ask/plan';
import { buildAll } from '../../../src/graph/load';
import { loadTypeDefs } from '../../../src/graphql/type-defs';
import { AskQuestion } from '../../helpers/ask-score';
import questions from './questions.json';

/**
 * The reading of questions without Neo4j: the name dictionary built from the fixtures in memory (the same names
 * cypher/read/ask-names.cypher returns from the loaded graph), each question of the set read into the shape it
 * expects, and every operation the planner writes valid against the API's schema. Answers are checked against the
 * real graph in test/integration/ask.test.ts.
 */

const [graph] = buildAll();
const dict = new NameDictionary(graph.entities.map((e): NameEntry => ({
  id: e.id, label: e.label as EntityLabel, name: e.props.name, aliases: e.props.aliases ?? [], nameEn: e.props.nameEn ?? null,
  kind: (e.props.kind ?? e.props.category ?? null) as string | null,
})));
const schema = buildASTSchema(concatAST(loadTypeDefs()));
const set = questions as AskQuestion[];

describe('the question set is read into the shapes it expects', () => {
  const answerable = set.filter((q) => q.answerable);
  it.each(answerable.map((q) => [q.id, q.question, q.shape]))('%s %s → %s', (_, question, shape) => {
    expect(parseQuestion(question, dict).shape).toBe(shape);
  });

  it('questions the graph cannot answer are never read as fully understood', () => {
    for (const q of set.filter((x) => !x.answerable)) {
      const r = parseQuestion(q.question, dict);
      expect([q.id, r.caps.length > 0 || r.shape === 'SEARCH']).toEqual([q.id, true]);
    }
  });

  it('every planned operation is valid GraphQL of the API, with no string argument over 200 characters', () => {
    for (const q of set) {
      const { graphql } = plan(parseQuestion(q.question, dict));
      expect([q.id, validate(schema, parse(graphql)).map((e) => e.message)]).toEqual([q.id, []]);
      for (const m of graphql.matchAll(/"((?:[^"\\]|\\.)*)"/g)) expect(m[1].length).toBeLessThanOrEqual(200);
    }
  });
});

describe('names', () => {
  it('are found by alias, short form, traditional characters and quotes, longest first', () => {
    const ids = (q: string) => parseQuestion(q, dict).targets.map((t) => t.id);
    expect(ids('哪些项目服务于东核')).toEqual(['strategy:low-carbon-intelligent-manufacturing-hub']);
    expect(ids('服務於東核的項目有哪些')).toEqual(['strategy:low-carbon-intelligent-manufacturing-hub']);
    expect(ids('“低碳智造核”有哪些项目')).toEqual(['strategy:low-carbon-intelligent-manufacturing-hub']);
    expect(ids('坂田有哪些项目')).toEqual(['district:bantian-subdistrict']);
    expect(parseQuestion('深圳国际低碳城论坛在哪里', dict).targets[0].name).toBe('深圳国际低碳城论坛');
  });

  it('a word that is part of several names is offered as a clarification, never chosen', () => {
    const r = parseQuestion('低碳有哪些项目', dict);
    expect(r.targets).toEqual([]);
    expect(r.clarifications[0].options.length).toBeGreaterThan(1);
  });

  it('a year the report does not cover is said, not answered', () => {
    const r = parseQuestion('2024年地区生产总值目标是多少', dict);
    expect(r.caps.join(' ')).toContain('2024');
    expect(r.clarifications[0].message).toContain('2024');
  });
});
