// For the quick-exit tests in test/safety.test.ts, a stand-in for the neutral exit site:
//   GET /exit-page/<key>      a small page, after recording the request's Referer header
//   GET /exit-page/<key>/log  what was recorded under <key>, as JSON: [{ referer }] per visit
const logs = new Map();

/** @param {import('koa').Context} context @param {() => Promise<unknown>} next */
export async function middleware(context, next) {
  const match = /^\/exit-page\/([\w-]+)(\/log)?$/.exec(context.path);
  if (!match) return next();
  const [, key, log] = match;
  context.set('cache-control', 'no-store');
  context.type = log ? 'application/json' : 'text/html';
  if (log) {
    context.body = JSON.stringify(logs.get(key) ?? []);
    return;
  }
  logs.set(key, [...(logs.get(key) ?? []), { referer: context.get('referer') }]);
  context.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Exit page</title></head>
<body><h1 id="exit-page">Weather</h1></body></html>`;
}
