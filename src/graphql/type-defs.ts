import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import { DocumentNode } from 'graphql';
import { SCHEMA_DIR } from '../paths';

/** The API's single definition: the SDL in schema/*.graphql, one file per domain. */
export function loadTypeDefs(): DocumentNode[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => gql(readFileSync(join(SCHEMA_DIR, f), 'utf8')));
}
