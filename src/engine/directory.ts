/**
 * The directory: the whole catalogue of services, A to Z, narrowed by filters an adult chooses
 * (age, area, kind of support, free only, words). The filters follow the same eligibility rules
 * as suggestions (see matching.ts), except that with no area chosen local services are listed too.
 */
import type { Flow, Option, Service, SupportType, Text } from './schema.js';
import { openTo, wanted, type Profile } from './matching.js';
import { questionOptions } from './routing.js';
import { resolveText } from './text.js';

export interface DirectoryFilters {
  age?: number;
  /** An area id: a value of the area question's options. */
  area?: string;
  /** Services offering at least one of these. */
  supportTypes?: SupportType[];
  /** Leave out services people have to pay for. */
  freeOnly?: boolean;
  /** Words to find in a service's name or description, ignoring case. */
  query?: string;
}

/**
 * The services that pass the filters, sorted A to Z by the name shown. `text` resolves flow
 * text as the person sees it (by default, the flow's default language); `locale` orders the names.
 */
export function filterServices(
  flow: Flow,
  filters: DirectoryFilters,
  text: (text: Text | undefined) => string = (t) => resolveText(t, { locale: flow.defaultLocale, defaultLocale: flow.defaultLocale }),
  locale = flow.defaultLocale
): Service[] {
  const { age, area, supportTypes, freeOnly, query } = filters;
  const profile: Profile = {
    age: age === undefined ? undefined : { value: age, step: '' },
    area: area ? { value: area, step: '' } : undefined,
    supportTypes: supportTypes?.length ? { values: supportTypes, step: '' } : undefined,
    freeOnly: !!freeOnly,
    needs: [],
  };
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale, { numeric: true });
  } catch {
    // A malformed lang attribute must not break the list.
    collator = new Intl.Collator(undefined, { numeric: true });
  }
  const lower = (words: string) => words.toLocaleLowerCase(collator.resolvedOptions().locale);
  const words = lower(query?.trim() ?? '');
  return flow.services
    .filter(
      (service) =>
        openTo(service, profile, true) &&
        wanted(service, profile) &&
        (!words || lower(`${text(service.name)}\n${text(service.description)}`).includes(words))
    )
    .map((service) => ({ service, name: text(service.name) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((entry) => entry.service);
}

/** What the directory's filters can offer: the area question's options, and the kinds of support the catalogue has. */
export function directoryChoices(flow: Flow): { areas: Option[]; supportTypes: SupportType[] } {
  const areaStep = flow.steps.find((s) => s.kind === 'question' && s.about === 'area');
  return {
    areas: areaStep?.kind === 'question' ? questionOptions(areaStep) : [],
    supportTypes: [...new Set(flow.services.flatMap((s) => s.supportTypes ?? []))],
  };
}
