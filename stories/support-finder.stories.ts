/**
 * Every state of <support-finder> a designer needs to sign off, each reached by driving the real
 * element through its own controls (as a person would), never by setting its internal state.
 *
 * Most stories use the small test flow (test/flows/basic.json), which has every question type;
 * stories/flows/results.json exists only to show results with no services at all.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';

interface Args {
  /** The address of the flow file, relative to Storybook's iframe.html. */
  flow: string;
}

type Story = StoryObj<Args>;
type Play = NonNullable<Story['play']>;

// Relative addresses, so the stories also work when Storybook is published under a sub-path.
const BASIC = 'test/flows/basic.json';
const RESULTS = 'stories/flows/results.json';
const UK = 'flows/uk-young-people.json';

/** An answer as the person gives it: an option value, several values, a typed value, or Skip. */
type Input = string | readonly string[];
const SKIP = 'skip';

function $<T extends HTMLElement = HTMLElement>(el: SupportFinder, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing in <support-finder> matches ${selector}`);
  return found;
}

function headingText(el: SupportFinder): string {
  return $(el, '#sf-heading').textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The finder in the story, once it shows a step (or its error screen). */
async function shownFinder(canvasElement: HTMLElement): Promise<SupportFinder> {
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
async function answer(el: SupportFinder, input: Input): Promise<void> {
  if (input === SKIP) {
    $(el, 'form .button.secondary').click();
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
async function continueWithoutAnswer(el: SupportFinder): Promise<void> {
  $(el, 'form button[type="submit"]').click();
  await el.updateComplete;
}

interface Walk {
  /** The answers to give, in order, from the first step. */
  answers?: readonly Input[];
  /** The heading the story must end on. */
  heading: string | RegExp;
  /** The names of the services listed, in order, when the walk ends on results. */
  services?: readonly string[];
  /** Text the step must show, such as an error or no-match message. */
  shows?: string;
  /** A last action on the step reached, such as pressing Continue with no answer. */
  then?: (el: SupportFinder) => Promise<void>;
}

/** A play function that walks the finder to a step and checks it got there. */
function walk({ answers = [], heading, services, shows, then }: Walk): Play {
  return async ({ canvasElement }) => {
    const el = await shownFinder(canvasElement);
    for (const input of answers) await answer(el, input);
    if (then) await then(el);
    if (typeof heading === 'string') await expect(headingText(el)).toBe(heading);
    else await expect(headingText(el)).toMatch(heading);
    if (services) {
      const names = [...(el.shadowRoot?.querySelectorAll('.services > li h3') ?? [])].map((h) => h.textContent?.trim());
      await expect(names).toEqual(services);
    }
    if (shows) await expect(el.shadowRoot?.textContent?.replace(/\s+/g, ' ')).toContain(shows);
  };
}

const meta: Meta<Args> = {
  title: 'Support finder',
  component: 'support-finder',
  args: { flow: BASIC },
  argTypes: {
    flow: { control: 'text', description: 'The address of the flow file (JSON), relative to the page or absolute.' },
  },
  render: ({ flow }) => html`<support-finder flow=${flow}></support-finder>`,
};
export default meta;

// --- Loading and errors ---------------------------------------------------------------------

/**
 * The flow's request held for as long as the story is open: while it is, window.fetch is wrapped
 * so that the request for the `flow` address never answers (it ends only when the element cancels
 * it). Other requests go through, and window.fetch is put back when you leave the story.
 */
export const Loading: Story = {
  beforeEach: ({ args }) => {
    const realFetch = window.fetch;
    const held = new URL(args.flow, document.baseURI).href;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url !== held) return realFetch(input, init);
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    };
    return () => {
      window.fetch = realFetch;
    };
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('support-finder');
    await el?.updateComplete;
    await expect(el?.shadowRoot?.querySelector('.loading')?.textContent).toMatch(/Loading/);
  },
};

/** The flow file is not there (HTTP 404): a message, urgent contacts and Try again. */
export const LoadError: Story = {
  name: 'Load error',
  args: { flow: 'test/flows/missing.json' },
  play: walk({ heading: /not working right now/, shows: 'HTTP status 404' }),
};

/** A flow file with mistakes: the same message, with the errors listed for the flow's author. */
export const InvalidFlow: Story = {
  name: 'Invalid flow',
  args: { flow: 'test/flows/invalid.json' },
  play: walk({ heading: /not working right now/, shows: "steps[0].options[0].next: there is no step called 'age2'" }),
};

// --- Questions ------------------------------------------------------------------------------

/** The first step: one answer from a few, as radios. */
export const SingleChoice: Story = {
  name: 'Question: single choice',
  play: walk({ heading: 'Who is this for?' }),
};

/** A number, typed (the age question). */
export const NumberQuestion: Story = {
  name: 'Question: number',
  play: walk({ answers: ['me'], heading: 'How old are you?' }),
};

/** Several answers as checkboxes, with an exclusive “None of these” after an “or”. */
export const MultipleChoice: Story = {
  name: 'Question: multiple choice with “None of these”',
  play: walk({ answers: ['me', '14'], heading: 'What is worrying you?' }),
};

/** A yes/no question, as two radios. */
export const YesNo: Story = {
  name: 'Question: yes/no',
  play: walk({ answers: ['me', '14', ['anxious']], heading: 'Are you thinking about ending your life?' }),
};

/** A choice from a list (select). This one is optional, with its own skip label. */
export const SelectList: Story = {
  name: 'Question: select (list)',
  play: walk({ answers: ['me', '14', ['anxious'], 'no'], heading: 'Where do you live?' }),
};

/** An optional question: the secondary “Skip this question” button beside Continue. */
export const OptionalQuestion: Story = {
  name: 'Question: optional, with skip button',
  play: walk({ answers: ['me', '14', ['anxious'], 'no', 'north'], heading: 'How would you like to get support?' }),
};

/** Continue pressed with no answer: the error summary (focused) and the message on the field. */
export const QuestionError: Story = {
  name: 'Question: error (no answer)',
  play: walk({ heading: 'Who is this for?', then: continueWithoutAnswer, shows: 'There is a problem' }),
};

/** A number out of range: what was typed is kept, with the message saying what to enter. */
export const NumberError: Story = {
  name: 'Question: error (number out of range)',
  play: walk({ answers: ['me', '3'], heading: 'How old are you?', shows: 'Enter a number that is 5 or more' }),
};

// --- Other steps ----------------------------------------------------------------------------

/** An information page (under 11s are sent here), with a list, bold text and a link. */
export const InfoPage: Story = {
  name: 'Info page',
  play: walk({ answers: ['me', '9'], heading: 'Talk to an adult you trust' }),
};

/** The urgent help card, reached by choosing an answer marked urgent (“I have hurt myself”). */
export const UrgentHelp: Story = {
  name: 'Urgent help',
  play: walk({ answers: ['me', '14', ['hurt']], heading: 'Urgent help: Get help now' }),
};

// --- Results --------------------------------------------------------------------------------

/** Nothing fits the answers and no service is left to show: only the no-match message. */
export const ResultsNoServices: Story = {
  name: 'Results: no services',
  args: { flow: RESULTS },
  play: walk({
    answers: ['money'],
    heading: 'Services that could help',
    services: [],
    shows: 'We could not find a service that fits your answers.',
  }),
};

/** Nothing fits the answers: the flow's no-match message, then its fallback service. */
export const ResultsNoMatch: Story = {
  name: 'Results: no match, with fallback',
  play: walk({
    answers: ['me', '30', ['loss'], 'no', 'north', ['text'], 'no'],
    heading: 'Support after someone dies',
    services: ['Talkline'],
    shows: 'Nothing fits. These can help anyone.',
  }),
};

/** Exactly one service fits, with why it was suggested. */
export const ResultsOneService: Story = {
  name: 'Results: one service',
  play: walk({
    answers: ['me', '14', ['loss'], 'no', 'north', ['helpline'], 'no'],
    heading: 'Support after someone dies',
    services: ['Talkline'],
    shows: 'It offers phone support, which you asked for',
  }),
};

/** Several services, best first, up to the outcome's limit, plus the one it always includes. */
export const ResultsManyServices: Story = {
  name: 'Results: many services',
  play: walk({
    answers: ['me', '14', ['anxious', 'sad'], 'no', 'north', SKIP, 'no'],
    heading: 'Services that could help',
    services: ['North Town Counselling', 'Textline', 'Private therapy', 'Talkline'],
  }),
};

// --- The real UK flow -----------------------------------------------------------------------

/** The first step of the flow shipped in flows/uk-young-people.json. */
export const UkFlowFirstStep: Story = {
  name: 'UK flow: first step',
  args: { flow: UK },
  play: walk({ heading: 'Who are you looking for support for?' }),
};

/** For someone else: after “Someone I care for”, questions speak of “they”. */
export const UkFlowForSomeoneElse: Story = {
  name: 'UK flow: for someone else',
  args: { flow: UK },
  play: walk({ answers: ['parent'], heading: 'How old are they?' }),
};

// --- Directory mode -------------------------------------------------------------------------

/** mode="directory": every service in the flow, A to Z, with filters, instead of the questions. */
export const DirectoryMode: Story = {
  name: 'Directory mode',
  render: ({ flow }) => html`<support-finder flow=${flow} mode="directory"></support-finder>`,
  play: walk({
    heading: 'All services',
    services: ['Calm app', 'Emergency services', 'Grief group', 'North Town Counselling', 'Private therapy', 'Talkline', 'Textline'],
    shows: '7 services',
  }),
};

// --- Keeping results ------------------------------------------------------------------------

/** Presses a button in "Keep these results" by its words. */
async function keep(el: SupportFinder, label: string): Promise<void> {
  const buttons = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('.keep button') ?? [])];
  const button = buttons.find((b) => b.textContent?.trim() === label);
  if (!button) throw new Error(`no "${label}" button in Keep these results`);
  button.click();
  await el.updateComplete;
}

/**
 * With results-endpoint set: "Send to my phone" opened and sent with nothing typed or ticked, so
 * both errors show. Nothing is sent: the finder posts only a valid number with consent.
 */
export const SendToPhoneErrors: Story = {
  name: 'Results: send to my phone, with errors',
  render: ({ flow }) => html`<support-finder flow=${flow} results-endpoint="https://example.org/sms"></support-finder>`,
  play: walk({
    answers: ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'no'],
    heading: 'Services that could help',
    then: async (el) => {
      await keep(el, 'Send to my phone');
      $(el, 'form.phone button[type="submit"]').click();
      await el.updateComplete;
    },
    shows: 'Tick the box to agree to send these results to this number',
  }),
};
