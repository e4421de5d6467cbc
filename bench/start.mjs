// Times `npm start` from the command to "ready": runs it N times in a row (the first may be a cold start, the rest
// are warm), prints every line of its output with the elapsed seconds, then the wall time to "ready" and the
// server's own "ready in" figure, and stops the server (SIGTERM, as Ctrl-C would) before the next run.
// Plain JavaScript on purpose: it must run on a fresh clone, before anything is built.
//
//   node bench/start.mjs [--runs 2] [--quiet] [--cmd 'node dist/src/main.js'] [--first-waits-for 'REGEX']
//   (PORT, PLANGRAPH_NEO4J_BOLT_PORT, PLANGRAPH_DATA_DIR from the environment)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 2) || 2;
const quiet = args.includes('--quiet');
const command = args.includes('--cmd') ? args[args.indexOf('--cmd') + 1] : 'npm start';
// The first start of a clone makes the JVM's class-data archive in the background after "ready": let it finish
// (as a user's server would) before stopping, so the second run measures a warm start.
const firstWaitsFor = args.includes('--first-waits-for') ? new RegExp(args[args.indexOf('--first-waits-for') + 1]) : undefined;

const TICKS = 100; // USER_HZ on Linux

/**
 * CPU seconds spent so far by a process tree (Linux /proc): every live process's user+system time, plus what its
 * finished children used (the build step's tsc/esbuild, npm's own start). The JVM's start-up CPU is included.
 */
function treeCpuSeconds(rootPid) {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[1] = ppid; [11..14] = utime, stime, cutime, cstime (fields 14-17 of stat(5))
      procs.set(Number(name), { ppid: Number(fields[1]), cpu: fields.slice(11, 15).reduce((a, b) => a + Number(b), 0) });
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const walk = (pid) => {
    total += procs.get(pid)?.cpu ?? 0;
    for (const [child, p] of procs) if (p.ppid === pid) walk(child);
  };
  walk(rootPid);
  return total / TICKS;
}

function once(n) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    // Its own process group, so the SIGTERM below reaches npm, its shell and the server, as a terminal's Ctrl-C does.
    const child = spawn('sh', ['-c', `exec ${command}`], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: process.env });
    let wall;
    let own;
    let cpu;
    let buffer = '';
    const onData = (chunk) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!quiet) console.log(`${seconds().toFixed(2).padStart(7)} s  ${line}`);
        const m = /\[plangraph\] ready in ([\d.]+) s/.exec(line);
        if (m && wall === undefined) {
          wall = seconds();
          own = Number(m[1]);
          cpu = treeCpuSeconds(child.pid);
          if (!(n === 1 && firstWaitsFor)) setTimeout(() => process.kill(-child.pid, 'SIGTERM'), 200);
        }
        if (n === 1 && firstWaitsFor?.test(line)) setTimeout(() => process.kill(-child.pid, 'SIGTERM'), 200);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (wall === undefined) reject(new Error(`run ${n}: ${command} exited (${code}) before "ready"`));
      else resolve({ wall, own, cpu });
    });
  });
}

const results = [];
for (let n = 1; n <= runs; n += 1) {
  const r = await once(n);
  results.push(r);
  console.log(`run ${n}: ready after ${r.wall.toFixed(1)} s wall (server's own figure: ${r.own.toFixed(1)} s), ${r.cpu.toFixed(1)} CPU s`);
}
const list = (key) => results.map((r) => r[key].toFixed(1)).join(', ');
console.log(`wall to ready: ${list('wall')} s; server: ${list('own')} s; CPU (all processes, to ready): ${list('cpu')} s; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
