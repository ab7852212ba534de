/**
 * Shared by the stories: each story reaches its state by driving the real element through its
 * own controls (as a person would), never by setting its internal state.
 */
import type { StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';

export interface Args {
  /** The address of the flow file, relative to Storybook's iframe.html. */
  flow: string;
}

export type Story = StoryObj<Args>;
export type Play = NonNullable<Story['play']>;

// Relative addresses, so the stories also work when Storybook is published under a sub-path.
export const QUESTIONS = 'stories/flows/questions.json';
export const RESULTS = 'stories/flows/results.json';
export const BASIC = 'test/flows/basic.json';
export const UK = 'flows/uk-young-people.json';

export const flowArgType = {
  control: 'text',
  description: 'The address of the flow file (JSON), relative to the page or absolute.',
} as const;

export const renderFinder = ({ flow }: Args) => html`<support-finder flow=${flow}></support-finder>`;

/** An answer as the person gives it: an option value, several values, a typed value, or Skip. */
export type Input = string | readonly string[];
export const SKIP = 'skip';

export function $<T extends HTMLElement = HTMLElement>(el: SupportFinder, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing in <support-finder> matches ${selector}`);
  return found;
}

export function headingText(el: SupportFinder): string {
  return $(el, '#sf-heading').textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The finder in the story, once it shows a step (or its error screen). */
export async function shownFinder(canvasElement: HTMLElement): Promise<SupportFinder> {
  const el = canvasElement.querySelector('support-finder');
  if (!el) throw new Error('the story has no <support-finder>');
  await waitFor(
    () => {
      if (!el.shadowRoot?.querySelector('#sf-heading')) throw new Error('the finder never showed a step');
    },
    { timeout: 8000 }
  );
  await el.updateComplete;
  return el;
}

/** Answers the question on screen through its controls, then presses Continue (or Skip). */
export async function answer(el: SupportFinder, input: Input): Promise<void> {
  if (input === SKIP) {
    $(el, 'form .button.secondary').click();
  } else if (input === 'continue' && el.shadowRoot?.querySelector('form') === null) {
    // An info page: its only main button is Continue.
    $(el, '.actions .button').click();
  } else {
    const field = el.shadowRoot?.querySelector<HTMLInputElement | HTMLSelectElement>('#sf-field');
    if (field) {
      field.value = String(input);
    } else {
      for (const value of typeof input === 'string' ? [input] : input) $(el, `#sf-field-${value}`).click();
    }
    $(el, 'form button[type="submit"]').click();
  }
  await el.updateComplete;
}

/** Presses Continue with nothing chosen or typed, so the question shows its error. */
export async function continueWithoutAnswer(el: SupportFinder): Promise<void> {
  $(el, 'form button[type="submit"]').click();
  await el.updateComplete;
}

export interface Walk {
  /** The answers to give, in order, from the first step ('continue' on an info page). */
  answers?: readonly Input[];
  /**
   * The heading the story must end on, in English. In another language (the toolbar) the walk
   * is the same but the words differ, so only English headings are checked.
   */
  heading: string | RegExp;
  /** The number of services listed, when the walk ends on results. */
  services?: number;
  /** English text the step must show, such as an error or no-match message. */
  shows?: string;
  /** A last action on the step reached, such as pressing Continue with no answer. */
  then?: (el: SupportFinder) => Promise<void>;
}

/** A play function that walks the finder to a step and checks it got there. */
export function walk({ answers = [], heading, services, shows, then }: Walk): Play {
  return async ({ canvasElement, globals }) => {
    const el = await shownFinder(canvasElement);
    for (const input of answers) await answer(el, input);
    if (then) await then(el);
    if (services !== undefined) {
      await expect(el.shadowRoot?.querySelectorAll('.services > li').length ?? 0).toBe(services);
    }
    if (globals.locale && globals.locale !== 'en') return;
    if (typeof heading === 'string') await expect(headingText(el)).toBe(heading);
    else await expect(headingText(el)).toMatch(heading);
    if (shows) await expect(el.shadowRoot?.textContent?.replace(/\s+/g, ' ')).toContain(shows);
  };
}
