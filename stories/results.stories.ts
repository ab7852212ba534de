/**
 * Results with no, one and many services, long names and descriptions (stories/flows/results.json),
 * and results after the whole questions flow, for the person and for someone else.
 */
import type { Meta } from '@storybook/web-components-vite';
import { QUESTIONS, RESULTS, SKIP, flowArgType, renderFinder, walk, type Args, type Story } from './support.js';

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
