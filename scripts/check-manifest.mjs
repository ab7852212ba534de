// Fails when custom-elements.json is not what `npm run manifest` would write from the source
// now, or when an event in src/events.ts has no @fires line in the element's JSDoc.
import { readFile } from 'node:fs/promises';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const fresh = await cli({
  argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
  cwd: process.cwd(),
  noWrite: true,
});
const committed = await readFile('custom-elements.json', 'utf8');
let failed = false;
if (committed !== `${JSON.stringify(fresh, null, 2)}\n`) {
  console.error('custom-elements.json is out of date with src/support-finder.ts: run `npm run manifest` and commit it.');
  failed = true;
}

// The analyzer cannot see events fired through fire(); the @fires lines are the only record.
const events = await readFile('src/events.ts', 'utf8');
const block = /interface SupportFinderEvents \{([\s\S]*?)\n\}/.exec(events)?.[1] ?? '';
const fired = [...block.matchAll(/^\s*'(sf-[a-z-]+)':/gm)].map((m) => m[1]);
const element = fresh.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'support-finder');
const documented = (element?.events ?? []).map((e) => e.name);
if (fired.length === 0) {
  console.error('No events found in src/events.ts (SupportFinderEvents): has it moved?');
  failed = true;
}
for (const name of fired.filter((n) => !documented.includes(n))) {
  console.error(`${name} is in src/events.ts but has no @fires line in src/support-finder.ts.`);
  failed = true;
}
for (const name of documented.filter((n) => !fired.includes(n))) {
  console.error(`@fires ${name} is documented but src/events.ts does not define it.`);
  failed = true;
}
if (failed) process.exit(1);
console.log(`custom-elements.json is up to date (${documented.length} events, ${element.attributes.length} attributes).`);
