import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // No viteFinal is needed for Lit's legacy decorators: Vite 8 compiles TypeScript with Oxc, which
  // reads experimentalDecorators and useDefineForClassFields: false from ../tsconfig.json.
  // (Checked in the built preview: decorators become __decorate calls, and fields are assigned in
  // the constructor rather than defined over Lit's accessors.)
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
