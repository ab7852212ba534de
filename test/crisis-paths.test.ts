/**
 * Never a dead end after urgent help. For every risk answer (every option marked `urgent`) in
 * every example flow and every test and story flow, a person using only the keyboard reaches
 * urgent help first and then, with one press, support that fits what they told the finder.
 * Driven by the flows themselves, so a new risk option is covered without touching this file.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import {
  allWalks,
  answersOnPath,
  audienceOf,
  continueFrom,
  currentStep,
  matchServices,
  resolveText,
  type Flow,
  type Text,
  type Walk,
} from '../src/engine/index.js';
import { $, clone, fetchJson, headingText, loadValidFlow, shadow, shown, tabTo, playMove } from './support.js';

const WAY_ON = /When you're ready: other support that can help/;

const exampleNames = (await fetchJson('/flows/index.json')) as string[];
const flowPaths = [
  ...exampleNames.map((name) => `/flows/${name}`),
  '/test/flows/basic.json',
  '/test/flows/languages.json',
  '/stories/flows/questions.json',
  '/stories/flows/results.json',
];

/** The shortest walk that ends by choosing `value` at `stepId`. */
function shortestWalkChoosing(walks: Walk[], stepId: string, value: string): Walk | undefined {
  const chooses = (w: Walk) => {
    const last = w.moves[w.moves.length - 1];
    return last?.step === stepId && last.kind === 'answer' && (last.input === value || (Array.isArray(last.input) && last.input.length === 1 && last.input[0] === value));
  };
  return walks.filter(chooses).sort((a, b) => a.moves.length - b.moves.length)[0];
}

async function pressWayOn(el: SupportFinder): Promise<void> {
  $(el, '#sf-heading').focus();
  await tabTo(el, (f) => f.tagName === 'BUTTON' && WAY_ON.test(f.textContent ?? ''));
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

it('covers at least one risk answer in each example flow', async () => {
  for (const name of exampleNames) {
    const flow = await loadValidFlow(`/flows/${name}`);
    const risks = flow.steps.flatMap((s) => (s.kind === 'question' ? (s.options ?? []).filter((o) => o.urgent) : []));
    expect(risks.length, name).to.be.greaterThan(0);
  }
});

for (const path of flowPaths) {
  describe(path, () => {
    let flow: Flow;
    let walks: Walk[];
    before(async () => {
      flow = await loadValidFlow(path);
      walks = allWalks(flow, 5_000).walks;
    });

    it('leads on from urgent help, after every risk answer, to support that fits', async () => {
      const text = (t: Text | undefined, audience: string | undefined) =>
        resolveText(t, { locale: flow.defaultLocale, defaultLocale: flow.defaultLocale, audience });
      for (const step of flow.steps) {
        if (step.kind !== 'question') continue;
        for (const option of (step.options ?? []).filter((o) => o.urgent)) {
          const label = `${step.id}: ${option.value}`;
          const walk = shortestWalkChoosing(walks, step.id, option.value);
          expect(walk, `no route chooses ${label}`).to.exist;
          if (!walk) continue;
          const urgent = currentStep(flow, walk.session);
          expect(urgent.kind, label).to.equal('urgent');
          if (urgent.kind !== 'urgent') continue;
          const after = continueFrom(flow, walk.session);
          const outcome = currentStep(flow, after);
          expect(outcome.kind, `${label}: the way on from urgent help`).to.equal('outcome');
          if (outcome.kind !== 'outcome') continue;
          const answers = answersOnPath(after);
          const audience = audienceOf(flow, answers);
          const result = matchServices(flow, outcome, answers);
          const expected = [...result.matches, ...result.always, ...result.fallback].map((m) => m.service);
          expect(expected.length, `${label}: nobody to contact after urgent help`).to.be.greaterThan(0);

          const el = await fixture<SupportFinder>(html`<support-finder flow=${path}></support-finder>`);
          await shown(el);
          for (const move of walk.moves) await playMove(el, move, true);
          expect(headingText(el), label).to.contain(text(urgent.title, audience));
          // The urgent contacts come first; the way on follows them.
          const card = $(el, '.urgent');
          const wayOn = [...shadow(el).querySelectorAll('button')].find((b) => WAY_ON.test(b.textContent ?? ''));
          expect(wayOn, `${label}: no way on`).to.exist;
          expect(card.compareDocumentPosition(wayOn!) & Node.DOCUMENT_POSITION_FOLLOWING, label).to.not.equal(0);
          await expect(el).to.be.accessible();

          await pressWayOn(el);
          expect(headingText(el), label).to.equal(text(outcome.title, audience));
          // Every list: the best few, "More services" and the helplines group.
          const listed = [...shadow(el).querySelectorAll('.services')].map((list) => list.textContent).join(' ');
          for (const service of expected) expect(listed, `${label}: ${service.id}`).to.contain(text(service.name, audience));
          // Someone who said this is shown a service the flow says helps with it, when it has one.
          const tagged = flow.services.filter((s) => s.helpsWith?.some((t) => option.tags?.includes(t)));
          if (tagged.length > 0 && outcome.services?.some((id) => tagged.some((s) => s.id === id))) {
            expect(expected.some((s) => tagged.includes(s)), `${label}: no service for ${option.tags?.join(', ')}`).to.equal(true);
          }
          await expect(el).to.be.accessible();

          // Back returns to urgent help, and Back again to the question, as before.
          $(el, '.bar .back').click();
          await el.updateComplete;
          expect(headingText(el), label).to.contain(text(urgent.title, audience));
          el.remove();
        }
      }
    });
  });
}

describe('a flow whose urgent step has no way on', () => {
  it('still leads on, to the A-Z list of every service, and Back returns to urgent help', async () => {
    const flow = clone((await fetchJson('/test/flows/basic.json')) as Flow);
    const urgent = flow.steps.find((s) => s.kind === 'urgent');
    if (urgent?.kind === 'urgent') delete urgent.next;
    const url = URL.createObjectURL(new Blob([JSON.stringify(flow)], { type: 'application/json' }));
    const el = await fixture<SupportFinder>(html`<support-finder flow=${url}></support-finder>`);
    await shown(el);
    $(el, '.get-help').click();
    await el.updateComplete;
    await pressWayOn(el);
    await el.updateComplete;
    expect(shadow(el).querySelector('.services')?.textContent).to.contain('Talkline');
    await expect(el).to.be.accessible();
    [...shadow(el).querySelectorAll<HTMLButtonElement>('.bar button')].find((b) => /Back to questions/.test(b.textContent ?? ''))?.click();
    await el.updateComplete;
    expect(headingText(el)).to.contain('Get help now');
    URL.revokeObjectURL(url);
  });
});
