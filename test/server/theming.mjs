// For test/theming.test.ts, through the Chrome DevTools Protocol on the test's own tab:
// `sf-emulate-media-features` sets CSS media features (forced-colors, prefers-reduced-motion…);
// neither emulateMedia of @web/test-runner-commands nor puppeteer's emulateMediaFeatures accepts
// forced-colors. `sf-default-font-size` sets the browser's default text size, as a person who
// makes text larger in their browser settings has it (text-only zoom).

/** One DevTools session per page, kept: emulation lasts only as long as its session. */
const sessions = new WeakMap();

export const plugin = {
  name: 'sf-emulate-media-features',
  /**
   * sf-emulate-media-features, payload { features: [{ name, value }] }: an empty list ends every
   * emulation. sf-default-font-size, payload { size }: in CSS pixels (Chromium's default is 16).
   */
  async executeCommand({ command, payload, session }) {
    if (command !== 'sf-emulate-media-features' && command !== 'sf-default-font-size') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs Chromium via puppeteer, not ${session.browser.type}`);
    const page = session.browser.getPage(session.id);
    if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
    if (command === 'sf-default-font-size') {
      const { size } = /** @type {{ size: number }} */ (payload);
      if (!Number.isFinite(size)) throw new Error('sf-default-font-size: payload.size must be a number');
      await sessions.get(page).send('Page.setFontSizes', { fontSizes: { standard: size } });
      return true;
    }
    const { features } = /** @type {{ features: Array<{ name: string, value: string }> }} */ (payload);
    if (!Array.isArray(features)) throw new Error('sf-emulate-media-features: payload.features must be a list');
    await sessions.get(page).send('Emulation.setEmulatedMedia', { features });
    return true;
  },
};
