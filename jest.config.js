/**
 * Two layers (docs/design.md, "Tests"):
 *   unit         test/unit/: no Java, no Neo4j, no network — the parser, fixtures, build passes, config, pagination,
 *                errors, the schema and its generated types, and the resolvers against a recording fake of the
 *                Cypher runner. `npm run test:unit`.
 *   integration  test/integration/: ONE real Neo4j for the whole run — test/setup/global-setup.ts starts it with
 *                the same launcher as `npm start` (its own port, a temp data folder), loads the real fixtures, and
 *                tears it down at the end; tests send real GraphQL over HTTP.
 * `npm test` runs both.
 */
// Tests are transpiled without type checking (fast); `npm test` type-checks everything first with `tsc --noEmit`.
// auto-bind (used by GraphQL Code Generator) ships only ES modules, which Jest's CommonJS runtime needs transpiled.
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { isolatedModules: true, allowJs: true } }] },
  transformIgnorePatterns: ['/node_modules/(?!auto-bind/)'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
  testTimeout: 120000,
  // Two cores: one worker per core, and the JVMs the launcher tests start need the rest.
  maxWorkers: 2,
  verbose: true,
};
