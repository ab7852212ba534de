/** The example flow shipped in flows/, and directory mode. */
import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { BASIC, UK, flowArgType, renderFinder, walk, type Args, type Story } from './support.js';

const meta: Meta<Args> = {
  title: 'Example flows',
  component: 'support-finder',
  args: { flow: UK },
  argTypes: { flow: flowArgType },
  render: renderFinder,
};
export default meta;

/** The first step of flows/uk-young-people.json. Any other step: see Tools/Flow explorer. */
export const UkFirstStep: Story = {
  name: 'UK flow: first step',
  play: walk({ heading: 'Who are you looking for support for?' }),
};

/** For someone else: after “Someone I care for”, questions speak of “they”. */
export const UkForSomeoneElse: Story = {
  name: 'UK flow: for someone else',
  play: walk({ answers: ['parent'], heading: 'How old are they?' }),
};

/** mode="directory": every service in the flow, A to Z, with filters, instead of the questions. */
export const Directory: Story = {
  name: 'Directory mode',
  args: { flow: BASIC },
  render: ({ flow }) => html`<support-finder flow=${flow} mode="directory"></support-finder>`,
  play: walk({ heading: 'All services', services: 7, shows: '7 services' }),
};
