// The version the widget reports (src/version.ts) must be the package's version.
import { readFile } from 'node:fs/promises';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const source = await readFile(new URL('../src/version.ts', import.meta.url), 'utf8');
const found = /VERSION = '([^']+)'/.exec(source)?.[1];
if (found !== version) {
  console.error(`src/version.ts says ${found}, package.json says ${version}: make them the same.`);
  process.exit(1);
}
console.log(`version ${version} matches.`);
