import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { basename, join } from 'node:path';

/**
 * An AppCDS archive (Java's class-data sharing) of the classes Neo4j loads at start. Loading and verifying ~14,000
 * classes from 213 jars is most of the JVM's start-up CPU; mapped from an archive they cost ~40% less (measured:
 * 8 s instead of 13 s of CPU to "ready", docs/benchmarks.md "Start time").
 *
 * How: a start without an archive records the classes it loads (-XX:DumpLoadedClassList); once the server is ready
 * it dumps them into an archive in a low-priority background JVM (-Xshare:dump, Java 17's static AppCDS; the
 * dynamic -XX:ArchiveClassesAtExit hung at exit on SIGTERM here); later starts map it (-XX:SharedArchiveFile).
 * The archive is named by a hash of the JDK (its -version text) and the jars (names, sizes, mtimes), so a JDK or Neo4j
 * change makes a new one. The JVM itself also validates it and silently runs without it when it does not match;
 * the launcher reports whether sharing is on (java.vm.info), so an unusable archive is logged and deleted, never fatal.
 */

/** Lines of a class list Java 17's -Xshare:dump accepts (longer ones stop the dump with a format error). */
const MAX_LINE = 4000;

export interface ClassArchivePlan {
  /** JVM flags for this start: map the archive, or record the loaded classes for one. */
  flags: string[];
  /** The archive this start maps (undefined: none yet, this start records its class list instead). */
  archive?: string;
  /** Where this start records its class list (when there is no archive yet). */
  classList?: string;
}

export function classArchiveDir(targetDir: string): string {
  return join(targetDir, 'cds');
}

/** The archive's name for this JDK and these jars. */
export function archiveKey(javaVersionText: string, jars: string[]): string {
  const hash = createHash('sha256');
  hash.update(javaVersionText);
  for (const jar of [...jars].sort()) {
    const stat = statSync(jar);
    hash.update(`\0${basename(jar)}\0${stat.size}\0${stat.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 16);
}

let recordings = 0;

/** Use the archive when it exists; otherwise record this start's classes (a file per JVM: tests start several). */
export function planClassArchive(dir: string, key: string): ClassArchivePlan {
  const archive = join(dir, `${key}.jsa`);
  if (existsSync(archive)) return { flags: [`-XX:SharedArchiveFile=${archive}`], archive };
  mkdirSync(dir, { recursive: true });
  removeLeftovers(dir);
  recordings += 1;
  const classList = join(dir, `${key}.${process.pid}-${recordings}.classlist`);
  return { flags: [`-XX:DumpLoadedClassList=${classList}`], classList };
}

/** What a killed server left behind: a half-dumped archive (~130 MB) or a class list nobody will dump. */
function removeLeftovers(dir: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(dir)) {
    if (!/\.(tmp|classlist|usable)$/.test(name)) continue;
    const file = join(dir, name);
    if ((statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < hourAgo) rmSync(file, { force: true });
  }
}

/** The class list as -Xshare:dump accepts it: whole lines only (the JVM may be mid-write), none too long. */
export function usableClassList(text: string): string {
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line.length > 0 && line.length < MAX_LINE)
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * Dumps the recorded class list into `<key>.jsa` in a background JVM at the lowest CPU priority, written under a
 * temporary name and renamed when complete, so a start never maps a half-written archive. Archives of other keys
 * (an older JDK or Neo4j) are removed. Resolves to the archive, or rejects with the dump's last output lines.
 */
export function dumpClassArchive(opts: {
  java: string;
  /** The JVM flags of the run (heap, GC, module options) and its class path, as the archive must match them. */
  jvmFlags: string[];
  classpath: string;
  classList: string;
  archive: string;
  onSpawn?: (child: ChildProcess) => void;
}): Promise<string> {
  const list = `${opts.classList}.usable`;
  const tmp = `${opts.archive}.${process.pid}.tmp`;
  writeFileSync(list, usableClassList(readFileSync(opts.classList, 'utf8')));
  const args = ['-Xshare:dump', `-XX:SharedClassListFile=${list}`, `-XX:SharedArchiveFile=${tmp}`, ...opts.jvmFlags, '-cp', opts.classpath];
  return new Promise<string>((resolve, reject) => {
    const child = spawn(opts.java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      if (child.pid) setPriority(child.pid, 19);
    } catch {
      // Not allowed to lower its priority: it still runs, only less politely.
    }
    opts.onSpawn?.(child);
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      tail.splice(0, Math.max(0, tail.length - 5));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      rmSync(list, { force: true });
      rmSync(opts.classList, { force: true });
      if (code === 0 && existsSync(tmp)) {
        renameSync(tmp, opts.archive);
        const dir = join(opts.archive, '..');
        for (const old of readdirSync(dir)) if (old.endsWith('.jsa') && join(dir, old) !== opts.archive) rmSync(join(dir, old), { force: true });
        resolve(opts.archive);
      } else {
        rmSync(tmp, { force: true });
        reject(new Error(`the class-data dump ended with ${signal ?? `exit ${code}`}: ${tail.join(' | ')}`));
      }
    });
  });
}
