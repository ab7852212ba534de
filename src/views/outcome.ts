/**
 * Results: how many services were found, the best few first and the rest under "More
 * services", then the helplines shown to everyone, in a group of their own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { reasonsWorthReading, type Match, type OutcomeResult, type OutcomeStep, type Service, type UrgentStep } from '../engine/index.js';
import type { ViewContext } from './context.js';
import { renderMarkup } from './markup.js';
import { renderServiceCard } from './service.js';
import { HEADING_ID } from './ids.js';

/** How many services lead the results when the flow does not say. */
const DEFAULT_LEAD = 3;

export function renderOutcome(
  ctx: ViewContext,
  step: OutcomeStep,
  result: OutcomeResult,
  onSeeAll: () => void,
  /** "Keep these results": print, copy, share, email, send to my phone. */
  keep: TemplateResult,
  /** Urgent help, printed first: a printed page is kept, and must carry who to call. */
  urgent?: { step: UrgentStep; services: readonly Service[] }
): TemplateResult {
  const found = reasonsWorthReading([...result.matches, ...result.fallback]);
  const lead = step.lead ?? DEFAULT_LEAD;
  const list = (matches: readonly Match[], always = false) =>
    html`<ul class="services">
      ${matches.map((match) => renderServiceCard(ctx, match.service, always ? undefined : match.reasons))}
    </ul>`;
  return html`${urgent && urgent.services.length > 0
      ? html`<section class="print-only" aria-hidden="true">
          <h2>${ctx.text(urgent.step.title)}</h2>
          <ul class="print-list">
            ${urgent.services.map((service) => renderServiceCard(ctx, service, undefined))}
          </ul>
        </section>`
      : nothing}
    <h2 id=${HEADING_ID} tabindex="-1">${ctx.text(step.title)}</h2>
    ${result.nothingMatched
      ? // The body speaks of what fits the person's answers; when nothing did, the flow's own words say so.
        html`<div class="no-match">
          ${renderMarkup(
            ctx.text(step.noMatch) ||
              msg('No service fits all your answers, but these can help anyone.')
          )}
        </div>`
      : renderMarkup(ctx.text(step.body))}
    ${found.length > 0
      ? html`<p class="count"><strong>${found.length === 1 ? msg('1 service found') : msg(str`${found.length} services found`)}</strong></p>
          ${list(found.slice(0, lead))}
          ${found.length > lead
            ? html`<details class="more">
                <summary>${msg(str`More services (${found.length - lead})`)}</summary>
                ${list(found.slice(lead))}
              </details>`
            : nothing}`
      : nothing}
    ${result.always.length > 0
      ? html`<section class="helplines" aria-labelledby="sf-helplines">
          <h2 id="sf-helplines">${msg('If you want to talk to someone now')}</h2>
          ${list(result.always, true)}
        </section>`
      : nothing}
    ${keep}
    <div class="actions">
      <button class="button secondary" type="button" part="button secondary-button" @click=${onSeeAll}>${msg('See all services')}</button>
    </div>`;
}
