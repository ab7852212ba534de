/**
 * The README's embedding recipes, each as a real host page in an iframe (pages and builds in
 * test/server/embed.mjs and test/fixtures/embed/): the ES module and the classic script in
 * every place a page can put it, a WordPress page after wpautop, React 19, Vue 3, and the
 * no-JavaScript fallback. Each reaches the first question with the built widget.
 *
 * This file never loads the widget itself: <support-finder> is defined only inside the pages.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { SupportFinder } from '../src/support-finder.js';
import { closeFrames, frameDocument, frameWindow, openFrame, widgetIn } from './frames.js';
import { $, answer, headingText, shadow } from './support.js';

interface HostWindow {
  __console: { warn: string[]; error: string[]; uncaught: string[] };
  __events: Array<{ name: string; detail: Record<string, unknown> }>;
  __amdDefineCalled?: boolean;
  SupportFinder?: unknown;
}

const FIRST_QUESTION = 'Who is this for?';
const TO_RESULTS: Array<string | string[]> = ['me', '14', ['anxious', 'sad'], 'no', 'north', ['counselling', 'helpline'], 'no'];

afterEach(() => closeFrames());

/** The light-DOM fallback inside the page's <support-finder>. */
function fallbackIn(iframe: HTMLIFrameElement): HTMLElement {
  const node = frameDocument(iframe).querySelector<HTMLElement>('support-finder .sf-fallback');
  if (!node) throw new Error('the page has no fallback inside <support-finder>');
  return node;
}

/** Rendered at all: a box on screen (what a screen reader reads, too). */
const rendered = (node: Element) => node.checkVisibility() && node.getClientRects().length > 0;

const eventNames = (win: HostWindow) => win.__events.map((e) => e.name);

interface AxeResults {
  violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
}
type AxeWindow = { axe?: { run: (context: Element, options: object) => Promise<AxeResults> } };

/**
 * axe's violations for `node`, run inside the host page's own window: axe (and so
 * `expect(el).to.be.accessible()`) refuses nodes from another document. The frame loads the
 * same axe-core file the test page imports, by the address the dev server gave it.
 */
async function axeViolations(iframe: HTMLIFrameElement, node: Element): Promise<string[]> {
  const win = frameWindow<AxeWindow>(iframe);
  if (!win.axe) {
    // @ts-expect-error -- the minified build has no types; it only registers window.axe.
    await import('axe-core/axe.min.js');
    const address = performance.getEntriesByType('resource').find((e) => e.name.includes('/axe-core/axe.min.js'))?.name;
    if (!address) throw new Error('axe-core was not loaded by the test page');
    const script = frameDocument(iframe).createElement('script');
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new Error(`${address} did not load in the host page`)));
    });
    script.src = address;
    frameDocument(iframe).head.append(script);
    await loaded;
  }
  if (!win.axe) throw new Error('axe-core did not start in the host page');
  const results = await win.axe.run(node, { resultTypes: ['violations'] });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectAccessible(iframe: HTMLIFrameElement, node: Element | null): Promise<void> {
  if (!node) throw new Error('nothing to check with axe');
  expect(await axeViolations(iframe, node)).to.deep.equal([]);
}

/** The widget is up, its first question showing, and nothing went wrong on the page. */
async function expectFirstQuestion(iframe: HTMLIFrameElement): Promise<SupportFinder> {
  const el = await widgetIn(iframe);
  const win = frameWindow<HostWindow>(iframe);
  expect(headingText(el)).to.equal(FIRST_QUESTION);
  expect(win.__console.uncaught).to.deep.equal([]);
  expect(win.__console.error).to.deep.equal([]);
  return el;
}

/** Once upgraded, the fallback is neither shown nor read: the shadow root has no slot for it. */
function expectFallbackHidden(iframe: HTMLIFrameElement): void {
  const fallback = fallbackIn(iframe);
  expect(fallback.assignedSlot === null, 'the fallback is slotted').to.equal(true);
  expect(rendered(fallback), 'the fallback is still rendered').to.equal(false);
}

describe('plain HTML', () => {
  const pages = {
    'the ES module in the head': 'module',
    'the classic script in the head, without defer': 'classic-head',
    'the classic script in the head, with defer': 'classic-defer',
    'the classic script in the head, with async': 'classic-async',
    'the classic script at the end of the body': 'classic-body-end',
  };
  for (const [where, name] of Object.entries(pages)) {
    it(`${where}: reaches the first question under a strict CSP, the fallback hidden, events on the page`, async () => {
      const response = await fetch(`/test/fixtures/embed/${name}.html`, { cache: 'no-store' });
      expect(response.headers.get('content-security-policy')).to.include("script-src 'self'; style-src 'self'");
      const iframe = await openFrame(`/test/fixtures/embed/${name}.html`);
      const el = await expectFirstQuestion(iframe);
      const win = frameWindow<HostWindow>(iframe);
      expectFallbackHidden(iframe);
      await waitUntil(() => eventNames(win).includes('sf-step-shown'), 'no sf-step-shown reached the page');
      expect(eventNames(win).slice(0, 2)).to.deep.equal(['sf-flow-loaded', 'sf-step-shown']);
      // The classic script adds no global of its own.
      expect('SupportFinder' in win).to.equal(false);
      await answer(el, 'me');
      expect(headingText(el)).to.equal('How old are you?');
      expect(eventNames(win)).to.include('sf-answer');
      await expectAccessible(iframe, el);
    });
  }

  it('the classic build finds files published beside it, from a callback after it ran', async () => {
    const iframe = await openFrame('/test/fixtures/embed/script-url.html');
    type ProbeWindow = { __probe?: { scriptUrl: string; locale?: string; error?: string } };
    const win = frameWindow<ProbeWindow>(iframe);
    await waitUntil(() => win.__probe, 'the probe never reported', { timeout: 8000 });
    expect(win.__probe).to.deep.equal({
      scriptUrl: `${location.origin}/test/fixtures/embed/lib/probe.classic.js`,
      locale: 'found beside the script',
    });
  });
});

describe('a WordPress page (wpautop paragraphs and line breaks, theme CSS, jQuery and AMD globals)', () => {
  it('the classic script reaches the first question, keeps its fallback inside and hidden, and stays accessible', async () => {
    const iframe = await openFrame('/test/fixtures/embed/wordpress.html', { height: 1200 });
    const el = await expectFirstQuestion(iframe);
    const win = frameWindow<HostWindow>(iframe);
    // wpautop wrapped the element in a <p>; the inline-only fallback stayed inside the element.
    expect(el.parentElement?.tagName).to.equal('P');
    expect(fallbackIn(iframe).parentElement?.tagName).to.equal('SUPPORT-FINDER');
    expectFallbackHidden(iframe);
    // The IIFE ran as a script; it did not hand itself to the page's AMD loader.
    expect(win.__amdDefineCalled).to.equal(undefined);
    expect(eventNames(win)).to.include('sf-step-shown');
    // The theme's button rule does not reach the widget's buttons.
    expect(getComputedStyle($(el, 'form button[type="submit"]')).backgroundColor).to.equal('rgb(0, 127, 59)');
    await answer(el, 'me');
    expect(headingText(el)).to.equal('How old are you?');
    await expectAccessible(iframe, el);
  });
});

describe('React 19', () => {
  it('renders the element, and its onsf-outcome-shown handler gets the services shown', async () => {
    const iframe = await openFrame('/test/fixtures/embed/react.html', { height: 1400 });
    const el = await expectFirstQuestion(iframe);
    await expectAccessible(iframe, el);
    for (const input of TO_RESULTS) await answer(el, input);
    expect(headingText(el)).to.equal('Services that could help');
    const doc = frameDocument(iframe);
    await waitUntil(() => doc.querySelector('#shown'), 'React never showed what the event carried');
    const ids = [...shadow(el).querySelectorAll('.services > li')].length;
    expect(ids).to.be.greaterThan(1);
    expect(doc.querySelector('#shown')?.textContent).to.match(/^The finder suggested: .*north-counselling/);
    expect(frameWindow<HostWindow>(iframe).__console.error).to.deep.equal([]);
    await expectAccessible(iframe, el);
  });
});

describe('Vue 3', () => {
  it('with isCustomElement set, renders the element with no warning, and @sf-step-shown follows each step', async () => {
    const iframe = await openFrame('/test/fixtures/embed/vue.html');
    const el = await expectFirstQuestion(iframe);
    const doc = frameDocument(iframe);
    await waitUntil(() => doc.querySelector('#step')?.textContent === 'On step: who', 'Vue never heard sf-step-shown');
    await answer(el, 'me');
    await waitUntil(() => doc.querySelector('#step')?.textContent === 'On step: age', 'Vue missed the second sf-step-shown');
    // Without isCustomElement Vue warns that it cannot resolve the component.
    expect(frameWindow<HostWindow>(iframe).__console.warn).to.deep.equal([]);
    await expectAccessible(iframe, el);
  });
});

describe('the no-JavaScript fallback', () => {
  it('(control) axe run inside a host page does report what it finds there', async () => {
    const iframe = await openFrame('/test/fixtures/embed/no-script.html');
    const image = frameDocument(iframe).createElement('img');
    image.src = '/test/fixtures/no-such-image.png';
    frameDocument(iframe).querySelector('main')?.append(image);
    expect((await axeViolations(iframe, frameDocument(iframe).body)).map((v) => v.split(':')[0])).to.include('image-alt');
  });

  it('when the script never loads, the fallback is shown and readable, with urgent numbers and a link', async () => {
    const iframe = await openFrame('/test/fixtures/embed/no-script.html');
    const win = frameWindow<HostWindow & { customElements: CustomElementRegistry }>(iframe);
    expect(win.customElements.get('support-finder') === undefined, 'the widget was defined').to.equal(true);
    const fallback = fallbackIn(iframe);
    expect(rendered(fallback)).to.equal(true);
    const text = (fallback.textContent ?? '').replace(/\s+/g, ' ');
    for (const number of ['999', 'NHS 111', '116 123', '85258']) expect(text).to.include(number);
    const links = [...fallback.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['tel:999', 'tel:111', 'tel:116123', 'sms:85258', '/test/fixtures/neutral.html']);
    await expectAccessible(iframe, frameDocument(iframe).querySelector('main'));
  });

  it('when the flow cannot be loaded, the host’s own fallback shows under the built-in urgent contacts', async () => {
    const iframe = await openFrame('/test/fixtures/embed/flow-missing.html', { height: 1400 });
    const el = await widgetIn(iframe);
    expect(headingText(el)).to.equal('Sorry, the support finder is not working right now');
    const fallback = fallbackIn(iframe);
    const slot = fallback.assignedSlot;
    expect(slot !== null, 'the fallback is not slotted').to.equal(true);
    expect(rendered(fallback)).to.equal(true);
    // After the widget's own urgent card, before the details for the site's people.
    const urgent = $(el, '.urgent');
    expect(Boolean(urgent.compareDocumentPosition(slot as Node) & Node.DOCUMENT_POSITION_FOLLOWING)).to.equal(true);
    expect(Boolean($(el, 'details').compareDocumentPosition(slot as Node) & Node.DOCUMENT_POSITION_PRECEDING)).to.equal(true);
    expect(eventNames(frameWindow<HostWindow>(iframe))).to.include('sf-error');
    await expectAccessible(iframe, el);
  });
});
