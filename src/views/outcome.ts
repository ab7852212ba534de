/** Results: the services that fit, each with why it was suggested and how to contact it. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { OutcomeResult, OutcomeStep } from '../engine/index.js';
import type { ViewContext } from './context.js';
import { renderMarkup } from './markup.js';
import { renderServiceCard } from './service.js';

export function renderOutcome(
  ctx: ViewContext,
  step: OutcomeStep,
  result: OutcomeResult,
  onSeeAll: () => void,
  /** "Keep these results": print, copy, share, email, send to my phone. */
  keep: TemplateResult
): TemplateResult {
  const listed = [...result.matches, ...result.fallback, ...result.always];
  return html`<h2 id="sf-heading" tabindex="-1">${ctx.text(step.title)}</h2>
    ${renderMarkup(ctx.text(step.body))}
    ${result.nothingMatched
      ? html`<div class="no-match">
          ${renderMarkup(
            ctx.text(step.noMatch) ||
              msg('No service fits all your answers, but these can help anyone.')
          )}
        </div>`
      : nothing}
    ${listed.length > 0
      ? html`<ul class="services" aria-label=${msg('Services')}>
          ${listed.map((match) => renderServiceCard(ctx, match.service, match.reasons))}
        </ul>`
      : nothing}
    ${keep}
    <div class="actions">
      <button class="button secondary" type="button" part="button secondary-button" @click=${onSeeAll}>${msg('See all services')}</button>
    </div>`;
}
