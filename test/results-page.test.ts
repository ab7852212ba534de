/**
 * The results page a person can act on: how many were found, the best few first and the rest
 * under "More services", reasons folded away and worth reading, the always-shown helplines in a
 * group of their own, and honest words when nothing matched. Real Chromium, keyboard, axe.
 */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { Flow, OutcomeStep } from '../src/engine/index.js';
import type { SupportFinder } from '../src/support-finder.js';
import { $, answer, clone, headingText, loadValidFlow, shadow, shown, tabTo } from './support.js';

const TO_RESULTS = ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'no'];

let basic: Flow;
before(async () => {
  basic = await loadValidFlow('/test/flows/basic.json');
});

async function atResults(flow: Flow, answers: Array<string | string[]> = TO_RESULTS): Promise<SupportFinder> {
  const el = document.createElement('support-finder');
  el.setAttribute('flow', URL.createObjectURL(new Blob([JSON.stringify(flow)], { type: 'application/json' })));
  await fixture(el);
  await shown(el);
  for (const input of answers) await answer(el, input);
  return el;
}

const names = (root: ParentNode, selector: string) => [...root.querySelectorAll(`${selector} > li > h3`)].map((h) => h.textContent?.trim());
const words = (node: Node | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const results = (flow: Flow) => flow.steps.find((s) => s.id === 'results') as OutcomeStep;
const service = (flow: Flow, id: string) => flow.services.find((s) => s.id === id)!;

describe('results page', () => {
  it('says how many were found, leads with the best few and folds the rest under More services', async () => {
    const flow = clone(basic);
    results(flow).lead = 1;
    const el = await atResults(flow);
    expect(headingText(el)).to.equal('Services that could help');
    expect(words($(el, '.count'))).to.equal('2 services found');
    // Only the lead is in the first list; the rest waits, folded, under "More services".
    expect(names(shadow(el), '#sf-heading ~ .services')).to.deep.equal(['North Town Counselling']);
    const more = $(el, 'details.more') as HTMLDetailsElement;
    expect(words(more.querySelector('summary'))).to.equal('More services (1)');
    expect(more.open).to.equal(false);
    await expect(el).to.be.accessible();
    $(el, '#sf-heading').focus();
    await tabTo(el, (f) => f.textContent?.trim() === 'More services (1)');
    await sendKeys({ press: 'Enter' });
    expect(more.open).to.equal(true);
    expect(names(more, '.services')).to.deep.equal(['Private therapy']);
    expect(more.querySelector('h3')?.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('leads with three by default, with no More services when three or fewer are found', async () => {
    const el = await atResults(basic);
    expect(words($(el, '.count'))).to.equal('2 services found');
    expect(shadow(el).querySelector('details.more')).to.equal(null);
  });

  it('puts the always-shown helplines in a group of their own, headed and edged, not matched', async () => {
    const el = await atResults(basic);
    const group = $(el, 'section.helplines');
    expect(group.getAttribute('aria-labelledby')).to.equal('sf-helplines');
    expect(words($(el, '#sf-helplines'))).to.equal('If you want to talk to someone now');
    expect(names(group, '.services')).to.deep.equal(['Talkline']);
    // Not a matched service: no count, no reasons.
    expect(group.querySelector('.why')).to.equal(null);
    // Told apart by a heading and a thick edge, not by colour alone.
    expect(getComputedStyle(group).borderInlineStartWidth).to.equal('8px');
    await expect(el).to.be.accessible();
  });

  it('folds "Why we suggested this" away, and leaves out reasons every card shares and ages that say nothing', async () => {
    const flow = clone(basic);
    // Both cards now free, Private therapy for anyone up to 34: "It is free" is true of both.
    Object.assign(service(flow, 'private-therapy'), { cost: 'free', ages: { max: 34 } });
    const el = await atResults(flow, ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'yes']);
    const cards = [...shadow(el).querySelectorAll('#sf-heading ~ .services > li')];
    expect(cards.map((c) => words(c.querySelector('h3')))).to.deep.equal(['North Town Counselling', 'Private therapy']);
    const why = cards[0].querySelector('details.why') as HTMLDetailsElement;
    expect(why.open).to.equal(false);
    expect(why.querySelector('li')?.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();
    (why.querySelector('summary') as HTMLElement).focus();
    await sendKeys({ press: 'Enter' });
    expect(why.open).to.equal(true);
    const reasons = (card: Element) => [...card.querySelectorAll('.why li')].map(words);
    expect(reasons(cards[0])).to.deep.equal(['It is for people aged 11 to 18, and you are 14', 'It covers North Town']);
    // Anxious, counselling and free are true of both; "aged up to 34" says nothing to a 14-year-old.
    expect(cards[1].querySelector('.why')).to.equal(null);
    expect(words(shadow(el))).to.not.include('It is free');
    await expect(el).to.be.accessible();
  });

  it('says so when nothing matched: the flow’s words, not the body, then the helplines', async () => {
    // Phone support only: Talkline is the only phone line, and it is always shown, not matched.
    const el = await atResults(basic, ['me', '20', ['anxious'], 'no', 'north', ['helpline'], 'no']);
    expect(words($(el, '.no-match'))).to.equal('We could not find a service that fits.');
    expect(words(shadow(el))).to.not.include('These services fit your answers');
    expect(shadow(el).querySelector('.count')).to.equal(null);
    expect(names($(el, 'section.helplines'), '.services')).to.deep.equal(['Talkline']);
    await expect(el).to.be.accessible();
  });
});
