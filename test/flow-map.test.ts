/**
 * <support-finder-map>: the map of every example flow agrees with the engine's graph, step for
 * step and way on for way on, in the drawing and in words; keyboard, axe, 320 px, bad flows,
 * and how long large flows take.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { flowGraph, type FlowGraph } from '../src/engine/graph.js';
import { layoutMap, type Measure } from '../src/tools/map-layout.js';
import '../src/tools/flow-map.js';
import type { SupportFinderMap } from '../src/tools/flow-map.js';
import { fetchJson, loadValidFlow } from './support.js';
import { generateFlow } from '../bench/generate.mjs';

function root(el: SupportFinderMap): ShadowRoot {
  if (!el.shadowRoot) throw new Error('support-finder-map has no shadow root');
  return el.shadowRoot;
}

/** Waits for the map (or its problem) to be on screen. */
async function drawn(el: SupportFinderMap, what = 'svg'): Promise<void> {
  await waitUntil(() => root(el).querySelector(what), `the map never showed ${what}`, { timeout: 15_000 });
  await el.updateComplete;
}

/** Ways on as sorted strings, so two lists compare as text. */
function waysOn(items: Iterable<Element>): string[] {
  return [...items].map((e) => `${e.getAttribute('data-from')} -> ${e.getAttribute('data-to')} (${e.getAttribute('data-kind')})`).sort();
}

function expectedWays(graph: FlowGraph): string[] {
  return graph.edges.map((e) => `${e.from} -> ${e.to} (${e.kind})`).sort();
}

/** Opens "The map in words" as a click would, and waits for its list. */
async function openWords(el: SupportFinderMap): Promise<void> {
  root(el).querySelector('summary')!.click();
  await waitUntil(() => root(el).querySelector('details ol.steps'), 'the map in words never opened');
  await el.updateComplete;
}

/** A flow as an address the element can fetch, without a file on the server. */
function asUrl(flow: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(flow)], { type: 'application/json' }));
}

const exampleFlows = (await fetchJson('/flows/index.json')) as string[];

describe('support-finder-map', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('has example flows to draw', () => {
    expect(exampleFlows.length).to.be.greaterThan(1);
  });

  for (const name of exampleFlows) {
    it(`draws ${name}: one box per reachable step, one arrow per way on, all of them in words, axe clean`, async () => {
      const flow = await loadValidFlow(`/flows/${name}`);
      const graph = flowGraph(flow);
      const el = await fixture<SupportFinderMap>(html`<support-finder-map flow="/flows/${name}"></support-finder-map>`);
      await drawn(el);
      const reachable = graph.steps.filter((s) => s.reachable).map((s) => s.id).sort();
      expect(reachable.length).to.equal(flow.steps.length, 'every step of an example flow is reachable');
      const boxes = [...root(el).querySelectorAll('svg g.step')].map((g) => g.getAttribute('data-step') ?? '').sort();
      expect(boxes.join(' ')).to.equal(reachable.join(' '));
      // Arrows for every way on but urgent help's, which is written in its box (it sits in a lane).
      const arrows = { ...graph, edges: graph.edges.filter((e) => e.from !== graph.urgentId) };
      expect(waysOn(root(el).querySelectorAll('svg g.way-on')).join('\n')).to.equal(expectedWays(arrows).join('\n'));
      const wayOn = graph.edges.filter((e) => e.from === graph.urgentId).map((e) => e.to);
      // The box wraps its text into lines, so compare without spaces.
      const boxText = (root(el).querySelector('svg')?.textContent ?? '').replace(/\s+/g, '');
      if (wayOn.length > 0) expect(boxText).to.contain(`Then,whenready:${wayOn.join(',')}`);
      await expect(el).to.be.accessible();
      await openWords(el);
      expect(root(el).querySelectorAll('details ol.steps > li').length).to.equal(flow.steps.length);
      expect(waysOn(root(el).querySelectorAll('details li.way-on')).join('\n')).to.equal(expectedWays(graph).join('\n'));
      // Every way on is in words with what it depends on and a link to where it goes.
      for (const item of root(el).querySelectorAll('details li.way-on')) {
        expect(item.querySelector('a[data-target]')?.textContent?.trim() ?? '').to.not.equal('');
      }
      // Kinds are told apart by words, not only by colour and shape.
      const titles = [...root(el).querySelectorAll('svg g.step text.title')].map((t) => t.textContent ?? '');
      expect(titles.some((t) => t.startsWith('Results: '))).to.equal(true);
      expect(titles.some((t) => t.startsWith('Urgent help: '))).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('lays out every example flow with no boxes on top of each other and every arrow from its step to its step', async () => {
    const measure: Measure = (text, bold) => text.length * (bold ? 8 : 7);
    for (const name of exampleFlows) {
      const graph = flowGraph(await loadValidFlow(`/flows/${name}`));
      const layout = layoutMap(graph, measure);
      const boxes = new Map(layout.steps.map((s) => [s.step.id, s]));
      for (const a of layout.steps) {
        for (const b of layout.steps) {
          const overlap = a !== b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          expect(overlap, `${name}: ${a.step.id} and ${b.step.id} overlap`).to.equal(false);
        }
        expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width && a.y + a.height <= layout.height, `${name}: ${a.step.id} inside`).to.equal(true);
      }
      for (const { edge, points } of layout.edges) {
        const from = boxes.get(edge.from)!;
        const to = boxes.get(edge.to)!;
        const [sx, sy] = points[0];
        const [ex, ey] = points[points.length - 1];
        expect(sx > from.x && sx < from.x + from.width && sy === from.y + from.height, `${name}: ${edge.from} -> ${edge.to} starts at its step`).to.equal(true);
        const endsOnTo = ex >= to.x && ex <= to.x + to.width && (ey === to.y || ey === to.y + to.height);
        expect(endsOnTo, `${name}: ${edge.from} -> ${edge.to} ends at its step`).to.equal(true);
      }
    }
  });

  it('reaches the map by keyboard, and links in words move focus to the step they name', async () => {
    const flow = await loadValidFlow('/flows/uk-young-people.json');
    const graph = flowGraph(flow);
    const wrapper = await fixture(html`<div><button>Before</button><support-finder-map flow="/flows/uk-young-people.json"></support-finder-map></div>`);
    const el = wrapper.querySelector('support-finder-map')!;
    await drawn(el);
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const scroller = root(el).activeElement;
    expect(scroller?.className ?? '').to.equal('scroll');
    expect(scroller?.getAttribute('role') ?? '').to.equal('region');
    expect(scroller?.getAttribute('aria-label') ?? '').to.contain('Map of the flow');
    // The arrow keys scroll it.
    const box = scroller as HTMLElement;
    box.style.maxHeight = '200px';
    const before = box.scrollTop;
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => box.scrollTop > before, 'ArrowDown did not scroll the map');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.tagName ?? '').to.equal('SUMMARY');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('details ol.steps'), 'Enter did not open the map in words');
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    const link = root(el).activeElement;
    expect(link?.tagName ?? '').to.equal('A');
    expect(link?.closest('p')?.textContent ?? '').to.contain('Get help now');
    await sendKeys({ press: 'Enter' });
    expect(root(el).activeElement?.getAttribute('data-step') ?? '').to.equal(graph.urgentId ?? 'no urgent step');
    // From the first step, its first way on leads to the second step.
    const first = root(el).querySelector<HTMLElement>(`li[data-step="${graph.startId}"]`)!;
    first.focus();
    await sendKeys({ press: 'Tab' });
    const next = graph.edges.find((e) => e.from === graph.startId)!.to;
    expect(root(el).activeElement?.getAttribute('data-target') ?? '').to.not.equal('');
    await sendKeys({ press: 'Enter' });
    expect(root(el).activeElement?.getAttribute('data-step') ?? '').to.equal(next);
    await expect(el).to.be.accessible();
  });

  it('shows every validation error of an invalid flow, in words with its path', async () => {
    const el = await fixture<SupportFinderMap>(html`<support-finder-map flow="/test/flows/invalid.json"></support-finder-map>`);
    await drawn(el, '[role="alert"]');
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent ?? '').to.match(/This flow has \d+ problems?, so it cannot be drawn/);
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    expect(items.some((text) => text.includes("steps[0].options[0].next") && text.includes('age2'))).to.equal(true, items.join('\n'));
    expect(root(el).querySelector('svg')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says why when the flow is not there or not JSON, and draws the next flow it is given', async () => {
    const el = await fixture<SupportFinderMap>(html`<support-finder-map flow="/flows/no-such-flow.json"></support-finder-map>`);
    await drawn(el, '[role="alert"]');
    expect(root(el).textContent ?? '').to.contain('HTTP status 404');
    el.flow = '/test/flows/not-json.json';
    await waitUntil(() => root(el).textContent?.includes('not JSON'), 'no word that the file is not JSON');
    el.flow = '/test/flows/basic.json';
    await drawn(el);
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('draws a flow that can go back, with the way back on the map and in words', async () => {
    const flow = {
      formatVersion: 1,
      id: 'loop',
      title: 'Loop',
      defaultLocale: 'en',
      steps: [
        { id: 'first', kind: 'question', type: 'single', question: 'First?', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], next: 'second' },
        {
          id: 'second',
          kind: 'question',
          type: 'single',
          question: 'Again?',
          options: [{ value: 'again', label: 'Ask me again' }, { value: 'done', label: 'Done' }, { value: 'help', label: 'Help', urgent: true }],
          rules: [{ when: { answer: 'second', equals: 'again' }, next: 'first' }],
          next: 'end',
        },
        { id: 'end', kind: 'outcome', title: 'Done' },
        { id: 'help', kind: 'urgent', title: 'Help now', services: ['line'] },
      ],
      services: [{ id: 'line', name: 'Line', description: 'A helpline.', contact: [{ type: 'phone', number: '116 123' }] }],
    };
    const el = await fixture<SupportFinderMap>(html`<support-finder-map flow=${asUrl(flow)}></support-finder-map>`);
    await drawn(el);
    await openWords(el);
    const back = root(el).querySelector('svg g.way-on[data-from="second"][data-to="first"] path');
    expect(back?.getAttribute('class') ?? '').to.contain('back');
    const words = root(el).querySelector('details li.way-on[data-from="second"][data-to="first"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(words).to.contain('If second = again: goes back to');
    expect(waysOn(root(el).querySelectorAll('svg g.way-on')).length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('at 320 px wide, the map scrolls in its own box and the page does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<SupportFinderMap>(html`<support-finder-map flow="/flows/uk-young-people.json"></support-finder-map>`);
    await drawn(el);
    await openWords(el);
    const scroller = root(el).querySelector<HTMLElement>('.scroll')!;
    expect(scroller.scrollWidth > scroller.clientWidth).to.equal(true, 'the map is wider than the screen and scrolls');
    expect(document.documentElement.scrollWidth <= document.documentElement.clientWidth).to.equal(
      true,
      `page ${document.documentElement.scrollWidth} px wide in a ${document.documentElement.clientWidth} px window`
    );
    await expect(el).to.be.accessible();
  });

  for (const [what, source] of [
    ['the UK flow', async () => '/flows/uk-young-people.json'],
    ['a generated 1,000-step flow', async () => asUrl(generateFlow(1000))],
  ] as const) {
    it(`draws ${what} in reasonable time`, async () => {
      const url = await source();
      const el = await fixture<SupportFinderMap>(html`<support-finder-map></support-finder-map>`);
      let layoutMs = 0;
      el.addEventListener('sf-map-drawn', (event) => (layoutMs = event.detail.layoutMs));
      const started = performance.now();
      el.flow = url;
      await drawn(el);
      await waitUntil(() => layoutMs > 0, 'no sf-map-drawn event');
      await new Promise(requestAnimationFrame);
      const total = performance.now() - started;
      const steps = root(el).querySelectorAll('svg g.step').length;
      console.log(`flow map, ${what}: ${steps} steps, layout ${layoutMs.toFixed(0)} ms, fetch to painted ${total.toFixed(0)} ms`);
      expect(steps).to.be.greaterThan(10);
      expect(total).to.be.lessThan(10_000);
    });
  }
});
