// The widget's interface languages, from the translators' XLIFF files.
//
//   node scripts/localize.mjs build   xliff/<lang>.xlf → src/locales/<lang>.js
//   node scripts/localize.mjs check   fails when the XLIFF is behind the source (a msg() added or
//                                     changed and not extracted), when any message has no
//                                     translation, or when src/locales/ is behind the XLIFF.
//
// `lit-localize extract` writes the XLIFF. The language files are written here rather than by
// `lit-localize build`, keyed by the English text instead of lit-localize's hashed ids: the
// widget then needs no hashing code to find a translation (src/localisation.ts), which saves
// ~300 bytes gzip of a bundle with a hard budget. Placeholders (${…} in a str`` message) are
// written as \x1e followed by their number, in the translator's order.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const config = JSON.parse(await readFile('lit-localize.json', 'utf8'));
const XLIFF = 'xliff';
const OUT = 'src/locales';
const SEP = '\x1e';

const unescapeXml = (text) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]);

/** Each message of an XLIFF file: its id, English text (as a key) and translation, if any. */
function units(xml) {
  return [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => {
    const part = (tag) => {
      const found = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body);
      return found ? found[1] : undefined;
    };
    const source = part('source') ?? '';
    const target = part('target');
    return {
      id,
      source,
      key: unescapeXml(source.replace(/<x id="\d+"[^>]*\/>/g, SEP)),
      target: target === undefined ? undefined : unescapeXml(target.replace(/<x id="(\d+)"[^>]*\/>/g, `${SEP}$1`)),
    };
  });
}

async function languageFiles() {
  const files = {};
  for (const locale of config.targetLocales) {
    const entries = units(await readFile(join(XLIFF, `${locale}.xlf`), 'utf8'))
      .filter((unit) => unit.target !== undefined)
      .map((unit) => `  ${JSON.stringify(unit.key)}: ${JSON.stringify(unit.target)},`);
    files[locale] =
      `// Generated from xliff/${locale}.xlf by \`npm run localize:build\`: edit the XLIFF, not this file.\n` +
      `export const templates = {\n${entries.join('\n')}\n};\n`;
  }
  return files;
}

async function build() {
  for (const [locale, text] of Object.entries(await languageFiles())) await writeFile(join(OUT, `${locale}.js`), text);
}

async function check() {
  const problems = [];
  // Extract afresh into a scratch folder and compare the messages with the committed XLIFF.
  const scratch = await mkdtemp(join(tmpdir(), 'sf-xliff-'));
  try {
    const scratchConfig = join(scratch, 'lit-localize.json');
    // Paths in a lit-localize config are relative to the config file, so make them absolute.
    const scratchSettings = {
      ...config,
      tsConfig: resolve(config.tsConfig),
      inputFiles: config.inputFiles.map((glob) => resolve(glob)),
      interchange: { ...config.interchange, xliffDir: join(scratch, 'xliff') },
    };
    await writeFile(scratchConfig, JSON.stringify(scratchSettings));
    execFileSync(resolve('node_modules/.bin/lit-localize'), ['extract', '--config', scratchConfig], { stdio: 'pipe' });
    for (const locale of config.targetLocales) {
      const fresh = units(await readFile(join(scratch, 'xliff', `${locale}.xlf`), 'utf8'));
      const committed = units(await readFile(join(XLIFF, `${locale}.xlf`), 'utf8'));
      const known = new Map(committed.map((unit) => [unit.id, unit]));
      for (const unit of fresh) {
        const have = known.get(unit.id);
        if (!have) problems.push(`${locale}: "${unit.source}" is in the source but not in xliff/${locale}.xlf (run npm run localize:extract, then translate it)`);
        else if (have.target === undefined || have.target.trim() === '') problems.push(`${locale}: "${unit.source}" has no translation in xliff/${locale}.xlf`);
      }
      const used = new Set(fresh.map((unit) => unit.id));
      for (const unit of committed) if (!used.has(unit.id)) problems.push(`${locale}: "${unit.source}" is no longer in the source (run npm run localize:extract)`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const expected = await languageFiles();
  const present = (await readdir(OUT)).filter((name) => name.endsWith('.js'));
  for (const [locale, text] of Object.entries(expected)) {
    const actual = await readFile(join(OUT, `${locale}.js`), 'utf8').catch(() => '');
    if (actual !== text) problems.push(`${OUT}/${locale}.js is behind xliff/${locale}.xlf (run npm run localize:build)`);
  }
  for (const name of present) if (!(name.replace(/\.js$/, '') in expected)) problems.push(`${OUT}/${name} is for a language not in lit-localize.json`);
  if (problems.length > 0) {
    console.error(`Interface translations are not complete:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Interface translations complete: ${config.targetLocales.join(', ')}.`);
}

const command = process.argv[2];
if (command === 'build') await build();
else if (command === 'check') await check();
else {
  console.error('usage: node scripts/localize.mjs build|check');
  process.exit(2);
}
