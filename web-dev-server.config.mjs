// `npm start`: the demo page, served with the TypeScript sources compiled on the fly.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT || 8000);

export default {
  port,
  nodeResolve: true,
  appIndex: 'demo/index.html',
  open: false,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    {
      name: 'flow-list',
      // The demo's picker lists every flow in flows/ without a hand-kept index.
      async serve(context) {
        if (context.path !== '/flows/index.json') return undefined;
        const files = (await readdir(new URL('./flows/', import.meta.url))).filter(
          (name) => name.endsWith('.json') && name !== 'flow.schema.json' && name !== 'index.json'
        );
        return { body: JSON.stringify(files.sort()), type: 'application/json' };
      },
    },
    {
      name: 'print-url',
      serverStart() {
        console.log(`\nsupport-finder demo: http://localhost:${port}/demo/\n`);
      },
    },
  ],
};
