/** "Question 3 of about 7": the number and the estimate, by the rule in src/engine/progress.ts. */
import { expect } from '@open-wc/testing';
import { answerQuestion, progressOf, startSession, type Flow, type Session } from '../src/engine/index.js';
import { loadValidFlow } from './support.js';

function answered(flow: Flow, answers: Array<string | string[]>): Session {
  let session = startSession(flow);
  for (const input of answers) {
    const result = answerQuestion(flow, session, input);
    if (!result.ok) throw new Error(`refused ${String(input)}`);
    session = result.session;
  }
  return session;
}

describe('progressOf', () => {
  it('counts the questions answered and the fewest still to come to an outcome', async () => {
    const flow = await loadValidFlow('/test/flows/basic.json');
    // who → age, and under 11 the shortest route: age → young (info) → an outcome.
    expect(progressOf(flow, startSession(flow))).to.deep.equal({ number: 1, total: 2 });
    expect(progressOf(flow, answered(flow, ['me']))).to.deep.equal({ number: 2, total: 2 });
    // Aged 15 the route goes on: the estimate is from here, never below the number shown.
    const later = progressOf(flow, answered(flow, ['me', '15']));
    expect(later.number).to.equal(3);
    expect(later.total >= later.number).to.equal(true);
  });

  it('never counts a route through urgent help, and copes with a flow that has no outcome route', () => {
    const flow = {
      formatVersion: 1, id: 'p', title: 'P', defaultLocale: 'en', services: [],
      steps: [
        { id: 'a', kind: 'question', type: 'single', question: 'A', options: [{ value: 'x', label: 'X', urgent: true }, { value: 'y', label: 'Y' }], next: 'b' },
        { id: 'b', kind: 'question', type: 'single', question: 'B', options: [{ value: 'x', label: 'X' }], next: 'c' },
        { id: 'c', kind: 'question', type: 'single', question: 'C', options: [{ value: 'x', label: 'X' }], next: 'done' },
        { id: 'done', kind: 'outcome', title: 'Done', services: [] },
        { id: 'help', kind: 'urgent', title: 'Help', services: [] },
      ],
    } as unknown as Flow;
    expect(progressOf(flow, startSession(flow))).to.deep.equal({ number: 1, total: 3 });
    const stuck = { ...flow, steps: flow.steps.filter((s) => s.id !== 'done') } as Flow;
    expect(progressOf(stuck, startSession(stuck))).to.deep.equal({ number: 1, total: 1 });
  });
});
