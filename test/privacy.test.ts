/**
 * What the README promises: "The finder makes no request except for the flow file. It sets no
 * cookies and stores nothing." Checked on the built widget in a bare fixture page
 * (test/fixtures/privacy.html) in an iframe, walking every example flow through its controls.
 */
import { expect } from '@open-wc/testing';
import { allWalks, continueFrom, currentStep, goToUrgentHelp, indexOf, reviewFlow, sampleWalks, startSession, type Flow, type Walk } from '../src/engine/index.js';
import type { SupportFinder } from '../src/support-finder.js';
import { closeFrames, frameDocument, frameWindow, has, openFrame, refusal, widgetIn } from './frames.js';
import { $, fetchJson, headingText, shadow, playMove } from './support.js';

const names = (await fetchJson('/flows/index.json')) as string[];

type Call = { kind: string; url: string };
type PrivacyWindow = { __calls: Call[] };

const BUNDLE = new URL('/dist/support-finder.js', location.href).href;
const pageFor = (flowPath: string) => `/test/fixtures/privacy.html?flow=${encodeURIComponent(flowPath)}`;

async function validFlow(path: string): Promise<Flow> {
  const result = reviewFlow(await fetchJson(path));
  if (!result.ok) throw new Error(`${path} is invalid:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result.flow;
}

/** Every path, or the first 20,000 and a seeded sample, as test/example-flows.test.ts does. */
function walksOf(flow: Flow): Walk[] {
  const all = allWalks(flow, 20_000);
  return all.complete ? all.walks : [...all.walks, ...sampleWalks(flow, 2_000, 2026)];
}

/** For each step, the shortest whole walk (to results or urgent help) that passes through it. */
function wholeWalksThroughEveryStep(walks: Walk[]): Walk[] {
  const finished = walks.filter((w) => w.ended === 'outcome' || w.ended === 'urgent').sort((a, b) => a.moves.length - b.moves.length);
  const chosen = new Set<Walk>();
  const covered = new Set<string>();
  for (const walk of finished) {
    const steps = [...walk.moves.map((m) => m.step), walk.end];
    if (steps.some((s) => !covered.has(s))) {
      chosen.add(walk);
      steps.forEach((s) => covered.add(s));
    }
  }
  return [...chosen];
}

/** Plays a walk through the widget's controls, as a person would, checking each answer is taken. */
async function play(el: SupportFinder, flow: Flow, walk: Walk, afterEachMove?: (step: string) => Promise<void>): Promise<void> {
  for (const move of walk.moves) {
    expect(refusal(el), `refused an answer before ${move.step}`).to.equal(null);
    await playMove(el, move);
    await afterEachMove?.(move.step);
  }
  expect(refusal(el), `refused the last answer before ${walk.end}`).to.equal(null);
  const end = currentStep(flow, walk.session);
  if (end.kind === 'outcome') expect(shadow(el).querySelectorAll('.services > li').length, `no services at ${walk.end}`).to.be.greaterThan(0);
  else expect(has(el, '.urgent'), `no urgent card at ${walk.end}`).to.equal(true);
}

/** The addresses the page fetched, by Resource Timing (every fetch, script, style, image …). */
function resourcesOf(win: Window): string[] {
  return win.performance.getEntriesByType('resource').map((e) => e.name);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

afterEach(() => closeFrames());

describe('privacy: nothing stored without opt-in', () => {
  it('sets no cookie and stores nothing while walking the UK flow to its results and back', async function () {
    this.timeout(20_000);
    const path = '/flows/uk-young-people.json';
    const flow = await validFlow(path);
    const walks = walksOf(flow).filter((w) => w.ended === 'outcome');
    // The walk to results that passes through the most steps.
    const walk = walks.reduce((best, w) => (new Set(w.moves.map((m) => m.step)).size > new Set(best.moves.map((m) => m.step)).size ? w : best));
    // The fixture page is on this page's origin: it shares its cookies and storage.
    const before = { cookie: document.cookie, local: localStorage.length, session: sessionStorage.length };
    expect(before, 'something on this origin stored data before the walk began').to.deep.equal({ cookie: '', local: 0, session: 0 });
    const iframe = await openFrame(pageFor(path));
    const win = frameWindow(iframe);

    const nothingStored = async (when: string) => {
      expect(frameDocument(iframe).cookie, `cookies ${when}`).to.equal('');
      expect(win.localStorage.length, `localStorage ${when}: ${Object.keys(win.localStorage)}`).to.equal(0);
      expect(win.sessionStorage.length, `sessionStorage ${when}: ${Object.keys(win.sessionStorage)}`).to.equal(0);
      expect(await win.indexedDB.databases(), `IndexedDB ${when}`).to.deep.equal([]);
      expect(await win.caches.keys(), `Cache Storage ${when}`).to.deep.equal([]);
      expect(await win.navigator.serviceWorker.getRegistrations(), `service workers ${when}`).to.deep.equal([]);
    };

    const el = await widgetIn(iframe);
    expect(el.getAttribute('persist')).to.equal(null);
    const firstHeading = headingText(el);
    await nothingStored('on the first question');
    await play(el, flow, walk, (step) => nothingStored(`after answering ${step}`));
    await settle();
    await nothingStored('at the results');
    // Get help now and Back: still nothing.
    $(el, '.get-help').click();
    await el.updateComplete;
    $(el, '.back').click();
    await el.updateComplete;
    await settle();
    await nothingStored('after Get help now and Back');
    // Start again (which would also clear anything saved): still nothing.
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Start again')?.click();
    await el.updateComplete;
    expect(headingText(el)).to.equal(firstHeading);
    await nothingStored('after Start again');
  });
});

describe('privacy: no request but the widget and its flow', () => {
  it('finds the example flows', () => {
    expect(names.length).to.be.at.least(2);
  });

  it('the fixture page itself loads nothing else, and records fetch', async () => {
    const path = '/test/flows/basic.json';
    const iframe = await openFrame(pageFor(path));
    const win = frameWindow<PrivacyWindow>(iframe);
    await widgetIn(iframe);
    expect(resourcesOf(win).sort()).to.deep.equal([BUNDLE, new URL(path, location.href).href].sort());
    // The recorder sees the flow fetch, so an empty list elsewhere means something.
    expect(win.__calls).to.deep.equal([{ kind: 'fetch', url: new URL(path, location.href).href }]);
    // And it would see a beacon, an XHR and a fetch by anything else on the page.
    win.navigator.sendBeacon('/beacon-probe', 'x');
    const xhr = new (win as unknown as typeof globalThis).XMLHttpRequest();
    xhr.open('GET', '/xhr-probe');
    expect(win.__calls.map((c) => c.kind)).to.deep.equal(['fetch', 'beacon', 'xhr']);
  });

  for (const name of names) {
    it(`flows/${name}: every step reached through the controls, with no other request`, async function () {
      this.timeout(120_000);
      const path = `/flows/${name}`;
      const flowUrl = new URL(path, location.href).href;
      const flow = await validFlow(path);
      const walks = wholeWalksThroughEveryStep(walksOf(flow));
      // Every step is on some walk, or is urgent help, which "Get help now" opens at the end of
      // each, or is where urgent help's way on leads.
      const reached = new Set(walks.flatMap((w) => [...w.moves.map((m) => m.step), w.end]));
      const urgentId = indexOf(flow).urgentId;
      if (urgentId) reached.add(urgentId);
      const wayOn = currentStep(flow, continueFrom(flow, goToUrgentHelp(flow, startSession(flow)))).id;
      reached.add(wayOn);
      expect(flow.steps.map((s) => s.id).filter((id) => !reached.has(id))).to.deep.equal([]);

      for (const walk of walks) {
        const iframe = await openFrame(pageFor(path));
        const win = frameWindow<PrivacyWindow>(iframe);
        const el = await widgetIn(iframe);
        await play(el, flow, walk);
        const getHelp = shadow(el).querySelector<HTMLElement>('.get-help');
        if (getHelp) {
          getHelp.click();
          await el.updateComplete;
          expect(has(el, '.urgent'), 'Get help now did not show urgent help').to.equal(true);
          // Its way on too, and back twice.
          $(el, '.urgent ~ .actions button').click();
          await el.updateComplete;
          expect(has(el, '.urgent'), 'the way on stayed on urgent help').to.equal(false);
          $(el, '.back').click();
          await el.updateComplete;
          $(el, '.back').click();
          await el.updateComplete;
        }
        await settle();
        const where = `after ${JSON.stringify(walk.moves.map((m) => (m.kind === 'answer' ? m.input : m.kind)))}`;
        expect(resourcesOf(win).sort(), where).to.deep.equal([BUNDLE, flowUrl].sort());
        expect(win.__calls, where).to.deep.equal([{ kind: 'fetch', url: flowUrl }]);
        iframe.remove();
      }
      console.log(`flows/${name}: ${walks.length} walks, ${flow.steps.length} steps`);
    });
  }
});
