/**
 * "Keep these results" on the results page: print, copy, share, email to myself and send to my
 * phone, in real Chromium, with real keyboard events and a local endpoint
 * (test/server/results-endpoint.mjs) for the phone.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { $, answer, answerByKeyboard, focused, headingText, shadow, shown, tabTo } from './support.js';

const BASIC = '/test/flows/basic.json';
const TO_RESULTS = ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'no'];

/**
 * What those answers lead to, as plain text: the finder's title (never the outcome's, which
 * would say what was answered), the urgent contacts, the always-shown helpline, then the matches.
 */
const RESULTS_TEXT = [
  'Test finder',
  '',
  'Emergency services',
  'Call 999 if you are in danger.',
  'Phone 999',
  '',
  'Textline',
  'Text us any time.',
  '24 hours a day',
  'Text SHOUT to 85258',
  '',
  'Talkline',
  'Talk about anything.',
  'Phone 116 123',
  'Email talk@example.org',
  '',
  'North Town Counselling',
  'Counselling for young people in North Town.',
  'Website https://example.org/north',
  '',
  'Private therapy',
  'Paid sessions with a therapist.',
  'Website https://example.org/private',
].join('\n');

type Kept = { method: string };
let kept: Kept[] = [];
const recordKept = (e: Event) => kept.push((e as CustomEvent<Kept>).detail);

beforeEach(() => {
  kept = [];
  document.addEventListener('sf-results-kept', recordKept);
});
afterEach(() => document.removeEventListener('sf-results-kept', recordKept));

async function atResults(attributes: Record<string, string> = {}): Promise<SupportFinder> {
  const el = document.createElement('support-finder');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('flow', BASIC);
  await fixture(el);
  await shown(el);
  for (const input of TO_RESULTS) await answer(el, input);
  expect(headingText(el)).to.equal('Services that could help');
  return el;
}

const keepButtons = (el: SupportFinder) =>
  [...shadow(el).querySelectorAll('.keep .actions > *')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim());

function keepButton(el: SupportFinder, label: string): HTMLElement {
  const found = [...shadow(el).querySelectorAll<HTMLElement>('.keep .actions > *')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no "${label}" in Keep these results (${keepButtons(el).join(', ')})`);
  return found;
}

const status = (el: SupportFinder) => $(el, '#sf-status').textContent ?? '';
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('keep results: the group on the results page', () => {
  it('appears on results only, with Print, Copy and Email (no Share or phone here)', async () => {
    const el = document.createElement('support-finder');
    el.setAttribute('flow', BASIC);
    await fixture(el);
    await shown(el);
    expect(shadow(el).querySelector('.keep') === null, 'Keep these results on a question').to.equal(true);
    for (const input of TO_RESULTS) await answer(el, input);
    expect($(el, '.keep h3').textContent?.trim()).to.equal('Keep these results');
    // This Chromium (Linux) has no share sheet, so no Share button.
    expect('share' in navigator).to.equal(false);
    expect(keepButtons(el)).to.deep.equal(['Print', 'Copy', 'Email to myself']);
    await expect(el).to.be.accessible();
    // Back to a question: gone again.
    $(el, '.back').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('.keep') === null).to.equal(true);
  });
});

describe('keep results: copy', () => {
  it('is reached by keyboard and puts the results text on the clipboard', async () => {
    await executeServerCommand('sf-grant-clipboard');
    const el = document.createElement('support-finder');
    el.setAttribute('flow', BASIC);
    await fixture(el);
    await shown(el);
    for (const input of TO_RESULTS) await answerByKeyboard(el, input as string | string[]);
    expect(headingText(el)).to.equal('Services that could help');
    await tabTo(el, (f) => f.textContent?.trim() === 'Copy');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el) === 'Results copied', 'Results copied was never announced');
    expect(await navigator.clipboard.readText()).to.equal(RESULTS_TEXT);
    expect(kept).to.deep.equal([{ method: 'copy' }]);
    await expect(el).to.be.accessible();
  });

  it('when the clipboard is refused or missing, shows the text to copy by hand, selected, and never throws', async () => {
    const clipboard = navigator.clipboard;
    const refusals: Array<[string, () => void]> = [
      ['refused', () => Object.defineProperty(clipboard, 'writeText', { value: () => Promise.reject(new DOMException('no', 'NotAllowedError')), configurable: true })],
      ['missing', () => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })],
    ];
    const errors: string[] = [];
    const onError = (e: PromiseRejectionEvent | ErrorEvent) => errors.push(String('reason' in e ? e.reason : e.message));
    addEventListener('unhandledrejection', onError);
    addEventListener('error', onError);
    try {
      for (const [how, refuse] of refusals) {
        refuse();
        try {
          const el = await atResults();
          keepButton(el, 'Copy').click();
          await waitUntil(() => shadow(el).querySelector('textarea'), `no text to copy by hand when the clipboard is ${how}`);
          const area = $(el, 'textarea') as HTMLTextAreaElement;
          expect(area.value, how).to.equal(RESULTS_TEXT);
          expect(area.readOnly).to.equal(true);
          expect(focused(el) === area, `${how}: focus is on the text`).to.equal(true);
          expect([area.selectionStart, area.selectionEnd], how).to.deep.equal([0, area.value.length]);
          expect(shadow(el).querySelector(`label[for="${area.id}"]`)?.textContent?.trim()).to.equal(
            'Copying did not work here. Select this text and copy it.'
          );
          expect(kept, how).to.deep.equal([]);
          await expect(el).to.be.accessible();
        } finally {
          delete (clipboard as unknown as Record<string, unknown>).writeText;
          delete (navigator as unknown as Record<string, unknown>).clipboard;
        }
      }
      expect(typeof navigator.clipboard.writeText).to.equal('function');
      await settle(50);
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('unhandledrejection', onError);
      removeEventListener('error', onError);
    }
  });
});

describe('keep results: share', () => {
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).share;
  });

  it('with a share sheet, shares the results text; closing the sheet is not an error', async () => {
    const shared: ShareData[] = [];
    let answerWith: 'share' | 'cancel' = 'share';
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: ShareData) => {
        shared.push(data);
        return answerWith === 'share' ? Promise.resolve() : Promise.reject(new DOMException('Share canceled', 'AbortError'));
      },
    });
    const el = await atResults();
    expect(keepButtons(el)).to.deep.equal(['Print', 'Copy', 'Share', 'Email to myself']);
    keepButton(el, 'Share').click();
    await waitUntil(() => kept.length === 1, 'sharing was not reported');
    expect(shared).to.deep.equal([{ text: RESULTS_TEXT }]);
    expect(kept).to.deep.equal([{ method: 'share' }]);
    answerWith = 'cancel';
    keepButton(el, 'Share').click();
    await settle(100);
    expect(shared.length).to.equal(2);
    expect(kept.length, 'a cancelled share was reported as kept').to.equal(1);
    await expect(el).to.be.accessible();
  });
});

describe('keep results: email to myself', () => {
  it('is a real mailto: link with no address, the finder title, not the outcome title, as subject and the results as body', async () => {
    const el = await atResults();
    const link = keepButton(el, 'Email to myself') as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    const href = link.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:?subject=')).to.equal(true);
    const params = new URLSearchParams(href.slice('mailto:?'.length));
    expect(params.get('subject')).to.equal('Test finder');
    expect(params.get('body')?.replace(/\r\n/g, '\n')).to.equal(RESULTS_TEXT);
    // Following it would open a mail program; the test stops at the click.
    const stop = (e: Event) => e.preventDefault();
    document.addEventListener('click', stop);
    try {
      link.focus();
      await sendKeys({ press: 'Enter' });
    } finally {
      document.removeEventListener('click', stop);
    }
    expect(kept).to.deep.equal([{ method: 'email' }]);
  });
});

describe('keep results: print', () => {
  const printed: string[] = [];
  const realPrint = window.print;
  beforeEach(() => {
    printed.length = 0;
    // Headless Chromium cannot show a print dialog; the test looks at the page as it would print.
    window.print = () => printed.push('print');
  });
  afterEach(async () => {
    window.print = realPrint;
    await executeServerCommand('sf-emulate-media', { type: null });
  });

  it('prints only the services and contacts: not the widget controls, nor the rest of the host page', async () => {
    const page = await fixture<HTMLElement>(html`<div class="host-page">
      <header class="host-header">School website</header>
      <main>
        <p class="host-text">Read this first.</p>
        <section class="host-section"><support-finder flow=${BASIC}></support-finder></section>
      </main>
    </div>`);
    const el = page.querySelector('support-finder') as SupportFinder;
    await shown(el);
    for (const input of TO_RESULTS) await answer(el, input);
    const display = (node: Element | null) => (node ? getComputedStyle(node).display : 'missing');
    const sheetsBefore = document.adoptedStyleSheets.length;

    keepButton(el, 'Print').click();
    expect(printed).to.deep.equal(['print']);
    expect(kept).to.deep.equal([{ method: 'print' }]);
    expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore + 1);
    // On screen nothing changes.
    expect(display(page.querySelector('.host-text'))).to.equal('block');

    await executeServerCommand('sf-emulate-media', { type: 'print' });
    const root = shadow(el);
    for (const selector of ['.exit-bar', '.bar', '.keep', '.why', '.actions']) {
      for (const node of root.querySelectorAll(selector)) expect(display(node), `${selector} prints`).to.equal('none');
    }
    expect(display(root.querySelector('.services'))).to.equal('block');
    expect(display(root.querySelector('.contacts'))).to.not.equal('none');
    expect(display(root.querySelector('#sf-heading'))).to.equal('block');
    // The printed page carries the urgent contacts, which the results page itself does not list.
    const urgent = root.querySelector('.print-only') as HTMLElement;
    expect(display(urgent)).to.equal('block');
    expect([...urgent.querySelectorAll('h3')].map((h) => h.textContent?.trim())).to.deep.equal(['Emergency services', 'Textline']);
    const website = root.querySelector('.contacts a[href^="https"]') as Element;
    expect(getComputedStyle(website, '::after').content).to.equal('" (https://example.org/north)"');
    // The host page: only the way down to the finder is left.
    expect(display(page.querySelector('.host-header'))).to.equal('none');
    expect(display(page.querySelector('.host-text'))).to.equal('none');
    expect(display(page.querySelector('.host-section'))).to.equal('block');
    expect(display(page.querySelector('main'))).to.equal('block');
    expect(display(el)).to.equal('block');

    // After printing, the host page prints as it always did.
    dispatchEvent(new Event('afterprint'));
    expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore);
    expect(el.hasAttribute('data-sf-print')).to.equal(false);
    expect(display(page.querySelector('.host-text'))).to.equal('block');
  });

  it('leaves a second finder on the page out of the print', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <support-finder class="first" flow=${BASIC}></support-finder>
      <support-finder class="second" flow=${BASIC}></support-finder>
    </div>`);
    const [first, second] = [...page.querySelectorAll('support-finder')];
    await shown(first);
    await shown(second);
    for (const input of TO_RESULTS) await answer(second, input);
    keepButton(second, 'Print').click();
    await executeServerCommand('sf-emulate-media', { type: 'print' });
    expect(getComputedStyle(first).display).to.equal('none');
    expect(getComputedStyle(second).display).to.equal('block');
    dispatchEvent(new Event('afterprint'));
    expect(getComputedStyle(first).display).to.equal('block');
  });
});

describe('keep results: send to my phone', () => {
  let key = '';
  let endpoint = '';
  beforeEach(function () {
    key = `t${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    endpoint = `/results-endpoint/${key}`;
  });
  const log = async () => (await (await fetch(`${endpoint}/log`)).json()) as Array<{ method: string; contentType: string; cookie: boolean; body: unknown }>;

  async function openForm(el: SupportFinder): Promise<void> {
    const toggle = keepButton(el, 'Send to my phone');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  }

  async function fill(el: SupportFinder, phone: string, agree: boolean): Promise<void> {
    const input = $(el, '#sf-phone') as HTMLInputElement;
    input.value = phone;
    ($(el, '#sf-consent') as HTMLInputElement).checked = agree;
    $(el, 'form.phone button[type="submit"]').click();
    await el.updateComplete;
  }

  it('is not offered without results-endpoint, or with an address it refuses (and says why)', async () => {
    const warnings: string[] = [];
    const realWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const without = await atResults();
      expect(keepButtons(without)).to.not.include('Send to my phone');
      expect(warnings).to.deep.equal([]);
      for (const refused of ['http://example.org/sms', 'javascript:alert(1)', 'ftp://example.org/sms', 'https://[bad']) {
        warnings.length = 0;
        const el = await atResults({ 'results-endpoint': refused });
        expect(keepButtons(el), refused).to.not.include('Send to my phone');
        expect(warnings.length, refused).to.equal(1);
        expect(warnings[0]).to.include('results-endpoint').and.include(refused).and.include('https:');
      }
      warnings.length = 0;
      for (const allowed of ['https://example.org/sms', endpoint, `http://localhost:${location.port}${endpoint}`]) {
        const el = await atResults({ 'results-endpoint': allowed });
        expect(keepButtons(el), allowed).to.include('Send to my phone');
      }
      expect(warnings).to.deep.equal([]);
    } finally {
      console.warn = realWarn;
    }
    expect(await log()).to.deep.equal([]);
  });

  it('refuses an empty number and missing consent, GOV.UK style, and sends nothing', async () => {
    const el = await atResults({ 'results-endpoint': endpoint });
    await openForm(el);
    expect(($(el, '#sf-phone') as HTMLInputElement).type).to.equal('tel');
    expect($(el, '#sf-phone').getAttribute('autocomplete')).to.equal('tel');
    expect($(el, 'label[for="sf-consent"]').textContent?.trim()).to.equal('I agree to send these results to this number');
    expect($(el, '#sf-consent-hint').textContent).to.include('If other people use this phone, they may see them');
    await expect(el).to.be.accessible();

    await fill(el, '', false);
    const summary = $(el, '.error-summary');
    expect(focused(el) === summary, 'the error summary has focus').to.equal(true);
    const links = [...summary.querySelectorAll('a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['Enter a mobile phone number', '#sf-phone'],
      ['Tick the box to agree to send these results to this number', '#sf-consent'],
    ]);
    expect($(el, '#sf-phone').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#sf-phone').getAttribute('aria-describedby')).to.equal('sf-phone-hint sf-phone-error');
    expect($(el, '#sf-consent').getAttribute('aria-describedby')).to.equal('sf-consent-hint sf-consent-error');
    await expect(el).to.be.accessible();
    // The summary's link moves focus to its field.
    (summary.querySelectorAll('a')[1] as HTMLElement).click();
    expect(focused(el)?.id).to.equal('sf-consent');

    await fill(el, '0770 abc', true);
    expect([...$(el, '.error-summary').querySelectorAll('a')].map((a) => a.textContent?.trim())).to.deep.equal([
      'Enter a mobile phone number, like 07700 900 982',
    ]);
    await fill(el, '07700 900 123', false);
    expect([...$(el, '.error-summary').querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#sf-consent']);
    await settle();
    expect(await log(), 'a request before the person agreed').to.deep.equal([]);
    expect(performance.getEntriesByType('resource').some((r) => r.name.endsWith(endpoint))).to.equal(false);
  });

  it('sends the number and the results once, by keyboard, as JSON without cookies, and says so', async () => {
    // A cookie the endpoint would receive with credentials; the request must carry none.
    document.cookie = 'sf-probe=1; path=/results-endpoint';
    try {
      const el = await atResults({ 'results-endpoint': endpoint });
      await settle();
      expect(await log(), 'a request before the form was even opened').to.deep.equal([]);
      $(el, '#sf-heading').focus();
      await tabTo(el, (f) => f.textContent?.trim() === 'Send to my phone');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await tabTo(el, (f) => f.id === 'sf-phone');
      await sendKeys({ type: '+44 7700 900 123' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      expect(($(el, '#sf-consent') as HTMLInputElement).checked).to.equal(true);
      await settle();
      expect(await log(), 'a request before Send').to.deep.equal([]);
      await tabTo(el, (f) => f.textContent?.trim() === 'Send');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).textContent?.includes('Results sent to your phone.'), 'never said it was sent');
      await waitUntil(() => focused(el)?.id === 'sf-phone-sent', 'focus was lost with the form');
      expect(shadow(el).querySelector('#sf-phone') === null, 'the number is still on screen').to.equal(true);
      expect(await log()).to.deep.equal([
        {
          method: 'POST',
          contentType: 'application/json',
          cookie: false,
          body: { phone: '+447700900123', text: RESULTS_TEXT, flow: 'basic', locale: 'en' },
        },
      ]);
      expect(kept).to.deep.equal([{ method: 'phone' }]);
      expect(JSON.stringify(kept)).to.not.include('7700');
      await expect(el).to.be.accessible();
    } finally {
      document.cookie = 'sf-probe=; path=/results-endpoint; max-age=0';
    }
  });

  it('shows in the form exactly the message it sends, which never says what was answered', async () => {
    const el = document.createElement('support-finder');
    el.setAttribute('flow', BASIC);
    el.setAttribute('results-endpoint', endpoint);
    await fixture(el);
    await shown(el);
    // Someone died: the outcome's title says so, and must not travel.
    for (const input of ['me', '14', ['loss'], 'no', 'north', [], 'no']) await answer(el, input);
    expect(headingText(el)).to.equal('Support after someone dies');
    await openForm(el);
    expect($(el, '#sf-phone-hint').textContent?.trim()).to.equal(
      'We send the names of these services and how to contact them in a text message. Your answers are not sent.'
    );
    // By keyboard: the summary opens the message.
    await tabTo(el, (f) => f.textContent?.trim() === 'See the message we will send');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const message = $(el, '#sf-phone-message');
    expect(message.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
    const shownText = message.innerText;
    expect(shownText).to.not.include('Support after someone dies');
    expect(shownText.startsWith('Test finder\n')).to.equal(true);
    await fill(el, '07700 900 123', true);
    await waitUntil(() => shadow(el).textContent?.includes('Results sent to your phone.'), 'never said it was sent');
    const [request] = await log();
    expect((request.body as { text: string }).text).to.equal(shownText);
  });

  it('shows a clear error on a server error, never retries by itself, and Try again sends again', async () => {
    const el = await atResults({ 'results-endpoint': endpoint });
    await openForm(el);
    await fill(el, '07700 900 500', true);
    const failed = 'The results could not be sent. Try again, or keep them another way.';
    await waitUntil(() => status(el) === failed, 'the failure was never announced');
    expect($(el, 'form.phone .error-message').textContent?.trim()).to.equal(failed);
    expect(($(el, '#sf-phone') as HTMLInputElement).value, 'the number typed was lost').to.equal('07700 900 500');
    const retry = $(el, 'form.phone button[type="submit"]');
    expect(retry.textContent?.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
    await settle(1000);
    expect((await log()).length, 'retried without being asked').to.equal(1);
    expect(kept).to.deep.equal([]);
    retry.click();
    await waitUntil(async () => (await log()).length === 2, 'Try again did not send again');
    await waitUntil(() => status(el) === failed, 'the second failure was not announced');
  });

  it('gives up on an endpoint that never answers, with the same error', async () => {
    const el = await atResults({ 'results-endpoint': endpoint, timeout: '1500' });
    await openForm(el);
    await fill(el, '07700 900 999', true);
    expect(status(el)).to.equal('Sending…');
    const failed = 'The results could not be sent. Try again, or keep them another way.';
    await waitUntil(() => status(el) === failed, 'still waiting after the timeout', { timeout: 6000 });
    expect((await log()).length).to.equal(1);
    expect(kept).to.deep.equal([]);
  });

  it('shows the same error when the endpoint cannot be reached', async () => {
    // Nothing listens on port 9 (discard); the request fails as a network error.
    const el = await atResults({ 'results-endpoint': 'http://localhost:9/sms' });
    await openForm(el);
    await fill(el, '07700 900 123', true);
    await waitUntil(() => status(el).startsWith('The results could not be sent'), 'a network error was not shown', { timeout: 6000 });
    expect(kept).to.deep.equal([]);
  });
  it('words its number error in its own language when another finder on the page speaks another', async () => {
    const welsh = await atResults({ 'results-endpoint': endpoint, lang: 'cy' });
    const english = await atResults({ 'results-endpoint': endpoint });
    const toggle = shadow(welsh).querySelector<HTMLButtonElement>('.keep button[aria-expanded]');
    await waitUntil(() => toggle?.textContent?.includes('Anfon i’m ffôn'), 'the Welsh finder never spoke Welsh', { timeout: 4000 });
    toggle?.click();
    await welsh.updateComplete;
    // The English finder draws last, as it does whenever anything on it changes.
    english.requestUpdate();
    await english.updateComplete;
    $(welsh, 'form.phone button[type="submit"]').click();
    await welsh.updateComplete;
    expect($(welsh, '#sf-phone-error').textContent).to.contain('Rhowch rif ffôn symudol');
    expect($(welsh, '.error-summary').textContent).to.contain('Rhowch rif ffôn symudol');
  });
});
