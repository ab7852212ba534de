/**
 * What shows when there is no usable flow: a plain message, the widget's own urgent-help
 * contacts (so nobody is left with an empty box), the host's own no-script fallback (its local
 * numbers and services page, the element's light-DOM content), and the details an author needs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '../localisation.js';
import { DEFAULT_URGENT_SERVICES, problemCode, type LoadProblem } from '../engine/index.js';
import type { ViewContext } from './context.js';
import { renderUrgentCard } from './urgent.js';
import { HEADING_ID } from './ids.js';

function technicalDetail(problem: LoadProblem): TemplateResult {
  switch (problem.kind) {
    case 'network':
      return html`<p>${msg('The flow file could not be fetched: check its address, and that its server allows this page to read it (CORS).')}</p>
        <p><code>${problem.detail}</code></p>`;
    case 'http':
      return html`<p>${msg(str`The server answered with HTTP status ${problem.status}.`)}</p>`;
    case 'timeout':
      return html`<p>${plural(msg('one:The flow file did not arrive within # second.|other:The flow file did not arrive within # seconds.'), problem.seconds)}</p>`;
    case 'integrity':
      return html`<p>${problem.detail}.</p>`;
    case 'not-json':
      return html`<p>${msg('The flow file is not valid JSON.')}</p>
        <p><code>${problem.detail}</code></p>`;
    case 'invalid':
      return html`<p>${plural(msg('one:The flow file has # problem:|other:The flow file has # problems:'), problem.errors.length)}</p>
        <ul class="author-errors">
          ${problem.errors.map((e) => html`<li><code>${e.path}</code>: ${problemCode(e)}</li>`)}
        </ul>
        <p>${msg('To see what each problem means and how to fix it, run npx support-finder check on the flow file.')}</p>`;
  }
}

export function renderLoadError(ctx: ViewContext, problem: LoadProblem, onRetry: () => void): TemplateResult {
  return html`<h2 id=${HEADING_ID} tabindex="-1">${msg('Sorry, the support finder is not working right now')}</h2>
    <p>${msg('You can still get help. If you need to talk to someone now, use one of these:')}</p>
    ${renderUrgentCard(ctx, msg('Get help now'), '', DEFAULT_URGENT_SERVICES, undefined)}
    <slot></slot>
    ${problem.kind === 'invalid' || problem.kind === 'integrity'
      ? nothing
      : html`<div class="actions">
          <button class="button secondary" type="button" part="button secondary-button" @click=${onRetry}>${msg('Try again')}</button>
        </div>`}
    <details>
      <summary>${msg('Details for the people who run this website')}</summary>
      ${technicalDetail(problem)}
    </details>`;
}
