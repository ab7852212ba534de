/** What a person sees before a flow is on screen: loading, and every way loading can fail. */
import type { Meta } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { QUESTIONS, flowArgType, headingText, renderFinder, shownFinder, walk, type Args, type Story } from './support.js';

const meta: Meta<Args> = {
  title: 'States',
  component: 'support-finder',
  args: { flow: QUESTIONS },
  argTypes: { flow: flowArgType },
  render: renderFinder,
};
export default meta;

/**
 * The flow's request held for as long as the story is open: while it is, window.fetch is wrapped
 * so that the request for the `flow` address never answers (it ends only when the element cancels
 * it). Other requests go through, and window.fetch is put back when you leave the story. This
 * works the same in `storybook dev` and in the static build, where no server can be told to stall.
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
    await expect(el?.shadowRoot?.querySelector('.loading') !== null).toBe(true);
  },
};

/** The flow file is not there (HTTP 404): a message, urgent contacts and Try again. */
export const LoadError: Story = {
  name: 'Load error (404)',
  args: { flow: 'stories/flows/missing.json' },
  play: walk({ heading: /not working right now/, shows: 'HTTP status 404' }),
};

/** The address answers with something that is not JSON. */
export const NotJson: Story = {
  name: 'Load error (not JSON)',
  args: { flow: 'test/flows/not-json.json' },
  play: walk({ heading: /not working right now/ }),
};

/** A flow file with mistakes: the same message, each error listed by place and code for the flow's author. */
export const InvalidFlow: Story = {
  name: 'Invalid flow',
  args: { flow: 'test/flows/invalid.json' },
  play: walk({ heading: /not working right now/, shows: 'steps[0].options[0].next: unknown-step ("age2")' }),
};

/**
 * A step that could not be built (a fault no valid flow should cause, made here by breaking the
 * loaded flow's first question): a message and the flow's urgent contacts in its place, never a
 * blank or frozen screen. The host hears sf-error with kind "render" and part "step".
 */
export const StepNotShown: Story = {
  name: 'Step could not be shown',
  play: async ({ canvasElement }) => {
    const el = await shownFinder(canvasElement);
    const flow = (el as unknown as { load: { flow: { steps: object[] } } }).load.flow;
    Object.defineProperty(flow.steps[0], 'question', {
      get() {
        throw new Error('story: this question cannot be read');
      },
    });
    el.requestUpdate();
    await el.updateComplete;
    // In any language: the question is gone, a heading and urgent contacts are there.
    await expect(el.shadowRoot?.querySelector('form') === null && headingText(el) !== '').toBe(true);
    await expect(el.shadowRoot?.querySelector('.urgent a[href^="tel:"]') !== null).toBe(true);
  },
};
