import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/paths';

/** Running the real entry point (dist/src/main.js, what `npm start` runs after compiling) as a user does. */

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Waits for a condition, checking every 200 ms, up to `ms`: a bound on a hang, not a performance target, so make it
 * generous (a JVM start on a loaded 2-core machine takes up to a minute or two).
 */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface MainProcess {
  child: ReturnType<typeof spawn>;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

/** Runs `node dist/src/main.js` with a clean PlanGraph environment plus `env`. */
export function runMain(env: Record<string, string>, opts: { ownProcessGroup?: boolean } = {}): MainProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NEO4J_|PLANGRAPH_|PORT$)/.test(k)));
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.ownProcessGroup ?? false,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (c: Buffer) => (output.stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output.stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** GET /health with a bound of its own: a stuck worker may hold the connection forever. */
export async function healthOf(url: string, timeoutMs = 2_000): Promise<{ status: number; body: { status: string; pid: number } } | null> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: (await res.json()) as { status: string; pid: number } };
  } catch {
    return null;
  }
}
