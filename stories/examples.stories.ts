/** The example flow shipped in flows/, and directory mode. */
import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { $, BASIC, UK, flowArgType, renderFinder, shownFinder, walk, type Args, type Story } from './support.js';

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

/**
 * A 375px phone, scrolled well down the results: “Get help now” and “Leave this page quickly”
 * stay at the top of the screen, in one row, over the results they scroll past.
 */
export const StickyBar: Story = {
  name: 'UK flow: exit and help stay on screen (375px, scrolled)',
  render: ({ flow }) => html`<div style="max-inline-size: 375px"><support-finder flow=${flow}></support-finder></div>`,
  play: async (context) => {
    await walk({ answers: ['me', '15', ['anxious'], 'no', 'days', 'skip', 'england', 'skip', 'skip'], heading: /.+/ })(context);
    const el = await shownFinder(context.canvasElement);
    window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top + 1500);
    await waitFor(() => expect(Math.abs($(el, '.exit-bar').getBoundingClientRect().top)).toBeLessThan(1), { timeout: 5000 });
    await expect($(el, '.exit-bar .get-help')).toBeTruthy();
    // Back to the top before axe runs: its target-size rule counts a link as small at the moment
    // it passes under the bar, which any sticky bar does mid-scroll, and where the links fall
    // under it depends only on the flow's text. Focus never goes under the bar: that is
    // test/exit-in-reach.test.ts, Tab by Tab.
    window.scrollTo(0, 0);
  },
};

const EXAMPLESHIRE = 'flows/exampleshire.json';

/** The first screen offers the A to Z list to the adults who want it (the flow's `directoryLink`, or a default). */
export const FirstScreenDirectoryLink: Story = {
  name: 'First screen: see all services',
  args: { flow: EXAMPLESHIRE },
  play: walk({ heading: 'This is an example', shows: 'I work with young people: see all services' }),
};

/**
 * The Exampleshire A to Z list: ages, areas and cost on every card, and the letter index.
 * On a screen narrower than 40em the filters start folded (next story).
 */
export const DirectoryLetterIndex: Story = {
  name: 'Directory mode: facts and letter index',
  args: { flow: EXAMPLESHIRE },
  render: ({ flow }) => html`<support-finder flow=${flow} mode="directory"></support-finder>`,
  play: walk({ heading: 'All services', shows: 'Ages' }),
};

/** The filters folded away, as they start on a small screen: "Filter services" opens them. */
export const DirectoryFoldedFilters: Story = {
  name: 'Directory mode: filters folded',
  args: { flow: EXAMPLESHIRE },
  render: ({ flow }) => html`<support-finder flow=${flow} mode="directory" style="max-width: 375px"></support-finder>`,
  play: walk({
    heading: 'All services',
    shows: 'Filter services',
    // The fold follows the window's width, not the story's: close it as a small screen would start.
    then: async (el) => {
      const fold = el.shadowRoot?.querySelector<HTMLDetailsElement>('details.filter-fold');
      if (fold) fold.open = false;
    },
  }),
};
