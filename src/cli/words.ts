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
  routeContext,
  skipQuestion,
  startSession,
  type Answer,
  type Flow,
  type Move,
  type QuestionStep,
  type Session,
  type Walk,
} from '../engine/index.js';
import { conditionWords, stepLabel, words } from '../engine/graph.js';

// The wording of steps and conditions lives in the engine, shared with the flow map.
export { conditionWords, stepLabel, words };

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
    if (move.kind === 'continue') after = continueFrom(flow, session);
    else if (move.kind === 'skip') after = skipQuestion(flow, session);
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
