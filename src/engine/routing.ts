/** Where a person goes next: conditions on earlier answers and collected tags, as plain data. */
import type { Condition, Option, QuestionStep, Step } from './schema.js';

/** An answer as the engine keeps it. `null` means the person skipped the question. */
export type Answer = string | string[] | number | null;
export type Answers = Readonly<Record<string, Answer>>;

export interface RouteContext {
  /** Answers given on the current path, by step id. */
  answers: Answers;
  /** Tags collected from the answers on the current path. */
  tags: ReadonlySet<string>;
  /** The audience answer, when the flow asks one. */
  audience: string | undefined;
}

export function evaluate(condition: Condition, context: RouteContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, context));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, context));
  if ('not' in condition) return !evaluate(condition.not, context);
  if ('tag' in condition) return context.tags.has(condition.tag);
  if ('audience' in condition) return context.audience === condition.audience;
  const answer = context.answers[condition.answer];
  if (condition.answered !== undefined) {
    return condition.answered === (answer !== undefined && answer !== null);
  }
  if (answer === undefined || answer === null) return false;
  if (condition.equals !== undefined) return answer === condition.equals;
  if (condition.includes !== undefined) return Array.isArray(answer) && answer.includes(condition.includes);
  if (typeof answer !== 'number') return false;
  if (condition.gt !== undefined) return answer > condition.gt;
  if (condition.gte !== undefined) return answer >= condition.gte;
  if (condition.lt !== undefined) return answer < condition.lt;
  if (condition.lte !== undefined) return answer <= condition.lte;
  return false;
}

/** The options an answer chose, in the order the flow lists them. */
export function chosenOptions(step: QuestionStep, answer: Answer | undefined): Option[] {
  if (answer === undefined || answer === null || typeof answer === 'number') return [];
  const values = Array.isArray(answer) ? answer : [answer];
  return questionOptions(step).filter((option) => values.includes(option.value));
}

/** A question's options; a yes/no question without its own options gets plain yes and no. */
export function questionOptions(step: QuestionStep): Option[] {
  if (step.options) return step.options;
  if (step.type === 'yesno') return [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
  return [];
}

/** A number answer below the question's `min` or above its `max`. */
export function isOutOfRange(step: QuestionStep, answer: Answer | undefined): answer is number {
  if (typeof answer !== 'number') return false;
  return (step.min !== undefined && answer < step.min) || (step.max !== undefined && answer > step.max);
}

/**
 * The most options a select question shows as radios, unless its flow asks for a list: ten
 * radios still fit a phone screen or two, and are easier to use than a drop-down (GOV.UK).
 */
export const SELECT_RADIOS_UP_TO = 10;

/** Whether a select question is shown as a drop-down list rather than radios. */
export function showsAsList(step: QuestionStep): boolean {
  if (step.type !== 'select') return false;
  return step.display ? step.display === 'list' : questionOptions(step).length > SELECT_RADIOS_UP_TO;
}

/**
 * The step after `step`, given what has been answered. Urgent answers win over everything;
 * then the chosen option's own `next`; then the first rule that holds; then the default.
 * An urgent step routes like an info step: its way on, after the urgent contacts.
 */
export function nextStepId(
  step: Step,
  context: RouteContext,
  urgentStepId: string | undefined
): string | undefined {
  if (step.kind === 'outcome') return undefined;
  if (step.kind === 'question') {
    // Only a flow's outOfRange step ever accepts such an answer, so it goes there first.
    if (step.outOfRange !== undefined && isOutOfRange(step, context.answers[step.id])) return step.outOfRange;
    const chosen = chosenOptions(step, context.answers[step.id]);
    if (chosen.some((option) => option.urgent) && urgentStepId !== undefined) return urgentStepId;
    const direct = chosen.find((option) => option.next !== undefined);
    if (direct && step.type !== 'multiple') return direct.next;
  }
  const rule = step.rules?.find((r) => evaluate(r.when, context));
  return rule ? rule.next : step.next;
}

/** Every step that could follow `step`, whatever is answered: the edges of the flow's map. */
export function possibleNextSteps(step: Step, urgentStepId: string | undefined): string[] {
  if (step.kind === 'outcome') return [];
  const targets: string[] = [];
  if (step.kind === 'question') {
    if (step.outOfRange !== undefined) targets.push(step.outOfRange);
    for (const option of step.options ?? []) {
      if (option.urgent && urgentStepId !== undefined) targets.push(urgentStepId);
      if (option.next !== undefined) targets.push(option.next);
    }
  }
  for (const rule of step.rules ?? []) targets.push(rule.next);
  if (step.next !== undefined) targets.push(step.next);
  return [...new Set(targets)];
}
