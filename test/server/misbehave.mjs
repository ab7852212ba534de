// A server that fails on purpose, for the network tests:
//   /misbehave/status/<code>      answers with that status
//   /misbehave/flaky/<key>/<n>    503 for the first n requests under <key>, then the basic flow
//   /misbehave/cut/<key>          starts a JSON body, then drops the connection
//   /misbehave/hang/<key>         never answers (until the browser gives up, or 20 s)
//   /misbehave/html/<key>         200 with an HTML page instead of JSON
//   /misbehave/count/<key>        how many requests <key> has had, as JSON
import { readFile } from 'node:fs/promises';

const counts = new Map();
const basic = () => readFile(new URL('../flows/basic.json', import.meta.url), 'utf8');

export async function middleware(context, next) {
  const match = /^\/misbehave\/([a-z]+)\/([\w-]+)(?:\/(\d+))?$/.exec(context.path);
  if (!match) return next();
  const [, kind, key, n] = match;
  if (kind === 'count') {
    context.type = 'application/json';
    context.body = JSON.stringify({ count: counts.get(key) ?? 0 });
    return;
  }
  counts.set(key, (counts.get(key) ?? 0) + 1);
  context.set('cache-control', 'no-store');
  switch (kind) {
    case 'status':
      context.status = Number(key);
      context.body = 'failing on purpose';
      return;
    case 'flaky':
      if (counts.get(key) <= Number(n ?? 1)) {
        context.status = 503;
        context.body = 'busy';
      } else {
        context.type = 'application/json';
        context.body = await basic();
      }
      return;
    case 'cut': {
      context.respond = false;
      const { res } = context;
      const text = await basic();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      res.write(text.slice(0, 200));
      setTimeout(() => res.destroy(), 30);
      return;
    }
    case 'hang':
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 20_000);
        context.req.on('close', () => (clearTimeout(timer), resolve()));
      });
      context.status = 504;
      return;
    case 'html':
      context.type = 'text/html';
      context.body = '<!doctype html><title>Sign in</title><p>Please sign in to the school network.</p>';
      return;
    default:
      return next();
  }
}
