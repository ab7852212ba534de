// For test/host-pages.test.ts:
// - `middleware`: serves test/fixtures/csp.html with a strict Content-Security-Policy header,
//   as a real response header (a <meta> policy would not cover everything a header does);
//   with ?trusted-types, Trusted Types enforced as well.
// - `plugin`: the `sf-element-screenshot` command, a PNG of one element inside a named iframe,
//   taken by puppeteer from the test's own tab.

import { mkdir, writeFile } from 'node:fs/promises';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** The same, and Trusted Types enforced, allowing only the policy Lit creates ("lit-html"). */
export const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types lit-html`;

/** @param {import('koa').Context} context @param {() => Promise<unknown>} next */
export async function middleware(context, next) {
  await next();
  if (context.path === '/test/fixtures/csp.html') {
    context.set('Content-Security-Policy', 'trusted-types' in context.query ? TRUSTED_TYPES_CSP : STRICT_CSP);
    // Never a 304 without the header: always send the page itself.
    context.set('Cache-Control', 'no-store');
  }
}

export const plugin = {
  name: 'sf-element-screenshot',
  /**
   * payload: { frame: the iframe's name attribute, selector: an element in that frame }.
   * Returns { png: base64, width, height } (CSS pixels of the element's box).
   */
  async executeCommand({ command, payload, session }) {
    if (command !== 'sf-element-screenshot') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error(`sf-element-screenshot needs Chromium via puppeteer, not ${session.browser.type}`);
    const { frame: frameName, selector } = /** @type {{ frame: string, selector: string }} */ (payload);
    const page = session.browser.getPage(session.id);
    const frame = page.frames().find((f) => f.name() === frameName);
    if (!frame) throw new Error(`no iframe named ${frameName} (frames: ${page.frames().map((f) => f.name() || f.url()).join(', ')})`);
    const handle = await frame.$(selector);
    if (!handle) throw new Error(`nothing matches ${selector} in iframe ${frameName}`);
    try {
      const box = await handle.boundingBox();
      if (!box) throw new Error(`${selector} in iframe ${frameName} is not rendered`);
      const png = await handle.screenshot({ encoding: 'base64', type: 'png' });
      // To look at them: SF_SCREENSHOT_DIR=/tmp/shots npx wtr … --files test/host-pages.test.ts
      if (process.env.SF_SCREENSHOT_DIR) {
        await mkdir(process.env.SF_SCREENSHOT_DIR, { recursive: true });
        await writeFile(`${process.env.SF_SCREENSHOT_DIR}/${frameName}-${Date.now()}.png`, Buffer.from(png, 'base64'));
      }
      return { png, width: box.width, height: box.height };
    } finally {
      await handle.dispose();
    }
  },
};
