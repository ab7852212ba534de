/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';

// The custom-elements manifest (`npm run manifest`) gives the docs and controls every attribute's
// description. A glob, not an import, so Storybook still builds before that file exists.
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

/** The toolbar's choices, applied to every <support-finder> in the story. */
export interface FinderGlobals {
  theme?: 'default' | 'neutral';
  locale?: 'en' | 'cy' | 'ar';
  dir?: 'auto' | 'ltr' | 'rtl';
}

function applyGlobals(root: Element | undefined, { theme, locale }: FinderGlobals): void {
  for (const finder of root?.parentElement?.querySelectorAll('support-finder') ?? []) {
    if (theme && theme !== 'default') finder.setAttribute('theme', theme);
    else finder.removeAttribute('theme');
    if (locale) finder.setAttribute('lang', locale);
  }
}

/**
 * Theme and language go on the element itself (as a host page would set them); direction goes on
 * the wrapper, as a right-to-left page would have it, and "auto" leaves it to the element. The
 * wrapper's lang is the fallback the element reads before it follows its own lang attribute.
 * The marker after the story is there so its ref runs once the story's elements exist.
 */
const withFinderGlobals: Decorator = (story, { globals }) => {
  const chosen = globals as FinderGlobals;
  const dir = chosen.dir && chosen.dir !== 'auto' ? chosen.dir : undefined;
  return html`<div class="sf-story" lang=${chosen.locale ?? 'en'} dir=${ifDefined(dir)}>
    ${story()}<span hidden ${ref((marker) => applyGlobals(marker, chosen))}></span>
  </div>`;
};

const preview: Preview = {
  decorators: [withFinderGlobals],
  globalTypes: {
    theme: {
      description: 'The look of the finder',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'NHS (default)' },
          { value: 'neutral', title: 'Neutral' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'The language the finder and its flow are shown in',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', right: 'en', title: 'English' },
          { value: 'cy', right: 'cy', title: 'Cymraeg' },
          { value: 'ar', right: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'The text direction of the page around the finder',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'Direction: auto (from the language)' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'default', locale: 'en', dir: 'auto' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // axe runs after each story's play function, so it checks the step the story reaches.
    // 'error' marks any violation as a failure (the browser tests hold the element to the same bar).
    // `npm run test:stories` reads these same options from each story when it runs axe itself.
    a11y: {
      test: 'error',
      options: {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      },
    },
  },
};

export default preview;
