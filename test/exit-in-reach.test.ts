/**
 * "Leave this page quickly" and "Get help now" stay on screen while the finder does, on every
 * screen and size, without hiding what takes focus; and each new step starts at the finder's top.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { $, answer, answerByKeyboard, focused, headingText, shadow, shown } from './support.js';

const UK = '/flows/uk-young-people.json';
/** A walk through the UK flow to its results, the longest screen a young person sees. */
const TO_RESULTS: Array<string | string[]> = ['me', '15', ['anxious'], 'no', 'days', 'skip', 'england', 'skip', 'skip'];

/** The finder between a tall host header and footer, so the page scrolls past it both ways. */
async function hosted(flow: string): Promise<SupportFinder> {
  const page = await fixture<HTMLDivElement>(html`<div>
    <div style="height: 400px">Host page header</div>
    <support-finder flow=${flow}></support-finder>
    <div style="height: 2000px">Host page footer</div>
  </div>`);
  return page.querySelector('support-finder') as SupportFinder;
}

function rect(el: SupportFinder, selector: string): DOMRect {
  return $(el, selector).getBoundingClientRect();
}

/** Scrolls the page so the finder's top is well above the screen while the finder is still on it. */
async function scrollIntoFinder(el: SupportFinder): Promise<void> {
  const finder = rect(el, '.finder');
  const bar = rect(el, '.exit-bar');
  const by = Math.max(1, Math.min(400, finder.height - bar.height - 60));
  window.scrollTo(0, window.scrollY + finder.top + by);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Why the bar's controls are not all on screen; empty when they are. */
function barProblems(el: SupportFinder, where: string): string[] {
  const problems: string[] = [];
  const bar = rect(el, '.exit-bar');
  if (Math.abs(bar.top) > 1) problems.push(`${where}: the bar is at ${bar.top}, not the top of the screen`);
  for (const control of shadow(el).querySelectorAll<HTMLElement>('.exit-bar button')) {
    const r = control.getBoundingClientRect();
    if (r.top < -0.5 || r.bottom > innerHeight + 0.5 || r.left < -0.5 || r.right > innerWidth + 0.5 || r.width === 0) {
      problems.push(`${where}: "${control.textContent?.trim()}" is off screen (${r.top}–${r.bottom})`);
    }
  }
  return problems;
}

/** Every screen of the UK flow, each reached from a fresh finder. */
const screens: Array<{ name: string; flow?: string; reach?: (el: SupportFinder) => Promise<void>; getHelp: boolean }> = [
  { name: 'loading', flow: `/slow/3000${UK}`, getHelp: false },
  { name: 'error', flow: '/misbehave/status/404', getHelp: false },
  { name: 'question', reach: async () => undefined, getHelp: true },
  {
    name: 'info',
    reach: async (el) => {
      await answer(el, 'me');
      await answer(el, '11');
    },
    getHelp: true,
  },
  {
    name: 'urgent',
    reach: async (el) => {
      $(el, '.get-help').click();
      await el.updateComplete;
    },
    getHelp: false,
  },
  {
    name: 'results',
    reach: async (el) => {
      for (const input of TO_RESULTS) await answer(el, input);
    },
    getHelp: true,
  },
  {
    name: 'directory',
    reach: async (el) => {
      for (const input of TO_RESULTS) await answer(el, input);
      [...shadow(el).querySelectorAll<HTMLElement>('.button.secondary')].find((b) => b.textContent?.trim() === 'See all services')?.click();
      await el.updateComplete;
    },
    getHelp: true,
  },
];

const sizes = [
  { label: 'a 375px phone', viewport: { width: 375, height: 667 } },
  { label: '320px wide', viewport: { width: 320, height: 568 } },
  { label: '200% zoom', viewport: { width: 640, height: 800, deviceScaleFactor: 2 } },
  { label: 'text size 200%', viewport: { width: 640, height: 800 }, fontSize: 32 },
];

afterEach(() => window.scrollTo(0, 0));
after(async () => {
  await setViewport({ width: 800, height: 600 });
  await executeServerCommand('sf-default-font-size', { size: 16 });
});

describe('exit and help stay in reach', () => {
  for (const { label, viewport, fontSize } of sizes) {
    it(`at ${label}, both stay on screen on every screen while the page scrolls`, async function () {
      this.timeout(60_000);
      await setViewport(viewport as { width: number; height: number });
      await executeServerCommand('sf-default-font-size', { size: fontSize ?? 16 });
      const problems: string[] = [];
      for (const screen of screens) {
        const el = await hosted(screen.flow ?? UK);
        if (screen.name === 'loading') await waitUntil(() => shadow(el).querySelector('.loading'), 'not loading');
        else await shown(el);
        await screen.reach?.(el);
        if (screen.name !== 'loading' && screen.name !== 'error') expect(headingText(el)).to.not.equal('');
        await scrollIntoFinder(el);
        problems.push(...barProblems(el, screen.name));
        if (label === sizes[0].label) {
          // Compact on a phone: one row, no taller than its tallest control and its padding.
          const tallest = Math.max(...[...shadow(el).querySelectorAll('.exit-bar button')].map((b) => b.getBoundingClientRect().height));
          expect(rect(el, '.exit-bar').height, `${screen.name}: the bar is one row`).to.be.below(tallest + 20);
        }
        expect(shadow(el).querySelector('.exit-bar .quick-exit'), screen.name).to.exist;
        expect(shadow(el).querySelector('.exit-bar .get-help') !== null, `${screen.name}: Get help now`).to.equal(screen.getHelp);
        if (label === sizes[0].label) await expect(el).to.be.accessible();
        el.remove();
      }
      expect(problems).to.deep.equal([]);
    });

    it(`at ${label}, Tab never puts a control under the bar on the results page`, async function () {
      this.timeout(60_000);
      await setViewport(viewport as { width: number; height: number });
      await executeServerCommand('sf-default-font-size', { size: fontSize ?? 16 });
      const el = await hosted(UK);
      await shown(el);
      for (const input of TO_RESULTS) await answer(el, input);
      await scrollIntoFinder(el);
      const problems: string[] = [];
      /** Presses `key` until focus leaves the finder or comes round again, checking each control. */
      async function walk(key: 'Tab' | 'Shift+Tab'): Promise<number> {
        // (Tab between the Shift presses starts quick exit's count of three again.)
        const press = async () => {
          if (key === 'Tab') return sendKeys({ press: 'Tab' });
          await sendKeys({ down: 'Shift' });
          await sendKeys({ press: 'Tab' });
          await sendKeys({ up: 'Shift' });
        };
        const seen = new Set<Element>([focused(el) as Element]);
        await press();
        for (let presses = 0; presses < 150; presses++) {
          const now = focused(el);
          if (!now || seen.has(now)) break;
          seen.add(now);
          await new Promise((resolve) => requestAnimationFrame(resolve));
          if (!now.closest('.exit-bar')) {
            const bar = rect(el, '.exit-bar');
            const r = now.getBoundingClientRect();
            const name = `${key}: ${now.tagName.toLowerCase()} "${now.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
            if (r.top < bar.bottom - 0.5) problems.push(`${name} starts at ${r.top}, under the bar (ends ${bar.bottom})`);
            if (r.bottom > innerHeight + 0.5 && r.height < innerHeight - bar.height) problems.push(`${name} ends below the screen`);
          }
          await press();
        }
        return seen.size;
      }
      // Forwards from the results heading (focused before the page was scrolled), then back
      // from the last control: going back is when a control comes in under a top bar.
      expect(focused(el)?.id).to.equal('sf-heading');
      const forwards = await walk('Tab');
      const controls = [...shadow(el).querySelectorAll<HTMLElement>('.finder :is(a, button, input, select, textarea, summary)')];
      controls[controls.length - 1].focus();
      const backwards = await walk('Shift+Tab');
      const seen = { size: Math.min(forwards, backwards) };
      expect(seen.size, 'Tab went through the results').to.be.greaterThan(20);
      expect(problems).to.deep.equal([]);
      el.remove();
    });
  }

  it('a new step starts at the finder’s top (progress and heading), not only its heading', async () => {
    await setViewport({ width: 375, height: 667 });
    const el = await hosted(UK);
    await shown(el);
    await answer(el, 'me');
    await answer(el, '15');
    expect(headingText(el)).to.match(/What.*worr|worr/i);
    // Tick the last worry, low in a long list, by keyboard: the page scrolls down to it.
    const boxes = shadow(el).querySelectorAll<HTMLInputElement>('.choice input');
    await answerByKeyboard(el, [boxes[boxes.length - 2].value]);
    expect(window.scrollY, 'the page was scrolled past the finder’s top').to.be.greaterThan(400);
    await waitUntil(() => focused(el)?.id === 'sf-heading', 'the new heading did not take focus');
    const top = rect(el, '.finder').top;
    expect(Math.abs(top), `the finder's top is at ${top}`).to.be.lessThan(1);
    const progress = rect(el, '.hint');
    expect(progress.top).to.be.at.least(rect(el, '.exit-bar').bottom - 0.5);
    expect(shadow(el).querySelector('.hint')?.textContent).to.match(/Question \d+ of about \d+/);
    el.remove();
  });

  it('a page that already shows the finder whole does not move', async () => {
    await setViewport({ width: 800, height: 1800 });
    const el = await hosted(UK);
    await shown(el);
    await answerByKeyboard(el, 'me');
    await waitUntil(() => focused(el)?.id === 'sf-heading', 'the new heading did not take focus');
    expect(window.scrollY).to.equal(0);
    await answerByKeyboard(el, '15');
    await waitUntil(() => headingText(el) !== '' && focused(el)?.id === 'sf-heading', 'no heading');
    expect(window.scrollY).to.equal(0);
    el.remove();
  });
});
