/**
 * Which services fit what the person said, and why. Eligibility first (age, area, free only,
 * the kind of support wanted, what they need help with), then an explicit rank, then how well
 * each service matches. Each chosen service carries its reasons, so the results can explain them.
 */
import type { Contact, Flow, OutcomeStep, QuestionStep, Service, SupportType } from './schema.js';
import type { Answers } from './routing.js';
import { chosenOptions } from './routing.js';
import { audienceOf, collectedTags, indexOf } from './session.js';

/** Why a service was suggested; the view puts each into words. */
export type Reason =
  | { kind: 'need'; tag: string; step: string; option: string }
  | { kind: 'age'; age: number; min?: number; max?: number }
  | { kind: 'area'; area: string; step: string }
  | { kind: 'free' }
  | { kind: 'support-type'; type: SupportType; step: string };

export interface Match {
  service: Service;
  reasons: Reason[];
}

export interface OutcomeResult {
  /** Services chosen by what was answered, best first, at most the outcome's limit. */
  matches: Match[];
  /** The outcome's always-include services not already among the matches: shown to everyone. */
  always: Match[];
  /**
   * True when no service matched the person's needs: show the outcome's noMatch message and
   * `fallback`. Always-included services never count as matches: they are shown to everyone.
   */
  nothingMatched: boolean;
  fallback: Match[];
  /** "me" or another audience value, for wording the reasons. */
  audience: string | undefined;
}

/** What the answers on the path say about the person, as matching needs it. */
export interface Profile {
  age?: { value: number; step: string };
  area?: { value: string; step: string };
  supportTypes?: { values: SupportType[]; step: string };
  freeOnly: boolean;
  needs: Array<{ tag: string; step: string; option: string }>;
}

export function profileOf(flow: Flow, answers: Answers): Profile {
  const profile: Profile = { freeOnly: false, needs: collectedTags(flow, answers) };
  for (const [stepId, answer] of Object.entries(answers)) {
    const step = indexOf(flow).steps.get(stepId);
    if (step?.kind !== 'question' || step.about === undefined || answer === null) continue;
    const about = step.about;
    if (about === 'age' && typeof answer === 'number') profile.age = { value: answer, step: stepId };
    if (about === 'area' && typeof answer === 'string') profile.area = { value: answer, step: stepId };
    if (about === 'free-only') profile.freeOnly = answer === 'yes';
    if (about === 'support-type') {
      const values = chosenOptions(step as QuestionStep, answer).map((o) => o.value as SupportType);
      if (values.length > 0) profile.supportTypes = { values, step: stepId };
    }
  }
  return profile;
}

/**
 * Whether the service is open to this person at all (age, area), with the reasons that make
 * it fit. A service outside someone's age or area is never suggested, not even as a fallback.
 * `anyArea` lists local services when no area is known (the directory lists the catalogue;
 * suggestions never guess where someone lives).
 */
export function openTo(service: Service, profile: Profile, anyArea = false): Reason[] | null {
  const reasons: Reason[] = [];
  const { ages } = service;
  if (ages && (ages.min !== undefined || ages.max !== undefined) && profile.age) {
    const age = profile.age.value;
    if ((ages.min !== undefined && age < ages.min) || (ages.max !== undefined && age > ages.max)) return null;
    reasons.push({ kind: 'age', age, min: ages.min, max: ages.max });
  }
  if (service.areas && (profile.area || !anyArea)) {
    // A local service is only suggested when we know the person is in its area.
    if (!profile.area || !service.areas.includes(profile.area.value)) return null;
    reasons.push({ kind: 'area', area: profile.area.value, step: profile.area.step });
  }
  return reasons;
}

/** The contact a person needs on the card to use each kind of remote support. */
export const CONTACT_FOR: Partial<Record<SupportType, Contact['type']>> = {
  helpline: 'phone',
  text: 'sms',
  email: 'email',
  chat: 'website',
  online: 'website',
};

/** Whether the service is what they asked for (free only, kinds of support), with reasons. */
export function wanted(service: Service, profile: Profile): Reason[] | null {
  const reasons: Reason[] = [];
  if (profile.freeOnly) {
    if (service.cost === 'paid') return null;
    if (service.cost === 'free') reasons.push({ kind: 'free' });
  }
  if (profile.supportTypes) {
    const { values, step } = profile.supportTypes;
    const offered = values.filter((t) => service.supportTypes?.includes(t));
    if (offered.length === 0) return null;
    // Said only when the card shows a way to get that support: no "phone support" without a number.
    for (const type of offered) {
      const contact = CONTACT_FOR[type];
      if (!contact || service.contact.some((c) => c.type === contact)) reasons.push({ kind: 'support-type', type, step });
    }
  }
  return reasons;
}

function needReasons(service: Service, profile: Profile): Reason[] {
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  for (const need of profile.needs) {
    // One reason per answer chosen, however many of its tags the service helps with.
    const answer = `${need.step}\u0000${need.option}`;
    if (!service.helpsWith?.includes(need.tag) || seen.has(need.tag) || seen.has(answer)) continue;
    seen.add(need.tag).add(answer);
    reasons.push({ kind: 'need', ...need });
  }
  return reasons;
}

const DEFAULT_LIMIT = 5;

export function matchServices(flow: Flow, outcome: OutcomeStep, answers: Answers): OutcomeResult {
  const { services } = indexOf(flow);
  const profile = profileOf(flow, answers);
  const hasNeeds = profile.needs.length > 0;
  const requireTagMatch = outcome.requireTagMatch ?? true;
  const candidates = outcome.services
    ? outcome.services.map((id) => services.get(id)).filter((s): s is Service => s !== undefined)
    : flow.services;

  const scored: Array<Match & { score: number; order: number }> = [];
  candidates.forEach((service, order) => {
    const open = openTo(service, profile);
    const preferred = open && wanted(service, profile);
    if (!open || !preferred) return;
    const eligible = [...open, ...preferred];
    const needs = needReasons(service, profile);
    const specific = (service.helpsWith?.length ?? 0) > 0;
    if (requireTagMatch && hasNeeds && specific && needs.length === 0) return;
    const score = needs.length * 10 + eligible.filter((r) => r.kind !== 'free').length;
    scored.push({ service, reasons: [...needs, ...eligible], score, order });
  });

  const alwaysIds = new Set(outcome.alwaysInclude ?? []);
  scored.sort(
    (a, b) =>
      (a.service.rank ?? Infinity) - (b.service.rank ?? Infinity) ||
      b.score - a.score ||
      a.order - b.order
  );
  const matches = scored
    .filter((m) => !alwaysIds.has(m.service.id))
    .slice(0, outcome.limit ?? DEFAULT_LIMIT)
    .map(({ service, reasons }) => ({ service, reasons }));
  const shown = new Set(matches.map((m) => m.service.id));

  const eligibleList = (ids: readonly string[] | undefined): Match[] =>
    (ids ?? []).flatMap((id) => {
      const service = services.get(id);
      if (!service || shown.has(id)) return [];
      // Always-include and fallback services ignore preferences, but never age or area.
      const reasons = openTo(service, profile);
      return reasons ? [{ service, reasons: [...needReasons(service, profile), ...reasons] }] : [];
    });

  const always = eligibleList(outcome.alwaysInclude);
  const nothingMatched = matches.length === 0;
  return {
    matches,
    always,
    nothingMatched,
    fallback: nothingMatched ? eligibleList(outcome.fallback).filter((m) => !always.some((a) => a.service.id === m.service.id)) : [],
    audience: audienceOf(flow, answers),
  };
}

/**
 * The reasons worth reading on a page of results. A reason that every card shares ("It is
 * free", the same answer chosen) tells nothing about any one of them, so it is left out when
 * more than one card is shown. An age reason is kept only for a service with a bounded age
 * group (both a youngest and an oldest age): "for people aged up to 34, and you are 14" says
 * nothing a young person needs to know.
 */
export function reasonsWorthReading(matches: readonly Match[]): Match[] {
  const key = (r: Reason) => JSON.stringify(r);
  const everywhere = new Set(matches.length > 1 ? matches[0].reasons.map(key) : []);
  for (const m of matches.slice(1)) {
    const here = new Set(m.reasons.map(key));
    for (const k of everywhere) if (!here.has(k)) everywhere.delete(k);
  }
  return matches.map(({ service, reasons }) => ({
    service,
    reasons: reasons.filter((r) => !everywhere.has(key(r)) && (r.kind !== 'age' || (r.min !== undefined && r.max !== undefined))),
  }));
}
