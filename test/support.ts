/** Shared by the tests: loading flows from the test server and walking the element. */
import { reviewFlow, type AnswerInput, type Flow, type Move } from '../src/engine/index.js';

export async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Loads and validates a flow; fails the test with the errors if it is invalid. */
export async function loadValidFlow(path: string): Promise<Flow> {
  const result = reviewFlow(await fetchJson(path));
  if (!result.ok) throw new Error(`${path} is invalid:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result.flow;
}

/** A deep copy of a flow file's JSON, to break in one place per test. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

import { waitUntil } from '@open-wc/testing';
import type { SupportFinder } from '../src/support-finder.js';

export function shadow(el: SupportFinder): ShadowRoot {
  if (!el.shadowRoot) throw new Error('support-finder has no shadow root');
  return el.shadowRoot;
}

export function $(el: SupportFinder, selector: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Waits until a step (or the error screen) is on screen. */
export async function shown(el: SupportFinder): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('#sf-heading'), 'the finder never showed a step', { timeout: 8000 });
  await el.updateComplete;
}

export function headingText(el: SupportFinder): string {
  return $(el, '#sf-heading').textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * Answers the question on screen through its controls, then presses Continue (or Skip). For
 * scripts written by hand; walks from the engine use playMove, where an option called "skip" is
 * an answer like any other.
 */
export async function answer(el: SupportFinder, input: string | string[] | 'skip'): Promise<void> {
  if (input === 'skip') {
    $(el, 'form .button.secondary').click();
    await el.updateComplete;
  } else {
    await give(el, input);
  }
}

async function give(el: SupportFinder, input: AnswerInput): Promise<void> {
  const field = shadow(el).querySelector<HTMLInputElement | HTMLSelectElement>('#sf-field');
  if (field) {
    field.value = String(input ?? '');
  } else {
    for (const value of Array.isArray(input) ? input : [input]) $(el, `#sf-field-${value}`).click();
  }
  $(el, 'form button[type="submit"]').click();
  await el.updateComplete;
}

/** One move of an engine walk, through the controls (or the keyboard alone). */
export async function playMove(el: SupportFinder, move: Move, keyboard = false): Promise<void> {
  if (keyboard) return answerByKeyboard(el, move.kind === 'answer' ? { answer: move.input } : move.kind);
  if (move.kind === 'continue') return continueOn(el);
  if (move.kind === 'skip') return answer(el, 'skip');
  return give(el, move.input);
}

/** Presses the step's main button: Continue on an info page. */
export async function continueOn(el: SupportFinder): Promise<void> {
  $(el, '.actions .button').click();
  await el.updateComplete;
}

/** The element that has focus, looking inside the finder's shadow root. */
export function focused(el: SupportFinder): Element | null {
  return shadow(el).activeElement;
}

import { sendKeys } from '@web/test-runner-commands';

/** Presses Tab until `matches` holds for the focused element (at most `limit` presses). */
export async function tabTo(el: SupportFinder, matches: (focused: Element) => boolean, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const now = focused(el);
    if (now && matches(now)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error('Tab never reached the control');
}

/** Answers the step on screen with the keyboard alone, as a person without a mouse would. */
export async function answerByKeyboard(
  el: SupportFinder,
  given: string | string[] | 'skip' | 'continue' | { answer: AnswerInput }
): Promise<void> {
  // { answer } is always an answer, even one whose value is "skip" or "continue".
  const input = typeof given === 'object' && !Array.isArray(given) ? (given.answer ?? '') : given;
  const action = typeof given === 'object' && !Array.isArray(given) ? 'answer' : given;
  const isButton = (text: RegExp) => (f: Element) => f.tagName === 'BUTTON' && text.test(f.textContent ?? '');
  $(el, '#sf-heading').focus();
  if (action === 'continue') {
    await tabTo(el, (f) => f.matches('.actions .button'));
  } else if (action === 'skip') {
    await tabTo(el, (f) => f.matches('form .button.secondary'));
  } else {
    const field = shadow(el).querySelector<HTMLInputElement | HTMLSelectElement>('#sf-field');
    if (field instanceof HTMLInputElement) {
      await tabTo(el, (f) => f === field);
      await sendKeys({ type: String(input) });
    } else if (field instanceof HTMLSelectElement) {
      await tabTo(el, (f) => f === field);
      const target = [...field.options].findIndex((o) => o.value === input);
      for (let i = field.selectedIndex; i < target; i++) await sendKeys({ press: 'ArrowDown' });
    } else {
      const wanted = Array.isArray(input) ? input : [input];
      const first = shadow(el).querySelector<HTMLInputElement>('.choice input');
      if (first?.type === 'radio') {
        // Tab into the group, then arrow keys choose.
        await tabTo(el, (f) => f instanceof HTMLInputElement && f.type === 'radio');
        const radios = [...shadow(el).querySelectorAll<HTMLInputElement>('.choice input')];
        const target = radios.findIndex((r) => r.value === wanted[0]);
        if (target === 0) await sendKeys({ press: 'Space' });
        for (let i = 0; i < target; i++) await sendKeys({ press: 'ArrowDown' });
      } else {
        for (const value of wanted) {
          await tabTo(el, (f) => f instanceof HTMLInputElement && f.value === value);
          await sendKeys({ press: 'Space' });
        }
      }
    }
    await tabTo(el, isButton(/Continue/));
  }
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}
