/**
 * One person's way through a flow: the answers so far and the steps they took, as plain
 * immutable data. Every change returns a new session, so Back is just the previous state of the
 * path and a view can never half-update it.
 */
import type { Flow, QuestionStep, Service, Step, UrgentStep } from './schema.js';
import { chosenOptions, nextStepId, questionOptions, type Answer, type Answers, type RouteContext } from './routing.js';

export interface Session {
  /** The steps taken, first to current. Never empty. */
  readonly path: readonly string[];
  /** Every answer given, by step id — kept when going back, so the old answer is shown again. */
  readonly answers: Answers;
}

/** Why an answer was not accepted; the view turns it into a message. */
export type AnswerProblem =
  | { kind: 'required' }
  | { kind: 'not-a-whole-number' }
  | { kind: 'too-small'; min: number; value: number }
  | { kind: 'too-large'; max: number; value: number }
  | { kind: 'unknown-option' }
  | { kind: 'exclusive'; option: string };

/** What the person entered: the chosen value(s), the typed text, or nothing. */
export type AnswerInput = string | readonly string[] | undefined;

interface FlowIndex {
  steps: Map<string, Step>;
  services: Map<string, Service>;
  startId: string;
  urgentId: string | undefined;
}

const indexes = new WeakMap<Flow, FlowIndex>();

/** Lookups by id, built once per flow. */
export function indexOf(flow: Flow): FlowIndex {
  let index = indexes.get(flow);
  if (!index) {
    index = {
      steps: new Map(flow.steps.map((s) => [s.id, s])),
      services: new Map(flow.services.map((s) => [s.id, s])),
      startId: flow.start ?? flow.steps[0].id,
      urgentId: flow.urgentStep ?? flow.steps.find((s) => s.kind === 'urgent')?.id,
    };
    indexes.set(flow, index);
  }
  return index;
}

export function stepById(flow: Flow, id: string): Step {
  const step = indexOf(flow).steps.get(id);
  if (!step) throw new Error(`support-finder: no step '${id}' (the flow was not validated)`);
  return step;
}

/** The urgent step "Get help now" leads to, and its services in the flow's order. */
export function urgentHelp(flow: Flow): { step: UrgentStep; services: Service[] } | undefined {
  const { steps, urgentId } = indexOf(flow);
  const step = urgentId === undefined ? undefined : steps.get(urgentId);
  return step?.kind === 'urgent' ? { step, services: servicesOf(flow, step.services) } : undefined;
}

/** Services by id, in the order given, leaving out any the flow does not have. */
export function servicesOf(flow: Flow, ids: readonly string[]): Service[] {
  const { services } = indexOf(flow);
  return ids.flatMap((id) => services.get(id) ?? []);
}

export function startSession(flow: Flow): Session {
  return { path: [indexOf(flow).startId], answers: {} };
}

export function currentStep(flow: Flow, session: Session): Step {
  return stepById(flow, session.path[session.path.length - 1]);
}

/** Answers on the path taken, without the one for the current step unless `includeCurrent`. */
export function answersOnPath(session: Session, includeCurrent = true): Record<string, Answer> {
  const steps = includeCurrent ? session.path : session.path.slice(0, -1);
  const answers: Record<string, Answer> = {};
  for (const id of steps) if (id in session.answers) answers[id] = session.answers[id];
  return answers;
}

/** A tag and the answer that added it, so results can say why. */
export interface TagSource {
  tag: string;
  step: string;
  option: string;
}

export function collectedTags(flow: Flow, answers: Answers): TagSource[] {
  const sources: TagSource[] = [];
  for (const [stepId, answer] of Object.entries(answers)) {
    const step = indexOf(flow).steps.get(stepId);
    if (step?.kind !== 'question') continue;
    for (const option of chosenOptions(step, answer)) {
      for (const tag of option.tags ?? []) sources.push({ tag, step: stepId, option: option.value });
    }
  }
  return sources;
}

export function audienceOf(flow: Flow, answers: Answers): string | undefined {
  if (!flow.audience) return undefined;
  const answer = answers[flow.audience.question];
  return typeof answer === 'string' ? answer : undefined;
}

export function routeContext(flow: Flow, session: Session): RouteContext {
  const answers = answersOnPath(session);
  return {
    answers,
    tags: new Set(collectedTags(flow, answers).map((t) => t.tag)),
    audience: audienceOf(flow, answers),
  };
}

/** Turns what was entered into an answer, or says why it cannot be accepted. */
export function parseAnswer(
  step: QuestionStep,
  input: AnswerInput
): { ok: true; answer: Answer } | { ok: false; problem: AnswerProblem } {
  const empty = input === undefined || (typeof input === 'string' ? input.trim() === '' : input.length === 0);
  if (empty) return step.optional ? { ok: true, answer: null } : { ok: false, problem: { kind: 'required' } };
  if (step.type === 'number') {
    const text = (typeof input === 'string' ? input : input[0]).trim();
    if (!/^-?\d{1,15}$/.test(text)) return { ok: false, problem: { kind: 'not-a-whole-number' } };
    const value = Number(text);
    if (step.min !== undefined && value < step.min) return { ok: false, problem: { kind: 'too-small', min: step.min, value } };
    if (step.max !== undefined && value > step.max) return { ok: false, problem: { kind: 'too-large', max: step.max, value } };
    return { ok: true, answer: value };
  }
  const values = typeof input === 'string' ? [input] : [...new Set(input)];
  const options = questionOptions(step);
  const chosen = values.map((v) => options.find((o) => o.value === v));
  if (chosen.some((o) => o === undefined)) return { ok: false, problem: { kind: 'unknown-option' } };
  if (step.type !== 'multiple') {
    return values.length === 1 ? { ok: true, answer: values[0] } : { ok: false, problem: { kind: 'unknown-option' } };
  }
  const exclusive = chosen.find((o) => o?.exclusive);
  if (exclusive && values.length > 1) return { ok: false, problem: { kind: 'exclusive', option: exclusive.value } };
  return { ok: true, answer: options.filter((o) => values.includes(o.value)).map((o) => o.value) };
}

/**
 * An answer as the question takes it: a number outside its range is accepted when the flow says
 * where such answers go (`outOfRange`), and refused otherwise.
 */
function acceptAnswer(step: QuestionStep, input: AnswerInput): ReturnType<typeof parseAnswer> {
  const parsed = parseAnswer(step, input);
  if (parsed.ok || step.outOfRange === undefined) return parsed;
  const { problem } = parsed;
  return problem.kind === 'too-small' || problem.kind === 'too-large' ? { ok: true, answer: problem.value } : parsed;
}

function advance(flow: Flow, session: Session): Session {
  const step = currentStep(flow, session);
  const next = nextStepId(step, routeContext(flow, session), indexOf(flow).urgentId);
  if (next === undefined) return session;
  return { ...session, path: [...session.path, next] };
}

/** Answers the current question and moves on, or reports why the answer was refused. */
export function answerQuestion(
  flow: Flow,
  session: Session,
  input: AnswerInput
): { ok: true; session: Session } | { ok: false; problem: AnswerProblem } {
  const step = currentStep(flow, session);
  if (step.kind !== 'question') return { ok: true, session: continueFrom(flow, session) };
  const parsed = acceptAnswer(step, input);
  if (!parsed.ok) return parsed;
  const answered = { ...session, answers: { ...session.answers, [step.id]: parsed.answer } };
  return { ok: true, session: advance(flow, answered) };
}

/** Skips an optional question. */
export function skipQuestion(flow: Flow, session: Session): Session {
  const step = currentStep(flow, session);
  if (step.kind !== 'question' || !step.optional) return session;
  return advance(flow, { ...session, answers: { ...session.answers, [step.id]: null } });
}

/** Moves on from an info page, or takes the way on after urgent help. */
export function continueFrom(flow: Flow, session: Session): Session {
  const kind = currentStep(flow, session).kind;
  return kind === 'info' || kind === 'urgent' ? advance(flow, session) : session;
}

export function canGoBack(session: Session): boolean {
  return session.path.length > 1;
}

/** Back one step; the answer given there stays, ready to be changed. */
export function goBack(session: Session): Session {
  return canGoBack(session) ? { ...session, path: session.path.slice(0, -1) } : session;
}

/** "Get help now": the urgent step, from anywhere, with Back returning to where they were. */
export function goToUrgentHelp(flow: Flow, session: Session): Session {
  const urgent = indexOf(flow).urgentId;
  if (urgent === undefined || session.path[session.path.length - 1] === urgent) return session;
  return { ...session, path: [...session.path, urgent] };
}

/** A session as plain data for saving (only when the host page opts in). */
export function saveSession(session: Session): string {
  return JSON.stringify({ path: session.path, answers: session.answers });
}

/**
 * A saved session back, if it still fits the flow: every step on its path exists and follows
 * from the one before, and every answer is one the question accepts. Anything else is refused
 * (undefined), so a stale or tampered save can never put a person somewhere odd.
 */
export function restoreSession(flow: Flow, saved: string | null): Session | undefined {
  if (!saved) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(saved);
  } catch {
    return undefined;
  }
  const { path, answers } = (data ?? {}) as { path?: unknown; answers?: unknown };
  if (!Array.isArray(path) || path.length === 0 || typeof answers !== 'object' || answers === null) return undefined;
  if (Array.isArray(answers) || path.some((id) => typeof id !== 'string')) return undefined;
  // An answer is only ever null, a number, a string or a list of strings; anything else (an
  // object, a list of numbers) was never saved by the finder.
  const isAnswer = (a: unknown) =>
    a === null || typeof a === 'number' || typeof a === 'string' || (Array.isArray(a) && a.every((v) => typeof v === 'string'));
  if (!Object.values(answers).every(isAnswer)) return undefined;
  const { steps, startId, urgentId } = indexOf(flow);
  if (path[0] !== startId) return undefined;
  const restored: Record<string, Answer> = {};
  for (const [id, answer] of Object.entries(answers)) {
    const step = steps.get(id);
    if (step?.kind !== 'question') return undefined;
    const input = answer === null ? undefined : typeof answer === 'number' ? String(answer) : (answer as AnswerInput);
    const parsed = acceptAnswer(step, input);
    if (!parsed.ok && !(answer === null && step.optional)) return undefined;
    restored[id] = parsed.ok ? parsed.answer : null;
  }
  // Replay the path: each step must be where the answers before it lead (or urgent help).
  let session: Session = { path: [path[0]], answers: restored };
  for (const id of path.slice(1)) {
    const next = nextStepId(currentStep(flow, session), routeContext(flow, session), urgentId);
    if (id !== next && id !== urgentId) return undefined;
    session = { ...session, path: [...session.path, id] };
  }
  return session;
}
