/**
 * How far through the questions a person is, for "Question 3 of about 7".
 *
 * The rule: the number is the questions answered on the way here, plus one. The total is those
 * answered plus the fewest questions on any route from this question to an outcome, whatever
 * the later answers are; it is "about" because the answers still to come can take a longer
 * route. Info pages count as nothing; answers that lead to urgent help are not counted as a
 * route, since they end the questions for another reason.
 */
import type { Flow, Step } from './schema.js';
import { possibleNextSteps } from './routing.js';
import { indexOf, type Session } from './session.js';

const remaining = new WeakMap<Flow, Map<string, number>>();

/**
 * The fewest questions from each step to an outcome (absent when none can be reached): a
 * breadth-first search back from the outcomes, where passing a question costs 1 and any other
 * step 0, so each step is settled once (a flow of 5,000 steps takes a few milliseconds; it was
 * relaxed pass by pass before, which froze the page for 3.8 s on such a flow).
 */
function questionsToOutcome(flow: Flow): Map<string, number> {
  let fewest = remaining.get(flow);
  if (!fewest) {
    const before = new Map<string, Step[]>();
    for (const step of flow.steps) {
      for (const id of possibleNextSteps(step, undefined)) {
        const list = before.get(id);
        if (list) list.push(step);
        else before.set(id, [step]);
      }
    }
    fewest = new Map();
    // Level by level: every step in `level` is settled at `cost` questions; a step before it
    // costs the same (an info page: appended to this level) or one more (the next level).
    let level: Step[] = flow.steps.filter((s) => s.kind === 'outcome');
    for (const s of level) fewest.set(s.id, 0);
    for (let cost = 0; level.length > 0; cost++) {
      const next: Step[] = [];
      for (let i = 0; i < level.length; i++) {
        for (const earlier of before.get(level[i].id) ?? []) {
          const through = cost + (earlier.kind === 'question' ? 1 : 0);
          if (through < (fewest.get(earlier.id) ?? Infinity)) {
            fewest.set(earlier.id, through);
            (through === cost ? level : next).push(earlier);
          }
        }
      }
      level = next;
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
