/** Renders parsed flow markup with templates: flow text is only ever text, never HTML. */
import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkup, type Inline } from '../engine/index.js';

function inline(parts: Inline[]): TemplateResult[] {
  return parts.map((part) => {
    if (part.kind === 'strong') return html`<strong>${part.text}</strong>`;
    if (part.kind === 'link') return html`<a href=${part.href}>${part.text}</a>`;
    return html`${part.text}`;
  });
}

export function renderMarkup(source: string): TemplateResult | typeof nothing {
  if (source.trim() === '') return nothing;
  return html`${parseMarkup(source).map((block) => {
    if (block.kind === 'paragraph') return html`<p>${inline(block.content)}</p>`;
    const items = block.items.map((item) => html`<li>${inline(item)}</li>`);
    return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
  })}`;
}
