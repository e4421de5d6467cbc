// Times `npm start` from the command to "ready": runs it N times in a row (the first may be a cold start, the rest
// are warm), prints every line of its output with the elapsed seconds, then the wall time to "ready" and the
// server's own "ready in" figure, and stops the server (SIGTERM, as Ctrl-C would) before the next run.
// Plain JavaScript on purpose: it must run on a fresh clone, before anything is built.
//
//   node bench/start.mjs [--runs 2] [--quiet] [--cmd 'node dist/src/main.js']
//   (PORT, PLANGRAPH_NEO4J_BOLT_PORT, PLANGRAPH_DATA_DIR from the environment)
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 2) || 2;
const quiet = args.includes('--quiet');
const command = args.includes('--cmd') ? args[args.indexOf('--cmd') + 1] : 'npm start';

function once(n) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    // Its own process group, so the SIGTERM below reaches npm, its shell and the server, as a terminal's Ctrl-C does.
    const child = spawn('sh', ['-c', `exec ${command}`], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: process.env });
    let wall;
    let own;
    let buffer = '';
    const onData = (chunk) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!quiet) console.log(`${seconds().toFixed(2).padStart(7)} s  ${line}`);
        const m = /\bready in ([\d.]+) s$/.exec(line);
        if (m && /\[plangraph\] ready in/.test(line)) {
          wall = seconds();
          own = Number(m[1]);
          setTimeout(() => process.kill(-child.pid, 'SIGTERM'), 200);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (wall === undefined) reject(new Error(`run ${n}: ${command} exited (${code}) before "ready"`));
      else resolve({ wall, own });
    });
  });
}

const results = [];
for (let n = 1; n <= runs; n += 1) {
  const r = await once(n);
  results.push(r);
  console.log(`run ${n}: ready after ${r.wall.toFixed(1)} s wall (server's own figure: ${r.own.toFixed(1)} s)`);
}
console.log(`wall to ready: ${results.map((r) => r.wall.toFixed(1)).join(', ')} s; server: ${results.map((r) => r.own.toFixed(1)).join(', ')} s`);
