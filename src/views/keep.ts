/**
 * "Keep these results", on the results page only: print, copy, share, email to myself, and send
 * to my phone when the host has an endpoint for it. Everything but the last stays on the device.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ContactWords } from '../engine/index.js';
import { renderErrorMessage, renderErrorSummary } from './question.js';
import { PHONE_SENT_ID } from './ids.js';

export type KeepMethod = 'print' | 'copy' | 'share' | 'email' | 'phone';

export interface KeepState {
  /** The clipboard was refused: the text is shown to select and copy by hand. */
  copyFailed?: boolean;
  /** Send to my phone: absent while closed. */
  phone?: 'open' | 'sending' | 'sent' | 'failed';
  /** What is wrong with the number, as a code; worded in the finder's language when drawn. */
  numberError?: 'missing' | 'not-a-number';
  consentError?: boolean;
}

export interface KeepView {
  /** The results as plain text. */
  text: string;
  /** What "Send to my phone" sends, shown in its form. */
  phoneText: string;
  /** Empty when the link could not be made: the other ways to keep the results stay. */
  mailto: string;
  /** The browser has a share sheet (`navigator.share`). */
  share: boolean;
  /** The host set a usable `results-endpoint`. */
  phone: boolean;
  state: KeepState;
  /** A button was pressed ("phone" opens or closes the form). */
  onKeep: (method: KeepMethod) => void;
  onPhoneSubmit: (event: SubmitEvent) => void;
  onSummaryLink: (event: Event) => void;
}

/** Contacts written out in plain text, in the person's language. */
export const contactWords: ContactWords = {
  phone: (number) => msg(str`Phone ${number}`),
  sms: (number, keyword) => (keyword ? msg(str`Text ${keyword} to ${number}`) : msg(str`Text ${number}`)),
  website: (url) => msg(str`Website ${url}`),
  email: (address) => msg(str`Email ${address}`),
};

export function renderKeep(view: KeepView): TemplateResult {
  const { state, onKeep } = view;
  const button = (method: KeepMethod, label: string) =>
    html`<button class="button secondary" type="button" part="button secondary-button" @click=${() => onKeep(method)}>${label}</button>`;
  return html`<section class="keep" aria-labelledby="sf-keep">
    <h3 id="sf-keep">${msg('Keep these results')}</h3>
    <div class="actions">
      ${button('print', msg('Print'))} ${button('copy', msg('Copy'))} ${view.share ? button('share', msg('Share')) : nothing}
      ${view.mailto
        ? html`<a class="button secondary" part="button secondary-button" href=${view.mailto} @click=${() => onKeep('email')}>${msg('Email to myself')}</a>`
        : nothing}
      ${view.phone
        ? html`<button class="button secondary" type="button" part="button secondary-button" aria-expanded=${state.phone ? 'true' : 'false'} @click=${() => onKeep('phone')}>
            ${msg('Send to my phone')}
          </button>`
        : nothing}
    </div>
    ${state.copyFailed
      ? html`<label for="sf-keep-text">${msg('Copying did not work here. Select this text and copy it.')}</label>
          <textarea class="input" id="sf-keep-text" readonly .value=${view.text}></textarea>`
      : nothing}
    ${state.phone === 'sent'
      ? html`<p id=${PHONE_SENT_ID} tabindex="-1"><strong>${msg('Results sent to your phone.')}</strong></p>`
      : state.phone
        ? renderPhoneForm(view)
        : nothing}
  </section>`;
}

/** GOV.UK form: a phone number and explicit consent, each with its error, and the summary above. */
function renderPhoneForm(view: KeepView): TemplateResult {
  const { consentError, phone } = view.state;
  const numberError =
    view.state.numberError === 'missing'
      ? msg('Enter a mobile phone number')
      : view.state.numberError === 'not-a-number'
        ? msg('Enter a mobile phone number, like 07700 900 982')
        : undefined;
  const consentMessage = msg('Tick the box to agree to send these results to this number');
  const errors: Array<[string, string]> = [];
  if (numberError) errors.push([numberError, 'sf-phone']);
  if (consentError) errors.push([consentMessage, 'sf-consent']);
  return html`<form class="phone" novalidate @submit=${view.onPhoneSubmit}>
    ${errors.length > 0 ? renderErrorSummary(errors, view.onSummaryLink) : nothing}
    <div class="form-group ${numberError ? 'has-error' : ''}">
      <label for="sf-phone">${msg('Mobile phone number')}</label>
      <div class="hint" id="sf-phone-hint">
        ${msg('We send the names of these services and how to contact them in a text message. Your answers are not sent.')}
      </div>
      ${numberError ? renderErrorMessage('sf-phone-error', numberError) : nothing}
      <input
        class="input"
        id="sf-phone"
        name="phone"
        type="tel"
        autocomplete="tel"
        aria-describedby="sf-phone-hint${numberError ? ' sf-phone-error' : ''}"
        aria-invalid=${numberError ? 'true' : 'false'}
      />
    </div>
    <div class="form-group ${consentError ? 'has-error' : ''}">
      ${consentError ? renderErrorMessage('sf-consent-error', consentMessage) : nothing}
      <div class="choice">
        <input id="sf-consent" type="checkbox" name="consent" aria-describedby="sf-consent-hint${consentError ? ' sf-consent-error' : ''}" />
        <label for="sf-consent">${msg('I agree to send these results to this number')}</label>
        <div class="hint" id="sf-consent-hint">
          ${msg('Messages can show on a locked screen. If other people use this phone, they may see them.')}
        </div>
      </div>
    </div>
    <details class="message">
      <summary>${msg('See the message we will send')}</summary>
      <p class="sent-text" id="sf-phone-message">${view.phoneText}</p>
    </details>
    ${phone === 'failed' ? html`<p class="error-message">${sendFailedText()}</p>` : nothing}
    <button class="button" type="submit" part="button">${phone === 'failed' ? msg('Try again') : msg('Send')}</button>
  </form>`;
}

export function sendFailedText(): string {
  return msg('The results could not be sent. Try again, or keep them another way.');
}
