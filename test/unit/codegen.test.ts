import { readFileSync } from 'node:fs';
import { GENERATED_RESOLVER_TYPES, generateResolverTypes } from '../../src/graphql/codegen';

/** The committed resolver types are what GraphQL Code Generator makes of schema/*.graphql today. */
it('src/graphql/generated/resolvers.ts is current with schema/ (run `npm run codegen` to refresh it)', async () => {
  expect(readFileSync(GENERATED_RESOLVER_TYPES, 'utf8')).toBe(await generateResolverTypes());
});
