import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import { DocumentNode } from 'graphql';
import { SCHEMA_DIR } from '../paths';
import { documentResolvers } from './resolvers/document';
import { entityResolvers } from './resolvers/entities';
import { exploreResolvers } from './resolvers/explore';
import { queryResolvers } from './resolvers/query';
import { researchResolvers } from './resolvers/research';

/** The API: the SDL in schema/*.graphql (its single definition) and the resolvers that serve it. */

export function loadTypeDefs(): DocumentNode[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => gql(readFileSync(join(SCHEMA_DIR, f), 'utf8')));
}

type ResolverMap = Record<string, Record<string, unknown>>;

function merge(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const map of maps) for (const [type, fields] of Object.entries(map)) out[type] = { ...out[type], ...fields };
  return out;
}

export const resolvers = merge(queryResolvers, exploreResolvers, entityResolvers, documentResolvers, researchResolvers);
