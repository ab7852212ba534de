import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { $, answer, continueOn, focused, headingText, shadow, shown } from './support.js';

const BASIC = '/test/flows/basic.json';

async function finder(flow = BASIC): Promise<SupportFinder> {
  const el = await fixture<SupportFinder>(html`<support-finder flow=${flow}></support-finder>`);
  await shown(el);
  return el;
}

describe('<support-finder>', () => {
  it('shows a loading state, then the first question as a fieldset with a legend heading', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder flow="/slow/300${BASIC}"></support-finder>`);
    expect(shadow(el).textContent).to.match(/Loading/);
    await shown(el);
    const legend = $(el, 'fieldset > legend');
    expect(legend.querySelector('h2')?.textContent?.trim()).to.equal('Who is this for?');
    const radios = shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(radios).to.have.length(2);
    for (const radio of radios) expect(shadow(el).querySelector(`label[for="${radio.id}"]`)).to.exist;
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('sf-hint');
    expect($(el, 'button[type="submit"]').textContent?.trim()).to.equal('Continue');
    expect(shadow(el).querySelector('.back')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('can be finished with the keyboard alone', async () => {
    const el = await finder();
    $(el, '#sf-heading').focus();
    // Who is this for? Tab to the first radio, Space to choose, Tab to Continue, Enter.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('How old are you?');
    expect(focused(el)?.id).to.equal('sf-heading');
    // Age: type into the field and press Enter to submit.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '14' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('What is worrying you?');
    // Checkboxes: Tab to the first (Feeling anxious), Space; Tab to the second, Space.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    $(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('Are you thinking about ending your life?');
    // Radios: Tab lands on the first (Yes); an arrow key moves to No and chooses it.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    $(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('Where do you live?');
    // Select: focus it, choose with arrow keys, Enter submits.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    expect((focused(el) as HTMLSelectElement).value).to.equal('north');
    $(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('How would you like to get support?');
    // Optional: skip with the keyboard.
    $(el, 'form .button.secondary').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('Do you only want free services?');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    $(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headingText(el)).to.equal('Services that could help');
    const names = [...shadow(el).querySelectorAll('.services > li h3')].map((h) => h.textContent?.trim());
    expect(names).to.deep.equal(['North Town Counselling', 'Textline', 'Private therapy', 'Talkline']);
    await expect(el).to.be.accessible();
  });

  it('shows an error summary that takes focus when a required answer is missing', async () => {
    const el = await finder();
    $(el, 'button[type="submit"]').click();
    await el.updateComplete;
    const summary = $(el, '.error-summary');
    expect(focused(el)).to.equal(summary);
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.textContent).to.match(/There is a problem/);
    expect(summary.textContent).to.match(/Select an answer to “Who is this for\?”/);
    const error = $(el, '#sf-error');
    expect(error.textContent).to.match(/Error:\s*Select an answer to “Who is this for\?”/);
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('sf-hint sf-error');
    await expect(el).to.be.accessible();
    // The summary link moves focus to the first option, and leaves the page URL alone.
    const before = location.href;
    (summary.querySelector('a') as HTMLAnchorElement).click();
    expect(focused(el)?.id).to.equal('sf-field-me');
    expect(location.href).to.equal(before);
    // Answering clears the error.
    await answer(el, 'me');
    expect(shadow(el).querySelector('.error-summary')).to.not.exist;
  });

  it('keeps what was typed and explains a number that is not whole; an age out of range gets a page', async () => {
    const el = await finder();
    await answer(el, 'me');
    await answer(el, 'twelve');
    const input = $(el, '#sf-field') as HTMLInputElement;
    expect(input.value).to.equal('twelve');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('sf-error');
    expect($(el, '#sf-error').textContent).to.match(/whole number/);
    await expect(el).to.be.accessible();
    await answer(el, '3');
    expect(headingText(el)).to.equal('This finder is for people aged 5 to 30');
  });

  it('uses the audience wording chosen in the first answer', async () => {
    const el = await finder();
    await answer(el, 'parent');
    expect(headingText(el)).to.equal('How old are they?');
  });

  it('Back returns to the previous answer, kept; Start again clears everything', async () => {
    const el = await finder();
    await answer(el, 'parent');
    await answer(el, '15');
    expect(headingText(el)).to.equal('What is worrying you?');
    $(el, '.back').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('How old are they?');
    expect(($(el, '#sf-field') as HTMLInputElement).value).to.equal('15');
    expect(focused(el)?.id).to.equal('sf-heading');
    $(el, '.back').click();
    await el.updateComplete;
    expect(($(el, '#sf-field-parent') as HTMLInputElement).checked).to.equal(true);
    await answer(el, 'parent');
    const startAgain = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Start again');
    startAgain?.click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Who is this for?');
    expect(($(el, '#sf-field-parent') as HTMLInputElement).checked).to.equal(false);
    expect(shadow(el).querySelector('.back')).to.not.exist;
  });

  it('moves focus to each new heading and announces it', async () => {
    const el = await finder();
    await answer(el, 'me');
    expect(focused(el)).to.equal($(el, '#sf-heading'));
    await waitUntil(() => $(el, '#sf-status').textContent === 'How old are you?', 'not announced');
  });

  it('"None of these" clears the other choices, and they clear it', async () => {
    const el = await finder();
    await answer(el, 'me');
    await answer(el, '14');
    const box = (value: string) => $(el, `#sf-field-${value}`) as HTMLInputElement;
    box('anxious').click();
    box('sad').click();
    box('none').click();
    expect([box('anxious').checked, box('sad').checked, box('none').checked]).to.deep.equal([false, false, true]);
    box('sad').click();
    expect([box('sad').checked, box('none').checked]).to.deep.equal([true, false]);
    expect(shadow(el).querySelector('.divider')?.textContent?.trim()).to.equal('or');
  });

  it('routes a risk answer straight to the urgent care card, with real links', async () => {
    const el = await finder();
    await answer(el, 'me');
    await answer(el, '14');
    await answer(el, ['hurt']);
    expect(headingText(el)).to.equal('Urgent help: Get help now');
    expect($(el, '.urgent-heading .visually-hidden').textContent).to.match(/Urgent help/);
    const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('.urgent a')].map((a) => a.getAttribute('href'));
    expect(links).to.include('tel:999');
    expect(links).to.include('sms:85258?body=SHOUT');
    expect(shadow(el).querySelector('.get-help')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('offers "Get help now" on every step, and Back returns from it', async () => {
    const el = await finder();
    await answer(el, 'me');
    $(el, '.get-help').click();
    await el.updateComplete;
    expect($(el, '.urgent')).to.exist;
    expect(focused(el)?.id).to.equal('sf-heading');
    $(el, '.back').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('How old are you?');
  });

  it('renders an info page from safe markup', async () => {
    const el = await finder();
    await answer(el, 'me');
    await answer(el, '9');
    expect(headingText(el)).to.equal('Talk to an adult you trust');
    expect(shadow(el).querySelectorAll('ul li')).to.have.length(2);
    expect($(el, 'strong').textContent).to.equal('any time');
    expect($(el, 'p a').getAttribute('href')).to.equal('https://www.childline.org.uk');
    await expect(el).to.be.accessible();
    await continueOn(el);
    expect(headingText(el)).to.equal('Services that could help');
  });

  it('lists results with names as headings, reasons and contact links', async () => {
    const el = await finder();
    for (const input of ['me', '14', ['anxious'], 'no', 'north', ['counselling', 'helpline'], 'no']) await answer(el, input);
    const cards = [...shadow(el).querySelectorAll('.services > li')];
    expect(cards.map((c) => c.querySelector('h3')?.textContent?.trim())).to.deep.equal(['North Town Counselling', 'Private therapy', 'Talkline']);
    const first = cards[0].textContent?.replace(/\s+/g, ' ') ?? '';
    expect(first).to.include('It is for people aged 11 to 18, and you are 14');
    expect(first).to.include('It covers North Town');
    // Both matched cards help with anxiety and offer counselling: reasons they share tell nothing.
    expect(first).to.not.include('You chose “Feeling anxious”');
    expect(first).to.not.include('It offers counselling, which you asked for');
    expect(cards[0].querySelector('a')?.getAttribute('href')).to.equal('https://example.org/north');
    const hrefs = [...cards[2].querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['tel:116123', 'mailto:talk@example.org']);
    await expect(el).to.be.accessible();
  });

  it('words reasons in the third person for someone else', async () => {
    const el = await finder();
    for (const input of ['parent', '14', ['anxious'], 'no', 'north', 'skip', 'no']) await answer(el, input);
    expect(shadow(el).textContent?.replace(/\s+/g, ' ')).to.include('and they are 14');
  });

  it('shows the no-match message and fallback when nothing fits', async () => {
    const el = await finder();
    for (const input of ['me', '30', ['loss'], 'no', 'north', ['text'], 'no']) await answer(el, input);
    expect(shadow(el).textContent).to.include('Nothing fits. These can help anyone.');
    expect([...shadow(el).querySelectorAll('.services h3')].map((h) => h.textContent?.trim())).to.deep.equal(['Talkline']);
  });

  it('fires sf- events with ids only, never what was typed', async () => {
    const events: Array<{ type: string; detail: unknown }> = [];
    const listen = (e: Event) => events.push({ type: e.type, detail: (e as CustomEvent).detail });
    const types = ['sf-flow-loaded', 'sf-step-shown', 'sf-answer', 'sf-outcome-shown'];
    for (const type of types) document.addEventListener(type, listen);
    try {
      const el = await finder();
      for (const input of ['me', '9']) await answer(el, input);
      await continueOn(el);
      const seen = events.map((e) => e.type);
      expect(seen[0]).to.equal('sf-flow-loaded');
      expect(events[0].detail).to.deep.equal({ flowId: 'basic', version: '1', warnings: 0 });
      expect(events.filter((e) => e.type === 'sf-answer').map((e) => e.detail)).to.deep.equal([
        { flowId: 'basic', stepId: 'who', options: ['me'], skipped: false },
        { flowId: 'basic', stepId: 'age', options: [], skipped: false },
      ]);
      expect(events.filter((e) => e.type === 'sf-step-shown').map((e) => (e.detail as { stepId: string }).stepId)).to.deep.equal(['who', 'age', 'young', 'results']);
      const outcome = events.find((e) => e.type === 'sf-outcome-shown');
      expect(outcome?.detail).to.deep.equal({ flowId: 'basic', stepId: 'results', serviceIds: ['emergency', 'textline', 'private-therapy', 'talkline'] });
      expect(JSON.stringify(events)).to.not.include('"9"').and.not.include(':9');
    } finally {
      for (const type of types) document.removeEventListener(type, listen);
    }
  });

  it('shows a failed fetch as a message with urgent contacts and Try again', async () => {
    const el = document.createElement('support-finder');
    el.flow = '/test/flows/missing.json';
    const failed = oneEvent(el, 'sf-error');
    document.body.append(el);
    try {
      expect((await failed).detail).to.deep.equal({ kind: 'http', status: 404, errors: undefined });
      await shown(el);
      expect(headingText(el)).to.match(/not working right now/);
      const links = [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links).to.include.members(['tel:999', 'tel:111', 'sms:85258?body=SHOUT', 'tel:116123']);
      expect(shadow(el).textContent).to.include('HTTP status 404');
      const retry = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again');
      expect(retry).to.exist;
      await expect(el).to.be.accessible();
      // Try again with the flow now pointing somewhere real.
      el.flow = BASIC;
      await waitUntil(() => shadow(el).querySelector('fieldset'), 'did not recover');
    } finally {
      el.remove();
    }
  });

  it('shows an invalid flow with its errors for the author, and urgent contacts', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder flow="/test/flows/invalid.json"></support-finder>`);
    await shown(el);
    expect(headingText(el)).to.match(/not working right now/);
    const errors = [...shadow(el).querySelectorAll('.author-errors li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    // Each problem by its code, and where to find it explained: the words are in the command-line tool.
    expect(errors).to.include('steps[0].options[0].next: unknown-step ("age2")');
    expect(errors).to.include('steps[2].services[0]: unknown-service ("nobody")');
    const details = shadow(el).querySelector('details')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(details).to.contain('run npx support-finder check on the flow file');
    expect([...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('tel:999');
    await expect(el).to.be.accessible();
  });

  it('shows a file that is not JSON as an error, not a blank box', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder flow="/test/flows/not-json.json"></support-finder>`);
    await shown(el);
    expect(shadow(el).textContent).to.include('not valid JSON');
    expect([...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('tel:999');
  });

  it('shows an error, with urgent contacts, when no flow is given', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder></support-finder>`);
    await shown(el);
    expect(shadow(el).textContent).to.include('set the flow attribute');
  });

  it('cancels the old request when the flow attribute changes mid-load', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder flow="/slow/600/test/flows/invalid.json"></support-finder>`);
    const loaded = oneEvent(el, 'sf-flow-loaded');
    el.flow = BASIC;
    await loaded;
    await shown(el);
    // The slow, invalid flow arrives later and must not replace the one on screen.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(headingText(el)).to.equal('Who is this for?');
    const cancelled = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/slow/600/test/flows/invalid.json'));
    expect(cancelled.length).to.be.at.most(1);
  });

  it('cancels loading when removed, and loads again when put back', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      const el = await fixture<SupportFinder>(html`<support-finder flow="/slow/300${BASIC}"></support-finder>`);
      const parent = el.parentElement as HTMLElement;
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(shadow(el).querySelector('fieldset')).to.not.exist;
      parent.append(el);
      await shown(el);
      expect(headingText(el)).to.equal('Who is this for?');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('runs several instances on one page independently', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <support-finder flow=${BASIC}></support-finder>
      <support-finder flow=${BASIC}></support-finder>
    </div>`);
    const [one, two] = [...wrapper.querySelectorAll('support-finder')];
    await shown(one);
    await shown(two);
    await answer(one, 'parent');
    expect(headingText(one)).to.equal('How old are they?');
    expect(headingText(two)).to.equal('Who is this for?');
    await answer(two, 'me');
    expect(headingText(two)).to.equal('How old are you?');
    expect(headingText(one)).to.equal('How old are they?');
  });

  it('does not throw when the script is loaded twice', async () => {
    const first = customElements.get('support-finder');
    await import(/* @vite-ignore */ `../src/support-finder.ts?again=${Date.now()}`);
    expect(customElements.get('support-finder')).to.equal(first);
  });

  it('keeps the host page CSS out', async () => {
    const style = document.createElement('style');
    style.textContent = '* { color: rgb(255, 0, 0) !important; font-size: 40px !important; } button { display: none !important; } h2 { display: none !important; }';
    document.head.append(style);
    try {
      const el = await finder();
      expect(getComputedStyle($(el, 'button[type="submit"]')).display).to.not.equal('none');
      expect(getComputedStyle($(el, '#sf-heading')).display).to.equal('block');
      expect(getComputedStyle($(el, '#sf-heading')).color).to.not.equal('rgb(255, 0, 0)');
    } finally {
      style.remove();
    }
  });
});
