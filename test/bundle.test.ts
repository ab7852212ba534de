/**
 * The built file, as a page includes it: dist/support-finder.js alone (npm test builds it
 * first). Catches anything the minifier or bundler breaks that the source tests cannot see.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { SupportFinder } from '../src/support-finder.js';
import { $, answer, headingText, shadow, shown } from './support.js';

const bundle = '/dist/support-finder.js';

before(async () => {
  await import(/* @vite-ignore */ bundle);
});

describe('dist/support-finder.js', () => {
  it('defines the element and walks a flow to its results', async () => {
    expect(customElements.get('support-finder')).to.exist;
    const el = await fixture<SupportFinder>(html`<support-finder flow="/test/flows/basic.json"></support-finder>`);
    await shown(el);
    expect(headingText(el)).to.equal('Who is this for?');
    for (const input of ['me', '14', ['anxious'], 'no', 'north', 'skip', 'no']) await answer(el, input);
    expect(headingText(el)).to.equal('Services that could help');
    expect(shadow(el).querySelectorAll('.services > li').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });

  it('shows errors from the built validator', async () => {
    const el = await fixture<SupportFinder>(html`<support-finder flow="/test/flows/invalid.json"></support-finder>`);
    await shown(el);
    expect($(el, '.author-errors').textContent).to.include('unknown-step ("age2")');
  });

  it('does not throw when loaded a second time', async () => {
    await import(/* @vite-ignore */ `${bundle}?again`);
    expect(customElements.get('support-finder')).to.exist;
  });
});
