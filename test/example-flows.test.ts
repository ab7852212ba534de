/**
 * Every flow in flows/: every step reachable, every path ends in results or urgent help with
 * somebody to contact, and axe finds nothing on any step, reached as a person would reach it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import {
  allWalks,
  audienceOf,
  resolveText,
  answersOnPath,
  continueFrom,
  currentStep,
  indexOf,
  matchServices,
  sampleWalks,
  reviewFlow,
  type Flow,
  type Walk,
} from '../src/engine/index.js';
import { $, answerByKeyboard, fetchJson, headingText, shadow, shown, playMove } from './support.js';

const names = (await fetchJson('/flows/index.json')) as string[];

/** The shortest walk that passes through each step, and a spread of walks to each outcome. */
function walksToShow(walks: Walk[]): Walk[] {
  const chosen = new Map<string, Walk>();
  const byLength = [...walks].sort((a, b) => a.moves.length - b.moves.length);
  for (const walk of byLength) {
    const steps = [...walk.moves.map((m) => m.step), walk.end];
    steps.forEach((step, i) => {
      if (!chosen.has(step)) chosen.set(step, { ...walk, moves: walk.moves.slice(0, i), end: step });
    });
  }
  return [...chosen.values()];
}

it('finds the example flows', () => {
  expect(names.length).to.be.at.least(2);
});

for (const name of names) {
  describe(`flows/${name}`, () => {
    let flow: Flow;
    let walks: Walk[];
    let complete: boolean;

    before(async () => {
      const data = await fetchJson(`/flows/${name}`);
      const result = reviewFlow(data);
      if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      expect(result.warnings, JSON.stringify(result.warnings)).to.deep.equal([]);
      flow = result.flow;
      const all = allWalks(flow, 20_000);
      complete = all.complete;
      // Too many paths to walk them all: add a seeded random sample, the same every run.
      walks = complete ? all.walks : [...all.walks, ...sampleWalks(flow, 2_000, 2026)];
      console.log(`flows/${name}: ${walks.length} walks, ${complete ? 'every path' : 'first 20,000 paths and a seeded sample'}`);
    });

    it('points its $schema at flow.schema.json', async () => {
      const data = (await fetchJson(`/flows/${name}`)) as { $schema?: string };
      expect(data.$schema).to.equal('./flow.schema.json');
    });

    it('ends every path at results or urgent help', () => {
      const bad = walks.filter((w) => w.ended !== 'outcome' && w.ended !== 'urgent');
      expect(bad.map((w) => `${w.ended} at ${w.end} after ${JSON.stringify(w.moves)}`)).to.deep.equal([]);
      expect(walks.length).to.be.greaterThan(10);
    });

    it('reaches every step', () => {
      const reached = new Set(walks.flatMap((w) => [...w.moves.map((m) => m.step), w.end]));
      const urgentId = indexOf(flow).urgentId;
      if (urgentId) reached.add(urgentId); // "Get help now" is on every screen
      // And the way on after urgent help (walked in crisis-paths.test.ts).
      for (const walk of walks) if (walk.ended === 'urgent') reached.add(currentStep(flow, continueFrom(flow, walk.session)).id);
      expect(flow.steps.map((s) => s.id).filter((id) => !reached.has(id))).to.deep.equal([]);
    });

    it('gives everyone somebody to contact at the end', () => {
      for (const walk of walks) {
        const step = currentStep(flow, walk.session);
        const count =
          step.kind === 'outcome'
            ? (() => {
                const r = matchServices(flow, step, answersOnPath(walk.session));
                return r.matches.length + r.always.length + r.fallback.length;
              })()
            : step.kind === 'urgent'
              ? step.services.length
              : 0;
        expect(count, `${walk.end} after ${JSON.stringify(walk.moves)}`).to.be.greaterThan(0);
      }
    });

    it('routes every urgent answer straight to urgent help', () => {
      const urgentId = indexOf(flow).urgentId;
      for (const step of flow.steps) {
        if (step.kind !== 'question') continue;
        for (const option of step.options ?? []) {
          if (!option.urgent) continue;
          const walk = walks.find((w) => w.moves.some((m) => m.step === step.id && m.kind === 'answer' && (m.input === option.value || (Array.isArray(m.input) && m.input.includes(option.value)))));
          expect(walk, `no walk chose ${step.id}: ${option.value}`).to.exist;
          const at = walk?.moves.findIndex((m) => m.step === step.id) ?? -1;
          expect(walk?.end).to.equal(urgentId);
          expect(walk?.moves.length).to.equal(at + 1);
        }
      }
    });

    it('can be finished with the keyboard alone, to every outcome', async () => {
      const outcomes = flow.steps.filter((s) => s.kind === 'outcome').map((s) => s.id);
      for (const outcome of outcomes) {
        const walk = [...walks].filter((w) => w.end === outcome).sort((a, b) => a.moves.length - b.moves.length)[0];
        // Results only offered after urgent help are walked by crisis-paths.test.ts.
        if (!walk && walks.some((w) => w.ended === 'urgent' && currentStep(flow, continueFrom(flow, w.session)).id === outcome)) continue;
        expect(walk, `no walk reaches ${outcome}`).to.exist;
        const el = await fixture<SupportFinder>(html`<support-finder flow="/flows/${name}"></support-finder>`);
        await shown(el);
        for (const move of walk.moves) {
          expect(shadow(el).querySelector('.error-summary'), `refused an answer before ${move.step}`).to.not.exist;
          await playMove(el, move, true);
        }
        const step = currentStep(flow, walk.session);
        const audience = audienceOf(flow, answersOnPath(walk.session));
        expect(headingText(el)).to.equal(resolveText('title' in step ? step.title : undefined, { locale: flow.defaultLocale, defaultLocale: flow.defaultLocale, audience }));
        expect(shadow(el).querySelectorAll('.services > li').length, `services at ${outcome}`).to.be.greaterThan(0);
        el.remove();
      }
    });

    it('has no accessibility violations on any step, reached as a person would', async () => {
      for (const walk of walksToShow(walks)) {
        const el = await fixture<SupportFinder>(html`<support-finder flow="/flows/${name}"></support-finder>`);
        await shown(el);
        for (const move of walk.moves) {
          await playMove(el, move);
        }
        const expected = flow.steps.find((s) => s.id === walk.end);
        expect(shadow(el).querySelector('.error-summary'), `refused an answer on the way to ${walk.end}`).to.not.exist;
        if (expected?.kind === 'urgent') expect($(el, '.urgent')).to.exist;
        expect(headingText(el)).to.not.equal('');
        await expect(el, `step ${walk.end}`).to.be.accessible();
        el.remove();
      }
    });
  });
}

describe('flows/exampleshire.json, for a parent or a professional', () => {
  /** Walks Exampleshire by keyboard as `who`, checking each question is asked about the young person. */
  async function walkAs(who: string, questions: string[], resultsSays: string): Promise<void> {
    const el = await fixture<SupportFinder>(html`<support-finder flow="/flows/exampleshire.json"></support-finder>`);
    await shown(el);
    await answerByKeyboard(el, 'continue');
    expect(headingText(el)).to.equal('Who are you looking for support for?');
    await answerByKeyboard(el, who);
    const answers: (string | string[] | 'skip')[] = ['exampleton', '12', ['bullying'], 'no', 'soon', 'weeks', 'skip', 'skip'];
    for (const [i, input] of answers.entries()) {
      expect(headingText(el), `question ${i + 1}`).to.equal(questions[i]);
      if (i === 2) expect(shadow(el).textContent).to.contain('They have hurt themselves').and.not.contain('I have hurt myself');
      await answerByKeyboard(el, input);
    }
    expect(headingText(el)).to.equal('Support in Exampleshire');
    expect(shadow(el).textContent).to.contain(resultsSays);
    await expect(el).to.be.accessible();
    el.remove();
  }

  it('asks a parent about their child', async () => {
    await walkAs(
      'parent',
      [
        'Where in Exampleshire do they live?',
        'How old are they?',
        'What are they struggling with?',
        'Are they thinking about hurting themselves or ending their life?',
        'How soon do they need support?',
        'How long have they felt like this?',
        'How would they like to get support?',
        'Do you only want to see services that are free?',
      ],
      'You can help them get in touch.',
    );
  });

  it('asks a professional about the young person they work with', async () => {
    await walkAs(
      'professional',
      [
        'Where in Exampleshire does the young person live?',
        'How old is the young person?',
        'What is the young person struggling with?',
        'Is the young person thinking about hurting themselves or ending their life?',
        'How soon does the young person need support?',
        'How long has the young person felt like this?',
        'How would the young person like to get support?',
        'Do you only want to see services that are free?',
      ],
      "Follow your organisation's safeguarding policy.",
    );
  });
});
