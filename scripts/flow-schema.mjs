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
  const engine = await import(pathToFileURL(outfile).href);
  const z = await import('zod/mini');
  // Names and descriptions for editors. They live here, not in the schema, so the widget's
  // bundle does not carry them.
  const described = {
    Id: 'A short name made of lower-case letters, digits and hyphens, such as "age" or "self-harm".',
    LocaleCode: 'A language code such as "en", "cy" or "en-GB".',
    LocalisedText: 'Text shown to a person: a plain string, or one string per language such as {"en": "Hello", "cy": "Helo"}.',
    Text: 'Text shown to a person: a plain string, a per-language map, or {"default": …, "audience": {"parent": …}} for wording that changes with who the finder is used for.',
    Condition: 'When a rule applies: {"answer": "age", "lt": 13}, {"tag": "self-harm"}, {"audience": "me"}, or several combined with "all", "any" and "not".',
    Contact: 'One way to contact a service: phone, sms (with an optional keyword), website, email or address.',
    Service: 'A service in the catalogue: who it is for, what it helps with and how to contact it.',
    Option: 'One answer to a question, with the tags it adds and where it leads.',
    Rule: 'When the condition holds, go to the step named in next.',
  };
  for (const [id, description] of Object.entries(described)) z.globalRegistry.add(engine[id], { id, description });
  const { Flow } = engine;
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
