/**
 * How far through the questions a person is, for "Question 3 of about 7".
 *
 * The rule: the number is the questions answered on the way here, plus one. The total is those
 * answered plus the fewest questions on any route from this question to an outcome, whatever
 * the later answers are; it is "about" because the answers still to come can take a longer
 * route. Info pages count as nothing; answers that lead to urgent help are not counted as a
 * route, since they end the questions for another reason.
 */
import type { Flow } from './schema.js';
import { possibleNextSteps } from './routing.js';
import { indexOf, type Session } from './session.js';

const remaining = new WeakMap<Flow, Map<string, number>>();

/** The fewest questions from each step to an outcome (Infinity when none can be reached). */
function questionsToOutcome(flow: Flow): Map<string, number> {
  let fewest = remaining.get(flow);
  if (!fewest) {
    fewest = new Map(flow.steps.map((s) => [s.id, s.kind === 'outcome' ? 0 : Infinity]));
    // Relax until nothing changes: each pass settles routes one step longer.
    for (let changed = true; changed; ) {
      changed = false;
      for (const step of flow.steps) {
        const after = Math.min(...possibleNextSteps(step, undefined).map((id) => fewest?.get(id) ?? Infinity));
        const here = after + (step.kind === 'question' ? 1 : 0);
        if (here < (fewest.get(step.id) as number)) {
          fewest.set(step.id, here);
          changed = true;
        }
      }
    }
    remaining.set(flow, fewest);
  }
  return fewest;
}

/** The current question's number and the estimated number of questions in all. */
export function progressOf(flow: Flow, session: Session): { number: number; total: number } {
  const { steps } = indexOf(flow);
  const number = session.path.filter((id) => steps.get(id)?.kind === 'question').length;
  const toGo = questionsToOutcome(flow).get(session.path[session.path.length - 1]) ?? Infinity;
  // The current question is on the path and in toGo: count it once.
  const total = number - 1 + toGo;
  return { number, total: Number.isFinite(total) ? Math.max(total, number) : number };
}
