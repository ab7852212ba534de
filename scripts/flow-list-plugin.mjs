// Serves /flows/index.json: the names of every flow file in flows/, so the demo's picker and
// the tests that walk every example flow never need a hand-kept list.
import { readdir } from 'node:fs/promises';

export function flowListPlugin() {
  return {
    name: 'flow-list',
    async serve(context) {
      if (context.path !== '/flows/index.json') return undefined;
      const files = (await readdir(new URL('../flows/', import.meta.url))).filter(
        // Flow tests (*.test.json, for `support-finder test`) sit beside their flows but are not flows.
        (name) => name.endsWith('.json') && !name.endsWith('.test.json') && name !== 'flow.schema.json' && name !== 'index.json'
      );
      return { body: JSON.stringify(files.sort()), type: 'application/json' };
    },
  };
}
