/**
 * A question, one per screen, in the GOV.UK / NHS.UK patterns: radios and checkboxes in a
 * fieldset whose legend is the heading; a single number or list with its label as the heading;
 * hint and error joined to the field by aria-describedby.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { questionOptions, showsAsList, type Answer, type AnswerInput, type AnswerProblem, type Option, type QuestionStep } from '../engine/index.js';
import type { ViewContext } from './context.js';
import { HEADING_ID } from './ids.js';

export interface QuestionView {
  step: QuestionStep;
  /** The answer given before (shown again after Back), or what was typed before an error. */
  value: Answer | AnswerInput;
  problem: AnswerProblem | undefined;
  onSubmit: (event: SubmitEvent) => void;
  onSkip: () => void;
  onChoiceChange: (event: Event) => void;
}

export const FIELD_ID = 'sf-field';
const HINT_ID = 'sf-hint';
const ERROR_ID = 'sf-error';

/** An option's words. A yes/no question without its own options gets the widget's Yes and No. */
export function optionLabel(ctx: ViewContext, step: QuestionStep, option: Option): string {
  if (step.type === 'yesno' && !step.options) return option.value === 'yes' ? msg('Yes') : msg('No');
  return ctx.text(option.label);
}

/**
 * The error message for a refused answer, in the GOV.UK style: says what to do, and names the
 * question, so it makes sense in the error summary on its own. A flow can word the commonest one
 * (nothing answered) itself: "Select who you are looking for support for".
 */
export function problemText(ctx: ViewContext, step: QuestionStep, problem: AnswerProblem): string {
  const question = ctx.text(step.question);
  switch (problem.kind) {
    case 'required':
      if (step.errorMessage) return ctx.text(step.errorMessage);
      if (step.type === 'multiple') return msg(str`Select at least one answer to “${question}”`);
      if (step.type === 'number') return msg(str`Enter a number for “${question}”`);
      return msg(str`Select an answer to “${question}”`);
    case 'not-a-whole-number':
      return msg(str`Enter a whole number for “${question}”, using digits, like 14`);
    case 'too-small':
      return msg(str`Enter a number for “${question}” that is ${problem.min} or more`);
    case 'too-large':
      return msg(str`Enter a number for “${question}” that is ${problem.max} or less`);
    case 'unknown-option':
      return msg(str`Select one of the answers shown for “${question}”`);
    case 'exclusive': {
      const option = questionOptions(step).find((o) => o.value === problem.option);
      const label = option ? optionLabel(ctx, step, option) : problem.option;
      return msg(str`Select “${label}” on its own, or choose other options`);
    }
  }
}

/** The id of the control the error summary links to: the first choice, or the input. */
export function firstFieldId(step: QuestionStep): string {
  const first = questionOptions(step)[0];
  return step.type === 'number' || showsAsList(step) || !first ? FIELD_ID : `${FIELD_ID}-${first.value}`;
}

/** The message above a field with an error, tied to it by `aria-describedby`. */
export function renderErrorMessage(id: string, message: string): TemplateResult {
  return html`<p class="error-message" id=${id}><span class="visually-hidden">${msg('Error:')}</span> ${message}</p>`;
}

/**
 * GOV.UK's error summary: takes focus, and links each message to its field (the element moves
 * focus there). `errors` are [message, field id] pairs, in the order of the fields.
 */
export function renderErrorSummary(errors: Array<[string, string]>, onLink: (event: Event) => void): TemplateResult {
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="sf-error-summary-title">
    <h2 id="sf-error-summary-title">${msg('There is a problem')}</h2>
    <ul>
      ${errors.map(([message, fieldId]) => html`<li><a href="#${fieldId}" @click=${onLink}>${message}</a></li>`)}
    </ul>
  </div>`;
}

export function renderQuestion(ctx: ViewContext, view: QuestionView): TemplateResult {
  const { step, problem } = view;
  const hint = ctx.text(step.hint);
  const describedBy = [hint ? HINT_ID : '', problem ? ERROR_ID : ''].filter(Boolean).join(' ') || undefined;
  const hintBlock = hint ? html`<div class="hint" id=${HINT_ID}>${hint}</div>` : nothing;
  const errorBlock = problem ? renderErrorMessage(ERROR_ID, problemText(ctx, step, problem)) : nothing;
  const heading = ctx.text(step.question);
  let field: TemplateResult;
  if (step.type === 'number' || showsAsList(step)) {
    field = html`<h2 class="label-heading" id=${HEADING_ID} tabindex="-1" part="question">
        <label for=${FIELD_ID}>${heading}</label>
      </h2>
      ${hintBlock} ${errorBlock}
      ${step.type === 'number' ? renderNumber(view, describedBy) : renderSelect(ctx, view, describedBy)}`;
  } else {
    field = html`<fieldset aria-describedby=${ifDefined(describedBy)}>
      <legend><h2 id=${HEADING_ID} tabindex="-1" part="question">${heading}</h2></legend>
      ${hintBlock} ${errorBlock} ${renderChoices(ctx, view)}
    </fieldset>`;
  }
  return html`<form novalidate @submit=${view.onSubmit}>
    <div class="form-group ${problem ? 'has-error' : ''}">${field}</div>
    <div class="actions">
      <button class="button" type="submit" part="button">${msg('Continue')}</button>
      ${step.optional
        ? html`<button class="button secondary" type="button" part="button secondary-button" @click=${view.onSkip}>
            ${ctx.text(step.skipLabel) || msg('Skip this question')}
          </button>`
        : nothing}
    </div>
  </form>`;
}

function renderNumber(view: QuestionView, describedBy: string | undefined): TemplateResult {
  const value = view.value === undefined || view.value === null ? '' : String(view.value);
  return html`<input
    class="input number"
    id=${FIELD_ID}
    name="answer"
    type="text"
    inputmode="numeric"
    autocomplete="off"
    spellcheck="false"
    .value=${value}
    aria-describedby=${ifDefined(describedBy)}
    aria-invalid=${view.problem ? 'true' : 'false'}
  />`;
}

function renderSelect(ctx: ViewContext, view: QuestionView, describedBy: string | undefined): TemplateResult {
  return html`<select
    id=${FIELD_ID}
    name="answer"
    aria-describedby=${ifDefined(describedBy)}
    aria-invalid=${view.problem ? 'true' : 'false'}
  >
    <option value="" ?selected=${!view.value}>${msg('Choose an option')}</option>
    ${questionOptions(view.step).map(
      (option) => html`<option value=${option.value} ?selected=${view.value === option.value}>${ctx.text(option.label)}</option>`
    )}
  </select>`;
}

function renderChoices(ctx: ViewContext, view: QuestionView): TemplateResult {
  const { step } = view;
  const type = step.type === 'multiple' ? 'checkbox' : 'radio';
  const chosen = Array.isArray(view.value) ? view.value : [view.value];
  return html`<div class="choices">
    ${questionOptions(step).map((option, i) => {
      const id = `${FIELD_ID}-${option.value}`;
      const hint = ctx.text(option.hint);
      const divider =
        option.exclusive && i > 0 ? html`<div class="divider">${msg('or')}</div>` : nothing;
      return html`${divider}
        <div class="choice" part="option">
          <input
            id=${id}
            type=${type}
            name="answer"
            value=${option.value}
            .checked=${chosen.includes(option.value)}
            aria-describedby=${ifDefined(hint ? `${id}-hint` : undefined)}
            data-exclusive=${ifDefined(option.exclusive ? 'true' : undefined)}
            @change=${view.onChoiceChange}
          />
          <label for=${id}>${optionLabel(ctx, step, option)}</label>
          ${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}
        </div>`;
    })}
  </div>`;
}
