// Temporary: validate flows and walk paths. Deleted after use.
import { build } from 'esbuild';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = await mkdtemp(join(tmpdir(), 'sf-check-'));
const outfile = join(dir, 'engine.mjs');
await build({ entryPoints: ['src/engine/index.ts'], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error' });
const E = await import(pathToFileURL(outfile).href);
await rm(dir, { recursive: true, force: true });

const files = process.argv.slice(2).filter((a) => a.endsWith('.json'));
const walksFile = process.argv.find((a) => a.endsWith('.walks.mjs'));
const flows = {};
for (const file of files) {
  const data = JSON.parse(await readFile(file, 'utf8'));
  const v = E.validateFlow(data);
  console.log(`\n== ${file}: ${v.ok ? 'OK' : 'INVALID'}; errors ${v.ok ? 0 : v.errors.length}, warnings ${v.warnings.length}`);
  for (const e of v.ok ? [] : v.errors) console.log(`  ERROR ${e.path}: ${e.message}`);
  for (const w of v.warnings) console.log(`  WARN  ${w.path}: ${w.message}`);
  if (v.ok) {
    flows[v.flow.id] = v.flow;
    console.log('  steps: ' + v.flow.steps.map((s) => `${s.id}(${s.kind}${s.type ? ':' + s.type : ''})`).join(', '));
  }
}

export function walk(flowId, label, inputs) {
  const flow = flows[flowId];
  let s = E.startSession(flow);
  const queue = [...inputs];
  for (let guard = 0; guard < 50; guard++) {
    const step = E.currentStep(flow, s);
    if (step.kind === 'outcome' || step.kind === 'urgent') break;
    if (step.kind === 'info') { s = E.continueFrom(flow, s); continue; }
    if (queue.length === 0) { console.log(`  !! ran out of answers at ${step.id}`); break; }
    const input = queue.shift();
    if (input === 'SKIP') { s = E.skipQuestion(flow, s); continue; }
    const r = E.answerQuestion(flow, s, input);
    if (!r.ok) { console.log(`  !! ${step.id} refused ${JSON.stringify(input)}: ${JSON.stringify(r.problem)}`); return; }
    s = r.session;
  }
  const end = E.currentStep(flow, s);
  console.log(`\n-- [${flowId}] ${label}\n   path: ${s.path.join(' > ')}${queue.length ? `  (unused answers: ${JSON.stringify(queue)})` : ''}`);
  if (end.kind === 'urgent') console.log(`   URGENT: ${end.services.join(', ')}`);
  if (end.kind === 'outcome') {
    const res = E.matchServices(flow, end, E.answersOnPath(s));
    const fmt = (ms) => ms.map((m) => `${m.service.id}[${m.reasons.map((r) => r.kind === 'need' ? r.tag : r.kind === 'support-type' ? r.type : r.kind).join(',')}]`).join(', ') || '(none)';
    console.log(`   matches: ${fmt(res.matches)}\n   always:  ${fmt(res.always)}\n   nothingMatched: ${res.nothingMatched}${res.nothingMatched ? `; fallback: ${fmt(res.fallback)}` : ''}`);
    const ctx = { locale: 'en', defaultLocale: flow.defaultLocale, audience: res.audience };
    console.log(`   title: "${E.resolveText(end.title, ctx)}"`);
  }
  return s;
}
export { E, flows };
if (walksFile) {
  const { default: run } = await import(pathToFileURL(join(process.cwd(), walksFile)).href);
  run(walk, E, flows);
}
