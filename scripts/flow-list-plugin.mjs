// Serves /flows/index.json: the names of every flow file in flows/, so the demo's picker and
// the tests that walk every example flow never need a hand-kept list.
import { readdir } from 'node:fs/promises';

/** Every example flow in flows/, by file name: not the schema, not the flow tests beside them. */
export async function exampleFlowNames() {
  const names = await readdir(new URL('../flows/', import.meta.url));
  return names
    .filter((name) => name.endsWith('.json') && !name.endsWith('.test.json') && name !== 'flow.schema.json' && name !== 'index.json')
    .sort();
}

export function flowListPlugin() {
  return {
    name: 'flow-list',
    async serve(context) {
      if (context.path !== '/flows/index.json') return undefined;
      return { body: JSON.stringify(await exampleFlowNames()), type: 'application/json' };
    },
  };
}
