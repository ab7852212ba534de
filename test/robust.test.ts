/**
 * Nothing a flow holds can stop a screen or mislead a caller (issue 10).
 *
 * - Odd text (half a surrogate pair, control characters, bidi overrides and isolates) in every
 *   text field of a valid flow: every step still shows, through to results with a working
 *   "Email to myself" link, with the odd characters mended; `check` warns at each path.
 * - A part of a screen that fails to build degrades alone, and the host hears sf-error "render";
 *   a whole step that fails shows a message and urgent contacts instead.
 * - Stored, attribute and page values (a save of the wrong shape, a timeout of "abc", a lang of
 *   "__proto__") never leave the finder without urgent contacts.
 * - One rule for contact details in the widget and in `check`; a link's visible digits are the
 *   digits it dials, in English and in Arabic.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import {
  allWalks,
  answersOnPath,
  contactProblem,
  currentStep,
  hasOddCharacter,
  indexOf,
  matchServices,
  mailtoHref,
  mendString,
  oddText,
  reviewFlow,
  validateFlow,
  type Contact,
  type Flow,
  type Walk,
} from '../src/engine/index.js';
import { $, answer, clone, continueOn, fetchJson, headingText, shadow, shown, playMove } from './support.js';
import { closeFrames, frameDocument, openFrame, widgetIn } from './frames.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const BASIC_KEY = 'support-finder:basic:1';
const blobUrl = (data: unknown) => URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

let basic: Record<string, any>;
before(async () => {
  basic = (await fetchJson('/test/flows/basic.json')) as Record<string, any>;
});
afterEach(() => {
  fixtureCleanup();
  closeFrames();
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith('support-finder:')) sessionStorage.removeItem(key);
  }
});

/** Every sf-error the element fires, from now on. */
function errorsOf(el: EventTarget): Array<Record<string, unknown>> {
  const seen: Array<Record<string, unknown>> = [];
  el.addEventListener('sf-error', (e) => seen.push((e as CustomEvent).detail));
  return seen;
}

async function finder(flow: string, attributes: Record<string, string> = {}): Promise<SupportFinder> {
  const el = document.createElement('support-finder');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('flow', flow);
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(el);
  return el;
}

function link(el: SupportFinder, words: RegExp): HTMLAnchorElement | undefined {
  return [...shadow(el).querySelectorAll('a')].find((a) => words.test(a.textContent ?? ''));
}

// ---------------------------------------------------------------------------------------------
// Odd text in every text field

/** Characters a valid JSON flow can hold that once stopped a screen or could mislead. */
const ODD_STRINGS: string[] = [
  '\ud800',
  '\udfff\udc00\ud800 cut emoji \ud83d',
  'nul\u0000 bell\u0007 escape\u001b[31m delete\u007f',
  'c1\u0080 next line\u0085 csi\u009b',
  '\u202eCall 01632 960101\u202c',
  '\u202a\u202b\u202d never closed',
  '\u2066\u2067\u2068 isolates \u2069\u2069\u2069',
  '\u202e\ud800\u0000 all at once',
];
/** Unusual but harmless: shown as they are. */
const KEPT = '\ufeff\u200b\u200f\u0301\u0301 😀 ﷺ ' + 'long '.repeat(400);

/** The keys whose strings people read (ids, kinds, values, routes and contact details excluded). */
const TEXT_KEYS = new Set(['title', 'question', 'hint', 'label', 'skipLabel', 'continueLabel', 'name', 'hours', 'text', 'body', 'noMatch', 'description', 'keyword']);

/** basic.json with the text it lacks (hints, labels, hours, a second language), to fill in. */
function richFlow(): Record<string, any> {
  const flow = clone(basic);
  const step = (id: string) => flow.steps.find((s: Json) => isObject(s) && s.id === id);
  const service = (id: string) => flow.services.find((s: Json) => isObject(s) && s.id === id);
  flow.description = 'What this finder is for';
  step('who').options[0].hint = 'You';
  step('age').hint = { en: 'Your age in years', cy: 'Eich oed' };
  step('young').continueLabel = 'Next';
  step('how').skipLabel = 'Skip this';
  step('grief').body = 'Losing someone is hard.';
  service('emergency').contact[0].label = 'Call 999 now';
  service('emergency').hours = 'Always open';
  service('textline').contact.push({ type: 'sms', number: '85258', keyword: 'HELLO' });
  service('north-counselling').contact.push({ type: 'address', text: { en: '2 Low Road', cy: '2 Heol Isel' } });
  return flow;
}

/** Paths of every string under a text key, in every language and audience variant. */
function textPaths(flow: Json): Path[] {
  const found: Path[] = [];
  const visit = (node: Json, path: Path, inText: boolean) => {
    if (typeof node === 'string') {
      if (inText) found.push(path);
    } else if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i], inText));
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        // The flow's "audience" setting names a question and an option: ids, not text.
        if (path.length === 0 && key === 'audience') continue;
        visit(value, [...path, key], inText || TEXT_KEYS.has(key));
      }
    }
  };
  visit(flow, [], false);
  return found;
}

function setAt(root: Json, path: Path, value: Json): void {
  let here = root as Record<string | number, Json>;
  for (const part of path.slice(0, -1)) here = here[part] as Record<string | number, Json>;
  here[path[path.length - 1]] = value;
}

/** A few walks that between them show every step and every service. */
function coveringWalks(flow: Flow): Walk[] {
  const all = allWalks(flow, 20_000).walks.filter((w) => w.ended === 'outcome' || w.ended === 'urgent');
  const features = (walk: Walk) => {
    const shownHere = new Set([...walk.moves.map((m) => `step:${m.step}`), `step:${walk.end}`]);
    const end = currentStep(flow, walk.session);
    if (end.kind === 'outcome') {
      const result = matchServices(flow, end, answersOnPath(walk.session));
      for (const m of [...result.matches, ...result.fallback, ...result.always]) shownHere.add(`service:${m.service.id}`);
    } else if (end.kind === 'urgent') for (const id of end.services) shownHere.add(`service:${id}`);
    return shownHere;
  };
  const covered = new Set<string>();
  const chosen: Walk[] = [];
  for (;;) {
    const best = all
      .map((walk) => ({ walk, gain: [...features(walk)].filter((f) => !covered.has(f)).length }))
      .sort((a, b) => b.gain - a.gain)[0];
    if (!best || best.gain === 0) break;
    chosen.push(best.walk);
    for (const f of features(best.walk)) covered.add(f);
  }
  return chosen;
}

/** All a person is given on screen, our own number isolates (LRI digits PDI) left out. */
function screenText(el: SupportFinder): string {
  const root = shadow(el);
  const attributes = [...root.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => n !== 'href').map((n) => e.getAttribute(n) ?? ''));
  return `${root.textContent ?? ''} ${attributes.join(' ')}`.replace(/\u2066[+0-9 ()-]*\u2069/g, '');
}

describe('odd text in every text field', function () {
  this.timeout(240_000);

  it('mends half pairs, control and direction characters, and keeps everything else', () => {
    expect(mendString('a\ud800b')).to.equal('a\ufffdb');
    expect(mendString('\udc00\ud800')).to.equal('\ufffd\ufffd');
    expect(mendString('😀')).to.equal('😀');
    expect(mendString('a\u0000\u0007\u007f\u0085b\tc\nd\re')).to.equal('ab\tc\nd\re');
    expect(mendString('\u202e01632 960101\u202c \u2066x\u2069')).to.equal('01632 960101 x');
    expect(mendString(KEPT)).to.equal(KEPT);
    for (const odd of ODD_STRINGS) expect(hasOddCharacter(mendString(odd)), JSON.stringify(odd)).to.equal(false);
  });

  it('makes an email link from any text, even with half a surrogate pair in it', () => {
    expect(() => encodeURIComponent('\ud800')).to.throw(URIError);
    const href = mailtoHref('Results \ud800', `Line \udfff\n${'long '.repeat(600)}`);
    expect(href.startsWith('mailto:?subject=Results%20%EF%BF%BD&body=Line%20%EF%BF%BD')).to.equal(true);
    expect(href.length).to.be.at.most(2000);
  });

  it('warns in check, at the path of each text, and the widget accepts the flow', () => {
    const flow = richFlow();
    const paths = textPaths(flow);
    paths.forEach((path, i) => setAt(flow, path, `${ODD_STRINGS[i % ODD_STRINGS.length]} ${i}`));
    const checked = validateFlow(flow);
    expect(checked.ok, JSON.stringify(checked.ok ? '' : checked.errors)).to.equal(true);
    const warned = checked.warnings.filter((w) => w.code === 'odd-text').map((w) => w.path);
    expect(warned.length).to.equal(paths.length);
    expect(warned).to.include('steps[0].question');
    expect(warned).to.include('services[1].contact[1].keyword');
    const review = reviewFlow(flow);
    const words = review.warnings.find((w) => w.path === 'title');
    expect(words?.message).to.match(/half of an emoji or other character that was cut in two/);
    for (const words of [/changes the direction text reads in/, /an invisible control character/, /cut in two/]) {
      expect(review.warnings.filter((w) => words.test(w.message)).length, String(words)).to.be.greaterThan(5);
    }
    // Mending leaves nothing to warn about.
    oddText(flow, true);
    expect(validateFlow(flow).warnings.filter((w) => w.code === 'odd-text')).to.deep.equal([]);
  });

  it('shows every step, to the results and their email link, whatever odd text each field holds', async () => {
    const rich = richFlow();
    const paths = textPaths(rich);
    expect(paths.length).to.be.at.least(60);
    const checked = validateFlow(rich);
    if (!checked.ok) throw new Error('the rich flow is invalid');
    const walks = coveringWalks(checked.flow);
    const steps = new Set(walks.flatMap((w) => [...w.moves.map((m) => m.step), w.end]));
    expect([...steps].sort()).to.deep.equal(rich.steps.map((s: { id: string }) => s.id).sort());
    let screens = 0;
    for (const odd of [...ODD_STRINGS, KEPT]) {
      const data = clone(rich);
      paths.forEach((path, i) => setAt(data, path, `${odd} ⟦${i}⟧`));
      const url = blobUrl(data);
      for (const [w, walk] of walks.entries()) {
        const where = `${JSON.stringify(odd.slice(0, 40))}, walk ${w}`;
        const el = await finder(url);
        const errors = errorsOf(el);
        await shown(el);
        const route = [...walk.moves.map((m) => m.step), walk.end];
        for (let i = 0; i < route.length; i++) {
          const at = `${where}, step ${route[i]}`;
          expect(shadow(el).querySelector('.error-summary'), at).to.equal(null);
          expect(headingText(el), at).to.match(/⟦\d+⟧/);
          expect(hasOddCharacter(screenText(el)), `${at}: an odd character is on screen`).to.equal(false);
          screens++;
          const move = walk.moves[i];
          if (!move) break;
          await playMove(el, move);
        }
        if (walk.ended === 'outcome') {
          const email = link(el, /Email to myself/);
          expect(email, `${where}: no email link`).to.exist;
          expect(decodeURIComponent(email?.getAttribute('href') ?? '')).to.match(/^mailto:\?subject=.*⟦\d+⟧/s);
        }
        expect(errors, where).to.deep.equal([]);
        el.parentElement?.remove();
      }
      URL.revokeObjectURL(url);
    }
    console.log(`robust: ${ODD_STRINGS.length + 1} odd strings × ${paths.length} text fields, ${walks.length} walks, ${screens} screens`);
  });
});

// ---------------------------------------------------------------------------------------------
// A part that fails, and a whole step that fails

/** A flow's loaded copy, to break the way a bug in a view would (no valid flow can). */
function loadedFlow(el: SupportFinder): Flow {
  return (el as unknown as { load: { flow: Flow } }).load.flow;
}

function throwing<T extends object>(target: T, key: string): void {
  Object.defineProperty(target, key, {
    get() {
      throw new Error(`test: ${key} cannot be read`);
    },
  });
}

async function walkToResults(el: SupportFinder): Promise<void> {
  for (const input of ['me', '9']) await answer(el, input);
  await continueOn(el);
  expect(headingText(el)).to.equal('Services that could help');
}

describe('a part of a screen that cannot be built', () => {
  it('leaves out the email link alone, shows the results, and tells the host once', async () => {
    const el = await finder('/test/flows/basic.json');
    const errors = errorsOf(el);
    await shown(el);
    const original = window.encodeURIComponent;
    window.encodeURIComponent = () => {
      throw new URIError('URI malformed');
    };
    try {
      await walkToResults(el);
      expect(link(el, /Email to myself/)).to.equal(undefined);
      expect([...shadow(el).querySelectorAll('.keep button')].map((b) => b.textContent?.trim())).to.include.members(['Print', 'Copy']);
      expect(shadow(el).querySelectorAll('.services .card').length).to.be.greaterThan(0);
      // Another render of the same step does not report it again.
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      window.encodeURIComponent = original;
    }
    await expect(el).to.be.accessible();
    expect(errors.filter((e) => e.part === 'email')).to.deep.equal([{ kind: 'render', part: 'email' }]);
    expect(errors.every((e) => e.kind === 'render')).to.equal(true);
  });

  it('leaves out one card and shows the rest', async () => {
    const cards = (el: SupportFinder) => [...shadow(el).querySelectorAll('.card h3')].map((h) => h.textContent);
    const whole = await finder('/test/flows/basic.json');
    await shown(whole);
    await walkToResults(whole);
    expect(cards(whole)).to.include('Talkline');
    const el = await finder('/test/flows/basic.json');
    const errors = errorsOf(el);
    await shown(el);
    throwing(indexOf(loadedFlow(el)).services.get('talkline') as object, 'access');
    await walkToResults(el);
    expect(cards(el)).to.deep.equal(cards(whole).filter((name) => name !== 'Talkline'));
    expect(link(el, /Email to myself/)).to.exist;
    expect(errors).to.deep.equal([{ kind: 'render', part: 'card' }]);
    await expect(el).to.be.accessible();
  });

  it('shows a message and the flow\'s urgent contacts when a whole question cannot be shown', async () => {
    const el = await finder('/test/flows/basic.json');
    const errors = errorsOf(el);
    await shown(el);
    throwing(indexOf(loadedFlow(el)).steps.get('age') as object, 'question');
    await answer(el, 'me');
    expect(headingText(el)).to.equal('Sorry, the support finder is not working right now');
    expect(shadow(el).activeElement?.id).to.equal('sf-heading');
    const calls = [...shadow(el).querySelectorAll('.urgent a[href^="tel:"]')].map((a) => a.getAttribute('href'));
    expect(calls).to.include('tel:999');
    expect(shadow(el).querySelector('.urgent h2')?.textContent).to.match(/Get help now|help/i);
    expect(errors).to.deep.equal([{ kind: 'render', part: 'step' }]);
    await expect(el).to.be.accessible();
    // Back still works: the person is never stuck.
    $(el, '.back').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Who is this for?');
  });

  it('shows the built-in urgent contacts when the flow\'s urgent help itself cannot be shown', async () => {
    const el = await finder('/test/flows/basic.json');
    const errors = errorsOf(el);
    await shown(el);
    const flow = loadedFlow(el);
    throwing(indexOf(flow).steps.get('urgent') as object, 'title');
    throwing(indexOf(flow).services.get('emergency') as object, 'name');
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Get help now')?.click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Sorry, the support finder is not working right now');
    const calls = [...shadow(el).querySelectorAll('.urgent a[href^="tel:"]')].map((a) => a.getAttribute('href'));
    expect(calls).to.include.members(['tel:999', 'tel:111', 'tel:116123']);
    expect(errors.map((e) => e.part)).to.include('step');
    await expect(el).to.be.accessible();
  });
});

// ---------------------------------------------------------------------------------------------
// Stored, attribute and page values

describe('stored, attribute and page values', () => {
  it('ignores and clears a save of the wrong shape, and shows the first question', async () => {
    for (const tampered of [
      JSON.stringify({ path: ['who', 'age'], answers: { who: {} } }),
      JSON.stringify({ path: ['who', 'age'], answers: { who: ['me', 1] } }),
      JSON.stringify({ path: ['who', 'age', 'feelings'], answers: { who: 'me', age: { toString: 1 } } }),
      JSON.stringify({ path: [{}, 'age'], answers: {} }),
      JSON.stringify({ path: ['who'], answers: [] }),
      '{"path":["who"],"answers":{"__proto__":{"who":"me"}}}',
      JSON.stringify([1, 2]),
      'null',
      '"who"',
    ]) {
      sessionStorage.setItem(BASIC_KEY, tampered);
      const el = await finder('/test/flows/basic.json', { persist: 'session' });
      await shown(el);
      expect(headingText(el), tampered).to.equal('Who is this for?');
      expect(sessionStorage.getItem(BASIC_KEY), tampered).to.equal(null);
      el.parentElement?.remove();
    }
  });

  it('falls back to the default timeout, with one warning, for an unusable timeout', async () => {
    const original = console.warn;
    for (const timeout of ['abc', '0', '-5', '1.5', '2147483648', '1e20', 'Infinity']) {
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      try {
        const el = await finder('/slow/50/test/flows/basic.json', { timeout });
        await shown(el);
        expect(headingText(el), timeout).to.equal('Who is this for?');
        expect(warnings.filter((w) => /timeout/.test(w)), timeout).to.have.length(1);
        el.parentElement?.remove();
      } finally {
        console.warn = original;
      }
    }
    // A usable one is used: 1 ms is over before the flow arrives.
    const quick = await finder('/slow/300/test/flows/basic.json', { timeout: '1' });
    await shown(quick);
    expect(headingText(quick)).to.equal('Sorry, the support finder is not working right now');
  });

  it('falls back to the flow\'s language for an odd element or page lang', async () => {
    for (const lang of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'zz-!!', 'x'.repeat(300), 'cy-'.repeat(50), ' ']) {
      const el = await finder('/test/flows/languages.json', { lang });
      await shown(el);
      expect(headingText(el), lang).to.not.match(/object|function|^$/i);
      expect(shadow(el).querySelector('.finder')?.getAttribute('lang'), lang).to.match(/^(en|tostring)$/i);
      await answer(el, shadow(el).querySelector<HTMLInputElement>('.choice input')?.value ?? '');
      expect(headingText(el), lang).to.not.match(/object|function|^$/i);
      el.parentElement?.remove();
    }
    // A page lang that is not a language, around a finder with none.
    const page = await fixture<HTMLDivElement>(html`<div lang="__proto__"><support-finder flow="/test/flows/languages.json"></support-finder></div>`);
    const inside = page.querySelector('support-finder') as SupportFinder;
    await shown(inside);
    expect(shadow(inside).querySelector('.finder')?.getAttribute('lang')).to.equal('en');
  });
});

// ---------------------------------------------------------------------------------------------
// Saved progress cleared for every finder

describe('saved progress, two finders on one page', () => {
  it('quick exit clears the saves of every finder on the page', async () => {
    const frame = await openFrame('/test/fixtures/two-finders.html');
    await widgetIn(frame);
    const [first, second] = [...frameDocument(frame).querySelectorAll('support-finder')] as SupportFinder[];
    await shown(second);
    await answer(first, 'me');
    await answer(second, 'me');
    expect(sessionStorage.getItem(BASIC_KEY)).to.not.equal(null);
    expect(sessionStorage.getItem('support-finder:languages:1')).to.not.equal(null);
    (shadow(first).querySelector('.quick-exit') as HTMLButtonElement).click();
    await waitUntil(() => frame.contentWindow?.location.pathname === '/test/fixtures/neutral.html', 'did not leave', { timeout: 5000 });
    expect(sessionStorage.getItem(BASIC_KEY)).to.equal(null);
    expect(sessionStorage.getItem('support-finder:languages:1')).to.equal(null);
  });

  it('"Get help now" on the results page does not save the answers again', async () => {
    const el = await finder('/test/flows/basic.json', { persist: 'session' });
    await shown(el);
    const other = await finder('/test/flows/languages.json', { persist: 'session' });
    await shown(other);
    await walkToResults(el);
    expect(sessionStorage.getItem(BASIC_KEY)).to.equal(null);
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Get help now')?.click();
    await el.updateComplete;
    expect(headingText(el)).to.match(/Urgent help/);
    expect(sessionStorage.getItem(BASIC_KEY)).to.equal(null);
    // Back to the results, and back again to a question: progress is saved again from there.
    $(el, '.back').click();
    await el.updateComplete;
    expect(sessionStorage.getItem(BASIC_KEY)).to.equal(null);
    $(el, '.back').click();
    await el.updateComplete;
    expect(JSON.parse(sessionStorage.getItem(BASIC_KEY) ?? '{}').path).to.deep.equal(['who', 'age', 'young']);
  });
});

// ---------------------------------------------------------------------------------------------
// Contacts: one rule, and the digits shown are the digits dialled

const REFUSED: Array<[Contact, string]> = [
  [{ type: 'phone', number: '\u202e10106923610' }, 'not-phone-number'],
  [{ type: 'phone', number: '01632\u200b960101' }, 'not-phone-number'],
  [{ type: 'phone', number: '0800 1111\u2069' }, 'not-phone-number'],
  [{ type: 'phone', number: '٠١٦٣٢ ٩٦٠١٠١' }, 'not-phone-number'],
  [{ type: 'phone', number: 'nine nine nine' }, 'not-phone-number'],
  [{ type: 'phone', number: '999 ext. 2' }, 'not-phone-number'],
  [{ type: 'sms', number: '85258\u0000' }, 'not-phone-number'],
  [{ type: 'sms', number: '' }, 'not-phone-number'],
  [{ type: 'email', address: 'help@example.org?bcc=someone@example.net' }, 'not-email-address'],
  [{ type: 'email', address: 'help@example.org,someone@example.net' }, 'not-email-address'],
  [{ type: 'email', address: 'help\u202e@example.org' }, 'not-email-address'],
  [{ type: 'email', address: 'not an address' }, 'not-email-address'],
  [{ type: 'website', url: 'https://example.org/\u202egro.live' }, 'not-web-address'],
  [{ type: 'website', url: 'https://exa\u0000mple.org' }, 'not-web-address'],
  [{ type: 'website', url: 'www.example.org' }, 'not-web-address'],
];

describe('contacts', () => {
  it('the widget refuses at load every contact check refuses, with words at the path', async () => {
    for (const [contact, code] of REFUSED) {
      const data = clone(basic);
      data.services[2].contact[0] = contact;
      expect(contactProblem(contact, 'x')?.code, JSON.stringify(contact)).to.equal(code);
      const widget = validateFlow(data);
      const review = reviewFlow(data);
      expect(widget.ok, JSON.stringify(contact)).to.equal(false);
      expect(review.ok, JSON.stringify(contact)).to.equal(false);
      if (widget.ok || review.ok) continue;
      const field = Object.keys(contact).find((k) => k !== 'type' && k !== 'label');
      expect(widget.errors.map((e) => `${e.path} ${e.code}`)).to.deep.equal([`services[2].contact[0].${field} ${code}`]);
      expect(review.errors.map((e) => e.path)).to.deep.equal([`services[2].contact[0].${field}`]);
      expect(review.errors[0].message, JSON.stringify(contact)).to.match(/phone|email|web address|direction/);
      if (hasOddCharacter(Object.values(contact).join(''))) expect(review.errors[0].message).to.match(/invisible or direction-changing character \(written here as \\u…\)/);
    }
    for (const contact of [
      { type: 'phone', number: '+44 (0)1632 960-101' },
      { type: 'phone', number: '(0800) 11-11' },
      { type: 'sms', number: '85258', keyword: 'SHOUT' },
      { type: 'email', address: 'jo@samaritans.org' },
      { type: 'website', url: 'https://www.nhs.uk/mental-health/?from=finder' },
    ] as Contact[]) {
      expect(contactProblem(contact, 'x'), JSON.stringify(contact)).to.equal(undefined);
    }
  });

  it('check warns when a label shows a number the link does not dial', () => {
    const data = clone(basic);
    data.services[0].contact = [
      { type: 'phone', number: '01632 960101', label: 'Call 01632 960101 (24 hours)' },
      { type: 'phone', number: '01632 960101', label: { en: 'Call 01632 960102', cy: 'Ffoniwch 01632 960101' } },
      { type: 'sms', number: '85258', label: 'Text 85285' },
    ];
    const review = reviewFlow(data);
    expect(review.warnings.filter((w) => /the label shows the number/.test(w.message)).map((w) => `${w.path}: ${w.message}`)).to.deep.equal([
      'services[0].contact[1].label: the label shows the number 01632960102, but the link dials 01632960101: make them the same',
      'services[0].contact[2].label: the label shows the number 85285, but the link dials 85258: make them the same',
    ]);
  });

  it('the invalid-flow screen names the contact, with urgent contacts and the code', async () => {
    const data = clone(basic);
    data.services[2].contact[0] = { type: 'phone', number: '\u202e10106923610' };
    const url = blobUrl(data);
    const el = await finder(url);
    const error = oneEvent(el, 'sf-error');
    await shown(el);
    expect((await error).detail).to.deep.equal({ kind: 'invalid', status: undefined, errors: 1 });
    expect($(el, '.author-errors').textContent).to.match(/services\[2\]\.contact\[0\]\.number:\s*not-phone-number/);
    expect(shadow(el).querySelector('a[href="tel:999"]')).to.exist;
    await expect(el).to.be.accessible();
    URL.revokeObjectURL(url);
  });

  /** The digits of a link's text in the order they are drawn, left to right. */
  function drawnDigits(a: HTMLAnchorElement): string {
    const digits: Array<{ x: number; digit: string }> = [];
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        if (!/[0-9]/.test(text[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        digits.push({ x: range.getBoundingClientRect().left, digit: text[i] });
      }
    }
    return digits.sort((p, q) => p.x - q.x).map((d) => d.digit).join('');
  }

  for (const lang of ['en', 'ar']) {
    it(`each link dials the digits it shows, in the order they are drawn (${lang})`, async () => {
      const data = clone(basic);
      // No labels: the widget writes "Call <number>" itself, in the finder's language.
      data.services[0].contact = [
        { type: 'phone', number: '01632 960101' },
        { type: 'phone', number: '0800 11-11' },
      ];
      data.services[1].contact = [{ type: 'sms', number: '+44 7700 900982', keyword: 'HELLO' }];
      const url = blobUrl(data);
      const el = await finder(url, { lang });
      await shown(el);
      [...shadow(el).querySelectorAll('button')].find((b) => b.classList.contains('get-help'))?.click();
      await el.updateComplete;
      if (lang === 'ar') {
        await waitUntil(() => $(el, '.quick-exit').textContent?.trim() !== 'Leave this page quickly', 'the Arabic words never loaded');
        await el.updateComplete;
        expect(shadow(el).querySelector('.finder')?.getAttribute('dir')).to.equal('rtl');
      }
      const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('a[href^="tel:"], a[href^="sms:"]')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['tel:01632960101', 'tel:08001111', 'sms:+447700900982?body=HELLO']);
      for (const a of links) {
        const dialled = (a.getAttribute('href') ?? '').replace(/^(tel|sms):/, '').replace(/\?.*/, '').replace('+', '');
        expect(drawnDigits(a), `${lang}: ${a.textContent}`).to.equal(dialled);
      }
      await expect(el).to.be.accessible();
      URL.revokeObjectURL(url);
    });
  }
});
