import { Config, ConfigError, loadConfig } from './config';
import { PlanGraphError } from './errors';

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
 * Errors PlanGraph expects (bad configuration, no Java, Neo4j unreachable, invalid fixtures) are PlanGraphErrors
 * with a message that says what to do: print only that. Anything else is a bug, or an error from a library
 * (a Node ErrnoException, a Neo4jError, which also carry a `code`): print it whole, stack and cause included.
 */
export function describeFatal(err: unknown): string | unknown {
  return err instanceof PlanGraphError ? `[plangraph] error: ${err.message}` : err;
}

export function exitWithError(err: unknown): never {
  console.error(describeFatal(err));
  process.exit(1);
}
