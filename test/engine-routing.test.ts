/**
 * Flow tests in the Smart Answers style: given these answers, at this step, expect that next
 * step — and at an outcome, those services for those reasons.
 */
import { expect } from '@open-wc/testing';
import {
  answerQuestion,
  answersOnPath,
  allWalks,
  candidateInputs,
  possibleNextSteps,
  restoreSession,
  reviewFlow,
  saveSession,
  showsAsList,
  continueFrom,
  currentStep,
  evaluate,
  goBack,
  goToUrgentHelp,
  matchServices,
  parseMarkup,
  resolveText,
  skipQuestion,
  startSession,
  type AnswerInput,
  type Flow,
  type QuestionStep,
  type OutcomeResult,
  type OutcomeStep,
  type Session,
} from '../src/engine/index.js';
import { clone, loadValidFlow } from './support.js';

let flow: Flow;
before(async () => {
  flow = await loadValidFlow('/test/flows/basic.json');
});

/** Answers each question in turn (info pages are continued through) and returns the session. */
function walk(answers: Array<AnswerInput | 'skip'>): Session {
  let session = startSession(flow);
  for (const input of answers) {
    while (currentStep(flow, session).kind === 'info') session = continueFrom(flow, session);
    if (input === 'skip') {
      session = skipQuestion(flow, session);
      continue;
    }
    const result = answerQuestion(flow, session, input);
    if (!result.ok) throw new Error(`refused ${JSON.stringify(input)} at ${currentStep(flow, session).id}: ${result.problem.kind}`);
    session = result.session;
  }
  return session;
}

function at(session: Session): string {
  return currentStep(flow, session).id;
}

function outcome(session: Session): OutcomeResult {
  const step = currentStep(flow, session);
  if (step.kind !== 'outcome') throw new Error(`expected an outcome, at ${step.id}`);
  return matchServices(flow, step, answersOnPath(session));
}

const ids = (list: OutcomeResult['matches']) => list.map((m) => m.service.id);

describe('routing', () => {
  it('starts at the first step', () => {
    expect(at(startSession(flow))).to.equal('who');
  });

  it('follows a rule on a number answer: under 11 goes to the info page', () => {
    expect(at(walk(['me', '9']))).to.equal('young');
    expect(at(walk(['me', '11']))).to.equal('feelings');
  });

  it('goes from an info page to its next step', () => {
    const session = continueFrom(flow, walk(['me', '9']));
    expect(at(session)).to.equal('results');
  });

  it('routes an urgent option straight to urgent help, whatever else is chosen', () => {
    expect(at(walk(['me', '14', ['anxious', 'hurt']]))).to.equal('urgent');
  });

  it('routes a risk answer on a yes/no question to urgent help', () => {
    expect(at(walk(['me', '14', ['anxious'], 'yes']))).to.equal('urgent');
  });

  it('routes by a collected tag', () => {
    expect(at(walk(['me', '14', ['loss'], 'no', 'north', ['helpline'], 'no']))).to.equal('grief');
    expect(at(walk(['me', '14', ['sad'], 'no', 'north', ['helpline'], 'no']))).to.equal('results');
  });

  it('lets optional questions be skipped, by button or by an empty answer', () => {
    expect(at(walk(['me', '14', ['sad'], 'no', 'skip']))).to.equal('how');
    expect(at(walk(['me', '14', ['sad'], 'no', '', []]))).to.equal('free');
  });

  it('Back returns to the previous step with its answer kept', () => {
    const session = goBack(walk(['me', '14', ['sad', 'anxious']]));
    expect(at(session)).to.equal('feelings');
    expect(session.answers.feelings).to.deep.equal(['anxious', 'sad']);
    expect(at(goBack(session))).to.equal('age');
  });

  it('ignores answers left behind on another route', () => {
    // Answer "loss", go back and change to "sad": the bereavement tag must not route any more.
    let session = walk(['me', '14', ['loss'], 'no', 'north', ['helpline']]);
    for (let i = 0; i < 4; i++) session = goBack(session);
    expect(at(session)).to.equal('feelings');
    const changed = answerQuestion(flow, session, ['sad']);
    if (!changed.ok) throw new Error('refused');
    let next = changed.session;
    for (const input of ['no', 'north', ['helpline'], 'no'] as AnswerInput[]) {
      const result = answerQuestion(flow, next, input);
      if (!result.ok) throw new Error('refused');
      next = result.session;
    }
    expect(at(next)).to.equal('results');
  });

  it('reaches urgent help from any step, and Back returns from it', () => {
    const session = walk(['me', '14']);
    const urgent = goToUrgentHelp(flow, session);
    expect(at(urgent)).to.equal('urgent');
    expect(at(goBack(urgent))).to.equal('feelings');
  });

  it('refuses answers that do not fit, saying why', () => {
    const session = walk(['me']);
    const cases: Array<[AnswerInput, string]> = [
      [undefined, 'required'],
      ['', 'required'],
      ['fourteen', 'not-a-whole-number'],
      ['14.5', 'not-a-whole-number'],
      ['4', 'too-small'],
      ['31', 'too-large'],
    ];
    for (const [input, kind] of cases) {
      const result = answerQuestion(flow, session, input);
      expect(result.ok, String(input)).to.equal(false);
      if (!result.ok) expect(result.problem.kind).to.equal(kind);
    }
    const feelings = walk(['me', '14']);
    const both = answerQuestion(flow, feelings, ['none', 'sad']);
    expect(both.ok).to.equal(false);
    if (!both.ok) expect(both.problem).to.deep.equal({ kind: 'exclusive', option: 'none' });
    const unknown = answerQuestion(flow, feelings, ['sad', 'made-up']);
    expect(unknown.ok).to.equal(false);
  });
});

describe('answers outside the range (outOfRange)', () => {
  /** basic.json with its age question sending ages outside 5 to 30 to the info page 'young'. */
  function withOutOfRange(): Flow {
    const copy = structuredClone(flow) as Flow & { steps: Array<Record<string, unknown>> };
    const steps = copy.steps.map((s) => (s.id === 'age' ? { ...s, outOfRange: 'young' } : s));
    return { ...copy, steps } as Flow;
  }

  it('without it, the number is refused and the problem says what was typed', () => {
    const result = answerQuestion(flow, walk(['me']), '31');
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.problem).to.deep.equal({ kind: 'too-large', max: 30, value: 31 });
  });

  it('with it, the number is accepted and kept, and leads to the page the flow names, either side', () => {
    const fitting = withOutOfRange();
    for (const input of ['4', '31', '-2', '200']) {
      const start = answerQuestion(fitting, startSession(fitting), 'me');
      if (!start.ok) throw new Error('refused me');
      const result = answerQuestion(fitting, start.session, input);
      expect(result.ok, input).to.equal(true);
      if (!result.ok) continue;
      expect(currentStep(fitting, result.session).id).to.equal('young');
      expect(result.session.answers.age).to.equal(Number(input));
      // Back returns to the question with the number still there, ready to change.
      const back = goBack(result.session);
      expect(currentStep(fitting, back).id).to.equal('age');
      expect(back.answers.age).to.equal(Number(input));
    }
    // In range, the question's own routing still decides.
    const start = answerQuestion(fitting, startSession(fitting), 'me');
    if (!start.ok) throw new Error('refused me');
    const fourteen = answerQuestion(fitting, start.session, '14');
    expect(fourteen.ok && currentStep(fitting, fourteen.session).id).to.equal('feelings');
    // Words are still refused.
    const words = answerQuestion(fitting, start.session, 'thirty');
    expect(!words.ok && words.problem.kind).to.equal('not-a-whole-number');
  });

  it('is a way on for the tools: an edge of the map, and a number either side to try', () => {
    const fitting = withOutOfRange();
    const age = fitting.steps.find((s) => s.id === 'age') as QuestionStep;
    expect(possibleNextSteps(age, 'urgent')).to.include('young');
    const answered = (step: QuestionStep, on: Flow) => candidateInputs(on, step).flatMap((c) => (c.kind === 'answer' ? [c.input] : []));
    expect(answered(age, fitting)).to.include('4').and.to.include('31');
    expect(answered(flow.steps.find((s) => s.id === 'age') as QuestionStep, flow)).to.not.include('31');
  });

  it('a saved session with an age outside the range comes back only where the flow accepts it', () => {
    const fitting = withOutOfRange();
    const start = answerQuestion(fitting, startSession(fitting), 'me');
    if (!start.ok) throw new Error('refused me');
    const result = answerQuestion(fitting, start.session, '31');
    if (!result.ok) throw new Error('refused 31');
    const saved = saveSession(result.session);
    expect(restoreSession(fitting, saved)).to.deep.equal(result.session);
    // The same save against a flow that refuses 31 is ignored.
    expect(restoreSession(flow, saved)).to.equal(undefined);
  });
});

describe('select questions shown as radios or a list', () => {
  const select = (count: number, display?: 'radios' | 'list'): QuestionStep => ({
    id: 'pick',
    kind: 'question',
    type: 'select',
    question: 'Pick one',
    options: Array.from({ length: count }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` })),
    ...(display ? { display } : {}),
  });

  it('shows up to 10 options as radios and more as a list, unless the flow says which', () => {
    expect(showsAsList(select(2))).to.equal(false);
    expect(showsAsList(select(10))).to.equal(false);
    expect(showsAsList(select(11))).to.equal(true);
    expect(showsAsList(select(3, 'list'))).to.equal(true);
    expect(showsAsList(select(30, 'radios'))).to.equal(false);
  });
});

describe('conditions', () => {
  const context = { answers: { age: 14, feelings: ['sad'], who: 'me', area: null }, tags: new Set(['low-mood']), audience: 'me' };
  const cases: Array<[object, boolean]> = [
    [{ answer: 'age', gte: 14 }, true],
    [{ answer: 'age', gt: 14 }, false],
    [{ answer: 'age', lte: 14 }, true],
    [{ answer: 'age', lt: 14 }, false],
    [{ answer: 'age', equals: 14 }, true],
    [{ answer: 'who', equals: 'me' }, true],
    [{ answer: 'feelings', includes: 'sad' }, true],
    [{ answer: 'feelings', includes: 'loss' }, false],
    [{ answer: 'area', answered: true }, false],
    [{ answer: 'area', answered: false }, true],
    [{ answer: 'area', equals: 'north' }, false],
    [{ answer: 'never-asked', answered: false }, true],
    [{ tag: 'low-mood' }, true],
    [{ tag: 'anxiety' }, false],
    [{ audience: 'me' }, true],
    [{ all: [{ tag: 'low-mood' }, { answer: 'age', lt: 18 }] }, true],
    [{ all: [{ tag: 'low-mood' }, { answer: 'age', lt: 10 }] }, false],
    [{ any: [{ tag: 'anxiety' }, { answer: 'age', lt: 18 }] }, true],
    [{ not: { tag: 'low-mood' } }, false],
    [{ all: [] }, true],
    [{ any: [] }, false],
  ];
  for (const [condition, expected] of cases) {
    it(`${JSON.stringify(condition)} is ${expected}`, () => {
      expect(evaluate(condition as never, context)).to.equal(expected);
    });
  }
});

describe('service matching', () => {
  it('suggests services for what was said, within age and area, ranked, with reasons', () => {
    const result = outcome(walk(['me', '14', ['anxious', 'sad'], 'no', 'north', [], 'no']));
    // Ranked service first, then by how many needs each meets; talkline is always included.
    expect(ids(result.matches)).to.deep.equal(['north-counselling', 'textline', 'private-therapy']);
    expect(ids(result.always)).to.deep.equal(['talkline']);
    const counselling = result.matches[0];
    expect(counselling.reasons).to.deep.include({ kind: 'need', tag: 'anxiety', step: 'feelings', option: 'anxious' });
    expect(counselling.reasons).to.deep.include({ kind: 'need', tag: 'low-mood', step: 'feelings', option: 'sad' });
    expect(counselling.reasons).to.deep.include({ kind: 'age', age: 14, min: 11, max: 18 });
    expect(counselling.reasons).to.deep.include({ kind: 'area', area: 'north', step: 'area' });
  });

  it('caps how many are shown', () => {
    const result = outcome(walk(['me', '14', ['anxious', 'sad'], 'no', 'north', [], 'no']));
    expect(result.matches.length).to.equal(3);
  });

  it('leaves out services for other ages and areas', () => {
    const older = outcome(walk(['me', '20', ['anxious'], 'no', 'north', [], 'no']));
    expect(ids(older.matches)).to.not.include('north-counselling');
    const south = outcome(walk(['me', '14', ['anxious'], 'no', 'south', [], 'no']));
    expect(ids(south.matches)).to.not.include('north-counselling');
    const unknownArea = outcome(walk(['me', '14', ['anxious'], 'no', 'skip', [], 'no']));
    expect(ids(unknownArea.matches)).to.not.include('north-counselling');
  });

  it('leaves out paid services when only free ones are wanted, and says so', () => {
    const result = outcome(walk(['me', '14', ['anxious'], 'no', 'north', [], 'yes']));
    expect(ids(result.matches)).to.not.include('private-therapy');
    expect(result.matches[0].reasons).to.deep.include({ kind: 'free' });
  });

  it('keeps to the kinds of support asked for', () => {
    const result = outcome(walk(['me', '14', ['anxious'], 'no', 'north', ['text'], 'no']));
    expect(ids(result.matches)).to.deep.equal(['textline']);
    expect(result.matches[0].reasons).to.deep.include({ kind: 'support-type', type: 'text', step: 'how' });
  });

  it('shows the no-match message and fallback when nothing fits', () => {
    const result = outcome(walk(['me', '30', ['loss'], 'no', 'north', ['text'], 'no']));
    expect(result.nothingMatched).to.equal(true);
    expect(result.matches).to.deep.equal([]);
    // The fallback ignores the preference for text support, but not age or area.
    expect(ids(result.fallback)).to.deep.equal(['talkline']);
  });

  it('does not count the always-included helplines as matches', () => {
    // Phone support only: only Talkline offers it, and it is always shown, not matched.
    const result = outcome(walk(['me', '20', ['anxious'], 'no', 'north', ['helpline'], 'no']));
    expect(result.matches).to.deep.equal([]);
    expect(ids(result.always)).to.deep.equal(['talkline']);
    expect(result.nothingMatched).to.equal(true);
  });

  it('gives a support-type reason only when the card shows a way to use it', () => {
    const session = walk(['me', '14', ['anxious'], 'no', 'north', ['text'], 'no']);
    // The same flow, but Textline's card shows only a website: nothing to text.
    const changed: Flow = structuredClone(flow);
    changed.services.find((s) => s.id === 'textline')!.contact = [{ type: 'website', url: 'https://example.org/text' }];
    const result = matchServices(changed, currentStep(changed, session) as OutcomeStep, answersOnPath(session));
    expect(ids(result.matches)).to.deep.equal(['textline']);
    expect(result.matches[0].reasons.map((r) => r.kind)).to.not.include('support-type');
  });

  it('suggests only services for what they need when a need was given', () => {
    const result = outcome(walk(['me', '14', ['loss'], 'no', 'north', [], 'no']));
    // The grief outcome offers the grief group and a general helpline (general support fits anyone).
    expect(ids(result.matches)).to.deep.equal(['grief-group', 'talkline']);
  });

  it('suggests services by age and area alone when no need was given', () => {
    const result = outcome(walk(['me', '14', ['none'], 'no', 'north', [], 'no']));
    expect(result.nothingMatched).to.equal(false);
    expect(ids(result.matches)).to.include('north-counselling');
  });
});

describe('text', () => {
  it('picks the audience variant, then the language, then the default', () => {
    const text = { default: { en: 'How old are you?', cy: 'Faint yw dy oed di?' }, audience: { parent: 'How old are they?' } };
    expect(resolveText(text, { locale: 'cy', defaultLocale: 'en' })).to.equal('Faint yw dy oed di?');
    expect(resolveText(text, { locale: 'cy-GB', defaultLocale: 'en' })).to.equal('Faint yw dy oed di?');
    expect(resolveText(text, { locale: 'fr', defaultLocale: 'en' })).to.equal('How old are you?');
    expect(resolveText(text, { locale: 'en', defaultLocale: 'en', audience: 'parent' })).to.equal('How old are they?');
    expect(resolveText(text, { locale: 'en', defaultLocale: 'en', audience: 'teacher' })).to.equal('How old are you?');
  });
});

describe('markup', () => {
  it('parses paragraphs, lists, bold and links into data', () => {
    const blocks = parseMarkup('Hello **you**.\nStill here.\n\n- one\n- [two](https://example.org)\n\n1. first\n2. second');
    expect(blocks).to.deep.equal([
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Hello ' }, { kind: 'strong', text: 'you' }, { kind: 'text', text: '. Still here.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'link', text: 'two', href: 'https://example.org' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
    ]);
  });

  it('turns unsafe links into plain words', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example']) {
      expect(parseMarkup(`[go](${href})`)).to.deep.equal([{ kind: 'paragraph', content: [{ kind: 'text', text: 'go' }] }]);
    }
    // Whitespace inside a target means it is not a link at all: the words stay as written.
    const spaced = parseMarkup('[go](java\tscript:alert(1))');
    expect(JSON.stringify(spaced)).to.not.include('"link"');
  });

  it('keeps HTML as text', () => {
    expect(parseMarkup('<img src=x onerror=alert(1)>')).to.deep.equal([
      { kind: 'paragraph', content: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
  });
});

describe('the way on after urgent help', () => {
  /** The flow with its urgent step changed by `change`. */
  function withUrgent(change: (urgent: Record<string, unknown>) => void): Flow {
    const changed = clone(flow);
    change(changed.steps.find((s) => s.kind === 'urgent') as unknown as Record<string, unknown>);
    return changed;
  }

  it('goes on from urgent help, in one move, to results matched to the answers before it', () => {
    const urgent = walk(['me', '14', ['anxious', 'hurt']]);
    const after = continueFrom(flow, urgent);
    expect(at(after)).to.equal('results');
    expect(ids(outcome(after).matches)).to.include('textline');
    expect(at(goBack(after))).to.equal('urgent');
    expect(at(goBack(goBack(after)))).to.equal('feelings');
  });

  it('goes on the same way when "Get help now" was pressed from the results page', () => {
    const results = walk(['me', '14', ['sad'], 'no', 'north', ['helpline'], 'no']);
    const after = continueFrom(flow, goToUrgentHelp(flow, results));
    expect(at(after)).to.equal('results');
    expect(ids(outcome(after).matches)).to.deep.equal(ids(outcome(results).matches));
  });

  it('follows the urgent step\'s rules before its next, like an info page', () => {
    const routed = withUrgent((u) => (u.rules = [{ when: { tag: 'self-harm' }, next: 'grief' }]));
    const session = (answers: AnswerInput[]) => {
      let s = startSession(routed);
      for (const input of answers) {
        const result = answerQuestion(routed, s, input);
        if (!result.ok) throw new Error('refused');
        s = result.session;
      }
      return s;
    };
    expect(currentStep(routed, continueFrom(routed, session(['me', '14', ['hurt']]))).id).to.equal('grief');
    expect(currentStep(routed, continueFrom(routed, session(['me', '14', ['anxious'], 'yes']))).id).to.equal('results');
    expect(possibleNextSteps(currentStep(routed, session(['me', '14', ['hurt']])), 'urgent')).to.deep.equal(['grief', 'results']);
  });

  it('has nowhere to go from urgent help without a way on (the widget then offers every service)', () => {
    const deadEnd = withUrgent((u) => delete u.next);
    const urgent = goToUrgentHelp(deadEnd, startSession(deadEnd));
    expect(continueFrom(deadEnd, urgent)).to.equal(urgent);
  });

  it('restores a saved session that went on from urgent help, and refuses one that went elsewhere', () => {
    const after = continueFrom(flow, walk(['me', '14', ['hurt']]));
    expect(restoreSession(flow, saveSession(after))?.path).to.deep.equal(after.path);
    const elsewhere = { ...after, path: [...after.path.slice(0, -1), 'grief'] };
    expect(restoreSession(flow, saveSession(elsewhere))).to.equal(undefined);
  });

  it('is a dead end for `check` when urgent help has no way on, naming the step and the fix', () => {
    const review = reviewFlow(withUrgent((u) => delete u.next));
    expect(review.ok).to.equal(false);
    const index = flow.steps.findIndex((s) => s.kind === 'urgent');
    const problem = (review.ok ? [] : review.errors).find((e) => e.path === `steps[${index}]`);
    expect(problem?.message).to.match(/no way on/).and.match(/"next"/);
  });

  it('is a dead end for `check` when a step can only reach urgent help that has no way on', () => {
    const changed = withUrgent((u) => delete u.next);
    // "safe" sends everyone to urgent help.
    const safe = changed.steps.find((s) => s.id === 'safe') as unknown as Record<string, unknown>;
    safe.options = [
      { value: 'yes', label: 'Yes', urgent: true },
      { value: 'no', label: 'No', urgent: true },
    ];
    delete safe.next;
    const review = reviewFlow(changed);
    const index = flow.steps.findIndex((s) => s.id === 'safe');
    expect((review.ok ? [] : review.errors).map((e) => e.path)).to.include(`steps[${index}]`);
  });
});

describe('walks: an option called "skip" or "continue" is an answer like any other', () => {
  /** basic.json with a "continue" option on who and a "skip" option on the optional area question. */
  function withMoveNames(): Flow {
    const changed = clone(flow) as Flow & { steps: Array<Record<string, unknown>> };
    for (const step of changed.steps) {
      const options = step.options as Array<Record<string, unknown>> | undefined;
      if (step.id === 'who') options?.push({ value: 'continue', label: 'Someone else' });
      if (step.id === 'area') options?.push({ value: 'skip', label: 'Skipton' });
    }
    return changed;
  }

  it('tries each as an answer, and skipping as a move of its own', () => {
    const named = withMoveNames();
    const area = named.steps.find((s) => s.id === 'area') as QuestionStep;
    const candidates = candidateInputs(named, area);
    expect(candidates).to.deep.include({ kind: 'answer', input: 'skip' });
    expect(candidates).to.deep.include({ kind: 'skip' });
    const who = named.steps.find((s) => s.id === 'who') as QuestionStep;
    expect(candidateInputs(named, who)).to.deep.include({ kind: 'answer', input: 'continue' });
  });

  it('never gets stuck on them, and keeps the answer "skip" as an answer, not as skipped', () => {
    const named = withMoveNames();
    const { walks } = allWalks(named, 20_000);
    expect(walks.filter((w) => w.ended === 'stuck' || w.ended === 'too-long').map((w) => w.end)).to.deep.equal([]);
    expect(walks.some((w) => w.session.answers.who === 'continue')).to.equal(true);
    expect(walks.some((w) => w.session.answers.area === 'skip')).to.equal(true);
    expect(walks.some((w) => w.session.answers.area === null)).to.equal(true);
  });
});
