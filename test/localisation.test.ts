/**
 * The finder in Welsh and Arabic: the interface words from the language files, the flow's own
 * words from its per-language text, the language chosen as the issue says (the element's lang,
 * else the nearest lang above it, else the flow's default) and right-to-left layout for Arabic.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/support-finder.js';
import type { SupportFinder } from '../src/support-finder.js';
import { plural, useLocale } from '../src/localisation.js';
import { reviewFlow } from '../src/engine/index.js';
import { $, answer, fetchJson, focused, headingText, shadow, shown } from './support.js';

const FLOW = '/test/flows/languages.json';

function submitText(el: SupportFinder): string {
  return $(el, 'form button[type="submit"]').textContent?.trim() ?? '';
}

function progressText(el: SupportFinder): string {
  return $(el, '.finder > p.hint, form ~ p.hint, p.hint').textContent?.trim() ?? '';
}

/** Waits until the interface words are in the language (the file loads on first use). */
async function speaking(el: SupportFinder, continueLabel: string): Promise<void> {
  await shown(el);
  await waitUntil(() => submitText(el) === continueLabel, `Continue reads "${submitText(el)}"`, { timeout: 5000 });
}

describe('languages', () => {
  it('lang="cy" shows the Welsh interface and Welsh flow text, and English where the flow has no Welsh', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder lang="cy" flow=${FLOW}></support-finder>`);
    await speaking(el, 'Parhau');
    expect(headingText(el)).to.equal('Ar gyfer pwy mae hyn?');
    expect($(el, 'label[for="sf-field-me"]').textContent?.trim()).to.equal('Fi');
    expect($(el, 'label[for="sf-field-parent"]').textContent?.trim()).to.equal('Someone I care for');
    expect($(el, '.get-help').textContent?.trim()).to.equal('Cael help nawr');
    expect($(el, '.quick-exit').textContent?.trim()).to.equal('Gadael y dudalen hon yn gyflym');
    expect(progressText(el)).to.equal('Cwestiwn 1 o tua 2');
    expect($(el, '.finder').getAttribute('lang')).to.equal('cy');
    expect($(el, '.finder').getAttribute('dir')).to.equal('ltr');
    await expect(el).to.be.accessible();
  });

  it('takes the language from the nearest lang above it, across a shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="cy"><section></section></div>`);
    const inner = host.querySelector('section') as HTMLElement;
    const root = inner.attachShadow({ mode: 'open' });
    root.innerHTML = `<support-finder flow="${FLOW}"></support-finder>`;
    const el = root.querySelector('support-finder') as SupportFinder;
    await speaking(el, 'Parhau');
    expect(headingText(el)).to.equal('Ar gyfer pwy mae hyn?');
  });

  it("uses the flow's default language when nothing on the page says", async () => {
    const page = await fixture<HTMLElement>(html`<div><support-finder flow=${FLOW}></support-finder></div>`);
    const saved = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      const el = page.querySelector('support-finder') as SupportFinder;
      await shown(el);
      el.requestUpdate();
      await el.updateComplete;
      expect(submitText(el)).to.equal('Continue');
      expect(headingText(el)).to.equal('Who is this for?');
      expect($(el, '.finder').getAttribute('lang')).to.equal('en');
    } finally {
      if (saved !== null) document.documentElement.setAttribute('lang', saved);
    }
  });

  it("changes language when its lang, or the page's, changes, keeping the person's place and answers", async () => {
    const page = await fixture<HTMLElement>(html`<div lang="en"><support-finder flow=${FLOW}></support-finder></div>`);
    const el = page.querySelector('support-finder') as SupportFinder;
    await shown(el);
    await answer(el, 'me');
    expect(headingText(el)).to.equal('How old are you?');
    page.setAttribute('lang', 'cy');
    await waitUntil(() => submitText(el) === 'Parhau', `Continue reads "${submitText(el)}"`, { timeout: 5000 });
    expect(headingText(el)).to.equal('How old are you?');
    expect(progressText(el)).to.equal('Cwestiwn 2 o tua 2');
    el.setAttribute('lang', 'ar');
    await waitUntil(() => submitText(el) === 'متابعة', `Continue reads "${submitText(el)}"`, { timeout: 5000 });
    expect($(el, '.finder').getAttribute('dir')).to.equal('rtl');
    $(el, '.back').click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('لمن هذا؟');
    expect(($(el, '#sf-field-me') as HTMLInputElement).checked).to.equal(true);
    el.removeAttribute('lang');
    await waitUntil(() => submitText(el) === 'Parhau', `Continue reads "${submitText(el)}"`, { timeout: 5000 });
  });

  it('lays Arabic out right to left: the radio sits to the right of its label', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder lang="ar" flow=${FLOW}></support-finder>`);
    await speaking(el, 'متابعة');
    expect($(el, '.finder').getAttribute('dir')).to.equal('rtl');
    const radio = $(el, '#sf-field-me').getBoundingClientRect();
    const label = $(el, 'label[for="sf-field-me"]').getBoundingClientRect();
    expect(radio.left > label.left, `radio at ${radio.left}, label at ${label.left}`).to.equal(true);
    const ltr = await fixture<SupportFinder>(html`<support-finder lang="cy" flow=${FLOW}></support-finder>`);
    await speaking(ltr, 'Parhau');
    const radioLtr = $(ltr, '#sf-field-me').getBoundingClientRect();
    const labelLtr = $(ltr, 'label[for="sf-field-me"]').getBoundingClientRect();
    expect(radioLtr.left < labelLtr.left).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('two finders on one page can each have their own language', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <support-finder lang="cy" flow=${FLOW}></support-finder>
      <support-finder lang="ar" flow=${FLOW}></support-finder>
      <support-finder lang="en" flow=${FLOW}></support-finder>
    </div>`);
    const [cy, ar, en] = [...page.querySelectorAll('support-finder')];
    await speaking(cy, 'Parhau');
    await speaking(ar, 'متابعة');
    await speaking(en, 'Continue');
    await answer(en, 'me');
    expect(submitText(cy)).to.equal('Parhau');
    expect(submitText(ar)).to.equal('متابعة');
    expect(submitText(en)).to.equal('Continue');
  });

  it('can be walked to the results with the keyboard in Arabic, and axe passes on the way', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder lang="ar" flow=${FLOW}></support-finder>`);
    await speaking(el, 'متابعة');
    const press = async (...keys: string[]) => {
      for (const key of keys) await sendKeys({ press: key });
      await el.updateComplete;
    };
    $(el, '#sf-heading').focus();
    await press('Tab', 'Space', 'Tab', 'Enter'); // who: me
    expect(headingText(el)).to.equal('How old are you?');
    (focused(el) as HTMLElement | null)?.blur();
    $(el, '#sf-field').focus();
    await sendKeys({ type: '15' });
    await press('Enter');
    // Feelings (several), feeling safe, area, how, free: the first choice each time.
    for (let i = 0; i < 6 && shadow(el).querySelector('form'); i++) {
      $(el, '#sf-heading').focus();
      await press('Tab', 'Space');
      await el.updateComplete;
      if (!shadow(el).querySelector('.outcome, .services')) {
        $(el, 'form button[type="submit"]').focus();
        await press('Enter');
      }
    }
    await waitUntil(() => !shadow(el).querySelector('form'), `stuck at "${headingText(el)}"`);
    expect(shadow(el).querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('plural forms and numbers', () => {
  const forms = {
    en: 'one:# service|other:# services',
  };
  it('picks the Welsh and Arabic categories for several numbers', async () => {
    // Load the two language files, then read each in turn, as a render would.
    const ready = (locale: string) =>
      new Promise<void>((resolve) => {
        if (useLocale(locale, resolve) === locale) resolve();
      });
    await ready('cy');
    await ready('ar');
    useLocale('cy', () => {});
    const cy = (n: number) => plural(msgOf('cy'), n);
    expect([0, 1, 2, 3, 6, 7].map(cy)).to.deep.equal(['Dim gwasanaethau', '1 gwasanaeth', '2 wasanaeth', '3 gwasanaeth', '6 gwasanaeth', '7 gwasanaeth']);
    useLocale('ar', () => {});
    const ar = (n: number) => plural(msgOf('ar'), n);
    const arabic = new Intl.NumberFormat('ar');
    expect([0, 1, 2, 3, 11, 100].map(ar)).to.deep.equal([
      'لا توجد خدمات',
      'خدمة واحدة',
      'خدمتان',
      `${arabic.format(3)} خدمات`,
      `${arabic.format(11)} خدمة`,
      `${arabic.format(100)} خدمة`,
    ]);
    useLocale('en', () => {});
    expect([0, 1, 2, 1000].map((n) => plural(forms.en, n))).to.deep.equal(['0 services', '1 service', '2 services', '1,000 services']);
  });

  it('shows the directory count in Welsh', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder lang="cy" mode="directory" flow=${FLOW}></support-finder>`);
    await shown(el);
    await waitUntil(() => /\d+ (g|w)wasanaeth/.test(shadow(el).textContent ?? ''), 'no Welsh count');
    await expect(el).to.be.accessible();
  });
});

/** The Welsh or Arabic forms of the services count, as the language file has them. */
function msgOf(locale: 'cy' | 'ar'): string {
  useLocale(locale, () => {});
  // The message is looked up through msg(), as the directory view does.
  return servicesForms();
}
import { msg } from '@lit/localize';
function servicesForms(): string {
  return msg('one:# service|other:# services');
}

describe('flow review', () => {
  it('warns about each missing translation, with its path and language', async () => {
    const result = reviewFlow(await fetchJson(FLOW));
    expect(result.ok).to.equal(true);
    const translation = result.warnings.filter((w) => w.message.includes('translation'));
    const paths = translation.map((w) => `${w.path} ${w.message}`);
    expect(paths.some((p) => p.startsWith('steps[0].options[1].label') && p.includes("'cy'"))).to.equal(true, paths.join('\n'));
    expect(paths.some((p) => p.startsWith('steps[0].options[1].label') && p.includes("'ar'"))).to.equal(true, paths.join('\n'));
    expect(paths.some((p) => p.startsWith('steps[0].question'))).to.equal(false, paths.join('\n'));
  });
});

describe('numbers in right-to-left text', () => {
  it('shows a phone number with spaces in its own order in Arabic, so the number read is the number dialled', async () => {
    const flow = (await fetchJson(FLOW)) as { steps: Array<{ kind: string; services?: string[] }> };
    const urgent = flow.steps.find((s) => s.kind === 'urgent')!;
    urgent.services = ['talkline', ...(urgent.services ?? [])];
    const url = URL.createObjectURL(new Blob([JSON.stringify(flow)], { type: 'application/json' }));
    const el = await fixture<SupportFinder>(html`<support-finder lang="ar" flow=${url}></support-finder>`);
    await speaking(el, 'متابعة');
    $(el, '.get-help').click();
    await el.updateComplete;
    const link = shadow(el).querySelector<HTMLAnchorElement>('a[href="tel:116123"]');
    expect(link !== null, 'the Talkline phone link').to.equal(true);
    const walker = document.createTreeWalker(link!, NodeFilter.SHOW_TEXT);
    let text: Text | null = null;
    while (!text && walker.nextNode()) if ((walker.currentNode as Text).data.includes('116')) text = walker.currentNode as Text;
    expect(text !== null, `no text with the number in "${link!.textContent}"`).to.equal(true);
    const at = (part: string) => {
      const range = document.createRange();
      const start = text!.data.indexOf(part);
      range.setStart(text!, start);
      range.setEnd(text!, start + part.length);
      return range.getBoundingClientRect().left;
    };
    expect(getComputedStyle(link!).direction).to.equal('rtl');
    expect(at('116') < at('123'), `"${text!.data}": 116 must be drawn left of 123`).to.equal(true);
    URL.revokeObjectURL(url);
  });
});
