// Writes flows/flow.schema.json from the zod schema in src/engine/schema.ts, so editors can
// autocomplete and check flow files. With --check, fails instead when the committed file is stale.
import { build } from 'esbuild';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const target = new URL('../flows/flow.schema.json', import.meta.url);
const dir = await mkdtemp(join(tmpdir(), 'sf-schema-'));
try {
  const outfile = join(dir, 'schema.mjs');
  await build({
    entryPoints: [new URL('../src/engine/schema.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
  });
  const { Flow } = await import(pathToFileURL(outfile).href);
  const z = await import('zod/mini');
  const schema = {
    title: 'support-finder flow',
    ...z.toJSONSchema(Flow, { target: 'draft-2020-12', reused: 'ref', unrepresentable: 'any' }),
  };
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const committed = await readFile(target, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error('flows/flow.schema.json is out of date with src/engine/schema.ts: run `npm run schema` and commit it.');
      process.exit(1);
    }
    console.log('flows/flow.schema.json matches the schema.');
  } else {
    await writeFile(target, text);
    console.log(`wrote flows/flow.schema.json (${text.length} bytes)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
