import { Config, ConfigError, loadConfig } from './config';

/** What both entry points share: a logger, reading the configuration, and how a fatal error is reported. */

export const log = (line: string): void => console.log(`[plangraph] ${line}`);

export function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[plangraph] ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
}

/**
 * Errors PlanGraph expects (bad configuration, no Java, Neo4j unreachable, invalid fixtures) carry a `code` and a
 * message that says what to do: print only that. Anything else is a bug: print the stack.
 */
export function exitWithError(err: unknown): never {
  const code = (err as { code?: unknown } | null)?.code;
  const known = err instanceof Error && typeof code === 'string' && !code.startsWith('Neo.');
  console.error(known ? `[plangraph] error: ${(err as Error).message}` : err);
  process.exit(1);
}
