/**
 * Walking a flow the way people could: every answer at every question (all of them while there
 * are few enough paths, else a seeded random sample), to prove each step is reachable and each
 * path ends in results or urgent help. Used by the tests and by tools for flow authors.
 */
import type { Flow, QuestionStep } from './schema.js';
import { questionOptions } from './routing.js';
import {
  answerQuestion,
  continueFrom,
  currentStep,
  skipQuestion,
  startSession,
  type AnswerInput,
  type Session,
} from './session.js';

/**
 * An answer worth trying at a question: something entered, or skipping it. Tagged, never a
 * bare string, because an option's value can be any id, "skip" and "continue" included.
 */
export type Candidate = { kind: 'answer'; input: AnswerInput } | { kind: 'skip' };

/** One thing a person does at a step: an answer, skipping it, or "continue" (an info page, urgent help's way on). */
export type Move = { step: string } & (Candidate | { kind: 'continue' });

export interface Walk {
  moves: Move[];
  /** Where the walk stopped: an outcome or urgent step, unless it got stuck or looped. */
  end: string;
  ended: 'outcome' | 'urgent' | 'stuck' | 'too-long';
  session: Session;
}

/** Answers worth trying at a question: each option, a few combinations, boundary numbers. */
export function candidateInputs(flow: Flow, step: QuestionStep): Candidate[] {
  const inputs: AnswerInput[] = [];
  const values = questionOptions(step).map((o) => o.value);
  if (step.type === 'number') {
    const numbers = new Set<number>();
    const min = step.min ?? 0;
    const max = step.max ?? min + 100;
    numbers.add(min).add(max);
    // Each threshold a rule compares this answer with, and either side of it.
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.answer === step.id) {
        for (const key of ['equals', 'gt', 'gte', 'lt', 'lte']) {
          const n = record[key];
          if (typeof n === 'number') [n - 1, n, n + 1].forEach((v) => numbers.add(v));
        }
      }
      Object.values(record).forEach(visit);
    };
    flow.steps.forEach((s) => visit('rules' in s ? s.rules : undefined));
    // At an age question, the edges of every service's age range too: a flow whose rules only
    // mention 25 must still be tried at the ages its services are for.
    if (step.about === 'age') {
      for (const { ages } of flow.services) {
        if (ages?.min !== undefined) numbers.add(ages.min - 1).add(ages.min);
        if (ages?.max !== undefined) numbers.add(ages.max).add(ages.max + 1);
      }
    }
    // A flow that sends answers outside the range somewhere is walked there too, once each side.
    const outside = new Set<number>();
    if (step.outOfRange !== undefined) {
      if (step.min !== undefined) outside.add(step.min - 1);
      if (step.max !== undefined) outside.add(step.max + 1);
    }
    for (const n of [...numbers, ...outside].sort((a, b) => a - b)) if ((n >= min && n <= max) || outside.has(n)) inputs.push(String(n));
  } else if (step.type === 'multiple') {
    for (const value of values) inputs.push([value]);
    const combinable = questionOptions(step).filter((o) => !o.exclusive && !o.urgent).map((o) => o.value);
    if (combinable.length > 1) inputs.push(combinable);
  } else {
    inputs.push(...values);
  }
  const candidates: Candidate[] = inputs.map((input) => ({ kind: 'answer', input }));
  if (step.optional) candidates.push({ kind: 'skip' });
  return candidates;
}

function apply(flow: Flow, session: Session, move: Move): Session | undefined {
  if (move.kind === 'continue') return continueFrom(flow, session);
  if (move.kind === 'skip') return skipQuestion(flow, session);
  const result = answerQuestion(flow, session, move.input);
  return result.ok ? result.session : undefined;
}

/** The moves possible from where the session is now. */
function movesFrom(flow: Flow, session: Session): Move[] {
  const step = currentStep(flow, session);
  if (step.kind === 'info') return [{ step: step.id, kind: 'continue' }];
  if (step.kind !== 'question') return [];
  return candidateInputs(flow, step).map((candidate) => ({ step: step.id, ...candidate }));
}

function finish(flow: Flow, session: Session, moves: Move[], maxLength: number): Walk | undefined {
  const step = currentStep(flow, session);
  if (step.kind === 'outcome' || step.kind === 'urgent') return { moves, end: step.id, ended: step.kind, session };
  if (moves.length >= maxLength) return { moves, end: step.id, ended: 'too-long', session };
  return undefined;
}

/**
 * Every path through the flow, depth first, up to `limit` walks. `complete` says whether that
 * was all of them.
 */
export function allWalks(flow: Flow, limit = 20_000): { walks: Walk[]; complete: boolean } {
  const maxLength = flow.steps.length * 2 + 2;
  const walks: Walk[] = [];
  const visit = (session: Session, moves: Move[]): boolean => {
    const done = finish(flow, session, moves, maxLength);
    if (done) {
      walks.push(done);
      return walks.length < limit;
    }
    const options = movesFrom(flow, session);
    if (options.length === 0) {
      walks.push({ moves, end: currentStep(flow, session).id, ended: 'stuck', session });
      return walks.length < limit;
    }
    for (const move of options) {
      const next = apply(flow, session, move);
      if (!next || next === session) {
        walks.push({ moves: [...moves, move], end: move.step, ended: 'stuck', session });
        if (walks.length >= limit) return false;
        continue;
      }
      if (!visit(next, [...moves, move])) return false;
    }
    return true;
  };
  const complete = visit(startSession(flow), []);
  return { walks, complete };
}

/** A small, fast, seeded random number generator (mulberry32), so samples are repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` random walks, the same ones for the same seed. */
export function sampleWalks(flow: Flow, count: number, seed = 1): Walk[] {
  const next = random(seed);
  const maxLength = flow.steps.length * 2 + 2;
  const walks: Walk[] = [];
  for (let i = 0; i < count; i++) {
    let session = startSession(flow);
    const moves: Move[] = [];
    for (;;) {
      const done = finish(flow, session, moves, maxLength);
      if (done) {
        walks.push(done);
        break;
      }
      const options = movesFrom(flow, session);
      const move = options[Math.floor(next() * options.length)];
      const after = move && apply(flow, session, move);
      if (!move || !after || after === session) {
        walks.push({ moves, end: currentStep(flow, session).id, ended: 'stuck', session });
        break;
      }
      moves.push(move);
      session = after;
    }
  }
  return walks;
}
