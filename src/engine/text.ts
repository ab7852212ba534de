/** Choosing the words to show: by language, then by who the finder is used for. */
import type { LocalisedText, Text } from './schema.js';

export interface TextContext {
  /** The language the person reads, e.g. "cy" or "en-GB". */
  locale: string;
  /** The flow's default language, used when a translation is missing. */
  defaultLocale: string;
  /** The audience answer ("me", "someone-else"…), when the flow asks for one. */
  audience?: string;
}

export function isAudienceText(text: Text): text is Extract<Text, { default: unknown }> {
  return typeof text === 'object' && text !== null && 'audience' in text && 'default' in text;
}

/** Picks one language from a per-locale map: exact, then the base language, then the default. */
export function pickLocale(text: LocalisedText, locale: string, defaultLocale: string): string {
  if (typeof text === 'string') return text;
  // Own texts only: a language such as "constructor" must not find Object.prototype's.
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(text, key) ? text[key] : undefined);
  const chosen = own(locale) ?? own(locale.split('-')[0]) ?? own(defaultLocale) ?? own(defaultLocale.split('-')[0]);
  if (chosen !== undefined) return chosen;
  const first = Object.values(text)[0];
  return first ?? '';
}

export function resolveText(text: Text | undefined, context: TextContext): string {
  if (text === undefined) return '';
  if (isAudienceText(text)) {
    const variant =
      context.audience !== undefined && Object.prototype.hasOwnProperty.call(text.audience, context.audience)
        ? text.audience[context.audience]
        : undefined;
    return pickLocale(variant ?? text.default, context.locale, context.defaultLocale);
  }
  return pickLocale(text, context.locale, context.defaultLocale);
}

/** Every string a Text can show, with where it sits, so validation can check each one. */
export function allVariants(text: Text): Array<{ path: string; value: string }> {
  const fromLocalised = (t: LocalisedText, prefix: string) =>
    typeof t === 'string'
      ? [{ path: prefix, value: t }]
      : Object.entries(t).map(([locale, value]) => ({ path: `${prefix}.${locale}`, value }));
  if (isAudienceText(text)) {
    return [
      ...fromLocalised(text.default, '.default'),
      ...Object.entries(text.audience).flatMap(([audience, t]) =>
        fromLocalised(t, `.audience.${audience}`)
      ),
    ];
  }
  return fromLocalised(text, '');
}
