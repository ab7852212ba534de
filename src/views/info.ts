/** A short page of information on the way. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { InfoStep } from '../engine/index.js';
import type { ViewContext } from './context.js';
import { renderMarkup } from './markup.js';
import { HEADING_ID } from './ids.js';

export function renderInfo(ctx: ViewContext, step: InfoStep, onContinue: () => void): TemplateResult {
  return html`<h2 id=${HEADING_ID} tabindex="-1">${ctx.text(step.title)}</h2>
    ${renderMarkup(ctx.text(step.body))}
    <div class="actions">
      <button class="button" type="button" part="button" @click=${onContinue}>
        ${ctx.text(step.continueLabel) || msg('Continue')}
      </button>
    </div>`;
}
