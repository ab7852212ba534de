/** The steps that are not questions: information pages and urgent help. */
import type { Meta } from '@storybook/web-components-vite';
import { QUESTIONS, flowArgType, renderFinder, walk, type Args, type Story } from './support.js';

const meta: Meta<Args> = {
  title: 'Steps/Pages',
  component: 'support-finder',
  args: { flow: QUESTIONS },
  argTypes: { flow: flowArgType },
  render: renderFinder,
};
export default meta;

/** An information page (under 11s are sent here), with a list, bold text, a link and Continue. */
export const Info: Story = {
  name: 'Info page',
  play: walk({ answers: ['me', '9'], heading: 'Talk to an adult you trust' }),
};

/** The urgent help card, reached by choosing an answer marked urgent (“I have hurt myself”). */
export const UrgentFromAnswer: Story = {
  name: 'Urgent help, from an answer',
  play: walk({ answers: ['me', '14', ['hurt']], heading: 'Urgent help: Get help now' }),
};

/** The same card for someone else, reached from a yes/no answer. */
export const UrgentThirdPerson: Story = {
  name: 'Urgent help, for someone else',
  play: walk({ answers: ['someone-else', '14', ['low'], 'yes'], heading: 'Urgent help: Get help now' }),
};

/** “Get help now” pressed on the first screen: Back returns to the question. */
export const UrgentFromGetHelp: Story = {
  name: 'Urgent help, from “Get help now”',
  play: walk({
    heading: 'Urgent help: Get help now',
    then: async (el) => {
      el.shadowRoot?.querySelector<HTMLElement>('.get-help')?.click();
      await el.updateComplete;
    },
  }),
};

/** Urgent help with its way on: the contacts first, then a secondary button for when they are ready. */
export const UrgentWithWayOn: Story = {
  name: 'Urgent help, with its way on',
  play: walk({
    answers: ['me', '14', ['hurt']],
    heading: 'Urgent help: Get help now',
    shows: "When you're ready: other support that can help",
  }),
};

/** After urgent help: the way on pressed, results matched to what they said (self-harm). Back returns to urgent help. */
export const AfterUrgentHelp: Story = {
  name: 'After urgent help: other support',
  play: walk({
    answers: ['me', '14', ['hurt']],
    heading: 'Services that could help you',
    then: async (el) => {
      const buttons = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
      buttons.find((b) => /other support that can help/.test(b.textContent ?? ''))?.click();
      await el.updateComplete;
    },
    shows: 'Textline',
  }),
};
