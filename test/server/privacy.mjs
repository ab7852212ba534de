// For test/privacy.test.ts: serves test/fixtures/privacy.html exactly as it is on disk. The dev
// server otherwise adds its own script (/__web-dev-server__web-socket.js) to every HTML page,
// and that page must load nothing but itself, the widget and the flow.
import { readFile } from 'node:fs/promises';

const PAGE = new URL('../fixtures/privacy.html', import.meta.url);

/** @param {import('koa').Context} context @param {() => Promise<unknown>} next */
export async function middleware(context, next) {
  if (context.path !== '/test/fixtures/privacy.html') return next();
  context.type = 'text/html; charset=utf-8';
  context.set('Cache-Control', 'no-store');
  context.body = await readFile(PAGE, 'utf8');
}
