import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/paths';
import { neo4jAuth, neo4jUri } from './server';

/**
 * Runs a built CLI (dist/src/cli/NAME.js, compiled by the suite's global setup) against the suite's Neo4j.
 * Asynchronous on purpose: a test's HTTP server lives in this process and must keep serving meanwhile.
 */
export function runCli(name: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'dist/src/cli', `${name}.js`), ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NEO4J_URI: neo4jUri(), NEO4J_PASSWORD: neo4jAuth()?.password ?? '', PLANGRAPH_AUTOLOAD: 'false' } },
      (err, stdout, stderr) => resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
