/**
 * Results as plain text, for a person to keep: copied, shared, emailed to themselves or sent to
 * their phone. Only what the results page shows about each service and how to reach it; never
 * the answers that led there.
 */
import { parseMarkup, type Inline } from './markup.js';
import type { Contact, Service, Text } from './schema.js';
import { mendString } from './odd-text.js';

/** How each kind of contact is written out, in the person's language ("Phone 0800 1111"). */
export interface ContactWords {
  phone: (number: string) => string;
  sms: (number: string, keyword: string | undefined) => string;
  website: (url: string) => string;
  email: (address: string) => string;
}

/** A flow author's markup as plain lines: lists as "- item", links as "words (address)". */
export function plainMarkup(source: string): string {
  const inline = (parts: Inline[]) =>
    parts.map((p) => (p.kind === 'link' && p.href !== p.text ? `${p.text} (${p.href})` : p.text)).join('');
  return parseMarkup(source)
    .map((block) =>
      block.kind === 'paragraph'
        ? inline(block.content)
        : block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inline(item)}`).join('\n')
    )
    .join('\n');
}

function contactLine(contact: Contact, text: (t: Text | undefined) => string, words: ContactWords): string {
  switch (contact.type) {
    case 'phone':
      return words.phone(contact.number);
    case 'sms':
      return words.sms(contact.number, contact.keyword);
    case 'website':
      return words.website(contact.url);
    case 'email':
      return words.email(contact.address);
    case 'address':
      return text(contact.text);
  }
}

/**
 * The title, then one block per service: name, description, hours, and each contact on a line
 * of its own, blocks separated by a blank line.
 */
export function resultsText(
  title: string,
  services: readonly Service[],
  text: (t: Text | undefined) => string,
  words: ContactWords
): string {
  const blocks = services.map((service) =>
    [
      text(service.name),
      plainMarkup(text(service.description)),
      text(service.hours),
      ...service.contact.map((contact) => contactLine(contact, text, words)),
    ]
      .filter(Boolean)
      .join('\n')
  );
  return [title, ...blocks].filter(Boolean).join('\n\n');
}

/**
 * A `mailto:` link with no recipient (the person fills in their own address), the subject and
 * the body. Mail programs and operating systems drop or cut links longer than about 2,000
 * characters, so a long body is cut at the end of a line, and "…" marks the cut.
 */
export function mailtoHref(subject: string, body: string, max = 2000): string {
  // Half a surrogate pair makes encodeURIComponent throw: mended, whatever the caller passed.
  subject = mendString(subject);
  body = mendString(body);
  const href = (b: string) =>
    `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(b.replace(/\n/g, '\r\n'))}`;
  if (href(body).length <= max) return href(body);
  // Whole characters only: half a surrogate pair cannot be encoded.
  const chars = Array.from(body);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (href(`${chars.slice(0, mid).join('')}\n…`).length <= max) low = mid;
    else high = mid - 1;
  }
  const kept = chars.slice(0, low).join('');
  const line = kept.lastIndexOf('\n');
  return href(`${line > 0 ? kept.slice(0, line) : kept}\n…`);
}
