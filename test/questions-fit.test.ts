/**
 * Questions that fit the person (issue 10): an age outside the finder's range leads to a page,
 * never a bare validation error; errors name the question; few-option selects are radios.
 * Keyboard only, on a phone, axe on every new state.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { $, answerByKeyboard, clone, fetchJson, focused, headingText, shadow, shown, tabTo } from './support.js';

const BASIC = '/test/flows/basic.json';
const UK = '/flows/uk-young-people.json';

async function finder(flow: string): Promise<SupportFinder> {
  const el = await fixture<SupportFinder>(html`<support-finder flow=${flow}></support-finder>`);
  await shown(el);
  return el;
}

/** A flow file made from test/flows/basic.json, changed by `change`. */
async function basicWith(change: (flow: Record<string, any>) => void): Promise<string> {
  const flow = clone((await fetchJson(BASIC)) as Record<string, any>);
  change(flow);
  return URL.createObjectURL(new Blob([JSON.stringify(flow)], { type: 'application/json' }));
}

/** Types into the number box and presses Enter, as a person would. */
async function typeAndSubmit(el: SupportFinder, text: string): Promise<void> {
  const input = $(el, '#sf-field') as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

function buttonNamed(el: SupportFinder, name: string): HTMLButtonElement | undefined {
  return [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
}

/** Moves focus to the button with this name by Tab, and presses Enter. */
async function pressByKeyboard(el: SupportFinder, name: string): Promise<void> {
  await tabTo(el, (f) => f.tagName === 'BUTTON' && f.textContent?.trim() === name, 60);
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

const phones = [
  { width: 375, height: 667 },
  { width: 320, height: 568 },
];

after(() => setViewport({ width: 800, height: 600 }));

describe('an age outside the range', () => {
  for (const viewport of phones) {
    it(`without the flow's own page, shows who the finder is for, with ways on, at ${viewport.width}px`, async () => {
      await setViewport(viewport);
      const el = await finder(BASIC);
      await answerByKeyboard(el, 'me');
      expect(headingText(el)).to.equal('How old are you?');
      for (const [typed, heading] of [
        ['3', 'This finder is for people aged 5 to 30'],
        ['31', 'This finder is for people aged 5 to 30'],
      ]) {
        await typeAndSubmit(el, typed);
        expect(headingText(el)).to.equal(heading);
        expect(focused(el)?.id, 'the page heading takes focus').to.equal('sf-heading');
        expect(shadow(el).querySelector('.error-summary'), 'not a validation wall').to.equal(null);
        expect(shadow(el).querySelector('#sf-field')).to.equal(null);
        // Urgent help and the exit are still there, with ways on.
        expect(shadow(el).querySelector('.exit-bar .get-help')?.textContent?.trim()).to.equal('Get help now');
        expect(buttonNamed(el, 'See all services'), 'the flow has services to list').to.exist;
        expect(shadow(el).textContent).to.match(/A GP \(doctor\) can tell you about support for other ages/);
        await expect(el).to.be.accessible();
        // "Change your answer" goes back with the age still in the box.
        await pressByKeyboard(el, 'Change your answer');
        expect(headingText(el)).to.equal('How old are you?');
        expect(($(el, '#sf-field') as HTMLInputElement).value).to.equal(typed);
      }
      await typeAndSubmit(el, '14');
      expect(headingText(el)).to.equal('What is worrying you?');
    });
  }

  it('a range with only a lower end says so', async () => {
    const flow = await basicWith((f) => delete f.steps[1].max);
    const el = await finder(flow);
    await answerByKeyboard(el, 'me');
    await typeAndSubmit(el, '2');
    expect(headingText(el)).to.equal('This finder is for people aged 5 and over');
    await expect(el).to.be.accessible();
  });

  it('"See all services" on the page opens the list, and Back to questions returns to it', async () => {
    await setViewport(phones[0]);
    const el = await finder(BASIC);
    await answerByKeyboard(el, 'me');
    await typeAndSubmit(el, '40');
    await pressByKeyboard(el, 'See all services');
    expect(headingText(el)).to.equal('All services');
    await pressByKeyboard(el, 'Back to questions');
    expect(headingText(el)).to.equal('This finder is for people aged 5 to 30');
  });

  it("with the flow's own page (outOfRange), goes there, and Back shows the age again", async () => {
    await setViewport(phones[0]);
    const el = await finder(UK);
    await answerByKeyboard(el, 'me');
    await typeAndSubmit(el, '31');
    expect(headingText(el)).to.equal('This finder is for 5 to 30 year olds');
    expect(focused(el)?.id).to.equal('sf-heading');
    expect(shadow(el).querySelector('.exit-bar .get-help')).to.exist;
    await expect(el).to.be.accessible();
    await pressByKeyboard(el, 'Back');
    expect(headingText(el)).to.equal('How old are you?');
    expect(($(el, '#sf-field') as HTMLInputElement).value).to.equal('31');
    await typeAndSubmit(el, '31');
    await pressByKeyboard(el, 'Carry on');
    expect(headingText(el)).to.match(/worr/i);
  });

  it('a number question that is not about age keeps a clear error that names it', async () => {
    const flow = await basicWith((f) => {
      delete f.steps[1].about;
      f.steps[1].question = 'How many days a week do you feel like this?';
      f.steps[1].min = 0;
      f.steps[1].max = 7;
      f.steps[1].rules = [];
    });
    const el = await finder(flow);
    await answerByKeyboard(el, 'me');
    await typeAndSubmit(el, '9');
    const message = 'Enter a number for “How many days a week do you feel like this?” that is 7 or less';
    expect($(el, '.error-summary').textContent).to.contain(message);
    expect($(el, '#sf-error').textContent).to.contain(message);
    expect(focused(el)).to.equal($(el, '.error-summary'));
    await expect(el).to.be.accessible();
  });
});

describe('error messages name the question', () => {
  it('builds them from the question for each type', async () => {
    await setViewport(phones[0]);
    const el = await finder(BASIC);
    const expectProblem = async (message: string) => {
      await pressByKeyboard(el, 'Continue');
      expect($(el, '.error-summary a').textContent?.trim()).to.equal(message);
      expect($(el, '#sf-error').textContent?.replace(/\s+/g, ' ').trim()).to.equal(`Error: ${message}`);
      await expect(el).to.be.accessible();
    };
    await expectProblem('Select an answer to “Who is this for?”');
    await answerByKeyboard(el, 'parent');
    // The question's words for the audience chosen.
    await expectProblem('Enter a number for “How old are they?”');
    await typeAndSubmit(el, 'ten');
    expect($(el, '#sf-error').textContent).to.contain('Enter a whole number for “How old are they?”, using digits, like 14');
    await typeAndSubmit(el, '14');
    await expectProblem('Select at least one answer to “What is worrying you?”');
  });

  it("uses the flow's own words when it has them (errorMessage)", async () => {
    await setViewport(phones[0]);
    const el = await finder(UK);
    await pressByKeyboard(el, 'Continue');
    expect($(el, '.error-summary a').textContent?.trim()).to.equal('Select who you are looking for support for');
    expect($(el, '#sf-error').textContent).to.contain('Select who you are looking for support for');
    await expect(el).to.be.accessible();
  });
});

describe('select questions with few options are radios', () => {
  it('the example flow asks how long as radios, answered with arrow keys', async () => {
    await setViewport(phones[1]);
    const el = await finder(UK);
    for (const input of ['me', '15', ['anxious'], 'no']) await answerByKeyboard(el, input);
    expect(headingText(el)).to.match(/How long/);
    expect(shadow(el).querySelector('select')).to.equal(null);
    const radios = [...shadow(el).querySelectorAll<HTMLInputElement>('fieldset input[type="radio"]')];
    expect(radios.length).to.equal(4);
    expect($(el, 'fieldset legend #sf-heading')).to.exist;
    await expect(el).to.be.accessible();
    await pressByKeyboard(el, 'Continue');
    expect($(el, '.error-summary a').getAttribute('href')).to.equal(`#${radios[0].id}`);
    expect($(el, '.error-summary a').textContent).to.contain('Select an answer to “How long have you felt like this?”');
    await answerByKeyboard(el, radios[1].value);
    expect(headingText(el)).to.not.match(/How long/);
  });

  it('more than 10 options, or "display": "list", is a drop-down; "display": "radios" is radios', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ value: `place-${i}`, label: `Place ${i}` }));
    const cases: Array<[string, (f: Record<string, any>) => void, 'select' | 'radios']> = [
      ['11 options', (f) => ((f.steps[5].options = many), delete f.steps[5].display), 'select'],
      ['11 options, radios asked for', (f) => ((f.steps[5].options = many), (f.steps[5].display = 'radios')), 'radios'],
      ['2 options, a list asked for', () => undefined, 'select'],
      ['2 options', (f) => delete f.steps[5].display, 'radios'],
    ];
    for (const [name, change, shape] of cases) {
      const el = await finder(await basicWith(change));
      for (const input of ['me', '14', ['anxious'], 'no']) await answerByKeyboard(el, input);
      expect(headingText(el), name).to.equal('Where do you live?');
      expect(shadow(el).querySelector('select') !== null, name).to.equal(shape === 'select');
      expect(shadow(el).querySelectorAll('input[type="radio"]').length > 0, name).to.equal(shape === 'radios');
      el.remove();
    }
  });
});
