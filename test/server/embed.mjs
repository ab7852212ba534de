// For test/embedding.test.ts: the README's embedding recipes as real host pages.
// - Small pages made here from one template, so each differs only where the recipe does: the
//   classic script in the head (plain, defer, async) or at the end of the body, the ES module,
//   a script address that 404s (the no-JavaScript fallback), a flow that 404s. All are served
//   with the strict Content-Security-Policy of test/fixtures/csp.html.
// - test/fixtures/embed/react-app.js: the React recipe (react-app.jsx), bundled with esbuild
//   on first request, as an app's own bundler would, with the widget imported from dist/.
// - test/fixtures/embed/lib/probe.classic.js: a probe built with the classic-script build's own
//   rollup settings, to show src/script-url.ts finds files beside the script.
import { fileURLToPath } from 'node:url';
import { STRICT_CSP } from './host-pages.mjs';

const ROOT = new URL('../../', import.meta.url);
const path = (relative) => fileURLToPath(new URL(relative, ROOT));

/** The recommended fallback: text and links only, so CMS auto-paragraphing cannot split it. */
export const FALLBACK = `<span class="sf-fallback">If you need help now: call <a href="tel:999">999</a> in an
      emergency, <a href="tel:111">NHS 111</a> (option 2 for mental health), Samaritans on
      <a href="tel:116123">116 123</a>, or text SHOUT to <a href="sms:85258">85258</a>.
      <a href="/test/fixtures/neutral.html">All the support services we know of</a>.</span>`;

const classic = '<script src="/dist/support-finder.classic.js"__ATTR__></script>';
const esModule = '<script type="module" src="/dist/support-finder.js"></script>';

/** name → where the script goes, and which flow. */
const PAGES = {
  'classic-head': { head: classic.replace('__ATTR__', '') },
  'classic-defer': { head: classic.replace('__ATTR__', ' defer') },
  'classic-async': { head: classic.replace('__ATTR__', ' async') },
  'classic-body-end': { end: classic.replace('__ATTR__', '') },
  module: { head: esModule },
  'no-script': { head: '<script type="module" src="/dist/no-such-file.js"></script>' },
  'flow-missing': { head: esModule, flow: '/test/flows/no-such-flow.json' },
};

function page({ head = '', end = '', flow = '/test/flows/basic.json' }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Support finder</title>
    <script src="/test/fixtures/console-capture.js"></script>
    <script src="/test/fixtures/embed/events-capture.js"></script>
    ${head}
  </head>
  <body>
    <main>
      <h1>Get support</h1>
      <support-finder flow="${flow}" exit-url="/test/fixtures/neutral.html">
        ${FALLBACK}
      </support-finder>
    </main>
    ${end}
  </body>
</html>
`;
}

const built = new Map();
/** Builds once per server run; a failed build is reported as the response, and tried again. */
function once(key, build) {
  if (!built.has(key)) built.set(key, build().catch((error) => (built.delete(key), Promise.reject(error))));
  return built.get(key);
}

async function reactApp() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path('test/fixtures/embed/react-app.jsx')],
    bundle: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'support-finder': path('dist/support-finder.js') },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function probe() {
  const { rollup } = await import('rollup');
  const configs = (await import('../../rollup.config.mjs')).default;
  const classicBuild = configs.find((c) => c.output.format === 'iife');
  const bundle = await rollup({ ...classicBuild, input: path('test/fixtures/embed/script-url-probe.ts') });
  const { output } = await bundle.generate({ ...classicBuild.output, file: undefined });
  await bundle.close();
  return output[0].code;
}

/** @param {import('koa').Context} context @param {() => Promise<unknown>} next */
export async function middleware(context, next) {
  const match = /^\/test\/fixtures\/embed\/([a-z-]+)\.html$/.exec(context.path);
  if (match && Object.hasOwn(PAGES, match[1])) {
    context.type = 'text/html; charset=utf-8';
    context.set('Cache-Control', 'no-store');
    context.set('Content-Security-Policy', STRICT_CSP);
    context.body = page(PAGES[match[1]]);
    return;
  }
  const scripts = { '/test/fixtures/embed/react-app.js': reactApp, '/test/fixtures/embed/lib/probe.classic.js': probe };
  if (Object.hasOwn(scripts, context.path)) {
    context.type = 'application/javascript; charset=utf-8';
    context.set('Cache-Control', 'no-store');
    context.body = await once(context.path, scripts[context.path]);
    return;
  }
  return next();
}

