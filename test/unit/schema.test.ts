import { buildASTSchema, concatAST, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { STAGE_ORDER } from '../../src/graphql/stages';
import { loadTypeDefs } from '../../src/graphql/type-defs';

/** The SDL in schema/ is the API's only definition, and its documentation: every type and field is described. */

const schema = buildASTSchema(concatAST(loadTypeDefs()));
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

it('describes every type and every field, so the playground documents the API', () => {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
  }
  expect(missing).toEqual([]);
});

it('keeps the contract clients rely on', () => {
  const query = schema.getQueryType()!.getFields();
  expect(Object.keys(query)).toEqual(
    expect.arrayContaining(['node', 'strategy', 'strategies', 'district', 'districts', 'project', 'projects', 'indicator', 'indicators', 'glossaryTerm', 'glossary', 'search', 'path', 'neighborhood']),
  );
  expect(query.projects.args.map((a) => a.name)).toEqual(['first', 'after', 'filter', 'orderBy']);
  const strategy = schema.getType('Strategy');
  expect(isObjectType(strategy) && strategy.getFields().projects.args.map((a) => a.name)).toEqual(['includeParts', 'basis', 'textBacked', 'first', 'after', 'filter']);
  const stage = schema.getType('ProjectStage');
  expect(isEnumType(stage) && stage.getValues().map((v) => v.name)).toEqual(expect.arrayContaining(['PLANNED', 'STARTED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_OPERATION']));
  // Milestone ordering and stageChanged rank stages by STAGE_ORDER: it must list every stage, in the enum's order.
  expect(isEnumType(stage) && stage.getValues().map((v) => v.name)).toEqual(STAGE_ORDER);
  expect(schema.getMutationType()).toBeUndefined();
});
