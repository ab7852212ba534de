import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--sf-color-text, #212b32);
    font-family: var(--sf-font-family, Arial, Helvetica, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  .scroll {
    overflow: auto;
    max-width: 100%;
    max-height: var(--sf-map-max-height, 80vh);
    border: 1px solid var(--sf-color-border, #aeb7bd);
    background: #fff;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--sf-color-focus, #ffeb3b);
    box-shadow: 0 0 0 6px var(--sf-color-focus-text, #212b32);
  }
  svg {
    display: block;
  }
  svg text {
    font-family: Arial, Helvetica, sans-serif;
    font-size: 13px;
    fill: #212b32;
  }
  svg .title {
    font-weight: bold;
  }
  .shape {
    fill: #fff;
    stroke: #4c6272;
    stroke-width: 1.5;
  }
  .info .shape {
    fill: #eef7ff;
    stroke: #005eb8;
  }
  .outcome .shape {
    fill: #e3f2e1;
    stroke: #007f3b;
    stroke-width: 2;
  }
  .urgent .shape {
    fill: #fde8e8;
    stroke: #d5281b;
    stroke-width: 3;
  }
  .unreachable .shape {
    stroke-dasharray: 6 4;
  }
  .edge {
    fill: none;
    stroke: #4c6272;
    stroke-width: 1.5;
  }
  .edge.to-urgent {
    stroke: #d5281b;
    stroke-dasharray: 6 4;
  }
  .edge.back {
    stroke: #330072;
    stroke-dasharray: 2 3;
  }
  .label rect {
    fill: #fff;
    stroke: #d8dde0;
  }
  .arrow {
    fill: #4c6272;
  }
  .arrow.to-urgent {
    fill: #d5281b;
  }
  .arrow.back {
    fill: #330072;
  }
  .summary {
    margin: 0 0 0.5rem;
  }
  details {
    margin-top: 1rem;
  }
  summary {
    cursor: pointer;
    color: var(--sf-color-link, #005eb8);
    text-decoration: underline;
  }
  summary:focus-visible,
  a:focus-visible,
  li:focus-visible {
    outline: 3px solid var(--sf-color-focus, #ffeb3b);
    box-shadow: 0 0 0 6px var(--sf-color-focus-text, #212b32);
  }
  a {
    color: var(--sf-color-link, #005eb8);
  }
  ol.steps {
    padding-left: 1.5rem;
  }
  ol.steps > li {
    margin-bottom: 0.75rem;
  }
  code {
    overflow-wrap: anywhere;
  }
  li,
  p {
    overflow-wrap: anywhere;
  }
  .problem {
    border-left: 5px solid #d5281b;
    padding-left: 1rem;
  }
`;
