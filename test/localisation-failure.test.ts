/** A language file that cannot be loaded leaves the finder in English, with a console warning. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { setLocaleBase } from '../src/localisation.js';
import { $, headingText, shown } from './support.js';

describe('a language file that fails to load', () => {
  it('stays in English, warns in the console, and throws nothing into the page', async () => {
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => uncaught.push(event);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      setLocaleBase('/no-such-folder/');
      const el = await fixture<SupportFinder>(html`<support-finder lang="cy" flow="/test/flows/languages.json"></support-finder>`);
      await shown(el);
      await waitUntil(() => warnings.length > 0, 'no console warning');
      await el.updateComplete;
      expect(warnings[0]).to.include("'cy'");
      expect($(el, 'form button[type="submit"]').textContent?.trim()).to.equal('Continue');
      // The flow's own Welsh text is still shown: only the interface words are missing.
      expect(headingText(el)).to.equal('Ar gyfer pwy mae hyn?');
      expect(uncaught.length).to.equal(0);
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });
});
