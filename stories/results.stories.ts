/**
 * Results with no, one and many services, long names and descriptions (stories/flows/results.json),
 * and results after the whole questions flow, for the person and for someone else.
 */
import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SupportFinder } from '../src/support-finder.js';
import { $, BASIC, QUESTIONS, RESULTS, SKIP, UK, flowArgType, renderFinder, walk, type Args, type Story } from './support.js';

const meta: Meta<Args> = {
  title: 'Steps/Results',
  component: 'support-finder',
  args: { flow: RESULTS },
  argTypes: { flow: flowArgType },
  render: renderFinder,
};
export default meta;

/** Nothing fits and the flow names no fallback: only the no-match message. */
export const NoServices: Story = {
  name: 'No services',
  play: walk({ answers: ['money'], heading: 'Services that could help', services: 0, shows: 'We could not find a service' }),
};

/** Exactly one service fits, with why it was suggested. */
export const OneService: Story = {
  name: 'One service',
  play: walk({ answers: ['sleep'], heading: 'Services that could help', services: 1, shows: 'Sleep clinic' }),
};

/** Several services, with every kind of contact (phone with a label, email, address, website). */
export const ManyServices: Story = {
  name: 'Many services',
  play: walk({ answers: ['feelings'], heading: 'Services that could help', services: 3 }),
};

/** A very long name, description, opening hours, contact label, email address and web address. */
export const LongText: Story = {
  name: 'Long names and descriptions',
  play: walk({ answers: ['family'], heading: 'Services that could help', services: 1, shows: 'Support Partnership' }),
};

/** Nothing fits: the flow's no-match message, then its fallback service. */
export const NoMatchWithFallback: Story = {
  name: 'No match, with fallback',
  args: { flow: QUESTIONS },
  play: walk({
    answers: ['me', '14', ['sleep'], 'no', 'south', 'counselling'],
    heading: 'Services that could help you',
    services: 1,
    shows: 'We could not find a service that fits.',
  }),
};

/** A service that matches every answer, after the whole questions flow, with why it was suggested. */
export const AfterQuestions: Story = {
  name: 'After the questions',
  args: { flow: QUESTIONS },
  play: walk({
    answers: ['me', '14', ['anxious'], 'no', 'north', 'counselling'],
    heading: 'Services that could help you',
    services: 1,
    shows: 'North Town Counselling',
  }),
};

/** For someone else: the results speak of “them”. */
export const ThirdPerson: Story = {
  name: 'Third person',
  args: { flow: QUESTIONS },
  play: walk({
    answers: ['someone-else', '14', ['low'], 'no', 'north', SKIP],
    heading: 'Services that could help them',
  }),
};

/** Opens "Send to my phone" in "Keep these results" (the one button there that opens a form). */
async function openSendToPhone(el: SupportFinder): Promise<void> {
  const button = el.shadowRoot?.querySelector<HTMLElement>('.keep button[aria-expanded]');
  if (!button) throw new Error('no "Send to my phone" button in Keep these results');
  button.click();
  await el.updateComplete;
}

/** The finder with `results-endpoint` set, so "Keep these results" offers Send to my phone. */
const withPhoneEndpoint = ({ flow }: Args) => html`<support-finder flow=${flow} results-endpoint="https://example.org/sms"></support-finder>`;

/** With `results-endpoint` set, "Keep these results" offers Send to my phone too. */
export const KeepTheseResults: Story = {
  name: 'Keep these results, with send to my phone',
  render: withPhoneEndpoint,
  play: walk({ answers: ['feelings'], heading: 'Services that could help', services: 3, shows: 'Send to my phone' }),
};

/**
 * "Send to my phone" opened and sent with nothing typed or ticked, so both errors show. Nothing
 * is sent: the finder posts only a valid number with consent.
 */
export const SendToPhoneErrors: Story = {
  name: 'Send to my phone, with errors',
  render: withPhoneEndpoint,
  play: walk({
    answers: ['feelings'],
    heading: 'Services that could help',
    then: async (el) => {
      await openSendToPhone(el);
      $(el, 'form.phone button[type="submit"]').click();
      await el.updateComplete;
    },
    shows: 'Tick the box to agree to send these results to this number',
  }),
};

/** The UK flow, as a 14-year-old who is anxious and low and wants chat or online support. */
const UK_WALK = ['me', '14', ['anxious', 'low'], 'no', 'weeks', 'yes', 'england', ['chat', 'online'], 'yes'];

/** How many were found, the best three first, the rest folded under "More services". */
export const BestFewAndMore: Story = {
  name: 'Best few, then More services',
  args: { flow: UK },
  play: walk({ answers: UK_WALK, heading: 'Support for you', shows: 'services found' }),
};

/** "More services" opened: the rest of the services found. */
export const MoreServicesOpen: Story = {
  name: 'More services, opened',
  args: { flow: UK },
  play: walk({
    answers: UK_WALK,
    heading: 'Support for you',
    then: async (el) => {
      $(el, 'details.more summary').click();
      await el.updateComplete;
    },
    shows: 'More services',
  }),
};

/** The always-shown helplines, in their own group after the services found for the person. */
export const HelplinesGroup: Story = {
  name: 'Helplines group',
  args: { flow: BASIC },
  play: walk({
    answers: ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'no'],
    heading: 'Services that could help',
    then: async (el) => $(el, '#sf-helplines').scrollIntoView(),
    shows: 'If you want to talk to someone now',
  }),
};

/** Nothing matched: the flow's own no-match words instead of its body, then the helplines. */
export const NothingMatched: Story = {
  name: 'Nothing matched, helplines only',
  args: { flow: BASIC },
  play: walk({
    answers: ['me', '20', ['anxious'], 'no', 'north', ['helpline'], 'no'],
    heading: 'Services that could help',
    shows: 'We could not find a service that fits.',
  }),
};

/** "Why we suggested this" as it first shows: folded away. */
export const ReasonsFolded: Story = {
  name: 'Reasons folded',
  args: { flow: BASIC },
  play: walk({
    answers: ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'no'],
    heading: 'Services that could help',
    shows: 'Why we suggested this',
  }),
};

/** "Why we suggested this" opened: only the reasons worth reading for this card. */
export const ReasonsUnfolded: Story = {
  name: 'Reasons unfolded',
  args: { flow: BASIC },
  play: walk({
    answers: ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'no'],
    heading: 'Services that could help',
    then: async (el) => {
      $(el, 'details.why summary').click();
      await el.updateComplete;
    },
    shows: 'It covers North Town',
  }),
};
