import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, concatAST, GraphQLEnumType, isEnumType, isObjectType } from 'graphql';
import * as fixtures from '../../src/graph/fixtures/fixture-schema';
import { cypherText } from '../../src/neo4j/cypher';
import { ROOT } from '../../src/paths';
import { ENTITY_LABELS } from '../../src/graphql/resolvers/explore';
import { loadTypeDefs } from '../../src/graphql/type-defs';
import { parametersOf } from './helpers/recording-cypher';

/**
 * Each list is defined once (src/graph/fixtures/fixture-schema.ts): zod validates fixtures with it, Cypher gets it
 * as a parameter, and the SDL and the curators' guide, which cannot import it, are checked against it here.
 */

const schema = buildASTSchema(concatAST(loadTypeDefs()));
const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe('one source for each list', () => {
  it.each<[string, readonly string[]]>([
    ['StrategyKind', fixtures.STRATEGY_KINDS],
    ['DistrictKind', fixtures.DISTRICT_KINDS],
    ['OrganizationKind', fixtures.ORGANIZATION_KINDS],
    ['ProjectCategory', fixtures.PROJECT_CATEGORIES],
    ['ProjectStage', fixtures.PROJECT_STAGES],
    ['IndicatorCategory', fixtures.INDICATOR_CATEGORIES],
    ['IndicatorDirection', fixtures.INDICATOR_DIRECTIONS],
    ['ValueKind', fixtures.VALUE_KINDS],
    ['LinkBasis', fixtures.BASES],
  ])('the SDL enum %s has exactly the values the fixtures may use', (name, values) => {
    expect(isEnumType(schema.getType(name))).toBe(true);
    expect(enumValues(name)).toEqual([...values]);
  });

  it('ServesBasis is LinkBasis plus DERIVED (links made by cypher/derive rules)', () => {
    expect(enumValues('ServesBasis')).toEqual([...fixtures.BASES, 'DERIVED']);
  });

  it('EntityType (search filter) names every entity label', () => {
    expect(Object.values(ENTITY_LABELS)).toEqual([...fixtures.ENTITY_TYPES]);
    expect(enumValues('EntityType')).toEqual(Object.keys(ENTITY_LABELS));
  });

  it('the fact relationship types are the link types and DEFINES, and the SDL documents exactly those', () => {
    expect(fixtures.FACT_RELATIONSHIP_TYPES).toEqual([...fixtures.LINK_TYPES, 'DEFINES']);
    expect(Object.keys(fixtures.LINK_ENDPOINTS)).toEqual([...fixtures.LINK_TYPES]);
    const pathStep = schema.getType('PathStep');
    const description = isObjectType(pathStep) ? pathStep.getFields().type.description : undefined;
    const described = /The relationship type: ([A-Z_, ]+)\./.exec(description ?? '')?.[1];
    expect(described?.split(', ')).toEqual([...fixtures.FACT_RELATIONSHIP_TYPES]);
  });

  it('no read statement spells a relationship-type list out: they take $types', () => {
    for (const name of ['read/path', 'read/neighborhood']) {
      expect(parametersOf(cypherText(name))).toContain('types');
      expect(cypherText(name)).not.toMatch(/HAS_PART\|/);
    }
  });

  it('the curators\' guide lists every value of every fixture enum and every link type', () => {
    const guide = readFileSync(join(ROOT, 'fixtures/README.md'), 'utf8');
    const all = [
      ...fixtures.STRATEGY_KINDS, ...fixtures.DISTRICT_KINDS, ...fixtures.ORGANIZATION_KINDS, ...fixtures.PROJECT_CATEGORIES,
      ...fixtures.PROJECT_STAGES, ...fixtures.INDICATOR_CATEGORIES, ...fixtures.INDICATOR_DIRECTIONS, ...fixtures.VALUE_KINDS,
      ...fixtures.LINK_TYPES,
    ];
    expect(all.filter((value) => !new RegExp(`\\b${value}\\b`).test(guide))).toEqual([]);
  });
});
