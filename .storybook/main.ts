import type { StorybookConfig } from '@storybook/web-components-vite';
import { readFile } from 'node:fs/promises';
import { exampleFlowNames } from '../scripts/flow-list-plugin.mjs';

/**
 * Every example flow in flows/ with its step ids, for the flow explorer's controls. Read when
 * Storybook starts or builds, from the same list the demo's picker and the tests use.
 */
async function exampleFlowSteps(): Promise<Record<string, string[]>> {
  const steps: Record<string, string[]> = {};
  for (const name of await exampleFlowNames()) {
    const flow = JSON.parse(await readFile(new URL(`../flows/${name}`, import.meta.url), 'utf8')) as {
      steps?: Array<{ id?: unknown }>;
    };
    steps[name] = (flow.steps ?? []).map((step) => String(step.id));
  }
  return steps;
}

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // No viteFinal is needed for Lit's legacy decorators: Vite 8 compiles TypeScript with Oxc, which
  // reads experimentalDecorators and useDefineForClassFields: false from ../tsconfig.json.
  // (Checked in the built preview: decorators become __decorate calls, and fields are assigned in
  // the constructor rather than defined over Lit's accessors.)
  viteFinal: async (vite) => ({
    ...vite,
    define: { ...vite.define, __SF_EXAMPLE_FLOWS__: JSON.stringify(await exampleFlowSteps()) },
  }),
  // The stories load flow files over HTTP, as a page embedding the finder would.
  staticDirs: [
    { from: '../flows', to: '/flows' },
    { from: '../test/flows', to: '/test/flows' },
    { from: '../stories/flows', to: '/stories/flows' },
    // The interface languages, where the built preview's script looks for them (next to itself).
    { from: '../src/locales', to: '/assets/locales' },
  ],
};

export default config;
