/** A service as a card: name, description, why it was suggested, and how to contact it. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isSafeHref, questionOptions, type Contact, type Option, type Reason, type Service, type SupportType } from '../engine/index.js';
import type { ViewContext } from './context.js';
import { renderMarkup } from './markup.js';
import { optionLabel } from './question.js';

export function supportTypeName(type: SupportType): string {
  return {
    helpline: msg('phone support'),
    text: msg('text message support'),
    chat: msg('online chat'),
    email: msg('email support'),
    online: msg('online support'),
    app: msg('an app'),
    counselling: msg('counselling'),
    'drop-in': msg('drop-in sessions'),
    group: msg('groups'),
    'face-to-face': msg('face-to-face support'),
    'self-help': msg('self-help'),
    emergency: msg('emergency help'),
  }[type];
}

/** The words of the answer a reason points at, as the person saw them. */
function answerLabel(ctx: ViewContext, stepId: string, value: string): string {
  const step = ctx.flow?.steps.find((s) => s.id === stepId);
  const option = step?.kind === 'question' ? questionOptions(step).find((o) => o.value === value) : undefined;
  return step?.kind === 'question' && option ? optionLabel(ctx, step, option) : value;
}

/** One reason, in words. "You" is the person using the finder, whoever it is for. */
export function reasonText(ctx: ViewContext, reason: Reason): string {
  switch (reason.kind) {
    case 'need':
      return msg(str`You chose “${answerLabel(ctx, reason.step, reason.option)}”`);
    case 'age': {
      const self = ctx.audience === undefined || ctx.audience === ctx.flow?.audience?.self;
      const { min, max, age } = reason;
      const range =
        min !== undefined && max !== undefined
          ? msg(str`It is for people aged ${min} to ${max}`)
          : min !== undefined
            ? msg(str`It is for people aged ${min} and over`)
            : msg(str`It is for people aged up to ${max}`);
      return self ? msg(str`${range}, and you are ${age}`) : msg(str`${range}, and they are ${age}`);
    }
    case 'area':
      return msg(str`It covers ${answerLabel(ctx, reason.step, reason.area)}`);
    case 'free':
      return msg('It is free');
    case 'support-type':
      return msg(str`It offers ${supportTypeName(reason.type)}, which you asked for`);
  }
}

/** The digits of a phone number, with a leading +, for tel: and sms: links. */
function dialable(number: string): string {
  return number.replace(/[^0-9+]/g, '');
}

/**
 * A number kept left to right inside any sentence (Unicode isolates): in Arabic, "0800 1111"
 * would otherwise read as "1111 0800", a wrong number to call.
 */
function ltr(number: string): string {
  return `\u2066${number}\u2069`;
}

export function renderContact(ctx: ViewContext, contact: Contact): TemplateResult {
  switch (contact.type) {
    case 'phone':
      return html`<a href="tel:${dialable(contact.number)}">${ctx.text(contact.label) || msg(str`Call ${ltr(contact.number)}`)}</a>`;
    case 'sms': {
      const body = contact.keyword ? `?body=${encodeURIComponent(contact.keyword)}` : '';
      const label =
        ctx.text(contact.label) ||
        (contact.keyword ? msg(str`Text ${contact.keyword} to ${ltr(contact.number)}`) : msg(str`Text ${ltr(contact.number)}`));
      return html`<a href="sms:${dialable(contact.number)}${body}">${label}</a>`;
    }
    case 'website': {
      // Validation allows only http(s) here; the check is repeated so a view can never emit javascript:.
      if (!isSafeHref(contact.url)) return html`${contact.url}`;
      let host = contact.url;
      try {
        host = new URL(contact.url).hostname.replace(/^www\./, '');
      } catch {
        // keep the address as written
      }
      return html`<a href=${contact.url} target="_blank" rel="noopener noreferrer"
        >${ctx.text(contact.label) || host}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
      >`;
    }
    case 'email':
      return html`<a href="mailto:${contact.address}">${ctx.text(contact.label) || contact.address}</a>`;
    case 'address':
      return html`${ctx.text(contact.text)}`;
  }
}

function costText(service: Service): string | undefined {
  if (service.cost === 'free') return msg('Free');
  if (service.cost === 'paid') return msg('You may have to pay');
  if (service.cost === 'free-and-paid') return msg('Some support is free');
  return undefined;
}

function accessText(service: Service): string | undefined {
  if (service.access === 'self-referral') return msg('You can contact them yourself');
  if (service.access === 'referral') return msg('You need to be referred, for example by a GP or school');
  if (service.access === 'self-or-referral') return msg('You can contact them yourself, or be referred');
  return undefined;
}

/** Ages, areas (named by the area question's options) and cost in one standard place, so cards in the A to Z list can be compared at a glance. */
function renderFacts(ctx: ViewContext, service: Service, areaOptions: readonly Option[]): TemplateResult {
  const { min, max } = service.ages ?? {};
  const ages =
    min !== undefined && max !== undefined
      ? msg(str`${min} to ${max}`)
      : min !== undefined
        ? msg(str`${min} and over`)
        : max !== undefined
          ? msg(str`Up to ${max}`)
          : msg('Any age');
  const areas = service.areas
    ? service.areas.map((a) => ctx.text(areaOptions.find((o) => o.value === a)?.label) || a).join(', ')
    : msg('All areas');
  const cost = costText(service);
  return html`<dl class="facts">
    <div><dt>${msg('Ages')}</dt><dd>${ages}</dd></div>
    ${areaOptions.length > 0 ? html`<div><dt>${msg('Areas')}</dt><dd>${areas}</dd></div>` : nothing}
    ${cost ? html`<div><dt>${msg('Cost')}</dt><dd>${cost}</dd></div>` : nothing}
  </dl>`;
}

/**
 * `facts`, the area question's options (the A to Z list): show ages, areas and cost as a standard
 * list, not in the line below. Worked out once per list by the caller, not once per card.
 */
export function renderServiceCard(
  ctx: ViewContext,
  service: Service,
  reasons: readonly Reason[] | undefined,
  facts?: readonly Option[]
): TemplateResult | typeof nothing {
  return ctx.part('card', () => serviceCard(ctx, service, reasons, facts), nothing);
}

function serviceCard(ctx: ViewContext, service: Service, reasons: readonly Reason[] | undefined, facts: readonly Option[] | undefined): TemplateResult {
  const meta = [facts ? undefined : costText(service), accessText(service), ctx.text(service.hours)].filter(Boolean);
  return html`<li class="card" part="card">
    <h3>${ctx.text(service.name)}</h3>
    ${renderMarkup(ctx.text(service.description))}
    ${facts ? renderFacts(ctx, service, facts) : nothing}
    ${meta.length > 0 ? html`<p class="meta">${meta.join('. ')}</p>` : nothing}
    ${reasons && reasons.length > 0
      ? html`<details class="why">
          <summary>${msg('Why we suggested this')}</summary>
          <ul>
            ${reasons.map((reason) => ctx.part('reason', () => html`<li>${reasonText(ctx, reason)}</li>`, nothing))}
          </ul>
        </details>`
      : nothing}
    <ul class="contacts" aria-label=${msg(str`Contact ${ctx.text(service.name)}`)}>
      ${service.contact.map((contact) => ctx.part('contact', () => html`<li>${renderContact(ctx, contact)}</li>`, nothing))}
    </ul>
  </li>`;
}
