/**
 * Safe under pressure: leaving quickly, opt-in saved progress that is always cleared, a pinned
 * flow version, and networks that fail in every way a school network does.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { $, answer, fetchJson, headingText, shadow, shown } from './support.js';

const BASIC = '/test/flows/basic.json';
const KEY = 'support-finder:basic:1';

async function finder(attributes: Record<string, string>): Promise<SupportFinder> {
  const el = document.createElement('support-finder');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(el);
  return el;
}

function button(el: SupportFinder, words: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === words);
  if (!found) throw new Error(`no "${words}" button`);
  return found;
}

async function sha(algorithm: 'SHA-256' | 'SHA-384' | 'SHA-512', path: string): Promise<string> {
  const bytes = await (await fetch(path)).arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, bytes));
  return `${algorithm.replace('-', '').toLowerCase()}-${btoa(String.fromCharCode(...digest))}`;
}

async function requests(key: string): Promise<number> {
  return ((await fetchJson(`/misbehave/count/${key}`)) as { count: number }).count;
}

afterEach(() => sessionStorage.removeItem(KEY));

describe('quick exit', () => {
  /** A page with the finder in an iframe, so leaving it does not end the test page. */
  async function framed(): Promise<{ frame: HTMLIFrameElement; el: SupportFinder }> {
    const frame = document.createElement('iframe');
    frame.style.width = '600px';
    frame.style.height = '800px';
    frame.src = '/test/fixtures/quick-exit.html';
    document.body.append(frame);
    await waitUntil(() => frame.contentDocument?.querySelector('support-finder')?.shadowRoot?.querySelector('fieldset'), 'the framed finder did not load', { timeout: 8000 });
    const el = frame.contentDocument?.querySelector('support-finder') as SupportFinder;
    return { frame, el };
  }

  it('is on every screen: loading, error, question, info, urgent and results', async () => {
    const loading = await finder({ flow: `/slow/400${BASIC}` });
    expect($(loading, '.quick-exit').textContent?.trim()).to.equal('Leave this page quickly');
    const failed = await finder({ flow: '/misbehave/status/404' });
    await shown(failed);
    expect($(failed, '.quick-exit')).to.exist;
    const el = await finder({ flow: BASIC });
    await shown(el);
    for (const input of [null, 'me', '9', 'continue']) {
      if (input === 'continue') ($(el, '.actions .button') as HTMLButtonElement).click();
      else if (input) await answer(el, input);
      await el.updateComplete;
      expect($(el, '.quick-exit').getAttribute('aria-describedby')).to.equal('sf-exit-hint');
      expect($(el, '#sf-exit-hint').textContent).to.match(/Shift key 3 times/);
    }
    expect(headingText(el)).to.equal('Services that could help');
    $(el, '.get-help').click();
    await el.updateComplete;
    expect($(el, '.quick-exit')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('Shift pressed three times leaves for the exit page, replacing this page in the history', async () => {
    const { frame, el } = await framed();
    try {
      await answer(el, 'me');
      expect(sessionStorage.getItem(KEY)).to.not.equal(null);
      const historyLength = frame.contentWindow?.history.length;
      (el.shadowRoot?.querySelector('#sf-field') as HTMLElement).focus();
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
      await waitUntil(() => frame.contentWindow?.location.pathname === '/test/fixtures/neutral.html', 'did not leave', { timeout: 5000 });
      expect(frame.contentWindow?.history.length).to.equal(historyLength);
      expect(sessionStorage.getItem(KEY)).to.equal(null);
    } finally {
      frame.remove();
    }
  });

  it('the button leaves too, and says so to screen readers first', async () => {
    const { frame, el } = await framed();
    try {
      const left = oneEvent(el, 'sf-quick-exit');
      (el.shadowRoot?.querySelector('.quick-exit') as HTMLButtonElement).click();
      await left;
      expect(el.shadowRoot?.querySelector('#sf-status')?.textContent).to.equal('Leaving this page');
      expect(el.shadowRoot?.querySelector('fieldset')).to.equal(null);
      await waitUntil(() => frame.contentWindow?.location.pathname === '/test/fixtures/neutral.html', 'did not leave', { timeout: 5000 });
    } finally {
      frame.remove();
    }
  });

  it('typing capital letters, or Shift with pauses, does not leave', async () => {
    const { frame, el } = await framed();
    try {
      await answer(el, 'me');
      const input = el.shadowRoot?.querySelector('#sf-field') as HTMLInputElement;
      input.focus();
      for (const key of ['Shift', 'A', 'Shift', 'B', 'Shift', 'C']) await sendKeys({ press: key });
      await sendKeys({ press: 'Shift' });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await sendKeys({ press: 'Shift' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(frame.contentWindow?.location.pathname).to.equal('/test/fixtures/quick-exit.html');
    } finally {
      frame.remove();
    }
  });

  for (const [page, host] of [
    ['/test/fixtures/quick-exit.html', 'a page'],
    ['/test/fixtures/csp.html', 'a page with a strict CSP'],
  ]) {
    it(`tells the exit site nothing about ${host} it left: no Referer, no document.referrer`, async () => {
      const frame = document.createElement('iframe');
      frame.style.width = '600px';
      frame.style.height = '800px';
      frame.src = page;
      document.body.append(frame);
      try {
        const finderIn = () => frame.contentDocument?.querySelector('support-finder') as SupportFinder | null | undefined;
        await waitUntil(() => finderIn()?.shadowRoot?.querySelector('fieldset'), 'the framed finder did not load', { timeout: 8000 });
        const el = finderIn() as SupportFinder;
        const key = `exit-${Math.random().toString(36).slice(2)}`;
        el.setAttribute('exit-url', `/exit-page/${key}`);
        const historyLength = frame.contentWindow?.history.length;
        (el.shadowRoot?.querySelector('.quick-exit') as HTMLButtonElement).focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => frame.contentDocument?.getElementById('exit-page'), 'did not reach the exit page', { timeout: 5000 });
        expect(frame.contentWindow?.location.pathname).to.equal(`/exit-page/${key}`);
        expect(frame.contentDocument?.referrer).to.equal('');
        expect(frame.contentWindow?.history.length).to.equal(historyLength);
        const log = (await fetchJson(`/exit-page/${key}/log`)) as Array<{ referer: string }>;
        expect(log).to.deep.equal([{ referer: '' }]);
      } finally {
        frame.remove();
      }
    });
  }

  it('only leaves for a web address, whatever exit-url says', async () => {
    const { frame, el } = await framed();
    try {
      el.setAttribute('exit-url', 'javascript:alert(1)');
      (el.shadowRoot?.querySelector('.quick-exit') as HTMLButtonElement).click();
      // The default neutral page is on the internet, which this test machine cannot reach: the
      // frame navigates away from the fixture and never runs the script.
      await waitUntil(() => {
        try {
          return frame.contentWindow?.location.pathname !== '/test/fixtures/quick-exit.html';
        } catch {
          return true; // cross-origin: it left
        }
      }, 'did not leave', { timeout: 5000 });
    } finally {
      frame.remove();
    }
  });
});

describe('saved progress (persist="session")', () => {
  it('keeps progress for a reload, replays it, and shows the earlier answers', async () => {
    const first = await finder({ flow: BASIC, persist: 'session' });
    await shown(first);
    await answer(first, 'parent');
    await answer(first, '15');
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    expect(saved.path).to.deep.equal(['who', 'age', 'feelings']);
    first.remove();
    const again = await finder({ flow: BASIC, persist: 'session' });
    await shown(again);
    expect(headingText(again)).to.equal('What is worrying you?');
    $(again, '.back').click();
    await again.updateComplete;
    expect(($(again, '#sf-field') as HTMLInputElement).value).to.equal('15');
  });

  it('clears it on Clear my answers, on Start again and when the results are shown', async () => {
    const el = await finder({ flow: BASIC, persist: 'session' });
    await shown(el);
    await answer(el, 'me');
    expect(sessionStorage.getItem(KEY)).to.not.equal(null);
    button(el, 'Clear my answers').click();
    await el.updateComplete;
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    expect(headingText(el)).to.equal('Who is this for?');
    await waitUntil(() => /Your answers have been cleared/.test($(el, '#sf-status').textContent ?? ''), 'not announced');
    await answer(el, 'me');
    button(el, 'Start again').click();
    await el.updateComplete;
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    for (const input of ['me', '9']) await answer(el, input);
    expect(sessionStorage.getItem(KEY)).to.not.equal(null);
    ($(el, '.actions .button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Services that could help');
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });

  it('ignores a save that does not fit the flow, and starts afresh', async () => {
    for (const tampered of [
      '{not json',
      // Urgent help leads on to 'results' in this flow, never to 'grief'.
      JSON.stringify({ path: ['who', 'urgent', 'grief'], answers: { who: 'me' } }),
      JSON.stringify({ path: ['who', 'age'], answers: { who: 'teacher' } }),
      JSON.stringify({ path: ['age'], answers: {} }),
      JSON.stringify({ path: ['who', 'age', 'feelings'], answers: { who: 'me', age: 99 } }),
    ]) {
      sessionStorage.setItem(KEY, tampered);
      const el = await finder({ flow: BASIC, persist: 'session' });
      await shown(el);
      expect(headingText(el), tampered).to.equal('Who is this for?');
      el.remove();
    }
  });

  it('stores nothing without the opt-in', async () => {
    const el = await finder({ flow: BASIC });
    await shown(el);
    for (const input of ['me', '14', ['anxious'], 'no']) await answer(el, input);
    expect(sessionStorage.length).to.equal(0);
    expect(localStorage.length).to.equal(0);
  });
});

describe('flow-integrity', () => {
  it('loads a flow whose bytes match the digest (sha256, sha384, sha512)', async () => {
    for (const algorithm of ['SHA-256', 'SHA-384', 'SHA-512'] as const) {
      const el = await finder({ flow: BASIC, 'flow-integrity': await sha(algorithm, BASIC) });
      await shown(el);
      expect(headingText(el), algorithm).to.equal('Who is this for?');
    }
  });

  it('accepts the flow when any listed digest matches, as SRI does', async () => {
    const right = await sha('SHA-384', BASIC);
    const el = await finder({ flow: BASIC, 'flow-integrity': `sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ${right}` });
    await shown(el);
    expect(headingText(el)).to.equal('Who is this for?');
  });

  it('refuses a flow that is not the reviewed version, with urgent contacts and no Try again', async () => {
    const other = await sha('SHA-384', '/flows/exampleshire.json');
    const el = await finder({ flow: BASIC, 'flow-integrity': other });
    const failed = oneEvent(el, 'sf-error');
    expect((await failed).detail.kind).to.equal('integrity');
    await shown(el);
    expect(shadow(el).textContent).to.include('not the reviewed version');
    expect([...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('tel:999');
    expect([...shadow(el).querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Try again')).to.equal(false);
  });

  it('refuses a malformed digest rather than skipping the check', async () => {
    const el = await finder({ flow: BASIC, 'flow-integrity': 'md5-abc' });
    await shown(el);
    expect(shadow(el).textContent).to.include('must be a digest such as');
  });
});

describe('failing networks', () => {
  /** Waits for the error screen, returning the sf-error detail and how long it took. */
  async function failure(attributes: Record<string, string>) {
    const started = performance.now();
    const el = await finder(attributes);
    const event = await oneEvent(el, 'sf-error');
    await shown(el);
    const links = [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links, 'urgent contacts').to.include.members(['tel:999', 'tel:111']);
    expect(headingText(el)).to.match(/not working right now/);
    return { el, detail: event.detail, ms: performance.now() - started };
  }

  it('a server error is retried with backoff, then explained with Try again', async () => {
    const key = `e500-${Date.now()}`;
    const { el, detail, ms } = await failure({ flow: `/misbehave/status/500?key=${key}` });
    expect(detail).to.deep.include({ kind: 'http', status: 500 });
    // Three tries in all (the retries wait 0.3 s then 0.9 s), and the message within a second after.
    expect(ms).to.be.within(1100, 3000);
    expect(shadow(el).textContent).to.include('HTTP status 500');
    expect(button(el, 'Try again')).to.exist;
  });

  it('tries again after transient failures and recovers without showing an error', async () => {
    const key = `flaky-${Date.now()}`;
    const el = await finder({ flow: `/misbehave/flaky/${key}/2` });
    await waitUntil(() => shadow(el).querySelector('fieldset'), 'did not recover', { timeout: 5000 });
    expect(await requests(key)).to.equal(3);
    expect(headingText(el)).to.equal('Who is this for?');
  });

  it('does not retry what cannot get better: 404, not JSON, an invalid flow', async () => {
    const key = `notfound-${Date.now()}`;
    const missing = await failure({ flow: `/misbehave/status/404?k=${key}` });
    expect(missing.detail).to.deep.include({ kind: 'http', status: 404 });
    expect(missing.ms).to.be.below(1000);
    const html = await failure({ flow: `/misbehave/html/${key}` });
    expect(html.detail.kind).to.equal('not-json');
    expect(await requests(key)).to.equal(1);
    expect(html.ms).to.be.below(1000);
  });

  it('a body cut short is a network failure: retried, then explained', async () => {
    const key = `cut-${Date.now()}`;
    const { detail } = await failure({ flow: `/misbehave/cut/${key}` });
    expect(detail.kind).to.equal('network');
    expect(await requests(key)).to.equal(3);
  });

  it('gives up after the timeout, however long the server takes, and says so', async () => {
    const key = `hang-${Date.now()}`;
    const { el, detail, ms } = await failure({ flow: `/misbehave/hang/${key}`, timeout: '800' });
    expect(detail.kind).to.equal('timeout');
    expect(ms).to.be.within(700, 1800);
    expect(shadow(el).textContent).to.include('did not arrive within 1 second.');
    expect(button(el, 'Try again')).to.exist;
  });

  it('a flow on another site that does not allow it (CORS) is explained, not a blank box', async () => {
    const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const { detail } = await failure({ flow: `${location.protocol}//${otherHost}:${location.port}${BASIC}` });
    expect(detail.kind).to.equal('network');
  });

  it('Try again loads the flow once the network is back', async () => {
    const key = `back-${Date.now()}`;
    // Fails the first three requests (one load with its two retries), then works.
    const el = await finder({ flow: `/misbehave/flaky/${key}/3` });
    await oneEvent(el, 'sf-error');
    await shown(el);
    button(el, 'Try again').click();
    await waitUntil(() => shadow(el).querySelector('fieldset'), 'Try again did not load the flow', { timeout: 5000 });
    expect(await requests(key)).to.equal(4);
  });
});
