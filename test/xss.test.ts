/**
 * Cross-site scripting: a corpus of well-known payloads put into every piece of text a flow
 * shows to people, into website addresses and into the links of its markup. A flow is data from
 * another server, so nothing in it may ever run, or become markup, in the host page.
 *
 * - Links with any scheme but https, http, tel, sms and mailto are refused by validateFlow, at
 *   the path of each one.
 * - Text payloads are accepted, and every step of the flow, reached through its controls, shows
 *   them as text where they were put, with nothing run, no element or attribute added, and the
 *   page outside the element untouched.
 */
import { expect, fixture, fixtureCleanup, html, nextFrame } from '@open-wc/testing';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import {
  allWalks,
  answersOnPath,
  audienceOf,
  currentStep,
  matchServices,
  resolveText,
  validateFlow,
  inWords,
  mendString,
  type Flow,
  type Walk,
} from '../src/engine/index.js';
import { clone, fetchJson, headingText, shadow, shown, playMove } from './support.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

declare global {
  interface Window {
    __xss?: unknown;
  }
}

// ---------------------------------------------------------------------------------------------
// The corpus. Each payload that could run code sets window.__xss to its number.

interface TextPayload {
  text: string;
  /** What shows where the payload is read as flow markup (bodies), when that is not the text itself. */
  inMarkup?: string[];
}

const TEXT_PAYLOADS: TextPayload[] = [
  { text: '<script>window.__xss=1</script>' },
  { text: '<img src=x onerror="window.__xss=2">' },
  { text: '<svg onload=window.__xss=3>' },
  { text: '"><script>window.__xss=4</script>' },
  { text: "'><img src=x onerror=window.__xss=5>" },
  { text: '" onmouseover="window.__xss=6" autofocus onfocus="window.__xss=6" x="' },
  { text: "' onfocus='window.__xss=7' autofocus='" },
  { text: '${window.__xss=8}' },
  { text: "{{constructor.constructor('window.__xss=9')()}}" },
  { text: '<iframe srcdoc="<script>parent.__xss=10</script>"></iframe>' },
  { text: '<a href="javascript:window.__xss=11">click me</a>' },
  { text: '<div style="background:url(javascript:window.__xss=12);width:expression(window.__xss=12)">x</div>' },
  { text: '<object data="data:text/html,<script>parent.__xss=13</script>"></object>' },
  { text: '<embed src="javascript:window.__xss=14">' },
  { text: '<details open ontoggle=window.__xss=15>' },
  { text: '<body onload=window.__xss=16>' },
  { text: '<input autofocus onfocus=window.__xss=17>' },
  { text: String.raw`\u003cscript\u003ewindow.__xss=18\u003c/script\u003e` },
  { text: '&lt;script&gt;window.__xss=19&lt;/script&gt; &amp; &#60;b&#62;' },
  { text: '<scr<script>ipt>window.__xss=20</scr</script>ipt>' },
  { text: '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=21>' },
  { text: '<style>*{background:url("javascript:window.__xss=22")}</style>' },
  { text: '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=23">' },
  { text: '<template><script>window.__xss=24</script></template>' },
  { text: 'javascript:window.__xss=25' },
  { text: '<noscript><p title="</noscript><img src=x onerror=window.__xss=26>">' },
  { text: '<base href="javascript:window.__xss=27//">' },
  { text: '<link rel=stylesheet href="data:text/css,*{}" onload=window.__xss=28>' },
  { text: '**<img src=x onerror=window.__xss=29>**', inMarkup: ['<img src=x onerror=window.__xss=29>'] },
  {
    text: '- <svg/onload=window.__xss=30>\n- <img src=x onerror=window.__xss=30>',
    inMarkup: ['<svg/onload=window.__xss=30>', '<img src=x onerror=window.__xss=30>'],
  },
  { text: '＜script＞window.__xss=31＜/script＞' },
  { text: '\u202e<scri\u0000pt>window.__xss=32</script>\u200b' },
  { text: '</h2></legend></fieldset></form><script>window.__xss=33</script><h2>' },
  { text: '<!--<img src=x onerror=window.__xss=34>-->' },
  { text: '<svg><animate onbegin=window.__xss=35 attributeName=x dur=1s>' },
  { text: '<form><button formaction=javascript:window.__xss=36>x</button></form>' },
  { text: '<video><source onerror=window.__xss=37></video>' },
  { text: '<x contenteditable onfocus=window.__xss=38 autofocus>x</x>' },
];

/** Link targets that must be refused wherever a flow has a link. */
const UNSAFE_LINKS: string[] = [
  'javascript:window.__xss=101',
  'JaVaScRiPt:window.__xss=102',
  'JAVASCRIPT:window.__xss=103',
  'javascript&colon;window.__xss=104',
  '&#106;avascript:window.__xss=105',
  '%6Aavascript:window.__xss=106',
  'java&#x09;script:window.__xss=107',
  '\u0001javascript:window.__xss=108',
  'jav\u200bascript:window.__xss=109',
  'javascript://https://example.org/%0Awindow.__xss=110',
  'data:text/html,<script>window.__xss=111</script>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTEyPC9zY3JpcHQ+',
  'data:image/svg+xml,<svg/onload=window.__xss=113>',
  'vbscript:msgbox(114)',
  'file:///etc/passwd',
  '//evil.example/115',
  'blob:https://evil.example/116',
  'about:blank',
  'ftp://evil.example/118',
  'https:',
  'mailto:',
  'httpx://example.org/121',
  'https//example.org/122',
  'chrome://settings',
  'intent://example.org#Intent;scheme=javascript;end',
];

/** More that can only be a website's address: they cannot be written as a markup link. */
const UNSAFE_URLS_ONLY: string[] = [
  ' javascript:window.__xss=201',
  'java\tscript:window.__xss=202',
  '\ufeffjavascript:window.__xss=203',
  'javascript:window.__xss=204 //https://example.org',
  'https://example.org/ ',
  'tel:999',
];

/** Allowed schemes with hostile tails: accepted, and must come out as exactly that address. */
const HOSTILE_SAFE_LINKS: Array<{ href: string; website: boolean }> = [
  { href: 'https://example.org/"onmouseover="window.__xss=301"', website: true },
  { href: "https://example.org/'><script>window.__xss=302</script>", website: true },
  { href: 'https://example.org/?q=<img/src=x/onerror=window.__xss=303>', website: true },
  { href: 'HTTPS://EXAMPLE.ORG/"><svg/onload=window.__xss=304>', website: true },
  { href: 'https://example.org/#javascript:window.__xss=305', website: true },
  { href: 'tel:999"onclick="window.__xss=306"', website: false },
  { href: 'mailto:a@example.org?body=<script>window.__xss=307</script>', website: false },
  { href: 'sms:85258?body="><img/src=x/onerror=window.__xss=308>', website: false },
];

// ---------------------------------------------------------------------------------------------
// A flow with every kind of text, and a way to put a payload into each.

const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** basic.json, plus the texts it lacks: option hints, labels on contacts, a second language, and so on. */
function richFlow(basic: Json): Record<string, any> {
  const flow = clone(basic) as Record<string, any>;
  const step = (id: string) => flow.steps.find((s: Json) => isObject(s) && s.id === id);
  const service = (id: string) => flow.services.find((s: Json) => isObject(s) && s.id === id);
  flow.description = 'What this finder is for';
  step('who').options[0].hint = 'You';
  step('who').options[1].hint = 'A parent or carer';
  step('age').hint = { en: 'Your age in years', cy: 'Eich oed' };
  step('feelings').hint = 'Choose all that apply';
  step('feelings').options[0].hint = 'Worried or scared';
  step('young').continueLabel = 'Next';
  step('area').hint = 'Your town';
  step('how').skipLabel = 'Skip this';
  step('free').hint = 'Some services cost money';
  step('grief').body = 'Losing someone is hard.';
  service('emergency').contact[0].label = 'Call 999 now';
  service('emergency').hours = 'Always open';
  service('textline').contact.push({ type: 'sms', number: '85258', label: 'Text us' });
  service('north-counselling').contact[0].label = 'North Town Counselling website';
  service('north-counselling').contact.push({ type: 'address', text: { en: '2 Low Road', cy: '2 Heol Isel' } });
  service('talkline').hours = 'Weekdays';
  return flow;
}

type FieldKind = 'plain' | 'markup' | 'hidden';

interface Field {
  path: Path;
  /** The path as validation writes it: steps[2].body, steps[1].question.audience.parent. */
  at: string;
  kind: FieldKind;
  /** What must have been on screen for this text to show; undefined: it never shows. */
  feature: string | undefined;
}

const TEXT_KEYS: Record<string, FieldKind> = {
  title: 'plain',
  question: 'plain',
  hint: 'plain',
  label: 'plain',
  skipLabel: 'plain',
  continueLabel: 'plain',
  name: 'plain',
  hours: 'plain',
  text: 'plain',
  body: 'markup',
  noMatch: 'markup',
  description: 'markup',
};
// Phone numbers and email addresses are held to contactProblem's rule, so no payload passes
// (test/robust.test.ts); a text keyword is free text.
const CONTACT_DETAILS = ['keyword'];

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Every string in `flow` that people are shown (never ids, kinds, types or numbers). */
function textFields(flow: Record<string, any>): Field[] {
  const fields: Field[] = [];
  const ownerFeature = (path: Path): string => {
    if (path[0] === 'steps') return `step:${flow.steps[path[1] as number].id}`;
    if (path[0] === 'services') return `service:${flow.services[path[1] as number].id}`;
    return 'always';
  };
  const addText = (value: Json, path: Path, kind: FieldKind, feature: string | undefined) => {
    if (typeof value === 'string') fields.push({ path, at: formatPath(path), kind, feature });
    else if (isObject(value) && 'default' in value && 'audience' in value) {
      // Audience wording: the default for the person themselves, each variant for its audience.
      addText(value.default, [...path, 'default'], kind, feature && `${feature}:${flow.audience.self}`);
      for (const audience of Object.keys(value.audience as object)) {
        addText((value.audience as Record<string, Json>)[audience], [...path, 'audience', audience], kind, feature && `${feature}:${audience}`);
      }
    } else if (isObject(value)) {
      for (const locale of Object.keys(value)) addText(value[locale], [...path, locale], kind, locale === flow.defaultLocale ? feature : undefined);
    }
  };
  addText(flow.title, ['title'], 'plain', 'always');
  addText(flow.description, ['description'], 'hidden', undefined);
  const visit = (node: Json, path: Path) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...path, i]));
    if (!isObject(node)) return;
    const isContact = path[path.length - 2] === 'contact';
    for (const [key, value] of Object.entries(node)) {
      const at = [...path, key];
      if (key in TEXT_KEYS) {
        let feature: string | undefined = ownerFeature(at);
        if (key === 'noMatch') feature = `noMatch:${node.id as string}`;
        addText(value, at, TEXT_KEYS[key], feature);
      } else if (isContact && CONTACT_DETAILS.includes(key)) {
        // A text keyword shows only when the contact has no label.
        addText(value, at, 'plain', node.label === undefined ? ownerFeature(at) : undefined);
      } else if (key === 'steps' || key === 'services' || key === 'options' || key === 'contact' || typeof key === 'number') {
        visit(value, at);
      }
    }
  };
  flow.steps.forEach((step: Json, i: number) => visit(step, ['steps', i]));
  flow.services.forEach((service: Json, i: number) => visit(service, ['services', i]));
  return fields;
}

/** Paths of text read as markup (where links are written), and of website addresses. */
function linkPlaces(flow: Record<string, any>): { markup: Field[]; urls: Path[] } {
  const markup = textFields(flow).filter((f) => f.kind === 'markup');
  const urls: Path[] = [];
  flow.services.forEach((service: Record<string, any>, i: number) =>
    service.contact.forEach((contact: Record<string, any>, j: number) => {
      if (contact.type === 'website') urls.push(['services', i, 'contact', j, 'url']);
    })
  );
  return { markup, urls };
}

function setAt(root: Json, path: Path, value: Json): void {
  let here = root as Record<string | number, Json>;
  for (const part of path.slice(0, -1)) here = here[part] as Record<string | number, Json>;
  here[path[path.length - 1]] = value;
}

const marker = (i: number) => `⟦${i}⟧`;
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The flow with `payload` and a numbered marker in every text field, so each can be found on screen. */
function withPayload(base: Record<string, any>, fields: Field[], payload: string): Record<string, any> {
  const flow = clone(base);
  fields.forEach((field, i) => setAt(flow, field.path, `${payload} ${marker(i)}`));
  return flow;
}

/** What a field should show: the payload as text, or its words where markup shapes it. */
function expectedText(field: Field, i: number, payload: TextPayload): string[] {
  if (field.kind === 'markup' && payload.inMarkup) {
    const pieces = [...payload.inMarkup];
    pieces[pieces.length - 1] += ` ${marker(i)}`;
    return pieces.map(normal);
  }
  return [normal(`${payload.text} ${marker(i)}`)];
}

// ---------------------------------------------------------------------------------------------
// Walking every step through the element, and checking each screen

/** What a walk shows: each step (with the audience where wording depends on it), services, "no match". */
function featuresOf(flow: Flow, walk: Walk): string[] {
  const features = ['always'];
  const ids = [...walk.moves.map((m) => m.step), walk.end];
  const audience = audienceOf(flow, answersOnPath(walk.session)) ?? flow.audience?.self;
  for (const id of ids) features.push(`step:${id}`, `step:${id}:${audience}`);
  const end = currentStep(flow, walk.session);
  if (end.kind === 'outcome') {
    const result = matchServices(flow, end, answersOnPath(walk.session));
    for (const m of [...result.matches, ...result.fallback, ...result.always]) features.push(`service:${m.service.id}`);
    if (result.nothingMatched) features.push(`noMatch:${end.id}`);
  } else if (end.kind === 'urgent') {
    for (const id of end.services) features.push(`service:${id}`);
  }
  return features;
}

/** A few walks that between them show everything that can be shown (greedy set cover). */
function coveringWalks(flow: Flow): { walks: Walk[]; covered: Set<string> } {
  const all = allWalks(flow, 20_000);
  expect(all.complete, 'the test flow should be small enough to walk every path').to.equal(true);
  const withFeatures = all.walks.filter((w) => w.ended === 'outcome' || w.ended === 'urgent').map((w) => ({ walk: w, features: new Set(featuresOf(flow, w)) }));
  const covered = new Set<string>();
  const chosen: Walk[] = [];
  for (;;) {
    let best: (typeof withFeatures)[number] | undefined;
    let gain = 0;
    for (const candidate of withFeatures) {
      const g = [...candidate.features].filter((f) => !covered.has(f)).length;
      if (g > gain || (g === gain && g > 0 && best && candidate.walk.moves.length < best.walk.moves.length)) {
        best = candidate;
        gain = g;
      }
    }
    if (!best || gain === 0) break;
    chosen.push(best.walk);
    for (const f of best.features) covered.add(f);
  }
  return { walks: chosen, covered };
}

const FORBIDDEN = 'script, iframe, frame, frameset, object, embed, img, style, link, meta, base, template, video, audio, source, marquee, noscript, math, animate, x, textarea';
const MARKUP_TAGS = new Set(['P', 'UL', 'OL', 'LI', 'STRONG', 'A']);
const SAFE_HREF = /^(https?:|tel:|sms:|mailto:|#)/i;

/** The element's structure, leaving out what flow markup itself may add: tags and attribute names. */
function structure(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('*')]
    .filter((e) => !MARKUP_TAGS.has(e.tagName))
    .map((e) => `${e.tagName.toLowerCase()}[${e.getAttributeNames().sort().join(',')}]`);
}

/** Everything a person (or a screen reader) is given on this screen, as one string. */
function screenText(root: ShadowRoot): string {
  const labels = [...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
  return normal(`${root.textContent ?? ''} ${labels.join(' ')}`);
}

/** Nothing ran, nothing was injected, every link is one of the allowed kinds. */
function expectHarmless(el: SupportFinder, where: string): void {
  const root = shadow(el);
  expect(window.__xss, `a payload ran: ${where}`).to.equal(undefined);
  expect([...root.querySelectorAll(FORBIDDEN)].map((e) => e.outerHTML.slice(0, 80)), where).to.deep.equal([]);
  for (const e of root.querySelectorAll('*')) {
    for (const name of e.getAttributeNames()) {
      expect(name, `${where}: <${e.tagName.toLowerCase()} ${name}>`).to.not.match(/^on|^(srcdoc|formaction|style|xmlns|xlink:href|src)$/i);
    }
    const href = e.getAttribute('href');
    if (href !== null) {
      // Browsers ignore control characters and spaces in a scheme, so check what they would see.
      const seen = href.replace(/[\u0000-\u0020]/g, '');
      expect(seen, `${where}: a link to ${href}`).to.match(SAFE_HREF);
      expect(seen, `${where}: a link to ${href}`).to.not.match(/^(javascript|data|vbscript):/i);
    }
  }
  expect(el.children.length, `${where}: something was put into the host's own content`).to.equal(0);
}

/** The page outside the element: what a payload that escaped would change. */
function pageOutside(): string {
  return `${document.title}|${document.head.innerHTML}|${document.body.innerHTML}|${location.href}`;
}

/** Replays `walks` on a fresh element each, calling `check` on every screen. */
async function replay(
  flow: Flow,
  url: string,
  walks: Walk[],
  check: (el: SupportFinder, stepId: string, audience: string | undefined, where: string) => void
): Promise<void> {
  for (const [w, walk] of walks.entries()) {
    const el = await fixture<SupportFinder>(html`<support-finder flow=${url}></support-finder>`);
    await shown(el);
    const path = [...walk.moves.map((m) => m.step), walk.end];
    for (let i = 0; i < path.length; i++) {
      // The answers given before this step: they decide its wording.
      const before = Object.fromEntries(path.slice(0, i).map((id) => [id, walk.session.answers[id]]));
      const audience = audienceOf(flow, before);
      expect(shadow(el).querySelector('.error-summary'), `walk ${w}: an answer was refused before ${path[i]}`).to.not.exist;
      check(el, path[i], audience, `walk ${w}, step ${i} (${path[i]})`);
      const move = walk.moves[i];
      if (!move) break;
      await playMove(el, move);
    }
    el.remove();
  }
}

// ---------------------------------------------------------------------------------------------

let rich: Record<string, any>;
let fields: Field[];
let walks: Walk[];
let covered: Set<string>;
let baseline: Map<string, string[]>;
const blobUrl = (data: unknown) => URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));

const stubbed = ['alert', 'confirm', 'prompt', 'open', 'print'] as const;
const originals = new Map<string, unknown>();

before(async () => {
  rich = richFlow((await fetchJson('/test/flows/basic.json')) as Json);
  fields = textFields(rich);
  const checked = validateFlow(withPayload(rich, fields, 'Hello'));
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  ({ walks, covered } = coveringWalks(checked.flow));
  // Anything a payload might call to show it ran, counted as running.
  for (const name of stubbed) {
    originals.set(name, window[name]);
    (window as unknown as Record<string, unknown>)[name] = () => {
      window.__xss = name;
    };
  }
});

after(() => {
  for (const name of stubbed) (window as unknown as Record<string, unknown>)[name] = originals.get(name);
});

describe('XSS: payloads in every text a flow shows', function () {
  this.timeout(180_000);

  it('puts each payload into every text field, of every kind', () => {
    const kinds = new Set(fields.map((f) => f.at.replace(/\[\d+\]/g, '[]')));
    console.log(`xss: ${fields.length} text fields (${fields.filter((f) => f.feature).length} shown on some screen) × ${TEXT_PAYLOADS.length} payloads = ${fields.length * TEXT_PAYLOADS.length} placements; ${walks.length} walks show every step`);
    for (const expected of [
      'title',
      'description',
      'steps[].question',
      'steps[].question.default',
      'steps[].question.audience.parent',
      'steps[].hint',
      'steps[].hint.en',
      'steps[].hint.cy',
      'steps[].options[].label',
      'steps[].options[].hint',
      'steps[].title',
      'steps[].body',
      'steps[].noMatch',
      'steps[].skipLabel',
      'steps[].continueLabel',
      'services[].name',
      'services[].description',
      'services[].hours',
      'services[].contact[].label',
      'services[].contact[].keyword',
      'services[].contact[].text.en',
    ]) {
      expect([...kinds], expected).to.include(expected);
    }
    // No ids, kinds, types, values or routes among them.
    for (const f of fields) expect(f.at, f.at).to.not.match(/\.(id|kind|type|value|next|url|services|about)$/);
    expect(TEXT_PAYLOADS.length).to.be.at.least(25);
    console.log(`xss: never on screen, so not looked for: ${fields.filter((f) => !f.feature || !covered.has(f.feature)).map((f) => f.at).join(', ')}`);
    const reached = new Set(walks.flatMap((w) => [...w.moves.map((m) => m.step), w.end]));
    expect(rich.steps.map((s: { id: string }) => s.id).filter((id: string) => !reached.has(id))).to.deep.equal([]);
  });

  it('has checks that notice an injected element, attribute, link or run', async () => {
    const url = blobUrl(rich);
    const el = await fixture<SupportFinder>(html`<support-finder flow=${url}></support-finder>`);
    await shown(el);
    expectHarmless(el, 'untouched');
    const heading = shadow(el).querySelector('#sf-heading') as HTMLElement;
    const injections: Array<[string, () => void, () => void]> = [
      ['an element', () => heading.append(document.createElement('iframe')), () => heading.querySelector('iframe')?.remove()],
      ['an attribute', () => heading.setAttribute('onclick', 'x'), () => heading.removeAttribute('onclick')],
      ['a link', () => heading.setAttribute('href', ' javascript:x'), () => heading.removeAttribute('href')],
      ['a run', () => (window.__xss = 1), () => delete window.__xss],
      ['light DOM', () => el.append(document.createElement('b')), () => el.replaceChildren()],
    ];
    for (const [what, inject, undo] of injections) {
      inject();
      expect(() => expectHarmless(el, what), what).to.throw();
      undo();
    }
    expectHarmless(el, 'restored');
    const before = structure(shadow(el));
    heading.append(document.createElement('svg'));
    expect(structure(shadow(el))).to.not.deep.equal(before);
    URL.revokeObjectURL(url);
  });

  it('accepts every payload as text, and shows it as text on every step, with nothing run or added', async () => {
    // The structure of each screen with harmless text, to compare each payload's screens with.
    baseline = new Map();
    const plain = validateFlow(withPayload(rich, fields, 'Hello'));
    if (!plain.ok) throw new Error('the plain flow is invalid');
    const plainUrl = blobUrl(plain.flow);
    await replay(plain.flow, plainUrl, walks, (el, _, __, where) => baseline.set(where, structure(shadow(el))));
    URL.revokeObjectURL(plainUrl);
    fixtureCleanup();
    const page = pageOutside();
    let screens = 0;

    for (const [p, payload] of TEXT_PAYLOADS.entries()) {
      const data = withPayload(rich, fields, payload.text);
      const checked = validateFlow(data);
      expect(checked.ok, `payload ${p + 1} ${JSON.stringify(payload.text)} was refused: ${checked.ok ? '' : JSON.stringify(checked.errors)}`).to.equal(true);
      if (!checked.ok) continue;
      const flow = checked.flow;
      const url = blobUrl(data);
      const seen = new Set<number>();
      await replay(flow, url, walks, (el, stepId, audience, where) => {
        const at = `payload ${p + 1} ${JSON.stringify(payload.text)}, ${where}`;
        screens++;
        expectHarmless(el, at);
        expect(structure(shadow(el)), `${at}: the page's structure changed`).to.deep.equal(baseline.get(where));
        // The heading is the step's own words, as text.
        const step = currentStep(flow, { path: [stepId], answers: {} });
        const title = resolveText(step.kind === 'question' ? step.question : step.title, { locale: 'en', defaultLocale: 'en', audience });
        // Control and direction characters are mended at load (test/robust.test.ts).
        expect(headingText(el), at).to.equal(normal(mendString(step.kind === 'urgent' ? `Urgent help: ${title}` : title)));
        const text = screenText(shadow(el));
        fields.forEach((field, i) => {
          if (!seen.has(i) && expectedText(field, i, payload).every((piece) => text.includes(normal(mendString(piece))))) seen.add(i);
        });
      });
      // Give anything that might load or fire late (images, iframes) the chance to.
      await nextFrame();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(window.__xss, `payload ${p + 1} ran late`).to.equal(undefined);
      URL.revokeObjectURL(url);
      fixtureCleanup();
      expect(pageOutside(), `payload ${p + 1} changed the page outside the element`).to.equal(page);
      const missing = fields.filter((f, i) => f.feature !== undefined && covered.has(f.feature) && !seen.has(i)).map((f) => f.at);
      expect(missing, `payload ${p + 1} ${JSON.stringify(payload.text)} did not show in these fields`).to.deep.equal([]);
    }
    const shownFields = fields.filter((f) => f.feature !== undefined && covered.has(f.feature)).length;
    console.log(`xss: ${TEXT_PAYLOADS.length} payloads × ${fields.length} fields, ${shownFields} fields checked on screen, ${screens} screens checked`);
  });
});

describe('XSS: links', function () {
  this.timeout(120_000);

  it('refuses every unsafe link, at the path of each, in every markup text and website address', async () => {
    const { markup, urls } = linkPlaces(rich);
    const page = pageOutside();
    let refusals = 0;
    for (const [k, href] of [...UNSAFE_LINKS, ...UNSAFE_URLS_ONLY].entries()) {
      const data = clone(rich);
      const asLink = k < UNSAFE_LINKS.length;
      if (asLink) markup.forEach((field, i) => setAt(data, field.path, `Read [this link ${marker(i)}](${href}) now.`));
      for (const path of urls) setAt(data, path, href);
      const result = validateFlow(data);
      expect(result.ok, `${JSON.stringify(href)} was accepted`).to.equal(false);
      if (result.ok) continue;
      const problems = inWords(result.errors);
      const errors = problems.map((e) => `${e.path}: ${e.message}`);
      if (asLink) {
        for (const field of markup) {
          const found = problems.filter((e) => e.path === field.at);
          expect(found.map((e) => e.message), `${JSON.stringify(href)} in ${field.at}: ${errors.join('\n')}`).to.have.length(1);
          expect(found[0].message).to.match(/is not allowed/);
          expect(found[0].message).to.contain(`'${href.slice(0, 60)}'`);
          refusals++;
        }
      }
      for (const path of urls) {
        const found = problems.filter((e) => e.path === formatPath(path));
        expect(found.map((e) => e.message), `${JSON.stringify(href)} at ${formatPath(path)}: ${errors.join('\n')}`).to.have.length(1);
        expect(found[0].message).to.match(/is not a web address/);
        refusals++;
      }
      // Nothing else is wrong with the flow.
      expect(result.errors.length, errors.join('\n')).to.equal((asLink ? markup.length : 0) + urls.length);

      // The element refuses it too, and lists the problems as text.
      const url = blobUrl(data);
      const el = await fixture<SupportFinder>(html`<support-finder flow=${url}></support-finder>`);
      await shown(el);
      expect(headingText(el)).to.equal('Sorry, the support finder is not working right now');
      expect(shadow(el).querySelector('a[href="tel:999"]')).to.exist;
      expect(shadow(el).querySelectorAll('.author-errors li')).to.have.length(result.errors.length);
      expectHarmless(el, JSON.stringify(href));
      el.remove();
      URL.revokeObjectURL(url);
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(window.__xss).to.equal(undefined);
    fixtureCleanup();
    expect(pageOutside()).to.equal(page);
    console.log(
      `xss: ${UNSAFE_LINKS.length} unsafe links in ${markup.length} markup texts and ${urls.length} website addresses, ${UNSAFE_URLS_ONLY.length} more as website addresses: ${refusals} refusals, each at its path`
    );
  });

  it('keeps an allowed link with a hostile tail as exactly that address, and runs nothing', async () => {
    const { markup, urls } = linkPlaces(rich);
    const page = pageOutside();
    for (const [k, { href, website }] of HOSTILE_SAFE_LINKS.entries()) {
      const data = clone(rich);
      markup.forEach((field, i) => setAt(data, field.path, `Read [this link ${marker(i)}](${href}) now.`));
      if (website) for (const path of urls) setAt(data, path, href);
      const checked = validateFlow(data);
      expect(checked.ok, `${href}: ${checked.ok ? '' : JSON.stringify(checked.errors)}`).to.equal(true);
      if (!checked.ok) continue;
      const url = blobUrl(data);
      const linksSeen = new Set<string>();
      let websitesSeen = 0;
      await replay(checked.flow, url, walks, (el, _, __, where) => {
        const at = `link ${k + 1} ${href}, ${where}`;
        expectHarmless(el, at);
        for (const a of shadow(el).querySelectorAll('a')) {
          const words = normal(a.textContent ?? '');
          if (words.startsWith('this link')) {
            expect(a.getAttribute('href'), at).to.equal(href);
            expect(a.getAttributeNames(), at).to.deep.equal(['href']);
            linksSeen.add(words);
          } else if (website && a.getAttribute('target') === '_blank') {
            expect(a.getAttribute('href'), at).to.equal(href);
            expect(a.getAttributeNames().sort(), at).to.deep.equal(['href', 'rel', 'target']);
            websitesSeen++;
          }
        }
      });
      URL.revokeObjectURL(url);
      expect(linksSeen.size, `${href}: links seen`).to.be.greaterThan(3);
      if (website) expect(websitesSeen, `${href}: websites seen`).to.be.greaterThan(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(window.__xss).to.equal(undefined);
    fixtureCleanup();
    expect(pageOutside()).to.equal(page);
  });
});
