/**
 * Results as plain text, for a person to keep: copied, shared, emailed to themselves or sent to
 * their phone. Only what the results page shows about each service and how to reach it; never
 * the answers that led there.
 */
import { parseMarkup, type Inline } from './markup.js';
import type { Contact, Flow, Service, Text } from './schema.js';
import { mendString } from './odd-text.js';
import type { OutcomeResult } from './matching.js';
import { urgentHelp } from './session.js';

/**
 * What kept results list, in order: the urgent contacts, then the always-shown ones, then the
 * services chosen for the person. The first two come first so that no channel's length limit
 * and no reader who stops early ever loses them. Each service once.
 */
export function keptServices(flow: Flow, result: OutcomeResult): Service[] {
  const urgent = urgentHelp(flow)?.services ?? [];
  return [...new Set([...urgent, ...[...result.always, ...result.matches, ...result.fallback].map((m) => m.service)])];
}

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
 * of its own, blocks separated by a blank line. Services come in the order given: the caller
 * puts urgent and always-shown contacts first.
 *
 * `fits` says whether a text is short enough for the channel. When the whole text does not
 * fit, descriptions are shortened, then left out, then opening hours: every service and every
 * contact is always kept, so the channel may still refuse a text with very many services.
 */
export function resultsText(
  title: string,
  services: readonly Service[],
  text: (t: Text | undefined) => string,
  words: ContactWords,
  fits: (text: string) => boolean = () => true
): string {
  const descriptions = services.map((service) => Array.from(plainMarkup(text(service.description))));
  const build = (descriptionLength: number, hours: boolean) =>
    [
      title,
      ...services.map((service, i) =>
        [
          text(service.name),
          shorten(descriptions[i], descriptionLength),
          hours ? text(service.hours) : '',
          ...service.contact.map((contact) => contactLine(contact, text, words)),
        ]
          .filter(Boolean)
          .join('\n')
      ),
    ]
      .filter(Boolean)
      .join('\n\n');
  const longest = Math.max(0, ...descriptions.map((d) => d.length));
  if (fits(build(longest, true))) return build(longest, true);
  // The longest description length that fits, found by halving.
  let low = 0;
  let high = longest - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fits(build(mid, true))) low = mid;
    else high = mid - 1;
  }
  // Fewer than 20 characters of a description say nothing worth the space.
  if (low >= 20) return build(low, true);
  return fits(build(0, true)) ? build(0, true) : build(0, false);
}

/** A description cut to `length` characters (whole characters, at a word if possible), with "…". */
function shorten(chars: string[], length: number): string {
  if (chars.length <= length) return chars.join('');
  if (length < 20) return '';
  const cut = chars.slice(0, length - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The longest `mailto:` link we make: mail programs drop or cut longer ones. */
export const MAILTO_LIMIT = 2000;

/**
 * The longest text sent to a phone: 918 characters is six joined text messages, the most GOV.UK
 * Notify sends as one message. Whatever service the host uses, longer texts arrive in pieces.
 */
export const TEXT_MESSAGE_LIMIT = 918;

/** Whether the whole body fits in a `mailto:` link, uncut. */
export function mailtoFits(subject: string, body: string, max = MAILTO_LIMIT): boolean {
  return mailtoHref(subject, body, Infinity).length <= max;
}

/**
 * A `mailto:` link with no recipient (the person fills in their own address), the subject and
 * the body. Mail programs and operating systems drop or cut links longer than about 2,000
 * characters, so a long body is cut at the end of a line, and "…" marks the cut.
 */
export function mailtoHref(subject: string, body: string, max = MAILTO_LIMIT): string {
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
