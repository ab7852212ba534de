/**
 * The page for an age the finder is not for, when the flow has not written its own
 * (`outOfRange`): says who the finder is for and how to go on, never just "enter 30 or less".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { QuestionStep } from '../engine/index.js';
import { formatNumber } from '../localisation.js';
import { HEADING_ID } from './ids.js';

export interface OutOfRangeView {
  step: QuestionStep;
  /** Back to the question, with the age that was typed still in the box. */
  onChange: () => void;
  /** "See all services", when the flow has a catalogue to list. */
  onSeeAll: (() => void) | undefined;
}

export function renderOutOfRange({ step, onChange, onSeeAll }: OutOfRangeView): TemplateResult {
  const min = step.min === undefined ? undefined : formatNumber(step.min);
  const max = step.max === undefined ? undefined : formatNumber(step.max);
  const heading =
    min !== undefined && max !== undefined
      ? msg(str`This finder is for people aged ${min} to ${max}`)
      : min !== undefined
        ? msg(str`This finder is for people aged ${min} and over`)
        : msg(str`This finder is for people aged ${max} and under`);
  return html`<h2 id=${HEADING_ID} tabindex="-1">${heading}</h2>
    <p>${msg('The services it suggests are for people of these ages. A GP (doctor) can tell you about support for other ages.')}</p>
    <p>${msg('If you need help now, choose “Get help now”.')}</p>
    <div class="actions">
      <button class="button" type="button" part="button" @click=${onChange}>${msg('Change your answer')}</button>
      ${onSeeAll
        ? html`<button class="button secondary" type="button" part="button secondary-button" @click=${onSeeAll}>${msg('See all services')}</button>`
        : nothing}
    </div>`;
}
