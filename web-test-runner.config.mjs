// Every test runs in real headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.mjs';
import { fileURLToPath } from 'node:url';
import { flowListPlugin } from './scripts/flow-list-plugin.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { readdir } from 'node:fs/promises';

// Test servers that misbehave on purpose, fixture pages with their own headers, and test
// commands: each module in test/server/ may export `middleware` (Koa) and `plugin` (dev-server).
const serverModules = await Promise.all(
  (await readdir(new URL('./test/server/', import.meta.url)))
    .filter((name) => name.endsWith('.mjs'))
    .sort()
    .map((name) => import(`./test/server/${name}`))
);


/** /slow/<ms>/<path>: serves <path> after a delay, to test loading states and cancelling. */
async function slowResponses(context, next) {
  const match = /^\/slow\/(\d+)(\/.*)$/.exec(context.path);
  if (!match) return next();
  await new Promise((resolve) => setTimeout(resolve, Math.min(Number(match[1]), 10_000)));
  context.path = match[2];
  return next();
}

export default {
  files: ['test/**/*.test.ts'],
  middleware: [slowResponses, ...serverModules.flatMap((m) => (m.middleware ? [m.middleware] : []))],
  nodeResolve: true,
  reporters: [defaultReporter(), countReporter()],
  // One test file at a time: tabs of one site can share a renderer, so a long synchronous
  // test in one file would stall the timers of another.
  concurrency: 1,
  // Per test file; the largest takes ~40 s. (A failed assertion on a DOM node can stall a file
  // until this runs out, so keep it short enough to fail fast.)
  testsFinishTimeout: 120_000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    flowListPlugin(),
    ...serverModules.flatMap((m) => (m.plugin ? [m.plugin] : [])),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_FLAGS,
      },
    }),
  ],
  testFramework: { config: { timeout: 20_000 } },
};
