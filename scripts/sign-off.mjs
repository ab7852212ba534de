// `npm run sign-off`: docs/sign-off/<flow>.md, the route table (`support-finder paths`) of every
// example flow, the document a clinical lead reads and signs. `--check` (in npm test) fails when
// a flow changed and its table was not written again, so the signed table is always the flow's.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { exampleFlowNames } from './flow-list-plugin.mjs';

const check = process.argv.includes('--check');
const stale = [];
await mkdir('docs/sign-off', { recursive: true });
for (const name of await exampleFlowNames()) {
  const table = execFileSync(process.execPath, ['dist/cli.js', 'paths', `flows/${name}`], { encoding: 'utf8' });
  const file = `docs/sign-off/${name.replace(/\.json$/, '.md')}`;
  if (!check) {
    await writeFile(file, table);
    console.log(`wrote ${file}`);
  } else if ((await readFile(file, 'utf8').catch(() => '')) !== table) {
    stale.push(file);
  }
}
if (stale.length > 0) {
  console.error(`${stale.join(', ')}: out of date with the flow. Run \`npm run sign-off\` and commit the tables.`);
  process.exit(1);
}
if (check) console.log('The sign-off tables in docs/sign-off/ match the flows.');
