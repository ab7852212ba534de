/**
 * Theming, as a host page uses it: the documented --sf-* tokens and parts (docs/theming.md) are
 * exactly the ones the styles use, each changes what it says it changes, theme="neutral" changes
 * the look and stays accessible, and the finder holds up under Windows high contrast, reduced
 * motion, a 320px screen and 200% zoom.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { styles } from '../src/styles.js';
import { allWalks, continueFrom, currentStep, goToUrgentHelp, reviewFlow, sampleWalks, startSession, type Walk } from '../src/engine/index.js';
import { $, answer, clone, fetchJson, headingText, shadow, shown, playMove } from './support.js';

/** A walk through test/flows/basic.json to its results, through the controls. */
const TO_RESULTS: Array<string | string[]> = ['me', '14', ['anxious', 'sad'], 'no', 'north', ['counselling', 'helpline'], 'no'];

type Screen = 'question' | 'number' | 'error' | 'results' | 'urgent';

/** The finder with test/flows/basic.json, on the named screen. */
async function finderOn(screen: Screen, theme?: 'nhs' | 'neutral', flow = '/test/flows/basic.json'): Promise<SupportFinder> {
  const el = theme
    ? await fixture<SupportFinder>(html`<support-finder flow=${flow} theme=${theme}></support-finder>`)
    : await fixture<SupportFinder>(html`<support-finder flow=${flow}></support-finder>`);
  await shown(el);
  if (screen === 'number') await answer(el, 'me');
  if (screen === 'error') await answer(el, []);
  if (screen === 'results') for (const input of TO_RESULTS) await answer(el, input);
  if (screen === 'urgent') {
    $(el, '.get-help').click();
    await el.updateComplete;
  }
  const expected: Record<Screen, string> = {
    question: '.choice',
    number: '#sf-field.input',
    error: '.error-summary',
    results: '.card',
    urgent: '.urgent',
  };
  expect(shadow(el).querySelector(expected[screen]) !== null, `not on the ${screen} screen: ${headingText(el)}`).to.equal(true);
  return el;
}

const computed = (node: Element, property: string) => getComputedStyle(node).getPropertyValue(property);

/** The rows of the table under `## title` in docs/theming.md: cells, without their backticks. */
async function docTable(title: string): Promise<string[][]> {
  const response = await fetch('/docs/theming.md');
  expect(response.status, 'docs/theming.md').to.equal(200);
  const doc = await response.text();
  const start = doc.indexOf(`\n## ${title}\n`);
  expect(start, `docs/theming.md has no "## ${title}" section`).to.be.greaterThan(-1);
  const section = doc.slice(start + 1).split(/\n## /)[0];
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim().replace(/^`(.*)`$/, '$1'))
    );
}

/** Every CSS rule in the shadow root's adopted style sheets, nested rules included. */
function adoptedRules(el: SupportFinder): CSSRule[] {
  const rules: CSSRule[] = [];
  const walk = (list: CSSRuleList) => {
    for (const rule of list) {
      rules.push(rule);
      if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
    }
  };
  for (const sheet of shadow(el).adoptedStyleSheets) walk(sheet.cssRules);
  return rules;
}

/** The text of every rule the browser holds for the shadow root's style sheets. */
function adoptedCssText(el: SupportFinder): string {
  return adoptedRules(el)
    .map((rule) => (rule instanceof CSSGroupingRule ? '' : rule.cssText))
    .join('\n');
}

/** The styles as written, without comments. */
const sourceCss = () => styles.cssText.replace(/\/\*[\s\S]*?\*\//g, '');

// --sf-internal-* are measurements the element sets on itself (the sticky bar's height), not tokens.
const usedTokens = (css: string) =>
  new Set([...css.matchAll(/var\(\s*(--sf-[\w-]+)/g)].map((m) => m[1]).filter((t) => !t.startsWith('--sf-internal-')));
const sorted = (names: Iterable<string>) => [...names].sort();

describe('the documented tokens', () => {
  it('are exactly the --sf-* properties the styles use, in the shadow root and in the source', async () => {
    const documented = (await docTable('Tokens')).map((row) => row[0]);
    expect(documented.length, 'no tokens found in docs/theming.md').to.be.greaterThan(10);
    expect(new Set(documented).size, 'a token is documented twice').to.equal(documented.length);
    const el = await finderOn('question');
    // The sheet in the shadow root is the element's own.
    expect(shadow(el).adoptedStyleSheets.length).to.equal(1);
    expect(shadow(el).adoptedStyleSheets[0] === styles.styleSheet).to.equal(true);
    const inShadow = usedTokens(adoptedCssText(el));
    const inSource = usedTokens(sourceCss());
    // Chromium cannot serialise the font shorthand when it holds var() (its longhands read back
    // empty), so tokens used only there are missing from cssText; everything else must match.
    const inFont = usedTokens([...sourceCss().matchAll(/[{;\s]font:[^;}]*/g)].map((m) => m[0]).join(' '));
    expect(sorted([...inShadow].filter((t) => !inSource.has(t))), 'in the shadow root only').to.deep.equal([]);
    expect(sorted([...inSource].filter((t) => !inShadow.has(t) && !inFont.has(t))), 'in the source only').to.deep.equal([]);
    expect(inShadow.size).to.be.greaterThan(10);
    expect(sorted(inSource), 'used in the styles (left) vs documented in docs/theming.md (right)').to.deep.equal(sorted(documented));
  });

  it('every var() has a fallback, the same one everywhere, and it is the documented default', async () => {
    const source = sourceCss();
    const uses = [...source.matchAll(/var\(\s*([\w-]+)\s*(,\s*((?:[^()]|\([^()]*\))*))?\)/g)];
    expect(uses.length).to.be.greaterThan(40);
    expect(uses.filter((m) => !m[2]).map((m) => m[0]), 'var() without a fallback').to.deep.equal([]);
    expect(uses.filter((m) => !m[1].startsWith('--sf-')).map((m) => m[1]), 'custom properties outside --sf-*').to.deep.equal([]);
    const fallbacks = new Map<string, Set<string>>();
    for (const m of uses) fallbacks.set(m[1], (fallbacks.get(m[1]) ?? new Set()).add(m[3].trim()));
    const rows = await docTable('Tokens');
    for (const [token, , nhs] of rows) {
      expect([...(fallbacks.get(token) ?? [])], `fallbacks of ${token}`).to.deep.equal([nhs]);
    }
    // And the same in the browser's own reading of the sheet: nothing was dropped as invalid.
    const el = await finderOn('question');
    const parsed = [...adoptedCssText(el).matchAll(/var\((--sf-[\w-]+)(,?)/g)];
    expect(parsed.filter((m) => m[2] !== ',').map((m) => m[1]), 'var() without a fallback, as parsed').to.deep.equal([]);
  });

  it('the neutral column is what theme="neutral" sets, and "same" means it sets nothing', async () => {
    const rules = adoptedRules(await finderOn('question')).filter((r): r is CSSStyleRule => r instanceof CSSStyleRule);
    const neutral = rules.find((r) => r.selectorText === ':host([theme="neutral"])');
    expect(neutral !== undefined, 'no :host([theme=neutral]) rule').to.equal(true);
    const set = new Map<string, string>();
    for (const name of Array.from(neutral?.style ?? [])) set.set(name, neutral?.style.getPropertyValue(name).trim() ?? '');
    const rows = await docTable('Tokens');
    const documented = new Map(rows.map(([token, , , value]) => [token, value]));
    for (const [token, value] of documented) {
      if (value === 'same') expect(set.has(token), `${token} is documented as "same" but the neutral theme sets it`).to.equal(false);
      else expect(set.get(token), `neutral ${token}`).to.equal(value);
    }
    expect(sorted([...set.keys()].filter((t) => !documented.has(t))), 'set by the neutral theme but not documented').to.deep.equal([]);
  });
});

describe('a host setting a token', () => {
  /**
   * For every documented token: where it shows, and what a host's value there must become.
   * A token added to the docs without a line here fails the first test.
   */
  interface Check {
    screen: Screen;
    selector: string;
    property: string;
    value: string;
    expected: string | RegExp;
    /** Focus the element first (fields show the ring on :focus). */
    focus?: boolean;
  }
  const checks: Record<string, Check | 'visited'> = {
    '--sf-color-text': { screen: 'question', selector: '.finder', property: 'color', value: 'rgb(1, 2, 3)', expected: 'rgb(1, 2, 3)' },
    '--sf-color-secondary-text': { screen: 'question', selector: '.hint', property: 'color', value: 'rgb(2, 3, 4)', expected: 'rgb(2, 3, 4)' },
    '--sf-color-background': { screen: 'question', selector: '.finder', property: 'background-color', value: 'rgb(250, 240, 230)', expected: 'rgb(250, 240, 230)' },
    '--sf-color-link': { screen: 'question', selector: '.actions .link-button', property: 'color', value: 'rgb(3, 4, 5)', expected: 'rgb(3, 4, 5)' },
    // Browsers never tell a page how a visited link looks; checked in the style sheet instead.
    '--sf-color-link-visited': 'visited',
    '--sf-color-focus': { screen: 'number', selector: '#sf-field', property: 'outline-color', value: 'rgb(4, 5, 6)', expected: 'rgb(4, 5, 6)', focus: true },
    '--sf-color-focus-text': { screen: 'number', selector: '#sf-field', property: 'box-shadow', value: 'rgb(5, 6, 7)', expected: /^rgb\(5, 6, 7\) 0px 0px 0px/, focus: true },
    '--sf-color-button': { screen: 'question', selector: 'button[type="submit"]', property: 'background-color', value: 'rgb(6, 7, 8)', expected: 'rgb(6, 7, 8)' },
    '--sf-color-button-text': { screen: 'question', selector: 'button[type="submit"]', property: 'color', value: 'rgb(7, 8, 9)', expected: 'rgb(7, 8, 9)' },
    '--sf-color-border': { screen: 'results', selector: '.card', property: 'border-top-color', value: 'rgb(8, 9, 10)', expected: 'rgb(8, 9, 10)' },
    '--sf-color-card': { screen: 'results', selector: '.card', property: 'background-color', value: 'rgb(9, 10, 11)', expected: 'rgb(9, 10, 11)' },
    '--sf-color-error': { screen: 'error', selector: '.error-summary', property: 'border-top-color', value: 'rgb(10, 11, 12)', expected: 'rgb(10, 11, 12)' },
    '--sf-color-urgent': { screen: 'urgent', selector: '.urgent-heading', property: 'background-color', value: 'rgb(11, 12, 13)', expected: 'rgb(11, 12, 13)' },
    '--sf-font-family': { screen: 'question', selector: '#sf-heading', property: 'font-family', value: 'Georgia, serif', expected: 'Georgia, serif' },
    '--sf-font-size': { screen: 'question', selector: '.finder', property: 'font-size', value: '22px', expected: '22px' },
    '--sf-space': { screen: 'question', selector: '.finder', property: 'padding-top', value: '27px', expected: '27px' },
    '--sf-radius': { screen: 'question', selector: 'button[type="submit"]', property: 'border-top-left-radius', value: '9px', expected: '9px' },
    '--sf-focus-width': { screen: 'number', selector: '#sf-field', property: 'outline-width', value: '7px', expected: '7px', focus: true },
  };

  it('has a check for every documented token', async () => {
    const documented = (await docTable('Tokens')).map((row) => row[0]);
    expect(sorted(Object.keys(checks))).to.deep.equal(sorted(documented));
  });

  for (const theme of ['nhs', 'neutral'] as const) {
    it(`changes what the docs say it changes, with theme="${theme}"`, async () => {
      const byScreen = new Map<Screen, Array<[string, Check]>>();
      for (const [token, check] of Object.entries(checks)) {
        if (check !== 'visited') byScreen.set(check.screen, [...(byScreen.get(check.screen) ?? []), [token, check]]);
      }
      for (const [screen, list] of byScreen) {
        const el = await finderOn(screen, theme);
        for (const [token, check] of list) {
          const target = $(el, check.selector);
          if (check.focus) {
            // By keyboard: a focus() call alone does not always make :focus match when the
            // test page is not the browser's focused tab.
            $(el, '#sf-heading').focus();
            await sendKeys({ press: 'Tab' });
            expect(target.matches(':focus'), `${check.selector} has no focus`).to.equal(true);
          }
          const before = computed(target, check.property);
          el.style.setProperty(token, check.value);
          const after = computed(target, check.property);
          el.style.removeProperty(token);
          expect(after, `${token} on ${check.selector} (${screen})`).to.match(
            typeof check.expected === 'string' ? new RegExp(`^${check.expected.replace(/[()]/g, '\\$&')}$`) : check.expected
          );
          expect(before, `${token}: the default already looked like the test value`).to.not.equal(after);
          expect(computed(target, check.property), `${token} removed again`).to.equal(before);
        }
        el.remove();
      }
    });
  }

  it('colours visited links with --sf-color-link-visited', async () => {
    const el = await finderOn('question');
    const visited = adoptedRules(el).filter((r): r is CSSStyleRule => r instanceof CSSStyleRule && /(^|, )a:visited$/.test(r.selectorText));
    expect(visited.map((r) => r.style.getPropertyValue('color').replace(/\s/g, ''))).to.deep.equal(['var(--sf-color-link-visited,#330072)']);
  });

  it('set on support-finder in the page\'s own style sheet, wins over both built-in themes', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = 'support-finder.branded { --sf-color-button: rgb(120, 20, 90); --sf-font-family: Georgia, serif; }';
    document.head.append(sheet);
    try {
      for (const theme of ['nhs', 'neutral'] as const) {
        const el = await finderOn('question', theme);
        const button = $(el, 'button[type="submit"]');
        const plain = computed(button, 'background-color');
        el.classList.add('branded');
        expect(computed(button, 'background-color'), theme).to.equal('rgb(120, 20, 90)');
        expect(computed($(el, '.finder'), 'font-family'), theme).to.equal('Georgia, serif');
        el.classList.remove('branded');
        expect(computed(button, 'background-color'), theme).to.equal(plain);
        el.remove();
      }
    } finally {
      sheet.remove();
    }
  });
});

describe('parts', () => {
  /** Which part names are on which screen. */
  async function partsOn(screens: Screen[]): Promise<Map<string, Screen>> {
    const found = new Map<string, Screen>();
    for (const screen of screens) {
      const el = await finderOn(screen);
      for (const node of shadow(el).querySelectorAll('[part]')) {
        for (const name of (node.getAttribute('part') ?? '').split(/\s+/)) if (!found.has(name)) found.set(name, screen);
      }
      el.remove();
    }
    return found;
  }

  it('are the documented ones, and each can be styled from the host page on its screen', async () => {
    const documented = (await docTable('Parts')).map((row) => row[0]);
    expect(documented.length).to.be.greaterThan(5);
    const found = await partsOn(['question', 'error', 'results', 'urgent']);
    expect(sorted(found.keys()), 'parts in the markup (left) vs documented (right)').to.deep.equal(sorted(documented));

    const sheet = document.createElement('style');
    document.head.append(sheet);
    try {
      for (const name of documented) {
        const el = await finderOn(found.get(name) as Screen);
        const nodes = [...shadow(el).querySelectorAll(`[part~="${name}"]`)];
        expect(nodes.length, name).to.be.greaterThan(0);
        const before = nodes.map((n) => computed(n, 'outline-offset'));
        sheet.textContent = `support-finder::part(${name}) { outline-offset: 11px; }`;
        expect(nodes.map((n) => computed(n, 'outline-offset')), `::part(${name})`).to.deep.equal(nodes.map(() => '11px'));
        expect(before.includes('11px')).to.equal(false);
        sheet.textContent = '';
        el.remove();
      }
      // Secondary buttons are buttons too, and only they are secondary-button.
      sheet.textContent = 'support-finder::part(button) { border-radius: 1px } support-finder::part(secondary-button) { border-radius: 2px }';
      for (const screen of ['question', 'results'] as const) {
        const el = await finderOn(screen);
        const buttons = [...shadow(el).querySelectorAll('[part~="button"]')];
        const wrong = buttons.filter((n) => computed(n, 'border-top-left-radius') !== (n.classList.contains('secondary') ? '2px' : '1px'));
        expect(wrong.map((n) => n.textContent?.trim()), screen).to.deep.equal([]);
        expect(buttons.some((n) => n.classList.contains('secondary')), screen).to.equal(screen === 'results');
        el.remove();
      }
    } finally {
      sheet.remove();
    }
  });
});

describe('theme="neutral"', () => {
  it('reflects, defaults to nhs, and changes the look', async () => {
    const nhs = await finderOn('question');
    expect(nhs.theme).to.equal('nhs');
    expect(nhs.getAttribute('theme')).to.equal('nhs');
    const neutral = await finderOn('question', 'neutral');
    const look = (el: SupportFinder) => ({
      font: computed($(el, '.finder'), 'font-family'),
      size: computed($(el, '.finder'), 'font-size'),
      text: computed($(el, '.finder'), 'color'),
      link: computed($(el, '.actions .link-button'), 'color'),
      button: computed($(el, 'button[type="submit"]'), 'background-color'),
      radius: computed($(el, 'button[type="submit"]'), 'border-top-left-radius'),
    });
    expect(look(nhs)).to.deep.equal({
      font: '"Frutiger W01", Arial, sans-serif',
      size: '19px',
      text: 'rgb(33, 43, 50)',
      link: 'rgb(0, 94, 184)',
      button: 'rgb(0, 127, 59)',
      radius: '4px',
    });
    expect(look(neutral)).to.deep.equal({
      font: 'system-ui, sans-serif',
      size: '16px',
      text: 'rgb(27, 27, 27)',
      link: 'rgb(26, 85, 176)',
      button: 'rgb(26, 85, 176)',
      radius: '2px',
    });
    // Set as a property, it shows in the markup; back to nhs, the NHS.UK look returns.
    neutral.theme = 'nhs';
    await neutral.updateComplete;
    expect(neutral.getAttribute('theme')).to.equal('nhs');
    expect(look(neutral)).to.deep.equal(look(nhs));
  });

  for (const theme of ['nhs', 'neutral'] as const) {
    for (const screen of ['question', 'error', 'results', 'urgent'] as const) {
      it(`passes axe with theme="${theme}" on the ${screen} screen`, async () => {
        const el = await finderOn(screen, theme);
        await expect(el).to.be.accessible();
      });
    }
  }
});

describe('Windows high contrast (forced-colors: active)', () => {
  const emulate = (features: Array<{ name: string; value: string }>) => executeServerCommand('sf-emulate-media-features', { features });
  before(() => emulate([{ name: 'forced-colors', value: 'active' }]));
  after(() => emulate([]));

  /** Whether a computed colour shows: not transparent. */
  const shows = (colour: string) => colour !== 'transparent' && !/^rgba\(.*, 0\)$/.test(colour);
  const edge = (node: Element) => {
    const s = getComputedStyle(node);
    return { width: parseFloat(s.borderTopWidth), style: s.borderTopStyle, colour: s.borderTopColor };
  };

  it('is really emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('buttons, cards, the error summary and the urgent card keep a visible border', async () => {
    for (const theme of ['nhs', 'neutral'] as const) {
      const question = await finderOn('error', theme);
      for (const selector of ['button[type="submit"]', '.quick-exit', '.error-summary']) {
        const e = edge($(question, selector));
        expect(e.width >= 2 && e.style === 'solid' && shows(e.colour), `${selector} (${theme}): ${JSON.stringify(e)}`).to.equal(true);
      }
      // Radios are the browser's own, drawn in system colours.
      const radio = $(question, '.choice input');
      expect(computed(radio, 'appearance'), 'radio').to.equal('auto');
      expect(computed(radio, 'forced-color-adjust'), 'radio').to.equal('auto');
      expect(radio.getBoundingClientRect().width).to.equal(40);
      question.remove();
      const results = await finderOn('results', theme);
      for (const selector of ['.card', '.button.secondary']) {
        const e = edge($(results, selector));
        expect(e.width >= 1 && e.style === 'solid' && shows(e.colour), `${selector} (${theme}): ${JSON.stringify(e)}`).to.equal(true);
      }
      results.remove();
      const urgent = await finderOn('urgent', theme);
      const e = edge($(urgent, '.urgent'));
      expect(e.width >= 1 && shows(e.colour), `.urgent (${theme}): ${JSON.stringify(e)}`).to.equal(true);
      urgent.remove();
    }
  });

  it('keeps a visible focus ring on every control reached with Tab', async () => {
    const el = await finderOn('question');
    $(el, '#sf-heading').focus();
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const node = shadow(el).activeElement;
      if (!node) break;
      const s = getComputedStyle(node);
      const name = node.id || `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}`;
      seen.push(name);
      expect(parseFloat(s.outlineWidth) >= 2 && s.outlineStyle !== 'none' && shows(s.outlineColor), `${name}: ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`).to.equal(true);
    }
    // The walk went through a radio, Continue and a link-style button.
    expect(seen.some((n) => n.startsWith('sf-field-'))).to.equal(true);
    expect(seen).to.include('button.button');
    expect(seen).to.include('button.link-button');
  });
});

describe('reduced motion', () => {
  const emulate = (features: Array<{ name: string; value: string }>) => executeServerCommand('sf-emulate-media-features', { features });
  after(() => emulate([]));

  /** Elements in the shadow root with a transition or animation that would run. */
  const moving = (el: SupportFinder) =>
    [...shadow(el).querySelectorAll('*')]
      .filter((node) => {
        const s = getComputedStyle(node);
        return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none';
      })
      .map((node) => `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}`);

  it('stops every transition and animation, even one the host adds through ::part()', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = `@keyframes sf-test-pulse { from { opacity: 0.5 } to { opacity: 1 } }
      support-finder::part(button) { transition: background-color 1s; animation: sf-test-pulse 2s infinite; }`;
    document.head.append(sheet);
    try {
      const el = await finderOn('question');
      // Without the preference, the host's motion runs: the check can see it.
      expect(moving(el)).to.deep.equal(['button.button']);
      await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      expect(moving(el)).to.deep.equal([]);
      for (const screen of ['error', 'results', 'urgent'] as const) {
        const other = await finderOn(screen);
        expect(moving(other), screen).to.deep.equal([]);
        other.remove();
      }
    } finally {
      sheet.remove();
    }
  });
});

describe('reflow: nothing scrolls sideways', () => {
  /** The shortest walk that shows each step, as the example-flow tests choose them. */
  function oneWalkPerStep(walks: Walk[]): Walk[] {
    const chosen = new Map<string, Walk>();
    for (const walk of [...walks].sort((a, b) => a.moves.length - b.moves.length)) {
      [...walk.moves.map((m) => m.step), walk.end].forEach((step, i) => {
        if (!chosen.has(step)) chosen.set(step, { ...walk, moves: walk.moves.slice(0, i), end: step });
      });
    }
    return [...chosen.values()];
  }

  /** Horizontal overflow of the page, the widget or its box, in words; empty when none. */
  function overflow(el: SupportFinder): string[] {
    const found: string[] = [];
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) found.push(`page ${page.scrollWidth} > ${page.clientWidth}`);
    if (el.scrollWidth > el.clientWidth) found.push(`support-finder ${el.scrollWidth} > ${el.clientWidth}`);
    const box = $(el, '.finder');
    if (box.scrollWidth > box.clientWidth) found.push(`.finder ${box.scrollWidth} > ${box.clientWidth}`);
    const right = el.getBoundingClientRect().right;
    for (const node of shadow(el).querySelectorAll('*')) {
      // Folded away in a closed <details>, nothing is drawn: its stale boxes cannot scroll anything.
      if (node.closest('details:not([open]) > :not(summary)')) continue;
      const r = node.getBoundingClientRect();
      if (r.right > right + 0.5 && r.width > 1) found.push(`${node.tagName.toLowerCase()}.${[...node.classList].join('.')} ends at ${r.right} > ${right}`);
    }
    return found;
  }

  const names = ['exampleshire.json', 'uk-young-people.json'];
  const sizes = [
    { label: '320px wide', viewport: { width: 320, height: 800 } },
    { label: '200% zoom (640px at device scale 2)', viewport: { width: 640, height: 800, deviceScaleFactor: 2 } },
    // Text-only zoom: the browser's text size doubled (WCAG 1.4.4), on a 640px-wide page.
    { label: 'text size 200% (browser default 32px, 640px wide)', viewport: { width: 640, height: 800 }, fontSize: 32 },
  ];

  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await executeServerCommand('sf-default-font-size', { size: 16 });
  });

  for (const { label, viewport, fontSize } of sizes) {
    for (const name of names) {
      it(`flows/${name} at ${label}, every step, errors, urgent help and All services`, async function () {
        this.timeout(60_000);
        await setViewport(viewport as { width: number; height: number });
        expect(window.innerWidth).to.equal(viewport.width);
        await executeServerCommand('sf-default-font-size', { size: fontSize ?? 16 });
        const probe = await fixture<SupportFinder>(html`<support-finder></support-finder>`);
        expect(getComputedStyle(probe).fontSize, 'the browser text size reaches the widget').to.equal(`${fontSize ?? 16}px`);
        probe.remove();
        const flow = reviewFlow(await fetchJson(`/flows/${name}`));
        if (!flow.ok) throw new Error(`flows/${name} is invalid`);
        // The first 5,000 paths and a seeded sample (as the example-flow tests do) reach every step.
        const all = allWalks(flow.flow, 5_000);
        const walks = oneWalkPerStep(all.complete ? all.walks : [...all.walks, ...sampleWalks(flow.flow, 2_000, 2026)]);
        const steps = new Set(walks.map((w) => w.end));
        const problems: string[] = [];
        for (const walk of walks) {
          const el = await fixture<SupportFinder>(html`<support-finder flow="/flows/${name}"></support-finder>`);
          await shown(el);
          for (const move of walk.moves) {
            await playMove(el, move);
          }
          const at = `${walk.end} (${headingText(el)})`;
          problems.push(...overflow(el).map((p) => `${at}: ${p}`));
          const step = flow.flow.steps.find((s) => s.id === walk.end);
          if (step?.kind === 'question' && !step.optional) {
            // With the error summary and message.
            await answer(el, shadow(el).querySelector('#sf-field') ? '' : []);
            expect(shadow(el).querySelector('.error-summary') !== null, `no error at ${at}`).to.equal(true);
            problems.push(...overflow(el).map((p) => `${at} with an error: ${p}`));
          }
          const seeAll = [...shadow(el).querySelectorAll<HTMLElement>('.actions .button.secondary')].find((b) => b.textContent?.trim() === 'See all services');
          if (step?.kind === 'outcome' && seeAll) {
            seeAll.click();
            await el.updateComplete;
            expect(headingText(el)).to.equal('All services');
            problems.push(...overflow(el).map((p) => `All services: ${p}`));
            // And with the filters unfolded, as on a small screen after "Filter services".
            const fold = shadow(el).querySelector<HTMLDetailsElement>('details.filter-fold');
            if (fold) fold.open = true;
            problems.push(...overflow(el).map((p) => `All services, filters open: ${p}`));
          }
          if (walk.moves.length === 0) {
            $(el, '.get-help').click();
            await el.updateComplete;
            problems.push(...overflow(el).map((p) => `urgent help: ${p}`));
            // And urgent help's way on, to the support that follows it.
            $(el, '.urgent ~ .actions button').click();
            await el.updateComplete;
            steps.add(currentStep(flow.flow, continueFrom(flow.flow, goToUrgentHelp(flow.flow, startSession(flow.flow)))).id);
            problems.push(...overflow(el).map((p) => `after urgent help (${headingText(el)}): ${p}`));
          }
          el.remove();
        }
        // Every step was shown (urgent help through "Get help now", if no answer leads there).
        expect(flow.flow.steps.filter((s) => s.kind !== 'urgent' && !steps.has(s.id)).map((s) => s.id)).to.deep.equal([]);
        expect(problems).to.deep.equal([]);
      });
    }
  }

  /** test/flows/basic.json with a service whose name, description and address do not fit 320px unbroken. */
  async function longWordsFlow(): Promise<string> {
    const flow = clone((await fetchJson('/test/flows/basic.json')) as { services: Array<Record<string, unknown>> });
    const long = 'Kinder-und-Jugendlichen-Psychotherapeutenkammer';
    const service = flow.services.find((s) => s.id === 'north-counselling') as Record<string, unknown>;
    service.name = `${long}${long}`;
    service.description = `Write to ${long.toLowerCase()}@example.org.uk or see https://example.org.uk/${long}/${long}?ref=${long}`;
    service.contact = [{ type: 'website', url: `https://www.example.org.uk/${long}/${long}/${long}`, label: `${long}${long}.example.org.uk` }];
    return URL.createObjectURL(new Blob([JSON.stringify(flow)], { type: 'application/json' }));
  }

  it('long words and addresses wrap at 320px (and would overflow if they could not)', async () => {
    await setViewport({ width: 320, height: 800 });
    const url = await longWordsFlow();
    try {
      const el = await finderOn('results', undefined, url);
      expect(shadow(el).textContent).to.include('Kinder-und-Jugendlichen-PsychotherapeutenkammerKinder');
      expect(overflow(el)).to.deep.equal([]);
      // The check sees overflow when words may not break: the host forces that through a part.
      const sheet = document.createElement('style');
      sheet.textContent = 'support-finder::part(card) { overflow-wrap: normal; word-break: normal; }';
      document.head.append(sheet);
      try {
        expect(overflow(el).length).to.be.greaterThan(0);
      } finally {
        sheet.remove();
      }
      el.remove();
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
