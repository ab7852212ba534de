/**
 * Urgent help as an NHS.UK emergency care card. The word "Urgent" is in the heading for screen
 * readers too, so colour is never the only signal.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Service } from '../engine/index.js';
import type { ViewContext } from './context.js';
import { renderMarkup } from './markup.js';
import { renderServiceCard } from './service.js';

export function renderUrgentCard(
  ctx: ViewContext,
  title: string,
  body: string,
  services: readonly Service[],
  headingId: string | undefined
): TemplateResult {
  const id = headingId ?? 'sf-urgent-heading';
  return html`<section class="urgent" part="urgent" aria-labelledby=${id}>
    <h2 class="urgent-heading" id=${id} tabindex="-1">
      <span class="visually-hidden">${msg('Urgent help:')} </span>${title}
    </h2>
    <div class="urgent-content">
      ${renderMarkup(body)}
      <ul class="services">
        ${services.map((service) => renderServiceCard(ctx, service, undefined))}
      </ul>
    </div>
  </section>`;
}

/**
 * The way on after urgent help: secondary, after the contacts, so nothing about them is slower
 * or harder to reach, but a person at risk is never left at a dead end.
 */
export function renderUrgentWayOn(label: string, onContinue: () => void): TemplateResult {
  return html`<div class="actions">
    <button class="button secondary" type="button" part="button secondary-button" @click=${onContinue}>
      ${label || msg("When you're ready: other support that can help")}
    </button>
  </div>`;
}
