import { expect } from '@open-wc/testing';
import { inWords, problemCode, problemInWords, reviewFlow, validateFlow, type FlowProblem, type Validation } from '../src/engine/index.js';
import { clone, fetchJson } from './support.js';

type Json = Record<string, any>;

let basic: Json;
before(async () => {
  basic = (await fetchJson('/test/flows/basic.json')) as Json;
});

/** The authors' review: every check. The widget's own validateFlow is tested at the end. */
function errorsOf(data: unknown): FlowProblem[] {
  const result = reviewFlow(data);
  expect(result.ok, 'expected the flow to be invalid').to.equal(false);
  return result.ok ? [] : result.errors;
}

function expectError(data: unknown, path: string, words: RegExp) {
  const errors = errorsOf(data);
  const found = errors.find((e) => e.path === path);
  expect(found, `no error at ${path}; got ${JSON.stringify(errors)}`).to.exist;
  expect(found?.message).to.match(words);
}

describe('flow validation', () => {
  it('accepts the test flow with no errors or warnings', () => {
    const result = reviewFlow(basic);
    expect(result.ok).to.equal(true);
    expect(result.warnings).to.deep.equal([]);
  });

  it('names a missing step with its JSON path', () => {
    const flow = clone(basic);
    flow.steps[3].options[1].next = 'age2';
    expectError(flow, 'steps[3].options[1].next', /there is no step called 'age2'/);
  });

  it('names a missing default next step and a missing rule target', () => {
    const flow = clone(basic);
    flow.steps[1].next = 'nowhere';
    flow.steps[1].rules[0].next = 'gone';
    expectError(flow, 'steps[1].next', /no step called 'nowhere'/);
    expectError(flow, 'steps[1].rules[0].next', /no step called 'gone'/);
  });

  it('names a missing service in an outcome and in urgent help', () => {
    const flow = clone(basic);
    flow.steps[9].alwaysInclude = ['talkline', 'samaritans'];
    flow.steps[10].services = ['emergency', 'nope'];
    expectError(flow, 'steps[9].alwaysInclude[1]', /no service called 'samaritans'/);
    expectError(flow, 'steps[10].services[1]', /no service called 'nope'/);
  });

  it('explains a missing field and a wrong type in plain words', () => {
    const flow = clone(basic);
    delete flow.steps[0].question;
    flow.steps[1].min = 'five';
    expectError(flow, 'steps[0].question', /required but missing/);
    expectError(flow, 'steps[1].min', /should be a number, but it is the text 'five'/);
  });

  it('explains an unknown step kind and question type', () => {
    const flow = clone(basic);
    flow.steps[2].kind = 'page';
    flow.steps[0].type = 'radio';
    expectError(flow, 'steps[2].kind', /should be one of 'question', 'info', 'outcome', 'urgent'/);
    expectError(flow, 'steps[0].type', /should be one of 'single', 'multiple'/);
  });

  it('catches misspelt settings', () => {
    const flow = clone(basic);
    flow.steps[0].nxt = 'age';
    expectError(flow, 'steps[0].nxt', /no setting called 'nxt'/);
  });

  it('explains a malformed condition by the branch the author meant', () => {
    const flow = clone(basic);
    flow.steps[1].rules[0].when = { answer: 'age', lessThan: 11 };
    expectError(flow, 'steps[1].rules[0].when.lessThan', /no setting called 'lessThan'/);
    flow.steps[1].rules[0].when = 42;
    expectError(flow, 'steps[1].rules[0].when', /not a condition/);
  });

  it('checks conditions against the questions they name', () => {
    const flow = clone(basic);
    flow.steps[1].rules = [
      { when: { answer: 'who', equals: 'teacher' }, next: 'young' },
      { when: { answer: 'who', gt: 3 }, next: 'young' },
      { when: { answer: 'feelings', equals: 'sad' }, next: 'young' },
      { when: { tag: 'anxeity' }, next: 'young' },
      { when: { answer: 'age', lt: 3, gt: 1 }, next: 'young' },
      { when: { answer: 'ghost', answered: true }, next: 'young' },
    ];
    expectError(flow, 'steps[1].rules[0].when.equals', /has no option 'teacher'/);
    expectError(flow, 'steps[1].rules[1].when.gt', /not a number question/);
    expectError(flow, 'steps[1].rules[2].when.equals', /use "includes"/);
    expectError(flow, 'steps[1].rules[3].when.tag', /no answer adds the tag 'anxeity'/);
    expectError(flow, 'steps[1].rules[4].when', /one comparison per condition/);
    expectError(flow, 'steps[1].rules[5].when.answer', /no question called 'ghost'/);
  });

  it('refuses a route that loops with no way out', () => {
    const flow = clone(basic);
    // who -> age -> feelings -> safe -> area -> how -> free -> results, now free -> how again.
    flow.steps[7].next = 'how';
    flow.steps[7].rules = [];
    expectError(flow, 'steps[5]', /goes round in a loop/);
    expectError(flow, 'steps[7]', /goes round in a loop/);
  });

  it('warns where a service says it offers support its card gives no way to use', () => {
    const flow = clone(basic);
    flow.services[2].contact = [{ type: 'email', address: 'talk@example.org' }]; // Talkline: helpline, no phone
    const { warnings } = reviewFlow(flow);
    expect(warnings.find((w) => w.path === 'services[2].supportTypes[0]')?.message).to.match(/'helpline' but has no phone number/);
  });

  it('warns where a service is marked free but its description says it may cost', () => {
    const flow = clone(basic);
    flow.services[2].description = 'Talk about anything. Check whether it is free where you live.';
    const { warnings } = reviewFlow(flow);
    expect(warnings.find((w) => w.path === 'services[2].cost')?.message).to.match(/"free".*whether it is free/);
    expect(reviewFlow(basic).warnings.filter((w) => /services\[2\]/.test(w.path))).to.deep.equal([]);
    // As the UK flow's Kooth card once said, with its "Free" badge above it.
    for (const words of ["Check the website to see if it's free where you live.", 'Check the website to see if it’s free where you live.']) {
      flow.services[2].description = words;
      expect(reviewFlow(flow).warnings.find((w) => w.path === 'services[2].cost')?.message, words).to.match(/"free".*if it.s free/);
    }
  });

  it('allows a loop that has a way out', () => {
    const flow = clone(basic);
    flow.steps[7].rules = [{ when: { answer: 'free', equals: 'yes' }, next: 'how' }];
    expect(reviewFlow(flow).ok).to.equal(true);
  });

  it('warns about a step no route leads to', () => {
    const flow = clone(basic);
    flow.steps[1].rules = [];
    const result = reviewFlow(flow);
    expect(result.ok).to.equal(true);
    expect(result.warnings.map((w) => w.path)).to.include('steps[2]');
  });

  it('counts where urgent help leads on as reached, even when only "Get help now" opens urgent help', () => {
    const flow = clone(basic) as typeof basic & { steps: Array<Record<string, unknown>> };
    // No answer is urgent any more, and urgent help's way on is the grief outcome, which nothing else leads to.
    for (const step of flow.steps) for (const option of (step.options as Array<Record<string, unknown>> | undefined) ?? []) delete option.urgent;
    const urgent = flow.steps.find((s) => s.kind === 'urgent') as Record<string, unknown>;
    urgent.next = 'grief';
    flow.steps.forEach((s) => {
      if (s.id !== 'urgent') delete s.rules;
    });
    const graph = flow.steps.map((s) => s.id);
    const result = validateFlow(flow);
    expect(result.ok, JSON.stringify(result.ok ? [] : result.errors)).to.equal(true);
    expect(result.warnings.filter((w) => w.code === 'unreachable').map((w) => w.path)).to.not.include(`steps[${graph.indexOf('grief')}]`);
  });

  it('refuses unsafe links in bodies and websites', () => {
    const flow = clone(basic);
    flow.steps[2].body = 'Click [here](javascript:alert(1)) or [there](data:text/html,hi)';
    flow.services[3].contact[0].url = 'javascript:alert(1)';
    const errors = errorsOf(flow);
    expect(errors.filter((e) => e.path === 'steps[2].body').map((e) => e.message).join(' ')).to.match(/javascript:.*not allowed/);
    expect(errors.filter((e) => e.path === 'steps[2].body')).to.have.length(2);
    expectError(flow, 'services[3].contact[0].url', /not a web address/);
  });

  it('requires urgent help and an outcome', () => {
    const flow = clone(basic);
    flow.steps = flow.steps.filter((s: Json) => s.kind !== 'urgent');
    flow.steps[3].options[3].urgent = false;
    flow.steps[4].options[0].urgent = false;
    expectError(flow, 'steps', /no urgent step/);
  });

  it('finds duplicate ids', () => {
    const flow = clone(basic);
    flow.steps[2].id = 'age';
    flow.services[1].id = 'emergency';
    expectError(flow, 'steps[2].id', /already called 'age'/);
    expectError(flow, 'services[1].id', /already called 'emergency'/);
  });

  it('checks the default language is present in per-language text', () => {
    const flow = clone(basic);
    flow.steps[0].question = { cy: 'I bwy mae hwn?' };
    expectError(flow, 'steps[0].question', /default language 'en'/);
  });

  it('checks question settings against the question type', () => {
    const flow = clone(basic);
    flow.steps[0].min = 3;
    flow.steps[1].about = 'area';
    expectError(flow, 'steps[0].min', /only apply to number questions/);
    expectError(flow, 'steps[1].about', /must be of type single or select/);
    const yesMaybe = clone(basic);
    yesMaybe.steps[4].options = [{ value: 'yes', label: 'Yes' }, { value: 'maybe', label: 'Maybe' }];
    expectError(yesMaybe, 'steps[4].options', /exactly two options/);
  });

  it('checks outOfRange, display and errorMessage (issue 10)', () => {
    const unknown = clone(basic);
    unknown.steps[1].outOfRange = 'nowhere';
    expectError(unknown, 'steps[1].outOfRange', /nowhere/);
    const notNumber = clone(basic);
    notNumber.steps[0].outOfRange = 'young';
    expectError(notNumber, 'steps[0].outOfRange', /needs a number question with "min" or "max"/);
    const noLimits = clone(basic);
    delete noLimits.steps[1].min;
    delete noLimits.steps[1].max;
    noLimits.steps[1].outOfRange = 'young';
    expectError(noLimits, 'steps[1].outOfRange', /needs a number question with "min" or "max"/);
    const display = clone(basic);
    display.steps[0].display = 'list';
    expectError(display, 'steps[0].display', /only applies to select questions/);
    const wrongDisplay = clone(basic);
    wrongDisplay.steps[5].display = 'dropdown';
    expect(reviewFlow(wrongDisplay).ok).to.equal(false);
    const message = clone(basic);
    message.steps[0].errorMessage = { en: 'Select who this is for', fr: 'Choisissez' };
    const ok = clone(basic);
    ok.steps[1].outOfRange = 'young';
    ok.steps[0].errorMessage = 'Select who this is for';
    expect(reviewFlow(ok).ok, 'a valid outOfRange and errorMessage').to.equal(true);
  });

  it('reports services limited to areas no question offers', () => {
    const flow = clone(basic);
    flow.services[3].areas = ['east'];
    expectError(flow, 'services[3].areas[0]', /no area question offers the area 'east'/);
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [null, 7, 'flow', [], {}, { steps: 'x' }, { formatVersion: 2 }, { formatVersion: 1, steps: [{}], services: [{}] }];
    const inWordsOf = (data: unknown): Validation<FlowProblem> => {
      const result = validateFlow(data);
      return result.ok ? { ...result, warnings: inWords(result.warnings) } : { ok: false, errors: inWords(result.errors), warnings: inWords(result.warnings) };
    };
    for (const result of odd.flatMap((data) => [inWordsOf(data), reviewFlow(data)])) {
      expect(result.ok).to.equal(false);
      if (!result.ok) {
        expect(result.errors.length).to.be.greaterThan(0);
        for (const e of result.errors) {
          expect(e.path).to.be.a('string').and.not.equal('');
          expect(e.message).to.be.a('string').and.not.match(/invalid input|ZodError/i);
        }
      }
    }
  });

  it('survives very deep nesting', () => {
    let when: Json = { answer: 'age', lt: 11 };
    for (let i = 0; i < 20000; i++) when = { not: when };
    const flow = clone(basic);
    flow.steps[1].rules[0].when = when;
    expect(typeof validateFlow(flow).ok).to.equal('boolean');
    expect(typeof reviewFlow(flow).ok).to.equal('boolean');
  });
});

describe('the widget\'s own validation', () => {
  it('refuses what would stop a flow running: missing steps and services, no urgent help, loops', () => {
    const flow = clone(basic);
    flow.steps[3].options[1].next = 'age2';
    flow.steps[10].services = ['nope'];
    const result = validateFlow(flow);
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      // The widget carries codes and what they are about; the words are the tools'.
      expect(result.errors).to.deep.equal([
        { path: 'steps[3].options[1].next', code: 'unknown-step', params: ['age2'] },
        { path: 'steps[10].services[0]', code: 'unknown-service', params: ['nope'] },
      ]);
      expect(result.errors.map(problemCode)).to.deep.equal(['unknown-step ("age2")', 'unknown-service ("nope")']);
      expect(inWords(result.errors).map((e) => `${e.path}: ${e.message}`)).to.deep.equal([
        "steps[3].options[1].next: there is no step called 'age2'",
        "steps[10].services[0]: there is no service called 'nope' in \"services\"",
      ]);
    }
  });

  it('refuses links that are not https, http, tel, sms or mailto, wherever they are', () => {
    const flow = clone(basic);
    flow.steps[2].body = 'Read [this](javascript:alert(1)).';
    flow.steps[9].noMatch = { en: '[Call](data:text/html,hi)' };
    flow.services[0].description = '[x](vbscript:msgbox(1))';
    flow.services[3].contact[0].url = 'javascript:alert(1)';
    const result = validateFlow(flow);
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).to.have.members(['steps[2].body', 'steps[9].noMatch.en', 'services[0].description', 'services[3].contact[0].url']);
      expect(inWords(result.errors).find((e) => e.path === 'steps[2].body')?.message).to.match(/'javascript:alert\(1\)' is not allowed/);
    }
  });

  it('refuses nesting deeper than a fixed limit, whatever stack is left, and names where', () => {
    const deep = (levels: number) => {
      let when: Json = { answer: 'age', lt: 11 };
      for (let i = 0; i < levels; i++) when = { not: when };
      const flow = clone(basic);
      flow.steps[1].rules[0].when = when;
      return flow;
    };
    expect(validateFlow(deep(20)).ok).to.equal(true);
    for (const levels of [60, 1000, 20000]) {
      const result = validateFlow(deep(levels));
      expect(result.ok, String(levels)).to.equal(false);
      if (!result.ok) {
        expect(result.errors).to.have.length(1);
        expect(result.errors[0].path).to.match(/^steps\[1\]\.rules\[0\]\.when(\.not)+$/);
        expect(problemInWords(result.errors[0])).to.match(/nested more than 64 levels deep/);
      }
    }
  });

  it('refuses questions nobody could answer', () => {
    const flow = clone(basic);
    flow.steps[1].min = 5.5;
    flow.steps[1].max = 5.7;
    flow.steps[4].options = [];
    const result = validateFlow(flow);
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).to.have.members(['steps[1].min', 'steps[1].max', 'steps[4].options']);
      expect(problemInWords(result.errors[0])).to.match(/not a whole number/);
    }
  });

  it('leaves authoring mistakes that cannot break a run to the review', () => {
    const flow = clone(basic);
    flow.steps[1].rules[0].when = { answer: 'who', equals: 'teacher' };
    expect(validateFlow(flow).ok).to.equal(true);
    expect(reviewFlow(flow).ok).to.equal(false);
  });
});
