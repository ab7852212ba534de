/**
 * The directory: every service in the flow, A to Z, with GOV.UK-style filters. Filters apply
 * when the form is submitted, never on each keystroke, so a screen reader hears one count, once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { plural } from '../localisation.js';
import { directoryChoices, type DirectoryFilters, type Service } from '../engine/index.js';
import type { ViewContext } from './context.js';
import { renderErrorMessage, renderErrorSummary } from './question.js';
import { renderServiceCard, supportTypeName } from './service.js';
import { HEADING_ID } from './ids.js';

export interface DirectoryView {
  /** The services to list, already filtered and sorted. */
  services: readonly Service[];
  /** The filters applied, shown in the form. */
  filters: DirectoryFilters;
  /** The age typed when Apply was pressed was not a whole number. */
  ageError: boolean;
  /** The person's language, for the letter index's order and capitals. */
  locale: string;
  onSubmit: (event: SubmitEvent) => void;
  onReset: () => void;
  onSummaryLink: (event: Event) => void;
}

const AGE_ID = 'sf-age';
const AGE_ERROR_ID = 'sf-age-error';

/** "12 services", as shown and announced. */
export function countText(count: number): string {
  // Forms by plural category (see plural()): translators give one per category of their language.
  return plural(msg('one:# service|other:# services'), count);
}

export function renderDirectory(ctx: ViewContext, view: DirectoryView): TemplateResult {
  const { filters, ageError, services } = view;
  const { areas, supportTypes } = ctx.flow ? directoryChoices(ctx.flow) : { areas: [], supportTypes: [] };
  const ageMessage = msg('Enter an age as a whole number, using digits, like 14');
  return html`${ageError ? renderErrorSummary([[ageMessage, AGE_ID]], view.onSummaryLink) : nothing}
    <h2 id=${HEADING_ID} tabindex="-1">${msg('All services')}</h2>
    <details class="filter-fold" ?open=${ageError || matchMedia('(min-width: 40em)').matches}>
    <summary>${msg('Filter services')}</summary>
    <form class="filters" novalidate aria-label=${msg('Filter services')} @submit=${view.onSubmit} @reset=${view.onReset}>
      <div class="form-group ${ageError ? 'has-error' : ''}">
        <label for=${AGE_ID}>${msg('Age')}</label>
        ${ageError ? renderErrorMessage(AGE_ERROR_ID, ageMessage) : nothing}
        <input
          class="input number"
          id=${AGE_ID}
          name="age"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          spellcheck="false"
          value=${filters.age ?? ''}
          aria-describedby=${ifDefined(ageError ? AGE_ERROR_ID : undefined)}
          aria-invalid=${ageError ? 'true' : 'false'}
        />
      </div>
      ${areas.length > 0
        ? html`<div class="form-group">
            <label for="sf-area">${msg('Area')}</label>
            <select id="sf-area" name="area">
              <option value="">${msg('All areas')}</option>
              ${areas.map((o) => html`<option value=${o.value} ?selected=${filters.area === o.value}>${ctx.text(o.label)}</option>`)}
            </select>
          </div>`
        : nothing}
      ${supportTypes.length > 0
        ? html`<fieldset class="form-group">
            <legend>${msg('Kind of support')}</legend>
            <div class="choices">
              ${supportTypes.map((type) => {
                const name = supportTypeName(type);
                return checkbox(`sf-type-${type}`, 'type', type, name[0].toUpperCase() + name.slice(1), !!filters.supportTypes?.includes(type));
              })}
            </div>
          </fieldset>`
        : nothing}
      <div class="form-group">${checkbox('sf-free', 'free', 'yes', msg('Free services only'), !!filters.freeOnly)}</div>
      <div class="form-group">
        <label for="sf-query">${msg('Search by name or description')}</label>
        <input class="input" id="sf-query" name="query" type="text" autocomplete="off" value=${filters.query ?? ''} />
      </div>
      <div class="actions">
        <button class="button" type="submit" part="button">${msg('Apply filters')}</button>
        <button class="button secondary" type="reset" part="button secondary-button">${msg('Clear filters')}</button>
      </div>
    </form>
    </details>
    <p><strong>${countText(services.length)}</strong></p>
    ${renderLetters(ctx, services, view.locale)}
    ${services.length > 0
      ? html`<ul class="services" aria-label=${msg('Services, A to Z')}>
          ${services.map((service) => renderServiceCard(ctx, service, undefined, areas))}
        </ul>`
      : html`<p>${msg('No services match these filters. Try removing some, or clear them all.')}</p>`}`;
}

/**
 * One checkbox, in a question's markup. Controls are bound by attribute, not property: after
 * Clear filters resets the form, each control follows the (now empty) filters again.
 */
function checkbox(id: string, name: string, value: string, label: string, checked: boolean): TemplateResult {
  return html`<div class="choice" part="option">
    <input id=${id} type="checkbox" name=${name} value=${value} ?checked=${checked} />
    <label for=${id}>${label}</label>
  </div>`;
}

/**
 * A B C … links to the first service of each letter, in the list's own (language) order; letters
 * with no service are left out. Focus moves inside the shadow root: the host page's URL is untouched.
 */
function renderLetters(ctx: ViewContext, services: readonly Service[], locale: string): TemplateResult | typeof nothing {
  const same = new Intl.Collator(locale, { sensitivity: 'base' }).compare;
  const letters: Array<[string, number]> = [];
  services.forEach((service, i) => {
    const letter = [...ctx.text(service.name).trim()][0]?.toLocaleUpperCase(locale);
    const last = letters[letters.length - 1];
    if (letter && (!last || same(last[0], letter) !== 0)) letters.push([letter, i]);
  });
  if (letters.length < 2) return nothing;
  const jump = (event: Event, index: number) => {
    event.preventDefault();
    const root = (event.currentTarget as Element).getRootNode() as ShadowRoot;
    const heading = root.querySelectorAll<HTMLElement>('.services > li > h3')[index];
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  };
  return html`<nav class="letters" aria-label=${msg('Services by letter')}>
    <ul>
      ${letters.map(([letter, i]) => html`<li><a href="#" @click=${(e: Event) => jump(e, i)}>${letter}</a></li>`)}
    </ul>
  </nav>`;
}
