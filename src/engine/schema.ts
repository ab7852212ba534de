/**
 * The flow format, defined once. TypeScript types are inferred from these schemas and
 * flows/flow.schema.json is generated from them (npm run schema), so the three never drift.
 *
 * The schemas check shape only. Whether a step named in `next` exists, whether every route
 * ends somewhere useful, and whether links are safe are checked in validate.ts, which also turns
 * every problem into a sentence a content designer can act on. At run time the engine checks
 * shape against the generated JSON Schema (shape.ts), so the widget does not carry zod.
 */
import * as z from 'zod/mini';
import { FORMAT_VERSION } from './version.js';

/** Ids of steps, options, services, areas and tags: lower case words joined by hyphens. */
export const Id = z.string().check(z.regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/));

export const LocaleCode = z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/));

/** Words shown to a person: one string, or one string per locale ({"en": "…", "cy": "…"}). */
export const LocalisedText = z.union([z.string(), z.record(LocaleCode, z.string())]);

/**
 * Text that may change with who the finder is used for: `default` is used for the person
 * themselves, and `audience` holds variants keyed by the audience question's option values.
 */
export const AudienceText = z.strictObject({
  default: LocalisedText,
  audience: z.record(Id, LocalisedText),
});

export const Text = z.union([AudienceText, LocalisedText]);

export const SupportType = z.enum([
  'helpline',
  'text',
  'chat',
  'email',
  'online',
  'app',
  'counselling',
  'drop-in',
  'group',
  'face-to-face',
  'self-help',
  'emergency',
]);

export const Contact = z.union([
  z.strictObject({ type: z.literal('phone'), number: z.string(), label: z.optional(Text) }),
  z.strictObject({
    type: z.literal('sms'),
    number: z.string(),
    keyword: z.optional(z.string()),
    label: z.optional(Text),
  }),
  z.strictObject({ type: z.literal('website'), url: z.string(), label: z.optional(Text) }),
  z.strictObject({ type: z.literal('email'), address: z.string(), label: z.optional(Text) }),
  z.strictObject({ type: z.literal('address'), text: Text }),
]);

export const Service = z.strictObject({
  id: Id,
  name: Text,
  description: Text,
  /** Ages the service is for, inclusive. */
  ages: z.optional(
    z.strictObject({ min: z.optional(z.number()), max: z.optional(z.number()) })
  ),
  /** Area ids (values of the area question's options). Absent: available everywhere. */
  areas: z.optional(z.array(Id)),
  /** Tags the service helps with. Empty or absent: general support for anyone. */
  helpsWith: z.optional(z.array(Id)),
  supportTypes: z.optional(z.array(SupportType)),
  cost: z.optional(z.enum(['free', 'paid', 'free-and-paid'])),
  access: z.optional(z.enum(['self-referral', 'referral', 'self-or-referral'])),
  contact: z.array(Contact),
  hours: z.optional(Text),
  /** Lower ranks are listed first; unranked services follow, best match first. */
  rank: z.optional(z.number()),
});

/** A comparison with an earlier answer. Exactly one operator is expected. */
export const AnswerCondition = z.strictObject({
  answer: Id,
  equals: z.optional(z.union([z.string(), z.number()])),
  includes: z.optional(z.string()),
  gt: z.optional(z.number()),
  gte: z.optional(z.number()),
  lt: z.optional(z.number()),
  lte: z.optional(z.number()),
  answered: z.optional(z.boolean()),
});

export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
export type Condition =
  | AllCondition
  | AnyCondition
  | NotCondition
  | z.infer<typeof AnswerCondition>
  | { tag: string }
  | { audience: string };

export const Condition: z.ZodMiniType<Condition> = z.union([
  z.strictObject({
    get all() {
      return z.array(Condition);
    },
  }),
  z.strictObject({
    get any() {
      return z.array(Condition);
    },
  }),
  z.strictObject({
    get not() {
      return Condition;
    },
  }),
  AnswerCondition,
  z.strictObject({ tag: Id }),
  z.strictObject({ audience: Id }),
  ]);

export const Rule = z.strictObject({ when: Condition, next: Id });

export const Option = z.strictObject({
  value: Id,
  label: Text,
  hint: z.optional(Text),
  /** Tags this answer adds to what the person needs. */
  tags: z.optional(z.array(Id)),
  /** Choosing this option goes straight to urgent help. */
  urgent: z.optional(z.boolean()),
  /** Where this option leads, before the step's own rules. */
  next: z.optional(Id),
  /** Multiple choice only: "none of these" — cannot be combined with other options. */
  exclusive: z.optional(z.boolean()),
});

const routing = {
  /** Ordered rules: the first whose condition holds decides the next step. */
  rules: z.optional(z.array(Rule)),
  /** The next step when no rule applies. */
  next: z.optional(Id),
};

export const QuestionStep = z.strictObject({
  id: Id,
  kind: z.literal('question'),
  type: z.enum(['single', 'multiple', 'yesno', 'number', 'select']),
  question: Text,
  hint: z.optional(Text),
  options: z.optional(z.array(Option)),
  /** Number questions: the smallest and largest whole numbers accepted. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** The person may skip it; `skipLabel` names the button, e.g. "Prefer not to say". */
  optional: z.optional(z.boolean()),
  skipLabel: z.optional(Text),
  /** What the answer tells service matching. */
  about: z.optional(z.enum(['age', 'area', 'support-type', 'free-only'])),
  /**
   * Select questions: `radios`, or `list` (a drop-down). Default: radios up to
   * SELECT_RADIOS_UP_TO options, as GOV.UK and NHS.UK advise against drop-downs; a list above.
   */
  display: z.optional(z.enum(['radios', 'list'])),
  /**
   * Number questions: the step a number below `min` or above `max` leads to (the answer is
   * kept), instead of an error; e.g. a page for people outside the ages the finder is for.
   */
  outOfRange: z.optional(Id),
  /** What to say when the question is not answered, naming it: "Select who you are looking for support for". */
  errorMessage: z.optional(Text),
  ...routing,
});


export const InfoStep = z.strictObject({
  id: Id,
  kind: z.literal('info'),
  title: Text,
  /** Paragraphs, "- " lists, **bold** and [links](https://…). Never HTML. */
  body: Text,
  continueLabel: z.optional(Text),
  ...routing,
});

export const OutcomeStep = z.strictObject({
  id: Id,
  kind: z.literal('outcome'),
  title: Text,
  body: z.optional(Text),
  /** Services to choose from; absent means the whole catalogue. */
  services: z.optional(z.array(Id)),
  /** Only services that help with at least one collected tag (default true). */
  requireTagMatch: z.optional(z.boolean()),
  /** The most matched services to show (default 5). */
  limit: z.optional(z.number()),
  /** How many services lead the results; the rest go under "More services" (default 3). */
  lead: z.optional(z.number()),
  /** Shown after the matches whatever was answered, e.g. national helplines. */
  alwaysInclude: z.optional(z.array(Id)),
  /** Shown when nothing matched, with `fallback` services. */
  noMatch: z.optional(Text),
  fallback: z.optional(z.array(Id)),
});

export const UrgentStep = z.strictObject({
  id: Id,
  kind: z.literal('urgent'),
  title: Text,
  body: z.optional(Text),
  /** Services to contact right now, in order. */
  services: z.array(Id),
  /**
   * The way on after urgent help, routed like an info step, normally to results for people at
   * risk. Absent (or no rule applies): the finder offers the A-Z list of all services instead.
   */
  continueLabel: z.optional(Text),
  ...routing,
});

export const Step = z.union([QuestionStep, InfoStep, OutcomeStep, UrgentStep]);

/**
 * A gap the authors know about and accept: answers that end at results where no service matches
 * (only always-included or fallback services are shown). The finder ignores it; `support-finder
 * check` reports routes it covers as known gaps instead of errors, with the reason.
 */
export const KnownGap = z.strictObject({
  /** The outcome step; absent means any outcome. */
  outcome: z.optional(Id),
  /** The answers that make the gap, written like a routing rule's condition. */
  when: Condition,
  /** Why it is accepted, for the people who sign the flow off. */
  reason: z.string(),
});

/**
 * A directory of services published elsewhere, in Open Referral UK (v1) or HSDS 3 JSON, whose
 * services join the flow's own. The widget never fetches it: `support-finder publish` reads it
 * and writes a flow with the services merged in (see docs/flow-format.md).
 */
export const ServiceDirectory = z.strictObject({
  /** A JSON file, relative to the flow file, or an https:// address (read by `publish` only). */
  source: z.string(),
  /** The format of the document; only "openreferral" (Open Referral UK v1 or HSDS 3) so far. */
  format: z.optional(z.literal('openreferral')),
  /** Put before every service id from this directory, so ids never clash (default "oruk"). */
  idPrefix: z.optional(Id),
  /** Taxonomy terms (by id, code or name) and the flow tags each one means. */
  tags: z.optional(z.record(z.string(), z.array(Id))),
  /** Service areas (by name or id) and the flow's area id each one means. */
  areas: z.optional(z.record(z.string(), Id)),
  /** Taxonomy terms (by id, code or name) and the kinds of support each one means. */
  supportTypes: z.optional(z.record(z.string(), z.array(SupportType))),
  /** Only these services of the directory (by their id in the directory); absent: all of them. */
  include: z.optional(z.array(z.string())),
});

export const Flow = z.strictObject({
  $schema: z.optional(z.string()),
  formatVersion: z.literal(FORMAT_VERSION),
  id: Id,
  /** The content version, e.g. "2026-11-24"; used to key saved progress. */
  version: z.optional(z.string()),
  title: Text,
  description: z.optional(Text),
  defaultLocale: LocaleCode,
  /** The first step; absent means the first in `steps`. */
  start: z.optional(Id),
  /** The step "Get help now" and urgent answers lead to; absent means the first urgent step. */
  urgentStep: z.optional(Id),
  /** The question whose answer says who the finder is used for, and its value for "me". */
  audience: z.optional(z.strictObject({ question: Id, self: Id })),
  /** The first screen's link to every service, A to Z, for the adults who want the list. */
  directoryLink: z.optional(Text),
  steps: z.array(Step),
  services: z.array(Service),
  /** Gaps declared on purpose; see KnownGap. */
  knownGaps: z.optional(z.array(KnownGap)),
  /** Directories whose services `support-finder publish` merges into `services`. */
  serviceDirectories: z.optional(z.array(ServiceDirectory)),
});

export type LocalisedText = z.infer<typeof LocalisedText>;
export type Text = z.infer<typeof Text>;
export type SupportType = z.infer<typeof SupportType>;
export type Contact = z.infer<typeof Contact>;
export type Service = z.infer<typeof Service>;
export type AnswerCondition = z.infer<typeof AnswerCondition>;
export type Rule = z.infer<typeof Rule>;
export type Option = z.infer<typeof Option>;
export type QuestionStep = z.infer<typeof QuestionStep>;
export type InfoStep = z.infer<typeof InfoStep>;
export type OutcomeStep = z.infer<typeof OutcomeStep>;
export type UrgentStep = z.infer<typeof UrgentStep>;
export type Step = z.infer<typeof Step>;
export type KnownGap = z.infer<typeof KnownGap>;
export type ServiceDirectory = z.infer<typeof ServiceDirectory>;
export type Flow = z.infer<typeof Flow>;
