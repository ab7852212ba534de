// `npm run bench`: builds, then measures the widget in headless Chromium with the CPU throttled
// 4x and the cache disabled — bytes to the first question, start-up, step latency, long tasks,
// heap — for each example flow, and start-up for generated flows of growing size. Prints a
// table and writes bench/results.json. Timings are reported, never asserted.
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { generateFlow } from './generate.mjs';
import { exampleFlowNames } from '../scripts/flow-list-plugin.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS || 5);
const SIZES = [100, 1000, 10000];

execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

// The engine, to choose the walks (the longest path to results in each flow).
const scratch = await mkdtemp(join(tmpdir(), 'sf-bench-'));
await build({ entryPoints: [join(ROOT, 'src/engine/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile: join(scratch, 'engine.mjs'), logLevel: 'error' });
const engine = await import(pathToFileURL(join(scratch, 'engine.mjs')).href);

// Generated flows are written where the server can reach them, and removed afterwards.
const generatedDir = join(ROOT, 'bench/.generated');
await mkdir(generatedDir, { recursive: true });
for (const size of SIZES) await writeFile(join(generatedDir, `steps-${size}.json`), JSON.stringify(generateFlow(size)));

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
  if (path.includes('..')) return response.writeHead(400).end();
  try {
    const body = await readFile(join(ROOT, path));
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });

async function openPage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 412, height: 823 });
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${origin}/bench/page.html`, { waitUntil: 'load' });
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  return { page, heap, close: () => context.close() };
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
};

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const script = await readFile(join(ROOT, 'dist/support-finder.js'));
const results = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, chromium: await browser.version() },
  settings: { cpuThrottling: 4, cacheDisabled: true, viewport: '412x823', runs: RUNS },
  script: sizes(script),
  flows: [],
  generated: [],
};

const flowNames = await exampleFlowNames();
for (const name of flowNames) {
  const flowBytes = await readFile(join(ROOT, 'flows', name));
  const flow = engine.reviewFlow(JSON.parse(flowBytes)).flow;
  const { walks } = engine.allWalks(flow, 5000);
  const walk = walks.filter((w) => w.ended === 'outcome').sort((a, b) => b.moves.length - a.moves.length)[0];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, heap, close } = await openPage();
    const before = await heap();
    const start = await page.evaluate((url) => window.bench.start(url), `/flows/${name}`);
    const walked = await page.evaluate((moves) => window.bench.walk(moves), walk.moves);
    const after = await heap();
    runs.push({ ...start, walked, heapAfter: after, heapGrowth: after - before });
    await close();
  }
  const stepWork = runs.flatMap((r) => r.walked.steps.map((s) => s.work));
  // Per step, so a slow kind of step shows which it is.
  const byStep = walk.moves.map((move, i) => ({ after: move.step, work: stats(runs.map((r) => r.walked.steps[i].work)).median }));
  const stepPainted = runs.flatMap((r) => r.walked.steps.map((s) => s.painted));
  const flowSize = sizes(flowBytes);
  results.flows.push({
    flow: name,
    steps: walk.moves.length,
    servicesShown: runs[0].walked.services,
    byStep,
    bytes: { flow: flowSize, total: { raw: results.script.raw + flowSize.raw, gzip: results.script.gzip + flowSize.gzip, brotli: results.script.brotli + flowSize.brotli } },
    connectToPaint: stats(runs.map((r) => r.connectToPaint)),
    responseToPaint: stats(runs.map((r) => r.responseToPaint)),
    stepWork: stats(stepWork),
    stepPainted: stats(stepPainted),
    longTasks: stats(runs.map((r) => r.longTasks)),
    longTaskMs: stats(runs.map((r) => r.longTaskMs)),
    heapAfterMB: stats(runs.map((r) => r.heapAfter / 2 ** 20)),
    heapGrowthMB: stats(runs.map((r) => r.heapGrowth / 2 ** 20)),
  });
}

for (const size of SIZES) {
  const runs = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const { page, close } = await openPage();
    runs.push(await page.evaluate((url) => window.bench.start(url), `/bench/.generated/steps-${size}.json`));
    await close();
  }
  const bytes = await readFile(join(generatedDir, `steps-${size}.json`));
  results.generated.push({
    steps: size,
    services: size / 10,
    flowBytes: sizes(bytes),
    responseToRender: stats(runs.map((r) => r.responseToRender)),
    responseToPaint: stats(runs.map((r) => r.responseToPaint)),
    longTaskMs: stats(runs.map((r) => r.longTaskMs)),
  });
}

await browser.close();
server.close();
await rm(generatedDir, { recursive: true, force: true });
await rm(scratch, { recursive: true, force: true });

const ms = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const kb = (n) => (n / 1024).toFixed(1);
const lines = [
  `Chromium ${results.machine.chromium}, ${results.machine.cores} × ${results.machine.cpu}, CPU throttled 4x, cache disabled, ${RUNS} runs: median (min–max).`,
  '',
  `Script: dist/support-finder.js ${kb(results.script.raw)} KiB raw, ${kb(results.script.gzip)} KiB gzip, ${kb(results.script.brotli)} KiB brotli.`,
  '',
  '| Flow | KiB to first question (gzip / brotli) | connect → first question painted, ms | flow response → painted, ms | step: click → rendered, ms | step: click → painted, ms | long tasks at start-up (ms) | heap after walk / growth, MB |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.flows.map(
    (f) =>
      `| ${f.flow} (${f.steps} steps walked) | ${kb(f.bytes.total.gzip)} / ${kb(f.bytes.total.brotli)} | ${ms(f.connectToPaint)} | ${ms(f.responseToPaint)} | ${ms(f.stepWork)}, worst ${f.stepWork.max.toFixed(1)} | ${ms(f.stepPainted)} | ${f.longTasks.median} (${f.longTaskMs.median.toFixed(0)}) | ${f.heapAfterMB.median.toFixed(2)} / ${f.heapGrowthMB.median.toFixed(2)} |`
  ),
  '',
  '| Generated flow | flow gzip KiB | flow response → first question rendered (parse + validate + render), ms | → painted, ms | long tasks, ms |',
  '| --- | --- | --- | --- | --- |',
  ...results.generated.map(
    (g) => `| ${g.steps} steps, ${g.services} services | ${kb(g.flowBytes.gzip)} | ${ms(g.responseToRender)} | ${ms(g.responseToPaint)} | ${g.longTaskMs.median.toFixed(0)} |`
  ),
];
console.log(`\n${lines.join('\n')}\n`);
// BENCH_OUT lets CI run the benchmark as a smoke test without touching the committed results.
const out = process.env.BENCH_OUT || join(ROOT, 'bench/results.json');
await writeFile(out, `${JSON.stringify({ ...results, table: lines }, null, 2)}\n`);
console.log(`wrote ${out}`);
