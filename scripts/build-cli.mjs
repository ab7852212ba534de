// `npm run build:cli`: dist/cli.js, the support-finder command for flow authors, bundled from
// src/cli/main.ts with the same engine as the widget (and zod, which the review uses).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const outfile = new URL('../dist/cli.js', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'error',
});
await chmod(outfile, 0o755);
console.log('wrote dist/cli.js');
