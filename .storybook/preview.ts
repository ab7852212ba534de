import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

const preview: Preview = {
  // Every story in English, Welsh or Arabic (right to left): the finder takes the language from
  // the nearest lang above it, as on a host page.
  globalTypes: {
    locale: {
      description: 'Language of the finder',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'cy', title: 'Cymraeg (Welsh)' },
          { value: 'ar', title: 'العربية (Arabic, right to left)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [(story, context) => html`<div lang=${String(context.globals.locale ?? 'en')}>${story()}</div>`],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // axe runs after each story's play function, so it checks the step the story reaches.
    // 'error' marks any violation as a failure (the browser tests hold the element to the same bar).
    a11y: {
      test: 'error',
      options: {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      },
    },
  },
};

export default preview;
