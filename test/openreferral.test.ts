/**
 * Service directories in the real widget: the flow published from the Open Referral UK v1 and
 * HSDS 3 fixtures (test/fixtures/openreferral/published.json, which a node test re-publishes
 * and compares so it cannot drift) loads, and walks reach results listing the directories'
 * services with their opening hours and phone numbers. The unpublished flow is refused.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { answerByKeyboard, headingText, shadow, shown } from './support.js';

const PUBLISHED = '/test/fixtures/openreferral/published.json';
const UNPUBLISHED = '/test/fixtures/openreferral/flow.json';

interface Card {
  name: string;
  text: string;
  phones: string[];
}

function cards(el: SupportFinder): Card[] {
  return [...shadow(el).querySelectorAll('.card')].map((card) => ({
    name: card.querySelector('h3')?.textContent?.trim() ?? '',
    text: card.textContent?.replace(/\s+/g, ' ') ?? '',
    phones: [...card.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')].map((a) => a.getAttribute('href') ?? ''),
  }));
}

async function walk(answers: Array<string | string[]>): Promise<SupportFinder> {
  const el = await fixture<SupportFinder>(html`<support-finder flow=${PUBLISHED}></support-finder>`);
  await shown(el);
  expect(headingText(el)).to.equal('How old are you?');
  for (const given of answers) {
    await answerByKeyboard(el, given);
    await shown(el);
  }
  return el;
}

describe('flows published from Open Referral UK directories', () => {
  it('HSDS 3 services reach the results, with opening hours and phone numbers, by keyboard and axe clean', async () => {
    const el = await walk(['15', 'south', ['low', 'sexual-health']]);
    expect(headingText(el)).to.equal('Services that could help');
    const found = cards(el);
    const names = found.map((c) => c.name);
    expect(names).to.include.members(['Exampleshire Clinic for Young People', 'Exampleshire Nightline', 'Exampleshire Youth Counselling']);
    expect(names.includes('Exampleshire Young Carers Club'), 'north only, and no caring answer').to.equal(false);
    const clinic = found.find((c) => c.name === 'Exampleshire Clinic for Young People')!;
    expect(clinic.text).to.contain('Monday to Friday 9am to 5pm; Saturday 10am to 1pm');
    expect(clinic.text).to.contain('Free');
    expect(clinic.phones.join()).to.match(/^tel:01632\s?960010$/);
    const nightline = found.find((c) => c.name === 'Exampleshire Nightline')!;
    expect(nightline.text).to.contain('Every day 24 hours');
    expect(nightline.phones.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('Open Referral UK v1 services reach the results, with their hours, cost and phones', async () => {
    const el = await walk(['12', 'north', ['anxious', 'caring']]);
    expect(headingText(el)).to.equal('Services that could help');
    const found = cards(el);
    const names = found.map((c) => c.name);
    expect(names).to.include.members(['Exampleshire Youth Counselling', 'Exampleshire Young Carers Club']);
    expect(names.includes('Exampleshire Clinic for Young People'), 'south only, 13 and over').to.equal(false);
    expect(names.includes('Exampleshire Drop-in (closed)'), 'inactive services are not published').to.equal(false);
    const carers = found.find((c) => c.name === 'Exampleshire Young Carers Club')!;
    expect(carers.text).to.contain('Wednesday 4pm to 6:30pm');
    expect(carers.text).to.contain('Some support is free');
    expect(carers.phones.length).to.equal(1);
    const counselling = found.find((c) => c.name === 'Exampleshire Youth Counselling')!;
    expect(counselling.text).to.contain('Monday to Friday 9am to 5pm; Saturday 10am to 1pm');
    expect(counselling.phones.join()).to.match(/^tel:01632\s?960001$/);
    await expect(el).to.be.accessible();
  });

  it('refuses the unpublished flow with one clear error, and requests no directory', async () => {
    const el = document.createElement('support-finder') as SupportFinder;
    const failed = oneEvent(el, 'sf-error');
    el.setAttribute('flow', UNPUBLISHED);
    document.body.append(el);
    try {
      const event = await failed;
      expect(event.detail.kind).to.equal('invalid');
      expect(event.detail.errors, 'one problem').to.equal(1);
      await shown(el);
      const listed = shadow(el).querySelector('.author-errors')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      expect(listed).to.equal('serviceDirectories: unpublished');
      const requested = performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(requested.some((name) => /exampleshire-(v1|hsds3)\.json/.test(name))).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });
});
