// `npm start`: the demo page, served with the TypeScript sources compiled on the fly.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { flowListPlugin } from './scripts/flow-list-plugin.mjs';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT || 8000);

export default {
  port,
  nodeResolve: true,
  appIndex: 'demo/index.html',
  open: false,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    flowListPlugin(),
    {
      name: 'print-url',
      serverStart() {
        console.log(`\nsupport-finder demo: http://localhost:${port}/demo/\n`);
      },
    },
  ],
};
