/// <reference types="vite/client" />
/**
 * Tools/Flow map: <support-finder-map> drawing any flow in flows/, picked in the controls.
 *
 * The list of flows is the files in flows/ (read when Storybook builds), with the same rule as
 * scripts/flow-list-plugin.mjs for the demo page: every .json but the schema and flow tests.
 * Storybook serves flows/ as static files, so the map fetches a flow as a page would.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/tools/flow-map.js';

const FLOWS = Object.keys(import.meta.glob('../flows/*.json'))
  .map((path) => path.slice('../flows/'.length))
  .filter((name) => !name.endsWith('.test.json') && name !== 'flow.schema.json' && name !== 'index.json')
  .sort()
  .map((name) => `flows/${name}`);

interface Args {
  /** The address of the flow file, relative to Storybook's iframe.html. */
  flow: string;
}

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Tools/Flow map',
  component: 'support-finder-map',
  args: { flow: FLOWS.includes('flows/uk-young-people.json') ? 'flows/uk-young-people.json' : FLOWS[0] },
  argTypes: {
    flow: { control: 'select', options: FLOWS, description: 'The flow to draw: any flow in flows/.' },
  },
  render: ({ flow }) => html`<support-finder-map flow=${flow}></support-finder-map>`,
  play: async ({ canvasElement }) => {
    const map = canvasElement.querySelector('support-finder-map');
    await waitFor(
      () => {
        if (!map?.shadowRoot?.querySelector('svg, [role="alert"]')) throw new Error('the map was never drawn');
      },
      { timeout: 8000 }
    );
    await expect(map?.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
  },
};
export default meta;

/** The map of the flow chosen in the controls (the UK flow first). */
export const FlowMap: Story = {};

/** An invalid flow: no map, every validation error in words with its path. */
export const InvalidFlow: Story = {
  args: { flow: 'test/flows/invalid.json' },
  play: async ({ canvasElement }) => {
    const map = canvasElement.querySelector('support-finder-map');
    await waitFor(
      () => {
        if (!map?.shadowRoot?.querySelector('[role="alert"] li')) throw new Error('no errors shown');
      },
      { timeout: 8000 }
    );
    await expect(map?.shadowRoot?.textContent).toContain('so it cannot be drawn');
  },
};
