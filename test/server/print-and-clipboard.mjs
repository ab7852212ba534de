// Test commands for test/keep-results.test.ts, run by puppeteer on the test's own tab:
//   sf-emulate-media { type: 'print' | null }  CSS media type, as when printing (null: back to screen)
//   sf-grant-clipboard                         lets the page write and read the clipboard, and
//                                              brings the tab to the front (the clipboard needs focus)

export const plugin = {
  name: 'sf-print-and-clipboard',
  async executeCommand({ command, payload, session }) {
    if (command !== 'sf-emulate-media' && command !== 'sf-grant-clipboard') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs Chromium via puppeteer, not ${session.browser.type}`);
    const page = session.browser.getPage(session.id);
    if (command === 'sf-emulate-media') {
      await page.emulateMediaType(/** @type {{ type: string | null }} */ (payload).type ?? null);
    } else {
      const origin = new URL(page.url()).origin;
      await page.browserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
      await page.bringToFront();
    }
    return true;
  },
};
