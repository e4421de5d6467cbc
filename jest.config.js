/**
 * One real Neo4j for the whole suite: test/setup/global-setup.ts starts it with the same launcher as
 * `npm start` (its own port, a temp data folder), loads the real fixtures, and tears it down at the end.
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 120000,
  // Two cores: one worker per core, and the JVMs the launcher tests start need the rest.
  maxWorkers: 2,
  verbose: true,
};
