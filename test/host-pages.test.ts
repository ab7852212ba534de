/**
 * The built widget (dist/support-finder.js) on host pages that make life hard for it, each a
 * fixture page in an iframe: a strict Content-Security-Policy header, hostile CSS, patched
 * built-ins, and a second copy of the widget.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { SupportFinder } from '../src/support-finder.js';
import { VERSION } from '../src/version.js';
import { closeFrames, focusName, frameDocument, frameWindow, has, openFrame, refusal, widgetIn } from './frames.js';
import { $, answer, continueOn, headingText, shadow, shown } from './support.js';

/** A walk through test/flows/basic.json to its results, through the controls. */
const TO_RESULTS: Array<string | string[]> = ['me', '14', ['anxious', 'sad'], 'no', 'north', ['counselling', 'helpline'], 'no'];
const RESULTS_HEADING = 'Services that could help';

const text = (el: SupportFinder) => shadow(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
const serviceNames = (el: SupportFinder) => [...shadow(el).querySelectorAll('.services > li h3')].map((h) => h.textContent?.trim());
/** getComputedStyle in the element's own window (the iframe's), not the test page's. */
const style = (node: Element) => (node.ownerDocument.defaultView as Window).getComputedStyle(node);

afterEach(() => closeFrames());

describe('under a strict Content-Security-Policy', () => {
  interface Violation {
    directive: string;
    effective: string;
    blocked: string;
    source: string;
    line: number;
    sample: string;
  }
  type CspWindow = { __violations: Violation[]; __errors: string[]; __inline?: number };

  it('the fixture page really is served with the policy, and it blocks inline script', async () => {
    const response = await fetch('/test/fixtures/csp.html', { cache: 'no-store' });
    expect(response.headers.get('content-security-policy')).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"
    );
    const iframe = await openFrame('/test/fixtures/csp.html');
    const win = frameWindow<CspWindow>(iframe);
    // The probe (an external script) ran; the inline script did not, and was reported.
    expect(win.__violations, 'the probe did not run').to.be.an('array');
    expect(win.__inline).to.equal(undefined);
    expect(win.__violations.filter((v) => v.blocked === 'inline' && v.effective === 'script-src-elem')).to.have.length(1);
  });

  async function walkUnderPolicy(page: string): Promise<void> {
    const iframe = await openFrame(page);
    const win = frameWindow<CspWindow>(iframe);
    const el = await widgetIn(iframe);
    expect(headingText(el)).to.equal('Who is this for?');

    // The widget's own styles apply (adopted style sheets are not inline styles).
    const button = $(el, 'form button[type="submit"]');
    expect(style(button).backgroundColor).to.equal('rgb(0, 127, 59)');
    expect(parseFloat(style(button).minHeight)).to.be.at.least(44);
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    expect(style($(el, '.finder')).fontSize).to.equal('19px');
    expect($(el, '#sf-field-me').getBoundingClientRect().width).to.equal(40);

    for (const input of TO_RESULTS) {
      await answer(el, input);
      expect(refusal(el), `refused ${JSON.stringify(input)}`).to.equal(null);
    }
    expect(headingText(el)).to.equal(RESULTS_HEADING);
    expect(serviceNames(el)).to.deep.equal(['North Town Counselling', 'Private therapy', 'Talkline']);
    expect(style($(el, '.card')).borderBottomWidth).to.equal('4px');

    // Urgent help, with its own colours, and Back from it.
    $(el, '.get-help').click();
    await el.updateComplete;
    expect(style($(el, '.urgent-heading')).backgroundColor).to.equal('rgb(213, 40, 27)');
    $(el, '.back').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal(RESULTS_HEADING);

    // The one violation on the page is the fixture's own inline script; none is the widget's.
    const others = win.__violations.filter((v) => !(v.blocked === 'inline' && v.effective === 'script-src-elem' && v.source.endsWith('/csp.html')));
    expect(others, JSON.stringify(others)).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  }

  it('loads, looks right and reaches the results with no violation of the policy', async () => {
    await walkUnderPolicy('/test/fixtures/csp.html');
  });

  it('does the same with Trusted Types enforced, given the "lit-html" policy name', async () => {
    const response = await fetch('/test/fixtures/csp.html?trusted-types', { cache: 'no-store' });
    expect(response.headers.get('content-security-policy')).to.include("require-trusted-types-for 'script'; trusted-types lit-html");
    await walkUnderPolicy('/test/fixtures/csp.html?trusted-types');
  });
});

/*
 * Hostile CSS: test/fixtures/host-hostile.html (host-reboot.css, then host-hostile.css) against
 * test/fixtures/host-clean.html, the same widget, flow and box. Every computed style inside the
 * shadow root, and the pixels, must match.
 *
 * The hostile page also sets a large root font-size and inherited text properties (letter-spacing,
 * text-transform, accent-color, white-space…) with !important: the widget pins its size to the
 * reader's default and resets inherited properties at its root, so none of it may show.
 */
describe('on a page with hostile CSS', () => {
  /** Both pages in iframes of this size, side by side (tall enough for the results and Keep these results). */
  const FRAME = { width: 420, height: 1700 };

  /** What should not change with the host page's CSS. */
  function keyStyles(el: SupportFinder) {
    const pick = (node: Element, names: string[]) => Object.fromEntries(names.map((n) => [n, style(node).getPropertyValue(n)]));
    const heading = $(el, '#sf-heading');
    const button = $(el, 'form button[type="submit"]');
    const radio = $(el, '#sf-field-me');
    const label = $(el, 'label[for="sf-field-me"]');
    const box = (node: Element) => {
      const r = node.getBoundingClientRect();
      return { width: r.width, height: r.height };
    };
    return {
      finder: pick($(el, '.finder'), ['font-family', 'font-size', 'line-height', 'color', 'letter-spacing', 'text-transform', 'text-align']),
      heading: { ...pick(heading, ['font-size', 'font-family', 'font-weight', 'line-height', 'color', 'display', 'visibility', 'opacity']), box: box(heading) },
      fieldset: pick($(el, 'fieldset'), ['display', 'visibility', 'border-top-width', 'padding-top']),
      legend: pick($(el, 'legend'), ['display', 'float', 'font-size']),
      button: {
        ...pick(button, ['background-color', 'color', 'min-height', 'display', 'visibility', 'opacity', 'font-size', 'font-family', 'font-weight', 'border-radius', 'padding-top', 'padding-left']),
        box: box(button),
      },
      radio: { ...pick(radio, ['width', 'height', 'display', 'visibility', 'opacity', 'appearance']), box: box(radio) },
      label: { ...pick(label, ['display', 'font-size', 'visibility', 'opacity', 'color']), box: box(label) },
      host: box(el),
    };
  }

  /**
   * Every computed property of every element in the shadow root, compared between the two
   * pages: the differences, as "element: property clean → hostile".
   */
  function styleDifferences(clean: SupportFinder, hostile: SupportFinder): string[] {
    // Inherited from the reboot's body rule, and fine to inherit: how a phone highlights a tap,
    // and whether it enlarges text (the reboot's 100% is what the widget would want anyway).
    const mayInherit = new Set(['-webkit-tap-highlight-color', 'text-size-adjust', '-webkit-text-size-adjust']);
    const a = [...shadow(clean).querySelectorAll('*')];
    const b = [...shadow(hostile).querySelectorAll('*')];
    expect(b.map((n) => n.tagName)).to.deep.equal(a.map((n) => n.tagName));
    const differences: string[] = [];
    a.forEach((node, i) => {
      const one = style(node);
      const two = style(b[i]);
      for (const name of Array.from(one)) {
        if (mayInherit.has(name)) continue;
        const x = one.getPropertyValue(name);
        const y = two.getPropertyValue(name);
        if (x !== y) differences.push(`${node.tagName.toLowerCase()}${node.id ? '#' + node.id : ''}.${[...node.classList].join('.')}: ${name} ${x} → ${y}`);
      }
    });
    return differences;
  }

  /** The focus ring on the first radio, reached with Tab as a keyboard user would. */
  async function focusFirstRadio(iframe: HTMLIFrameElement, el: SupportFinder) {
    frameWindow(iframe).focus();
    $(el, '#sf-heading').focus();
    await sendKeys({ press: 'Tab' });
    const radio = $(el, '#sf-field-me');
    expect(focusName(el), 'Tab did not reach the first radio').to.equal('#sf-field-me');
    expect(radio.matches(':focus-visible')).to.equal(true);
    const s = style(radio);
    return { outlineColor: s.outlineColor, outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
  }

  interface Shot {
    png: string;
    width: number;
    height: number;
  }
  /** A PNG of the widget in the named iframe, taken by puppeteer (test/server/host-pages.mjs). */
  const screenshot = (frame: string) =>
    executeServerCommand<Shot, { frame: string; selector: string }>('sf-element-screenshot', { frame, selector: 'support-finder' });

  async function pixels(png: string): Promise<ImageData> {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  }

  /**
   * How many pixels differ between two PNGs of the same size (fails if the sizes differ), and
   * how many differ by more than anti-aliasing noise (a channel off by more than 16 of 255).
   */
  async function differingPixels(a: Shot, b: Shot): Promise<{ count: number; visible: number; total: number; first: string[] }> {
    const [one, two] = await Promise.all([pixels(a.png), pixels(b.png)]);
    expect([two.width, two.height], 'screenshot sizes').to.deep.equal([one.width, one.height]);
    let count = 0;
    let visible = 0;
    const first: string[] = [];
    for (let i = 0; i < one.data.length; i += 4) {
      let delta = 0;
      for (let c = 0; c < 4; c++) delta = Math.max(delta, Math.abs(one.data[i + c] - two.data[i + c]));
      if (delta === 0) continue;
      count++;
      if (delta > 16) visible++;
      if (first.length < 5) first.push(`(${(i / 4) % one.width}, ${Math.floor(i / 4 / one.width)}) ${one.data.slice(i, i + 4).join(',')} vs ${two.data.slice(i, i + 4).join(',')}`);
    }
    return { count, visible, total: one.width * one.height, first };
  }

  /**
   * The same picture: byte for byte, or else no pixel visibly different and fewer than 0.1% off
   * by a shade (Chromium's anti-aliasing of the radio's circle can differ by one level).
   */
  async function expectSamePixels(step: string, clean: Shot, hostile: Shot): Promise<void> {
    expect(clean.width, `${step}: screenshot is empty`).to.be.greaterThan(100);
    if (clean.png === hostile.png) return;
    const { count, visible, total, first } = await differingPixels(clean, hostile);
    const report = `${step}: ${count} of ${total} pixels differ (${visible} visibly); first ${first.join('; ')}`;
    expect(visible, report).to.equal(0);
    expect(count / total, report).to.be.below(0.001);
  }

  /** Both widgets as they are now: every computed style, and pixel for pixel. */
  async function expectSameLook(step: string, clean: SupportFinder, hostile: SupportFinder): Promise<void> {
    expect(clean.getBoundingClientRect().height, `${step}: the widget must fit in its iframe`).to.be.below(FRAME.height);
    expect(styleDifferences(clean, hostile), step).to.deep.equal([]);
    await expectSamePixels(step, await screenshot('clean'), await screenshot('hostile'));
  }

  it('looks and measures exactly as on a clean page', async function () {
    this.timeout(30_000);
    await setViewport({ width: 1000, height: 1800 });
    const cleanFrame = await openFrame('/test/fixtures/host-clean.html', { name: 'clean', ...FRAME });
    const hostileFrame = await openFrame('/test/fixtures/host-hostile.html', { name: 'hostile', ...FRAME });
    const clean = await widgetIn(cleanFrame);
    const hostile = await widgetIn(hostileFrame);

    // The hostile CSS is in force on its page, and reaches the widget's host element.
    const hostDoc = frameDocument(hostileFrame);
    expect(style(hostDoc.body).color).to.equal('rgb(255, 0, 0)');
    expect(style(hostile).fontFamily).to.match(/Comic Sans/);
    // line-height: 3 reaches the host; its 40px font-size does not: the widget pins its own
    // size to the reader's default (16px here), so the root and host sizes cannot scale it.
    expect(style(hostile).lineHeight).to.equal('48px');
    expect(style(hostile).fontSize).to.equal('16px');

    expect(keyStyles(hostile)).to.deep.equal(keyStyles(clean));
    expect(style($(clean, 'form button[type="submit"]')).backgroundColor).to.equal('rgb(0, 127, 59)');

    // The same pixels before anything has focus.
    await expectSameLook('first question', clean, hostile);
    // The same focus ring, and the same pixels, with the first radio focused by keyboard: each
    // page's screenshot is taken while its own radio has focus.
    const cleanRing = await focusFirstRadio(cleanFrame, clean);
    expect(cleanRing.outlineColor).to.equal('rgb(255, 235, 59)');
    expect(cleanRing.outlineStyle).to.equal('solid');
    expect(cleanRing.outlineWidth).to.equal('4px');
    const cleanShot = await screenshot('clean');
    const hostileRing = await focusFirstRadio(hostileFrame, hostile);
    const hostileShot = await screenshot('hostile');
    expect(hostileRing).to.deep.equal(cleanRing);
    await expectSamePixels('first question, radio focused', cleanShot, hostileShot);
    // Nothing keeps focus into the next screens (the widget moves it to each new heading).
    frameWindow(cleanFrame).focus();

    // Further on: a number field, checkboxes with a divider, an info page with markup.
    for (const el of [clean, hostile]) await answer(el, 'me');
    await expectSameLook('number question', clean, hostile);
    for (const el of [clean, hostile]) await answer(el, '14');
    await expectSameLook('checkboxes', clean, hostile);
    for (const el of [clean, hostile]) {
      $(el, '.back').click();
      await el.updateComplete;
      await answer(el, '9');
      expect(headingText(el)).to.equal('Talk to an adult you trust');
    }
    await expectSameLook('info page', clean, hostile);
    for (const el of [clean, hostile]) await continueOn(el);
    await expectSameLook('results', clean, hostile);
  });
});

describe('on a page that patches built-ins', () => {
  type PatchedWindow = { __patched: { fetch: string[]; defined: string[]; errors: string[] } };

  it('still works, and shows what a clean page shows at every step', async function () {
    this.timeout(20_000);
    const patchedFrame = await openFrame('/test/fixtures/patched-globals.html');
    const cleanFrame = await openFrame('/test/fixtures/host-clean.html');
    const win = frameWindow<PatchedWindow & { Object: ObjectConstructor; Array: ArrayConstructor }>(patchedFrame);
    // The patches are in place in that page.
    expect(Object.keys(new win.Object())).to.deep.equal([]);
    expect(Object.keys(win.Object.prototype)).to.include('hacked');
    const patched = await widgetIn(patchedFrame);
    const clean = await widgetIn(cleanFrame);
    expect(win.__patched.defined).to.deep.equal(['support-finder']);
    expect(win.__patched.fetch.map((u) => new URL(u, patchedFrame.src).pathname)).to.deep.equal(['/test/flows/basic.json']);

    expect(text(patched)).to.equal(text(clean));
    for (const input of TO_RESULTS) {
      await answer(patched, input);
      await answer(clean, input);
      expect(refusal(patched), `refused ${JSON.stringify(input)}`).to.equal(null);
      expect(text(patched)).to.equal(text(clean));
    }
    expect(headingText(patched)).to.equal(RESULTS_HEADING);
    expect(serviceNames(patched)).to.deep.equal(['North Town Counselling', 'Private therapy', 'Talkline']);
    // Back, Start again and urgent help still work.
    $(patched, '.get-help').click();
    await patched.updateComplete;
    expect(has(patched, '.urgent')).to.equal(true);
    $(patched, '.back').click();
    await patched.updateComplete;
    [...shadow(patched).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Start again')?.click();
    await patched.updateComplete;
    expect(headingText(patched)).to.equal('Who is this for?');
    expect(win.__patched.errors).to.deep.equal([]);
  });
});

describe('with two copies of the widget on one page', () => {
  type ConsoleWindow = { __console: { warn: string[]; error: string[]; uncaught: string[] } };

  it('warns, naming both versions, when another version already owns the tag', async () => {
    const iframe = await openFrame('/test/fixtures/two-versions.html');
    const win = frameWindow<ConsoleWindow>(iframe);
    const owner = win.customElements.get('support-finder') as (CustomElementConstructor & { version?: string }) | undefined;
    expect(owner?.version).to.equal('0.0.1');
    expect(frameDocument(iframe).querySelector('support-finder')?.getAttribute('data-owner')).to.equal('old');
    const warnings = win.__console.warn.filter((w) => w.includes('support-finder'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include(VERSION).and.include('0.0.1');
    expect(warnings[0]).to.equal(
      `support-finder ${VERSION}: version 0.0.1 is already defined on this page and will be used; remove one of the two scripts.`
    );
    expect(win.__console.error).to.deep.equal([]);
    expect(win.__console.uncaught).to.deep.equal([]);
  });

  it('says nothing, and works, when the same build is loaded twice', async () => {
    const iframe = await openFrame('/test/fixtures/loaded-twice.html');
    const win = frameWindow<ConsoleWindow>(iframe);
    const el = await widgetIn(iframe);
    await shown(el);
    const scripts = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => new URL(e.name).pathname + new URL(e.name).search);
    expect(scripts).to.include.members(['/dist/support-finder.js', '/dist/support-finder.js?again']);
    expect((win.customElements.get('support-finder') as unknown as { version?: string }).version).to.equal(VERSION);
    await answer(el, 'me');
    expect(headingText(el)).to.equal('How old are you?');
    expect(win.__console.warn).to.deep.equal([]);
    expect(win.__console.error).to.deep.equal([]);
    expect(win.__console.uncaught).to.deep.equal([]);
  });
});
