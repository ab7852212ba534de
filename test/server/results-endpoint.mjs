// For test/keep-results.test.ts, a stand-in for a host's "Send to my phone" endpoint:
//   POST /results-endpoint/<key>      records the request, then answers by the phone number's
//                                     last digits: …500 → 500, …999 → never (until the browser
//                                     gives up, or 20 s), anything else → 200 {"ok":true}
//   GET  /results-endpoint/<key>/log  what was recorded under <key>, as JSON: every request,
//                                     of any method, with its content type, whether it carried a
//                                     cookie, and its body
const logs = new Map();

/** @param {import('http').IncomingMessage} req */
async function bodyOf(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {import('koa').Context} context @param {() => Promise<unknown>} next */
export async function middleware(context, next) {
  const match = /^\/results-endpoint\/([\w-]+)(\/log)?$/.exec(context.path);
  if (!match) return next();
  const [, key, log] = match;
  context.set('cache-control', 'no-store');
  if (log) {
    context.type = 'application/json';
    context.body = JSON.stringify(logs.get(key) ?? []);
    return;
  }
  const text = await bodyOf(context.req);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  const entry = {
    method: context.method,
    contentType: context.get('content-type'),
    cookie: context.get('cookie') !== '',
    body,
  };
  logs.set(key, [...(logs.get(key) ?? []), entry]);
  const phone = typeof body === 'object' && body !== null ? String(body.phone) : '';
  if (phone.endsWith('500')) {
    context.status = 500;
    context.body = 'failing on purpose';
  } else if (phone.endsWith('999')) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 20_000);
      context.req.socket.on('close', () => (clearTimeout(timer), resolve()));
    });
    context.status = 504;
  } else {
    context.type = 'application/json';
    context.body = JSON.stringify({ ok: true });
  }
}
