/**
 * The small markup flow authors write in info and outcome bodies:
 *
 *   Paragraphs are separated by a blank line.
 *   - a line starting with "- " is a bulleted list item
 *   1. a line starting with a number and a dot is a numbered list item
 *   **bold** and [a link](https://example.org)
 *
 * It is parsed into plain data that the views render with Lit templates, so text from a flow is
 * only ever text: nothing here becomes HTML.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

/** Schemes a link may use. Anything else (javascript:, data:, vbscript:, file:…) is refused. */
export const SAFE_SCHEMES = ['https:', 'http:', 'tel:', 'sms:', 'mailto:'] as const;

/** True when `href` is an absolute link with an allowed scheme. */
export function isSafeHref(href: string): boolean {
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"); so do we before checking.
  const cleaned = href.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return SAFE_SCHEMES.some((scheme) => cleaned.startsWith(scheme) && cleaned.length > scheme.length);
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: text.slice(last, at) });
    if (match[1] !== undefined) {
      parts.push({ kind: 'strong', text: match[1] });
    } else if (isSafeHref(match[3])) {
      parts.push({ kind: 'link', text: match[2], href: match[3].trim() });
    } else {
      // An unsafe link is shown as its words only; validation has already told the author.
      parts.push({ kind: 'text', text: match[2] });
    }
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) {
        blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ').trim()) });
        paragraph = [];
      }
    };
    for (const line of lines) {
      const bullet = BULLET.exec(line);
      const numbered = bullet ? null : NUMBERED.exec(line);
      const item = bullet ?? numbered;
      if (!item) {
        paragraph.push(line.trim());
        continue;
      }
      flush();
      const ordered = numbered !== null;
      const previous = blocks[blocks.length - 1];
      const content = parseInline(item[1].trim());
      if (previous?.kind === 'list' && previous.ordered === ordered) previous.items.push(content);
      else blocks.push({ kind: 'list', ordered, items: [content] });
    }
    flush();
  }
  return blocks;
}

/** Every link target written in a body, safe or not, for validation to report. */
export function linksIn(source: string): string[] {
  return [...source.matchAll(INLINE)].filter((m) => m[3] !== undefined).map((m) => m[3]);
}

