/** Putting a flow's steps, answers and conditions into plain words for the command-line tool. */
import {
  answerQuestion,
  answersOnPath,
  chosenOptions,
  continueFrom,
  currentStep,
  evaluate,
  indexOf,
  matchServices,
  questionOptions,
  resolveText,
  routeContext,
  skipQuestion,
  startSession,
  type Answer,
  type Condition,
  type Flow,
  type Move,
  type QuestionStep,
  type Session,
  type Step,
  type Text,
  type Walk,
} from '../engine/index.js';

/** A flow text in the default language, for the person themselves (no audience variant). */
export function words(flow: Flow, text: Text | undefined): string {
  return resolveText(text, { locale: flow.defaultLocale, defaultLocale: flow.defaultLocale }).replace(/\s+/g, ' ').trim();
}

/** The short name a person sees for a step: its question or title. */
export function stepLabel(flow: Flow, step: Step): string {
  if (step.kind === 'question') return words(flow, step.question);
  return words(flow, step.title);
}

export function serviceName(flow: Flow, id: string): string {
  const service = indexOf(flow).services.get(id);
  return service ? words(flow, service.name) : id;
}

/** An answer as the person chose it: option labels, the number, or the skip button's words. */
export function answerWords(flow: Flow, step: QuestionStep, answer: Answer | undefined): string {
  if (answer === undefined) return '(not answered)';
  if (answer === null) return step.skipLabel ? words(flow, step.skipLabel) : 'Skipped';
  if (typeof answer === 'number') return String(answer);
  const labels = chosenOptions(step, answer).map((o) => words(flow, o.label));
  // Several options chosen together: bracketed, so lists of alternatives stay readable.
  return labels.length > 1 ? `(${labels.join(' and ')})` : labels.join('');
}

/** A condition in short words: `age < 13`, `tag: bereavement`, `who = parent`. */
export function conditionWords(condition: Condition, nested = false): string {
  const wrap = (text: string) => (nested ? `(${text})` : text);
  if ('all' in condition) return condition.all.length === 0 ? 'always' : wrap(condition.all.map((c) => conditionWords(c, true)).join(' and '));
  if ('any' in condition) return condition.any.length === 0 ? 'never' : wrap(condition.any.map((c) => conditionWords(c, true)).join(' or '));
  if ('not' in condition) return `not ${conditionWords(condition.not, true)}`;
  if ('tag' in condition) return `tag: ${condition.tag}`;
  if ('audience' in condition) return `audience = ${condition.audience}`;
  const a = condition.answer;
  if (condition.answered !== undefined) return condition.answered ? `${a} answered` : `${a} skipped`;
  if (condition.equals !== undefined) return `${a} = ${condition.equals}`;
  if (condition.includes !== undefined) return `${a} includes ${condition.includes}`;
  if (condition.gt !== undefined) return `${a} > ${condition.gt}`;
  if (condition.gte !== undefined) return `${a} ≥ ${condition.gte}`;
  if (condition.lt !== undefined) return `${a} < ${condition.lt}`;
  if (condition.lte !== undefined) return `${a} ≤ ${condition.lte}`;
  return `${a} ?`;
}

/** What decided the way on from a step. */
export type Decision =
  | { by: 'urgent' }
  | { by: 'option'; option: string }
  | { by: 'rule'; index: number }
  | { by: 'next' }
  | { by: 'nothing' };

/** Why the engine went where it did from the current step (mirrors routing.nextStepId). */
export function decide(flow: Flow, session: Session): Decision {
  const step = currentStep(flow, session);
  if (step.kind === 'outcome' || step.kind === 'urgent') return { by: 'nothing' };
  const context = routeContext(flow, session);
  if (step.kind === 'question') {
    const chosen = chosenOptions(step, context.answers[step.id]);
    if (chosen.some((o) => o.urgent) && indexOf(flow).urgentId !== undefined) return { by: 'urgent' };
    const direct = chosen.find((o) => o.next !== undefined);
    if (direct && step.type !== 'multiple') return { by: 'option', option: direct.value };
  }
  const index = step.rules?.findIndex((r) => evaluate(r.when, context)) ?? -1;
  if (index >= 0) return { by: 'rule', index };
  return step.next !== undefined ? { by: 'next' } : { by: 'nothing' };
}

export interface Visit {
  step: string;
  move: Move;
  /** The answer as kept, for questions. */
  answer?: Answer;
  decision: Decision;
}

/** Replays a walk, saying at each step which answer was given and what decided the way on. */
export function replay(flow: Flow, walk: Walk): Visit[] {
  let session = startSession(flow);
  const visits: Visit[] = [];
  for (const move of walk.moves) {
    const step = currentStep(flow, session);
    let after: Session;
    let answer: Answer | undefined;
    if (move.input === 'continue') after = continueFrom(flow, session);
    else if (move.input === 'skip') after = skipQuestion(flow, session);
    else {
      const result = answerQuestion(flow, session, move.input);
      if (!result.ok) break;
      after = result.session;
    }
    if (step.kind === 'question') answer = after.answers[step.id] ?? null;
    // Where the decision was made: the answers after this move, still at this step.
    const at: Session = { path: session.path, answers: after.answers };
    visits.push({ step: step.id, move, answer, decision: decide(flow, at) });
    session = after;
  }
  return visits;
}

export interface Shown {
  id: string;
  /** How the service came to be listed. */
  as: 'match' | 'fallback' | 'always' | 'urgent';
}

/** The services a walk ends with, in the order the finder lists them. */
export function servicesAtEnd(flow: Flow, session: Session): { shown: Shown[]; matches: number; nothingMatched: boolean } {
  const step = currentStep(flow, session);
  if (step.kind === 'urgent') return { shown: step.services.map((id) => ({ id, as: 'urgent' })), matches: 0, nothingMatched: false };
  if (step.kind !== 'outcome') return { shown: [], matches: 0, nothingMatched: false };
  const result = matchServices(flow, step, answersOnPath(session));
  return {
    shown: [
      ...result.matches.map((m) => ({ id: m.service.id, as: 'match' as const })),
      ...result.fallback.map((m) => ({ id: m.service.id, as: 'fallback' as const })),
      ...result.always.map((m) => ({ id: m.service.id, as: 'always' as const })),
    ],
    matches: result.matches.length,
    nothingMatched: result.nothingMatched,
  };
}

/** Whether the answer to this question can change which services match (who it is for cannot). */
export function mattersToMatching(step: QuestionStep): boolean {
  return step.about !== undefined || questionOptions(step).some((o) => (o.tags?.length ?? 0) > 0);
}

export { questionOptions };
