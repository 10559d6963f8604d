// The five-step process (receive → assign → appraise → approve → return) run by bpmn-engine; at each step the
// engine's state (getState) and one audit row are written to PostgreSQL in one transaction, then the task is signalled.
// Prints "version: X" and "instances/s: N". Connection from PGHOST/PGPORT/PGUSER/PGDATABASE.
import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import pg from 'pg';

// The package's "exports" hides package.json: read it from node_modules.
const version = JSON.parse(readFileSync(new URL('./node_modules/bpmn-engine/package.json', import.meta.url))).version;
const seconds = Number(process.env.BENCH_SECONDS || 10);
// Unmeasured load first, as for the other engines (V8's JIT warms up like .NET's).
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS || 0);
const workers = Number(process.env.BENCH_WORKERS || 16);
const steps = ['receive', 'assign', 'appraise', 'approve', 'return'];
const source = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="motcua" targetNamespace="http://bpmn.io/schema/bpmn">
  <process id="dossier" isExecutable="true">
    <startEvent id="start" />
    ${steps.map((s) => `<userTask id="${s}" />`).join('\n    ')}
    <endEvent id="end" />
    <sequenceFlow id="f0" sourceRef="start" targetRef="${steps[0]}" />
    ${steps.map((s, i) => `<sequenceFlow id="f${i + 1}" sourceRef="${s}" targetRef="${steps[i + 1] ?? 'end'}" />`).join('\n    ')}
  </process>
</definitions>`;

const pool = new pg.Pool({ max: workers + 2 });
await pool.query('CREATE TABLE IF NOT EXISTS bpmn_state (id text primary key, state jsonb not null, updated_at timestamptz not null)');
await pool.query('CREATE TABLE IF NOT EXISTS bpmn_audit (id bigserial primary key, case_id text not null, step text not null, at timestamptz not null)');

let n = 0;
async function runOne() {
  const id = `case-${process.pid}-${++n}`;
  const engine = new Engine({ name: id, source });
  const listener = new EventEmitter();
  const ended = new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
  });
  listener.on('wait', (api) => {
    (async () => {
      const state = await engine.getState();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO bpmn_state (id, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = now()', [id, JSON.stringify(state)]);
        await client.query('INSERT INTO bpmn_audit (case_id, step, at) VALUES ($1, $2, now())', [id, api.id]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      api.signal();
    })().catch((e) => { console.error(e); process.exit(1); });
  });
  await engine.execute({ listener });
  await ended;
}

async function loop(untilMs) {
  let count = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (Date.now() < untilMs) {
      await runOne();
      count++;
    }
  }));
  return count;
}

await loop(Date.now() + warmupSeconds * 1000);
const cpuBefore = process.cpuUsage();
const started = Date.now();
const done = await loop(started + seconds * 1000);
const elapsed = (Date.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
await pool.end();
console.log(`version: ${version}`);
console.log(`cpu-ms-per-instance: ${((cpu.user + cpu.system) / 1000 / Math.max(1, done)).toFixed(1)}`);
console.log(`instances/s: ${(done / elapsed).toFixed(1)}`);
