/**
 * Directory mode: the whole catalogue, A to Z, with filters. The engine's filterServices first
 * (given these filters, expect those services in that order), then the element, driven through
 * its real form controls and the keyboard, with axe in every state.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { directoryChoices, filterServices, resolveText, type Flow, type Service } from '../src/engine/index.js';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { $, answer, clone, focused, headingText, loadValidFlow, shadow, shown, tabTo } from './support.js';

const BASIC = '/test/flows/basic.json';
const EXAMPLESHIRE = '/flows/exampleshire.json';
const ALL_BASIC = [
  'Calm app',
  'Emergency services',
  'Grief group',
  'North Town Counselling',
  'Private therapy',
  'Talkline',
  'Textline',
];

describe('filterServices', () => {
  let flow: Flow;
  before(async () => {
    flow = await loadValidFlow(BASIC);
  });
  const names = (services: Service[]) => services.map((s) => resolveText(s.name, { locale: 'en', defaultLocale: 'en' }));

  it('lists every service A to Z with no filters, local services included', () => {
    expect(names(filterServices(flow, {}))).to.deep.equal(ALL_BASIC);
  });

  it('keeps services whose age range includes the age, and those with none', () => {
    expect(names(filterServices(flow, { age: 9 }))).to.deep.equal(['Calm app', 'Emergency services', 'Private therapy', 'Talkline', 'Textline']);
    expect(names(filterServices(flow, { age: 20 }))).to.include('Grief group').and.not.include('North Town Counselling');
    expect(names(filterServices(flow, { age: 18 }))).to.include('North Town Counselling');
  });

  it('lists a local service only with its own area once an area is chosen', () => {
    expect(names(filterServices(flow, { area: 'north' }))).to.deep.equal(ALL_BASIC);
    expect(names(filterServices(flow, { area: 'south' }))).to.not.include('North Town Counselling');
    expect(names(filterServices(flow, { area: 'south' }))).to.have.length(6);
  });

  it('leaves out paid services when free only', () => {
    expect(names(filterServices(flow, { freeOnly: true }))).to.deep.equal(ALL_BASIC.filter((n) => n !== 'Private therapy'));
  });

  it('keeps services offering any of the kinds of support chosen', () => {
    expect(names(filterServices(flow, { supportTypes: ['counselling'] }))).to.deep.equal(['North Town Counselling', 'Private therapy']);
    expect(names(filterServices(flow, { supportTypes: ['text', 'helpline'] }))).to.deep.equal(['Talkline', 'Textline']);
    expect(names(filterServices(flow, { supportTypes: [] }))).to.deep.equal(ALL_BASIC);
  });

  it('finds words in the name or description, ignoring case', () => {
    expect(names(filterServices(flow, { query: 'ANXIOUS' }))).to.deep.equal(['Calm app']);
    expect(names(filterServices(flow, { query: '  therapist ' }))).to.deep.equal(['Private therapy']);
    expect(names(filterServices(flow, { query: 'textline' }))).to.deep.equal(['Textline']);
    expect(filterServices(flow, { query: 'nothing like this' })).to.deep.equal([]);
  });

  it('combines filters', () => {
    expect(names(filterServices(flow, { age: 14, area: 'north', freeOnly: true, supportTypes: ['counselling', 'group'] }))).to.deep.equal([
      'Grief group',
      'North Town Counselling',
    ]);
  });

  it('sorts by the name shown, with a collator: case, accents and numbers in order', () => {
    const data = clone(flow);
    const named = ['Zebra line', 'apple', 'Éclair', 'Item 10', 'Item 9'];
    data.services = data.services.slice(0, named.length).map((s, i) => ({ ...s, name: named[i] }));
    expect(names(filterServices(data, {}))).to.deep.equal(['apple', 'Éclair', 'Item 9', 'Item 10', 'Zebra line']);
  });

  it('sorts and searches in the language given', () => {
    const data = clone(flow);
    data.services = data.services.slice(0, 2);
    data.services[0].name = { en: 'Alpha', cy: 'Ystafell' };
    data.services[1].name = { en: 'Zulu', cy: 'Cymorth' };
    const welsh = (t: Parameters<typeof resolveText>[0]) => resolveText(t, { locale: 'cy', defaultLocale: 'en' });
    expect(filterServices(data, {}, welsh, 'cy').map((s) => s.id)).to.deep.equal([data.services[1].id, data.services[0].id]);
    expect(filterServices(data, { query: 'cymorth' }, welsh, 'cy').map((s) => s.id)).to.deep.equal([data.services[1].id]);
    // A malformed language still sorts, rather than throwing.
    expect(filterServices(data, {}, welsh, 'not a locale!')).to.have.length(2);
  });

  it('offers the area question’s options and the kinds of support in the catalogue', () => {
    const { areas, supportTypes } = directoryChoices(flow);
    expect(areas.map((a) => a.value)).to.deep.equal(['north', 'south']);
    expect(areas[0].label).to.equal('North Town');
    expect([...supportTypes].sort()).to.deep.equal(['app', 'counselling', 'emergency', 'group', 'helpline', 'self-help', 'text']);
    const noArea = clone(flow);
    noArea.steps = noArea.steps.filter((s) => s.id !== 'area');
    expect(directoryChoices(noArea).areas).to.deep.equal([]);
  });
});

// --- The element -------------------------------------------------------------------------------

async function directory(flow = BASIC): Promise<SupportFinder> {
  const el = await fixture<SupportFinder>(html`<support-finder flow=${flow} mode="directory"></support-finder>`);
  await shown(el);
  return el;
}

function listed(el: SupportFinder): string[] {
  return [...shadow(el).querySelectorAll('.services > li > h3')].map((h) => h.textContent?.trim() ?? '');
}

function status(el: SupportFinder): string {
  return $(el, '#sf-status').textContent ?? '';
}

function button(el: SupportFinder, text: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

interface FormInput {
  age?: string;
  area?: string;
  types?: string[];
  free?: boolean;
  query?: string;
}

/** Fills in the filter form as a person would, then presses Apply filters. */
async function filter(el: SupportFinder, input: FormInput): Promise<void> {
  if (input.age !== undefined) ($(el, '#sf-age') as HTMLInputElement).value = input.age;
  if (input.area !== undefined) ($(el, '#sf-area') as HTMLSelectElement).value = input.area;
  for (const type of input.types ?? []) $(el, `#sf-type-${type}`).click();
  if (input.free) $(el, '#sf-free').click();
  if (input.query !== undefined) ($(el, '#sf-query') as HTMLInputElement).value = input.query;
  button(el, 'Apply filters').click();
  await el.updateComplete;
}

describe('<support-finder mode="directory">', () => {
  it('lists every service A to Z under "All services", with the filter form', async () => {
    const el = await directory();
    expect(headingText(el)).to.equal('All services');
    expect(listed(el)).to.deep.equal(ALL_BASIC);
    expect(shadow(el).textContent).to.include('7 services');
    const age = $(el, '#sf-age') as HTMLInputElement;
    expect(age.getAttribute('inputmode')).to.equal('numeric');
    expect($(el, 'label[for="sf-age"]').textContent?.trim()).to.equal('Age');
    expect([...($(el, '#sf-area') as HTMLSelectElement).options].map((o) => o.textContent?.trim())).to.deep.equal(['All areas', 'North Town', 'South Town']);
    expect(shadow(el).querySelectorAll('input[name="type"]')).to.have.length(7);
    expect($(el, 'label[for="sf-free"]').textContent?.trim()).to.equal('Free services only');
    // No reasons in the list: nothing was asked.
    expect(shadow(el).querySelector('.why')).to.not.exist;
    // Started by the attribute: there are no questions to go back to.
    expect(shadow(el).querySelector('.back')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('lists the whole Exampleshire catalogue A to Z, and filters by area there', async () => {
    const el = await directory(EXAMPLESHIRE);
    const flow = await loadValidFlow(EXAMPLESHIRE);
    const collator = new Intl.Collator('en', { numeric: true });
    const all = flow.services.map((s) => resolveText(s.name, { locale: 'en', defaultLocale: 'en' })).sort(collator.compare);
    expect(listed(el)).to.deep.equal(all);
    expect(all).to.have.length(flow.services.length);
    await filter(el, { area: 'riverside' });
    const local = listed(el);
    expect(local).to.include('Riverside Wellbeing Practice').and.include('Childline');
    expect(local).to.not.include("Vale and Downs Young People's Counselling");
    for (const service of flow.services) {
      const name = resolveText(service.name, { locale: 'en', defaultLocale: 'en' });
      expect(local.includes(name), name).to.equal(!service.areas || service.areas.includes('riverside'));
    }
    await filter(el, { age: '17', area: 'the-vale', types: ['group'], free: true });
    expect(listed(el)).to.deep.equal(
      filterServices(flow, { age: 17, area: 'the-vale', supportTypes: ['group'], freeOnly: true }).map((s) =>
        resolveText(s.name, { locale: 'en', defaultLocale: 'en' })
      )
    );
    expect(listed(el)).to.include('Vale and Downs Youth Project');
    await expect(el).to.be.accessible();
  });

  it('filters by age, free only and kind of support through the form, and announces the count', async () => {
    const el = await directory();
    await filter(el, { age: '9' });
    expect(listed(el)).to.deep.equal(['Calm app', 'Emergency services', 'Private therapy', 'Talkline', 'Textline']);
    await waitUntil(() => status(el) === '5 services', `announced "${status(el)}"`);
    await filter(el, { free: true });
    expect(listed(el)).to.deep.equal(['Calm app', 'Emergency services', 'Talkline', 'Textline']);
    await filter(el, { types: ['text', 'helpline'] });
    expect(listed(el)).to.deep.equal(['Talkline', 'Textline']);
    await waitUntil(() => status(el) === '2 services', `announced "${status(el)}"`);
    // The form still shows the filters applied.
    expect(($(el, '#sf-age') as HTMLInputElement).value).to.equal('9');
    expect(($(el, '#sf-free') as HTMLInputElement).checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('applies filters only when asked, not as they are typed', async () => {
    const el = await directory();
    const age = $(el, '#sf-age') as HTMLInputElement;
    age.value = '9';
    age.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(listed(el)).to.deep.equal(ALL_BASIC);
  });

  it('clears every filter with Clear filters', async () => {
    const el = await directory();
    await filter(el, { age: '20', area: 'south', types: ['counselling'], free: true, query: 'therapy' });
    expect(listed(el)).to.deep.equal([]);
    button(el, 'Clear filters').click();
    await el.updateComplete;
    expect(listed(el)).to.deep.equal(ALL_BASIC);
    expect(($(el, '#sf-age') as HTMLInputElement).value).to.equal('');
    expect(($(el, '#sf-area') as HTMLSelectElement).value).to.equal('');
    expect(($(el, '#sf-type-counselling') as HTMLInputElement).checked).to.equal(false);
    expect(($(el, '#sf-free') as HTMLInputElement).checked).to.equal(false);
    expect(($(el, '#sf-query') as HTMLInputElement).value).to.equal('');
    await waitUntil(() => status(el) === '7 services', `announced "${status(el)}"`);
    // Filters typed after clearing still apply.
    await filter(el, { types: ['app'] });
    expect(listed(el)).to.deep.equal(['Calm app']);
  });

  it('shows an empty state when nothing matches', async () => {
    const el = await directory();
    await filter(el, { query: 'no such service' });
    expect(shadow(el).querySelector('.services')).to.not.exist;
    expect(shadow(el).textContent).to.include('0 services');
    expect(shadow(el).textContent).to.include('No services match these filters');
    await waitUntil(() => status(el) === '0 services', `announced "${status(el)}"`);
    await expect(el).to.be.accessible();
  });

  it('refuses an age that is not a whole number, GOV.UK style', async () => {
    const el = await directory();
    await filter(el, { age: 'twelve' });
    const summary = $(el, '.error-summary');
    expect(focused(el)).to.equal(summary);
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.textContent).to.match(/There is a problem/);
    const age = $(el, '#sf-age') as HTMLInputElement;
    expect(age.value).to.equal('twelve');
    expect(age.getAttribute('aria-invalid')).to.equal('true');
    expect(age.getAttribute('aria-describedby')).to.equal('sf-age-error');
    expect($(el, '#sf-age-error').textContent).to.match(/Error:\s*Enter an age as a whole number/);
    expect($(el, '.form-group.has-error')).to.contain(age);
    // Nothing was filtered.
    expect(listed(el)).to.deep.equal(ALL_BASIC);
    await expect(el).to.be.accessible();
    // The summary link moves focus to the field; pressing Apply again keeps focus on the summary.
    (summary.querySelector('a') as HTMLAnchorElement).click();
    expect(focused(el)).to.equal(age);
    await filter(el, { age: '-3' });
    expect(focused(el)).to.equal($(el, '.error-summary'));
    // A whole number clears the error.
    await filter(el, { age: '19' });
    expect(shadow(el).querySelector('.error-summary')).to.not.exist;
    expect(age.hasAttribute('aria-describedby')).to.equal(false);
    expect(listed(el)).to.deep.equal(['Calm app', 'Emergency services', 'Grief group', 'Private therapy', 'Talkline', 'Textline']);
  });

  it('can be filtered with the keyboard alone', async () => {
    const el = await directory();
    $(el, '#sf-heading').focus();
    await tabTo(el, (f) => f.id === 'sf-age');
    await sendKeys({ type: '20' });
    await tabTo(el, (f) => f.textContent?.trim() === 'Apply filters');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(listed(el)).to.deep.equal(['Calm app', 'Emergency services', 'Grief group', 'Private therapy', 'Talkline', 'Textline']);
    await waitUntil(() => status(el) === '6 services', `announced "${status(el)}"`);
    // Focus stays where the person was, so they can change a filter again.
    expect(focused(el)?.textContent?.trim()).to.equal('Apply filters');
    // Space ticks a box; Enter in a text field submits the form.
    await tabTo(el, (f) => f.id === 'sf-free');
    await sendKeys({ press: 'Space' });
    await tabTo(el, (f) => f.id === 'sf-query');
    await sendKeys({ type: 'group' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(listed(el)).to.deep.equal(['Grief group']);
  });

  it('fires sf-directory-shown with the flow id and count only', async () => {
    const seen: unknown[] = [];
    const listen = (e: Event) => seen.push((e as CustomEvent).detail);
    document.addEventListener('sf-directory-shown', listen);
    try {
      const el = await directory();
      await waitUntil(() => seen.length === 1, 'not fired on show');
      await filter(el, { age: '14', query: 'group' });
      await waitUntil(() => seen.length === 2, 'not fired on filter');
      expect(seen).to.deep.equal([
        { flowId: 'basic', count: 7 },
        { flowId: 'basic', count: 1 },
      ]);
      expect(JSON.stringify(seen)).to.not.include('14').and.not.include('group');
    } finally {
      document.removeEventListener('sf-directory-shown', listen);
    }
  });

  it('keeps "Leave this page quickly" and "Get help now", and Back from help returns to the list', async () => {
    const el = await directory();
    expect(button(el, 'Leave this page quickly')).to.exist;
    await filter(el, { age: '9' });
    $(el, '.get-help').click();
    await el.updateComplete;
    expect($(el, '.urgent')).to.exist;
    expect(focused(el)?.id).to.equal('sf-heading');
    $(el, '.back').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('All services');
    expect(focused(el)?.id).to.equal('sf-heading');
    expect(listed(el)).to.have.length(5);
    expect(shadow(el).querySelector('.back')).to.not.exist;
  });

  it('shows the usual error screen, with urgent contacts, when the flow cannot load', async () => {
    const el = await directory('/test/flows/missing.json');
    expect(headingText(el)).to.match(/not working right now/);
    expect([...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('tel:999');
    expect(button(el, 'Leave this page quickly')).to.exist;
  });
});

describe('"See all services" from results', () => {
  it('opens the directory, and "Back to questions" returns to the results', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder flow=${BASIC}></support-finder>`);
    await shown(el);
    for (const input of ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'no']) await answer(el, input);
    expect(headingText(el)).to.equal('Services that could help');
    button(el, 'See all services').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('All services');
    expect(focused(el)?.id).to.equal('sf-heading');
    expect(listed(el)).to.deep.equal(ALL_BASIC);
    await waitUntil(() => status(el) === 'All services. 7 services', `announced "${status(el)}"`);
    expect(button(el, 'Leave this page quickly')).to.exist;
    expect(shadow(el).querySelector('.get-help')).to.exist;
    await expect(el).to.be.accessible();
    button(el, 'Back to questions').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Services that could help');
    expect(focused(el)?.id).to.equal('sf-heading');
    expect(listed(el)).to.deep.equal(['North Town Counselling', 'Private therapy', 'Talkline']);
    // Back on the results still goes back through the questions.
    $(el, '.back').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Do you only want free services?');
  });
});

describe('The first screen\'s link to every service', () => {
  const LINK = 'I work with young people: see all services';
  const isLink = (text: string) => (f: Element) => f.tagName === 'BUTTON' && f.textContent?.trim() === text;

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('opens the A to Z list from the first screen by keyboard at 375 px, and "Back to questions" returns there', async () => {
    await setViewport({ width: 375, height: 700 });
    const el = await fixture<SupportFinder>(html`<support-finder flow=${EXAMPLESHIRE}></support-finder>`);
    await shown(el);
    expect(headingText(el)).to.equal('This is an example');
    await expect(el).to.be.accessible();
    $(el, '#sf-heading').focus();
    await tabTo(el, isLink(LINK));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('All services');
    expect(focused(el)?.id).to.equal('sf-heading');
    expect(listed(el)).to.include('Exampleshire School Nurse Service');
    await waitUntil(() => status(el).startsWith('All services.'), `announced "${status(el)}"`);
    await expect(el).to.be.accessible();
    // "Back to questions" sits above the heading: Shift+Tab back to it.
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 5 && !isLink('Back to questions')(focused(el) ?? el); i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)?.textContent?.trim()).to.equal('Back to questions');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('This is an example');
    expect(focused(el)?.id).to.equal('sf-heading');
  });

  it('is on the first screen only', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder flow=${BASIC}></support-finder>`);
    await shown(el);
    expect(headingText(el)).to.equal('Who is this for?');
    expect(button(el, LINK)).to.exist;
    await answer(el, 'parent');
    expect(headingText(el)).to.equal('How old are they?');
    expect(() => button(el, LINK)).to.throw();
  });

  it('takes its words from the flow\'s directoryLink, in the person\'s language', async () => {
    const flow = clone(await loadValidFlow(BASIC));
    flow.directoryLink = { en: 'See every service, A to Z', cy: 'Gweld pob gwasanaeth, A i Z' };
    const url = URL.createObjectURL(new Blob([JSON.stringify(flow)], { type: 'application/json' }));
    const el = await fixture<SupportFinder>(html`<support-finder flow=${url}></support-finder>`);
    await shown(el);
    expect(() => button(el, LINK)).to.throw();
    button(el, 'See every service, A to Z').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('All services');
    const welsh = await fixture<SupportFinder>(html`<support-finder lang="cy" flow=${url}></support-finder>`);
    await shown(welsh);
    expect(button(welsh, 'Gweld pob gwasanaeth, A i Z')).to.exist;
    URL.revokeObjectURL(url);
  });

  it('says it in Welsh, and in Arabic right to left', async () => {
    const welsh = await fixture<SupportFinder>(html`<support-finder lang="cy" flow=${EXAMPLESHIRE}></support-finder>`);
    await shown(welsh);
    expect(button(welsh, 'Rwy’n gweithio gyda phobl ifanc: gweld pob gwasanaeth')).to.exist;
    await expect(welsh).to.be.accessible();
    const arabic = await fixture<SupportFinder>(html`<support-finder lang="ar" flow=${EXAMPLESHIRE}></support-finder>`);
    await shown(arabic);
    const link = button(arabic, 'أعمل مع الشباب: عرض كل الخدمات');
    expect(getComputedStyle(link).direction).to.equal('rtl');
    await expect(arabic).to.be.accessible();
    link.click();
    await arabic.updateComplete;
    expect(shadow(arabic).querySelectorAll('.services > li').length).to.be.greaterThan(0);
    await expect(arabic).to.be.accessible();
  });
});

describe('The A to Z list for adults: facts, folded filters and a letter index', () => {
  const card = (el: SupportFinder, name: string) =>
    [...shadow(el).querySelectorAll<HTMLElement>('.services > li')].find((li) => li.querySelector('h3')?.textContent?.trim() === name);
  const facts = (li: HTMLElement | undefined) =>
    Object.fromEntries([...(li?.querySelectorAll('.facts > div') ?? [])].map((d) => [d.querySelector('dt')?.textContent?.trim(), d.querySelector('dd')?.textContent?.trim()]));

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('shows ages, areas (by their names) and cost in the same place on every card, before the contacts', async () => {
    const el = await directory(EXAMPLESHIRE);
    const counselling = card(el, 'Exampleton Youth Counselling');
    expect(facts(counselling)).to.deep.equal({ Ages: '11 to 25', Areas: 'Exampleton, Riverside, North Exampleshire', Cost: 'Free' });
    expect(facts(card(el, 'Riverside Wellbeing Practice'))).to.deep.equal({ Ages: '16 and over', Areas: 'Riverside, Exampleton', Cost: 'You may have to pay' });
    expect(facts(card(el, 'Samaritans'))).to.include({ Areas: 'All areas' });
    expect(counselling?.querySelector('.facts + .meta, .facts ~ .contacts')).to.exist;
    // Cost is said once, in the facts, not again in the line below.
    expect(counselling?.querySelector('.meta')?.textContent).to.not.contain('Free');
    await expect(el).to.be.accessible();
  });

  it('folds the filters away at 375 px, and they open and apply with the keyboard alone', async () => {
    await setViewport({ width: 375, height: 700 });
    const el = await directory(EXAMPLESHIRE);
    const fold = $(el, 'details.filter-fold') as HTMLDetailsElement;
    expect(fold.open).to.equal(false);
    expect(fold.querySelector('summary')?.textContent?.trim()).to.equal('Filter services');
    await expect(el).to.be.accessible();
    $(el, '#sf-heading').focus();
    await tabTo(el, (f) => f.tagName === 'SUMMARY');
    await sendKeys({ press: 'Enter' });
    expect(fold.open).to.equal(true);
    await tabTo(el, (f) => f.id === 'sf-age');
    await sendKeys({ type: '30' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => /^\d+ services?$/.test(status(el)), `announced "${status(el)}"`);
    expect(listed(el)).to.not.include('Exampleton Youth Counselling');
    await expect(el).to.be.accessible();
  });

  it('is open on a wide screen', async () => {
    const el = await directory(EXAMPLESHIRE);
    expect(($(el, 'details.filter-fold') as HTMLDetailsElement).open).to.equal(true);
  });

  it('jumps to the first service of each letter, skipping letters with none, without touching the page URL', async () => {
    await setViewport({ width: 375, height: 700 });
    const el = await directory(EXAMPLESHIRE);
    const nav = shadow(el).querySelector('nav[aria-label="Services by letter"]');
    expect(nav).to.exist;
    const letters = [...nav!.querySelectorAll('a')].map((a) => a.textContent?.trim());
    const initials = [...new Set(listed(el).map((name) => name[0].toUpperCase()))];
    expect(letters).to.deep.equal(initials);
    expect(letters).to.include('E').and.not.include('Z');
    const url = location.href;
    $(el, '#sf-heading').focus();
    await tabTo(el, (f) => f.tagName === 'A' && f.textContent?.trim() === 'S', 60);
    await sendKeys({ press: 'Enter' });
    const first = listed(el).find((name) => name.startsWith('S'));
    expect(focused(el)?.tagName).to.equal('H3');
    expect(focused(el)?.textContent?.trim()).to.equal(first);
    expect(location.href).to.equal(url);
    await expect(el).to.be.accessible();
  });

  it('renders in Welsh, and in Arabic right to left', async () => {
    const welsh = await fixture<SupportFinder>(html`<support-finder lang="cy" flow=${EXAMPLESHIRE} mode="directory"></support-finder>`);
    await shown(welsh);
    expect(facts(card(welsh, 'Exampleton Youth Counselling'))).to.include({ Oedran: '11 i 25' });
    expect(shadow(welsh).querySelector('nav[aria-label="Gwasanaethau yn ôl llythyren"]')).to.exist;
    await expect(welsh).to.be.accessible();
    await setViewport({ width: 375, height: 700 });
    const arabic = await fixture<SupportFinder>(html`<support-finder lang="ar" flow=${EXAMPLESHIRE} mode="directory"></support-finder>`);
    await shown(arabic);
    const dl = shadow(arabic).querySelector('.facts')!;
    expect(getComputedStyle(dl).direction).to.equal('rtl');
    expect(dl.textContent).to.contain('الأعمار');
    expect(($(arabic, 'details.filter-fold') as HTMLDetailsElement).open).to.equal(false);
    await expect(arabic).to.be.accessible();
  });
});
