// For test/theming.test.ts: the `sf-emulate-media-features` command, which sets CSS media
// features (forced-colors, prefers-reduced-motion…) on the test's own tab, through the Chrome
// DevTools Protocol. Neither emulateMedia of @web/test-runner-commands nor puppeteer's
// emulateMediaFeatures accepts forced-colors.

/** One DevTools session per page, kept: emulation lasts only as long as its session. */
const sessions = new WeakMap();

export const plugin = {
  name: 'sf-emulate-media-features',
  /** payload: { features: [{ name, value }] }; an empty list ends every emulation. */
  async executeCommand({ command, payload, session }) {
    if (command !== 'sf-emulate-media-features') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error(`sf-emulate-media-features needs Chromium via puppeteer, not ${session.browser.type}`);
    const { features } = /** @type {{ features: Array<{ name: string, value: string }> }} */ (payload);
    if (!Array.isArray(features)) throw new Error('sf-emulate-media-features: payload.features must be a list');
    const page = session.browser.getPage(session.id);
    if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
    await sessions.get(page).send('Emulation.setEmulatedMedia', { features });
    return true;
  },
};
