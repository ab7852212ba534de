/**
 * The widget's look: NHS.UK by default (colours, 19px body text, yellow focus ring, 44px
 * targets). Every colour and size reads a `--sf-*` custom property with a fallback, so a host
 * can restyle it without touching this file. Logical properties throughout, for right-to-left.
 * The tokens and parts are documented in docs/theming.md; test/theming.test.ts fails when a
 * token is used here but not documented there, or the other way round.
 */
import { css } from 'lit';

export const styles = css`
  /*
   * The host page's CSS stops here. Its root font-size (rem) and inherited text properties
   * (letter-spacing, text-transform, accent-color…) would otherwise reach every piece of the
   * widget. The host element's own size is pinned to the reader's default text size (an
   * !important inside the shadow root wins over the page's); hosts resize with --sf-font-size.
   */
  :host {
    display: block;
    font-size: medium !important;
  }
  :host([hidden]) {
    display: none;
  }
  /* Type and colour are set inside the shadow root, where a host page's own rules cannot reach. */
  .finder {
    box-sizing: border-box;
    color: var(--sf-color-text, #212b32);
    background: var(--sf-color-background, #fff);
    /* The font shorthand resets style, variant, weight, stretch and the rest of the font. */
    font: 400 var(--sf-font-size, 1.1875em) / 1.47 var(--sf-font-family, 'Frutiger W01', Arial, sans-serif);
    /* Every other inherited property a host page could push in, back to its default. (Cheaper
       to render than all: initial, which measurably slowed every step.) */
    font-feature-settings: normal;
    font-variation-settings: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    text-align: start;
    text-underline-offset: auto;
    white-space: normal;
    word-break: normal;
    hyphens: manual;
    cursor: auto;
    user-select: auto;
    visibility: visible;
    accent-color: auto;
    caret-color: auto;
    color-scheme: normal;
    list-style: disc outside;
    quotes: auto;
    tab-size: 8;
    -webkit-text-fill-color: currentcolor;
    -webkit-text-stroke: 0;
    padding: var(--sf-space, 16px);
    max-inline-size: 40em;
    /* Long words and addresses break rather than push the page sideways at 320px. */
    overflow-wrap: anywhere;
  }
  *,
  ::before,
  ::after {
    box-sizing: inherit;
  }
  h2,
  h3 {
    margin-block: 0 var(--sf-space, 16px);
    line-height: 1.2;
    font-weight: 600;
  }
  h2 {
    font-size: 1.6em;
  }
  h3 {
    font-size: 1.2em;
  }
  h2:focus {
    outline: none;
  }
  p,
  ul,
  ol {
    margin-block: 0 var(--sf-space, 16px);
  }
  ul,
  ol {
    padding-inline-start: 1.25em;
  }
  a {
    color: var(--sf-color-link, #005eb8);
    text-decoration: underline;
    text-underline-offset: 0.1em;
  }
  a:visited {
    color: var(--sf-color-link-visited, #330072);
  }
  a:focus-visible,
  .link-button:focus-visible {
    outline: var(--sf-focus-width, 4px) solid transparent;
    color: var(--sf-color-focus-text, #212b32);
    background: var(--sf-color-focus, #ffeb3b);
    box-shadow: 0 -2px var(--sf-color-focus, #ffeb3b), 0 var(--sf-focus-width, 4px) var(--sf-color-focus-text, #212b32);
    text-decoration: none;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  /*
   * Get help now and Leave this page quickly: first on every screen, and kept on screen while the
   * finder is (sticky within it, as GOV.UK's Exit this page is). One compact row when it fits; its
   * height (measured by the element into data-bar-height; not a theming token) keeps
   * focused controls and headings from scrolling under it (WCAG 2.2 focus not obscured).
   */
  .exit-bar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: 4px 8px;
    margin-block-end: var(--sf-space, 16px);
    padding-block: 8px;
    font-size: 0.85em;
    background: var(--sf-color-background, #fff);
    border-block-end: 1px solid var(--sf-color-border, #d8dde0);
  }
  .finder :is(a, button, input, select, textarea, summary, [tabindex]) {
    scroll-margin-block-start: calc(4em + 8px);
  }
  /* The measured height, where typed attr() is supported: a data attribute, as a style
     attribute would look like injected markup (and some CSPs refuse one). */
  @supports (inline-size: attr(data-bar-height px)) {
    .finder {
      --sf-internal-bar-height: attr(data-bar-height px, 4em);
    }
    .finder :is(a, button, input, select, textarea, summary, [tabindex]) {
      scroll-margin-block-start: calc(var(--sf-internal-bar-height, 4em) + 8px);
    }
  }
  /* Hover and shadow shades are mixed from the one colour, as NHS.UK's palette is. */
  .button.quick-exit {
    /* Narrower than other buttons, so both fit one row on a 375px phone. */
    padding-inline: 12px;
    background: var(--sf-color-urgent, #d5281b);
    box-shadow: 0 4px 0 color-mix(in srgb, var(--sf-color-urgent, #d5281b) 50%, #000);
  }
  .button.quick-exit:hover {
    background: color-mix(in srgb, var(--sf-color-urgent, #d5281b) 80%, #000);
  }

  /* Top bar: Back on one side, Get help now on the other. */
  .bar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 8px 16px;
    margin-block-end: var(--sf-space, 16px);
  }
  .link-button {
    font: inherit;
    color: var(--sf-color-link, #005eb8);
    background: none;
    border: 0;
    padding: 8px 0;
    min-block-size: 44px;
    text-decoration: underline;
    cursor: pointer;
  }
  .get-help {
    font-weight: 600;
    color: var(--sf-color-urgent, #d5281b);
  }

  /* Buttons: NHS.UK primary and secondary. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sf-space, 16px);
    align-items: center;
    margin-block: var(--sf-space, 16px);
  }
  .button {
    font: inherit;
    font-weight: 600;
    min-block-size: 44px;
    padding: 8px 16px;
    border: 2px solid transparent;
    border-radius: var(--sf-radius, 4px);
    color: var(--sf-color-button-text, #fff);
    background: var(--sf-color-button, #007f3b);
    box-shadow: 0 4px 0 color-mix(in srgb, var(--sf-color-button, #007f3b) 50%, #000);
    cursor: pointer;
  }
  .button:hover {
    background: color-mix(in srgb, var(--sf-color-button, #007f3b) 80%, #000);
  }
  .button.secondary {
    color: var(--sf-color-link, #005eb8);
    background: transparent;
    border-color: currentColor;
    box-shadow: 0 4px 0 currentColor;
  }
  .button:focus-visible {
    outline: var(--sf-focus-width, 4px) solid transparent;
    color: var(--sf-color-focus-text, #212b32);
    background: var(--sf-color-focus, #ffeb3b);
    box-shadow: 0 var(--sf-focus-width, 4px) 0 var(--sf-color-focus-text, #212b32);
  }
  .button:active {
    transform: translateY(4px);
    box-shadow: none;
  }

  /* Questions: GOV.UK / NHS.UK form patterns. */
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    max-inline-size: 100%;
    white-space: normal;
  }
  .hint {
    color: var(--sf-color-secondary-text, #4c6272);
    margin-block-end: var(--sf-space, 16px);
  }
  .form-group.has-error {
    padding-inline-start: 16px;
    border-inline-start: 4px solid var(--sf-color-error, #d5281b);
  }
  .error-message {
    color: var(--sf-color-error, #d5281b);
    font-weight: 600;
    margin-block-end: var(--sf-space, 16px);
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .choice {
    display: grid;
    grid-template-columns: 40px 1fr;
    column-gap: 8px;
    align-items: center;
  }
  .choice input {
    inline-size: 40px;
    block-size: 40px;
    margin: 0;
    cursor: pointer;
  }
  .choice label {
    padding-block: 8px;
    cursor: pointer;
  }
  .choice .hint {
    grid-column: 2;
    margin: 0;
  }
  .divider {
    margin-block: 4px;
    inline-size: 40px;
    text-align: center;
  }
  .input,
  select {
    font: inherit;
    min-block-size: 44px;
    padding: 4px 8px;
    color: inherit;
    background: var(--sf-color-background, #fff);
    border: 2px solid var(--sf-color-secondary-text, #4c6272);
    border-radius: 0;
    max-inline-size: 100%;
  }
  .input.number {
    inline-size: 5em;
  }
  .has-error .input,
  .has-error select {
    border-color: var(--sf-color-error, #d5281b);
  }
  /* The NHS.UK focus ring: yellow, with a dark edge so it shows on any background. */
  .input:focus,
  select:focus,
  .choice input:focus-visible,
  .error-summary:focus {
    outline: var(--sf-focus-width, 4px) solid var(--sf-color-focus, #ffeb3b);
    outline-offset: 0;
    box-shadow: 0 0 0 var(--sf-focus-width, 4px) var(--sf-color-focus-text, #212b32);
  }
  .label-heading label {
    display: block;
  }

  /* Directory filters: one labelled field after another, as on a GOV.UK filter form. */
  .filters .form-group {
    margin-block-end: var(--sf-space, 16px);
  }
  .filters .form-group > label,
  .filters legend {
    display: block;
    font-weight: 600;
    margin-block-end: 8px;
  }

  /* Error summary: takes focus after a failed Continue. */
  .error-summary {
    padding: var(--sf-space, 16px);
    margin-block-end: var(--sf-space, 16px);
    border: 4px solid var(--sf-color-error, #d5281b);
  }
  .error-summary ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .error-summary a {
    color: var(--sf-color-error, #d5281b);
    font-weight: 600;
  }

  /* Service cards and the urgent (emergency) care card. */
  .services,
  .print-list {
    list-style: none;
    padding: 0;
  }
  .card {
    border: 1px solid var(--sf-color-border, #d8dde0);
    border-block-end: 4px solid var(--sf-color-border, #d8dde0);
    border-radius: var(--sf-radius, 4px);
    padding: var(--sf-space, 16px);
    margin-block-end: var(--sf-space, 16px);
    background: var(--sf-color-card, #fff);
  }
  .meta {
    color: var(--sf-color-secondary-text, #4c6272);
  }
  .facts div {
    display: flex;
    gap: 0.5em;
  }
  .facts dt {
    font-weight: bold;
  }
  .facts dd {
    margin: 0;
  }
  /* Padding and border inside the 100% cap, so a long area name cannot push the select past the edge. */
  .filters select {
    box-sizing: border-box;
  }
  .filter-fold > summary {
    cursor: pointer;
    color: var(--sf-color-link, #005eb8);
    text-decoration: underline;
    margin-block-end: var(--sf-space, 16px);
  }
  .letters ul {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
  }
  .letters a {
    display: inline-block;
    min-inline-size: 24px;
    min-block-size: 24px;
    text-align: center;
  }
  .why {
    padding-inline-start: 12px;
    border-inline-start: 4px solid var(--sf-color-link, #005eb8);
  }
  /* Folded sections, GOV.UK details style: an underlined link-coloured summary with a marker. */
  summary {
    cursor: pointer;
    color: var(--sf-color-link, #005eb8);
    text-decoration: underline;
    padding-block: 8px;
  }
  .count {
    margin-block-end: 8px;
  }
  /* Shown to everyone, not matched: set apart by its own heading, space and a thick edge. */
  .helplines {
    margin-block: 32px var(--sf-space, 16px);
    padding-inline-start: var(--sf-space, 16px);
    border-inline-start: 8px solid var(--sf-color-link, #005eb8);
  }
  .helplines h2 {
    margin-block-start: 0;
  }
  .sent-text {
    white-space: pre-line;
  }
  .print-only {
    display: none;
  }
  .contacts {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-block-end: 0;
  }
  .contacts a {
    display: inline-block;
    min-block-size: 44px;
    padding-block: 8px;
    font-weight: 600;
  }
  .urgent {
    border: 1px solid var(--sf-color-urgent, #d5281b);
    border-radius: var(--sf-radius, 4px);
    margin-block-end: var(--sf-space, 16px);
  }
  /* The emergency card is drawn in reverse: the background colour on urgent, then on text. */
  .urgent-heading {
    margin: 0;
    padding: var(--sf-space, 16px);
    color: var(--sf-color-background, #fff);
    background: var(--sf-color-urgent, #d5281b);
  }
  .urgent-content {
    padding: var(--sf-space, 16px);
    color: var(--sf-color-background, #fff);
    background: var(--sf-color-text, #212b32);
  }
  .urgent-content a,
  .urgent-content a:visited {
    color: var(--sf-color-background, #fff);
  }
  .urgent-content a:focus-visible {
    color: var(--sf-color-focus-text, #212b32);
  }
  .urgent-content .card {
    color: var(--sf-color-text, #212b32);
    background: var(--sf-color-card, #fff);
  }
  .urgent-content .card a {
    color: var(--sf-color-link, #005eb8);
  }

  /* No movement for people who asked for none, even if a host adds some through ::part(). */
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
    .button:active {
      transform: none;
    }
  }
  /* Windows high contrast drops backgrounds and shadows: borders and the focus ring carry it. */
  @media (forced-colors: active) {
    .button,
    .error-summary,
    .card,
    .urgent {
      border: 2px solid ButtonText;
    }
    .button:focus-visible,
    a:focus-visible,
    .link-button:focus-visible,
    .choice input:focus-visible {
      outline: var(--sf-focus-width, 4px) solid Highlight;
    }
  }

  /*
   * theme="neutral": plain colours and the system font. Set as tokens on the host element, so a
   * page's own tokens on support-finder still win over either theme.
   */
  :host([theme=neutral]) {
    --sf-font-family: system-ui, sans-serif;
    --sf-font-size: 1em;
    --sf-color-text: #1b1b1b;
    --sf-color-secondary-text: #555;
    --sf-color-link: #1a55b0;
    --sf-color-button: #1a55b0;
    --sf-color-border: #bbb;
    --sf-color-card: #f6f6f6;
    --sf-radius: 2px;
  }

  /* Keeping results: a link that looks like the buttons beside it, the copy box, the phone form. */
  a.button {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  textarea.input {
    display: block;
    inline-size: 100%;
    block-size: 10em;
  }
  .phone .form-group {
    margin-block-end: var(--sf-space, 16px);
  }
  .phone label[for='sf-phone'] {
    display: block;
    font-weight: 600;
  }
  /* Printed results: the services and how to reach them, and link addresses written out. */
  @media print {
    .exit-bar,
    .bar,
    .actions,
    .keep,
    .why {
      display: none !important;
    }
    .finder {
      padding: 0;
      max-inline-size: none;
    }
    .card {
      break-inside: avoid;
    }
    .print-only {
      display: block;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
    }
  }
`;
