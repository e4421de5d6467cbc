import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_RESOLVER_TYPES, generateResolverTypes } from '../graphql/codegen';
import { exitWithError, log } from '../run';

/**
 * `npm run codegen`: regenerate src/graphql/generated/resolvers.ts from schema/*.graphql. The script compiles with
 * tsc first and runs even when that reports type errors (tsc still emits): stale types are what it is there to fix.
 */
async function main(): Promise<void> {
  const text = await generateResolverTypes();
  let current = '';
  try {
    current = readFileSync(GENERATED_RESOLVER_TYPES, 'utf8');
  } catch {
    // First generation.
  }
  if (current === text) return log('src/graphql/generated/resolvers.ts is current');
  writeFileSync(GENERATED_RESOLVER_TYPES, text);
  log('wrote src/graphql/generated/resolvers.ts');
}

main().catch(exitWithError);
