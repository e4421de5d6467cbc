import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { NEO4J_BUILD_DIR } from '../paths';
import { PlanGraphError } from '../errors';

/**
 * Fetches Neo4j Community from Maven Central with the project's own neo4j/pom.xml and compiles the
 * one-class launcher beside it. The result lives in neo4j/target (git-ignored); a stamp of the pom
 * and launcher source lets every later start skip Maven entirely.
 */

export const NEO4J_VERSION = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(
  readFileSync(join(NEO4J_BUILD_DIR, 'pom.xml'), 'utf8'),
)![1];

const TARGET = join(NEO4J_BUILD_DIR, 'target');
const LAUNCHER_JAR = join(TARGET, 'plangraph-neo4j-launcher.jar');
const LIB_DIR = join(TARGET, 'lib');
const STAMP = join(TARGET, 'plangraph.stamp');
const LAUNCHER_SOURCE = join(NEO4J_BUILD_DIR, 'src/main/java/dev/plangraph/Launcher.java');

export interface Neo4jDistribution {
  version: string;
  classpath: string;
  jars: number;
  /** Every jar on the class path (the launcher's and Neo4j's): what a class-data archive must match. */
  jarFiles: string[];
  /** neo4j/target: the build's own folder (the class-data archive lives in it too). */
  targetDir: string;
  /** True when nothing was fetched or built: the previous build was reused. */
  cached: boolean;
}

export class Neo4jFetchError extends PlanGraphError {
  readonly code = 'NEO4J_FETCH_FAILED';
}

function buildStamp(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(NEO4J_BUILD_DIR, 'pom.xml')));
  hash.update(readFileSync(LAUNCHER_SOURCE));
  return hash.digest('hex');
}

function distribution(cached: boolean): Neo4jDistribution {
  const libJars = readdirSync(LIB_DIR).filter((f) => f.endsWith('.jar')).map((f) => join(LIB_DIR, f));
  return {
    version: NEO4J_VERSION, classpath: [LAUNCHER_JAR, join(LIB_DIR, '*')].join(delimiter), jars: libJars.length,
    jarFiles: [LAUNCHER_JAR, ...libJars], targetDir: TARGET, cached,
  };
}

export function isFetched(): boolean {
  return existsSync(STAMP) && existsSync(LAUNCHER_JAR) && readFileSync(STAMP, 'utf8') === buildStamp();
}

export function assertMavenInstalled(maven: string): void {
  const probe = spawnSync(maven, ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Neo4jFetchError(
      `Maven (${maven}) is needed once to fetch Neo4j ${NEO4J_VERSION} from Maven Central, and it could not be run` +
        ` (${probe.error?.message ?? `exit ${probe.status}`}).\n` +
        `  Install it (Debian/Ubuntu: sudo apt-get install maven; macOS: brew install maven), set PLANGRAPH_MVN to its path,\n` +
        `  or set NEO4J_URI to use a Neo4j you already run.`,
    );
  }
}

/** Ensures the launcher and Neo4j's jars are in neo4j/target, running Maven only when they are missing or stale. */
export async function fetchNeo4j(opts: { maven: string; log: (line: string) => void }): Promise<Neo4jDistribution> {
  if (isFetched()) return distribution(true);
  assertMavenInstalled(opts.maven);

  const { log } = opts;
  log(`fetching Neo4j ${NEO4J_VERSION} from Maven Central (first start only; cached in ~/.m2 and neo4j/target)…`);
  const started = Date.now();
  let jars = 0;
  let bytes = 0;
  let lastReport = 0;
  const tail: string[] = [];

  const code = await new Promise<number>((resolve, reject) => {
    const mvn = spawn(opts.maven, ['-B', '-f', join(NEO4J_BUILD_DIR, 'pom.xml'), 'package'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      // e.g. "Downloaded from central: https://…/neo4j-kernel-5.26.30.jar (4.1 MB at 9.8 MB/s)"
      const m = /^Downloaded from \S+ \S+\.jar \(([\d.]+) (kB|MB|B)/.exec(line);
      if (!m) return;
      jars += 1;
      bytes += Number(m[1]) * (m[2] === 'MB' ? 1e6 : m[2] === 'kB' ? 1e3 : 1);
      if (Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        log(`fetching Neo4j ${NEO4J_VERSION} from Maven Central… ${jars} jars (${(bytes / 1e6).toFixed(0)} MB)`);
      }
    };
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach((l) => onLine(l.replace(/\x1b\[[0-9;]*m/g, '').replace(/^\[\w+\] /, '')));
    };
    mvn.stdout.on('data', onData);
    mvn.stderr.on('data', onData);
    mvn.on('error', reject);
    mvn.on('close', (status) => resolve(status ?? 1));
  });

  if (code !== 0 || !existsSync(LAUNCHER_JAR)) {
    throw new Neo4jFetchError(
      `Maven could not fetch Neo4j ${NEO4J_VERSION} (exit ${code}). Is Maven Central reachable (proxy settings in ~/.m2/settings.xml)?\n` +
        `  Last lines of Maven's output:\n${tail.map((l) => `    ${l}`).join('\n')}`,
    );
  }
  writeFileSync(STAMP, buildStamp());
  const dist = distribution(false);
  log(
    `fetched Neo4j ${NEO4J_VERSION}: ${dist.jars} jars (${jars} downloaded, ${(bytes / 1e6).toFixed(0)} MB) in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return dist;
}
