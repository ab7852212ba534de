// `npm run test:stories`: every story in the built Storybook, in both themes and in English,
// Welsh and Arabic (right to left), rendered in headless Chromium and checked with axe-core,
// shadow DOM included. Fails on any violation, any story that errors (a play function that
// throws), a variant whose toolbar choices did not reach the element, or no stories at all.
//
//   node scripts/test-stories.mjs [--pages=3] [--only=<text in story id>]
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'storybook-static');
const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const PAGES = Math.max(1, Number(option('pages', 3)));
const ONLY = option('only', '');
/** How long one story may take to render and play, in ms. */
const STORY_TIMEOUT = 30_000;

const THEMES = ['default', 'neutral'];
const LOCALES = [
  { locale: 'en', dir: 'auto' },
  { locale: 'cy', dir: 'auto' },
  { locale: 'ar', dir: 'rtl' },
];

/** The newest modification time of any file under these paths. */
async function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    // A directory's own time changes when a file is added or removed.
    latest = Math.max(latest, info.mtimeMs);
    if (info.isDirectory()) {
      const names = await readdir(path);
      latest = Math.max(latest, await newest(names.filter((n) => n !== 'node_modules').map((n) => join(path, n))));
    }
  }
  return latest;
}

/** Builds storybook-static unless it is newer than everything it is built from. */
async function ensureBuilt() {
  const built = (await stat(join(staticDir, 'index.json')).catch(() => undefined))?.mtimeMs ?? 0;
  const sources = ['src', 'stories', '.storybook', 'flows', 'test/flows', 'package.json'].map((p) => join(root, p));
  if (built > (await newest(sources))) return;
  console.log('Building Storybook (storybook-static is missing or older than its sources)…');
  const bin = join(root, 'node_modules', '.bin', 'storybook');
  const result = spawnSync(bin, ['build', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`storybook build failed (exit ${result.status})`);
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** storybook-static over HTTP, as it would be published: missing files are a real 404. */
function serve() {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(staticDir, path.endsWith('/') ? `${path}index.html` : path));
    const info = file.startsWith(staticDir + sep) ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Runs in the page before Storybook: listens on its channel for the story's end and for any
 * exception in rendering or in the play function.
 */
function listenForStoryEnd() {
  let channel;
  window.__sfStory = { finished: undefined, errors: [] };
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      value.on('storyFinished', (event) => (window.__sfStory.finished = event));
      for (const name of ['playFunctionThrewException', 'storyThrewException', 'storyErrored']) {
        value.on(name, (error) => window.__sfStory.errors.push(`${name}: ${error?.message ?? error?.description ?? error}`));
      }
    },
  });
}

/** Runs in the story's page, once it has finished: axe on the story root, shadow DOM included. */
async function checkInPage({ locale, dir, theme }) {
  const render = window.__STORYBOOK_PREVIEW__?.currentRender;
  const problems = window.__sfStory.errors.map((e) => e.slice(0, 400));
  if (window.__sfStory.finished?.status !== 'success' && problems.length === 0) problems.push('the story ended in an error');
  const wrapper = document.querySelector('#storybook-root .sf-story');
  if (wrapper?.getAttribute('lang') !== locale) problems.push(`the wrapper's lang is ${wrapper?.getAttribute('lang')}, not ${locale}`);
  if ((wrapper?.getAttribute('dir') ?? 'auto') !== dir) problems.push(`the wrapper's dir is ${wrapper?.getAttribute('dir')}, not ${dir}`);
  for (const finder of document.querySelectorAll('#storybook-root support-finder')) {
    if (finder.getAttribute('lang') !== locale) problems.push(`<support-finder lang> is ${finder.getAttribute('lang')}, not ${locale}`);
    // The element reflects its theme: "nhs" when the toolbar's default is chosen.
    const wanted = theme === 'default' ? 'nhs' : theme;
    if ((finder.getAttribute('theme') ?? 'nhs') !== wanted) problems.push(`<support-finder theme> is ${finder.getAttribute('theme')}, not ${wanted}`);
  }
  // The options the a11y addon uses for this story, and like the addon, without 'region':
  // a story is a fragment of a page, not a page with landmarks.
  const options = structuredClone(render?.story?.parameters?.a11y?.options ?? {});
  options.rules = { ...options.rules, region: { enabled: false } };
  const results = await window.axe.run(document.querySelector('#storybook-root'), options);
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 3).map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' >>> ')),
  }));
  return { problems, violations, checkedNodes: results.passes.reduce((n, p) => n + p.nodes.length, 0) };
}

async function main() {
  const started = performance.now();
  await ensureBuilt();
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries ?? {})
    .filter((entry) => entry.type === 'story' && entry.id.includes(ONLY))
    .map((entry) => entry.id);
  if (stories.length === 0) {
    console.error('test:stories: no stories found in storybook-static/index.json');
    process.exit(1);
  }
  const checks = stories.flatMap((id) => THEMES.flatMap((theme) => LOCALES.map((l) => ({ id, theme, ...l }))));
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  const server = await serve();
  const { port } = server.address();
  const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const failures = [];
  let next = 0;
  try {
    const worker = async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(STORY_TIMEOUT);
      await page.evaluateOnNewDocument(listenForStoryEnd);
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      while (next < checks.length) {
        const check = checks[next++];
        const variant = `${check.theme} theme, ${check.locale}${check.dir === 'rtl' ? ' (rtl)' : ''}`;
        // a11y.manual stops the addon running axe itself after each story: this script runs it.
        const globals = `theme:${check.theme};locale:${check.locale};dir:${check.dir};a11y.manual:!true`;
        const url = `http://127.0.0.1:${port}/iframe.html?id=${encodeURIComponent(check.id)}&viewMode=story&globals=${globals}`;
        pageErrors.length = 0;
        try {
          await page.goto(url, { waitUntil: 'load' });
          await page.waitForFunction(() => window.__sfStory?.finished, { polling: 50 });
          await page.evaluate(axeSource);
          const result = await page.evaluate(checkInPage, check);
          const problems = [...result.problems, ...pageErrors.map((m) => `uncaught in the page: ${m}`)];
          if (result.checkedNodes === 0) problems.push('axe found nothing to check');
          for (const v of result.violations) problems.push(`${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' | ')}`);
          if (problems.length) failures.push({ ...check, variant, problems });
        } catch (error) {
          failures.push({ ...check, variant, problems: [`did not finish: ${error instanceof Error ? error.message : error}`] });
        }
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(PAGES, checks.length) }, worker));
  } finally {
    await browser.close();
    server.close();
  }

  for (const failure of failures) {
    console.error(`✗ ${failure.id} [${failure.variant}]`);
    for (const problem of failure.problems) console.error(`    ${problem}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `test:stories: ${checks.length} checks (${stories.length} stories × ${THEMES.length} themes × ${LOCALES.length} languages), ` +
      `${checks.length - failures.length} passed, ${failures.length} failed, in ${seconds} s`
  );
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
