/**
 * Characters a valid flow can hold that would break a screen or mislead a person: half of a
 * surrogate pair (valid JSON, but encodeURIComponent throws on it), control characters, and the
 * bidi embeddings, overrides and isolates that can make "01632 960101" read backwards. Contact
 * details with any of them are refused (contactProblem); in any other text they are mended once
 * at load, and `check` warns where each one is.
 */

/** One kind of odd character, as `check` names it. */
export type OddCharacter = 'surrogate' | 'control' | 'bidi';

// Tab, line feed and carriage return are ordinary in text (markup needs line feeds).
const ODD = /[\ud800-\udfff]|[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|[\u202a-\u202e\u2066-\u2069]/u;
const ODD_ALL = new RegExp(ODD.source, 'gu');

export function hasOddCharacter(value: string): boolean {
  return ODD.test(value);
}

/** Half a surrogate pair becomes U+FFFD, as a browser shows it; the rest are dropped. */
export function mendString(value: string): string {
  return ODD.test(value) ? value.replace(ODD_ALL, (c) => (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '\ufffd' : '')) : value;
}

function kindOf(value: string): OddCharacter[] {
  const kinds = new Set<OddCharacter>();
  for (const [c] of value.matchAll(ODD_ALL)) {
    const code = c.charCodeAt(0);
    kinds.add(code >= 0xd800 && code <= 0xdfff ? 'surrogate' : code >= 0x202a ? 'bidi' : 'control');
  }
  return [...kinds];
}

/**
 * Every string in a parsed JSON value with an odd character, with its path; with `mend`, each
 * is mended in place. Without recursion, as a flow's nesting is only limited after this runs.
 */
export function oddText(data: unknown, mend: boolean): Array<{ path: Array<string | number>; kinds: OddCharacter[] }> {
  const found: Array<{ path: Array<string | number>; kinds: OddCharacter[] }> = [];
  const pending: Array<[Record<string, unknown>, Array<string | number>]> = [];
  if (data !== null && typeof data === 'object') pending.push([data as Record<string, unknown>, []]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, path] = next;
    const at = (key: string) => [...path, Array.isArray(node) ? Number(key) : key];
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (typeof value === 'string') {
        if (!ODD.test(value)) continue;
        found.push({ path: at(key), kinds: kindOf(value) });
        if (mend) node[key] = mendString(value);
      } else if (value !== null && typeof value === 'object') {
        pending.push([value as Record<string, unknown>, at(key)]);
      }
    }
  }
  return found;
}
