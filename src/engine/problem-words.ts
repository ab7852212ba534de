/**
 * What each problem validateFlow finds means, in words a content designer can act on, and the
 * shape check's issues turned into those problems at the place the author most likely got
 * wrong. Used by the tools (reviewFlow, the command line, the flow map, the tests); the widget
 * itself shows only the codes, so none of this is in its bundle.
 */
import type { CodedProblem, ProblemCode, ProblemParams } from './validate.js';
import { MAX_DEPTH, formatPath, problem } from './validate.js';
import type { ShapeIssue } from './shape.js';
import { FORMAT_VERSION } from './version.js';
import { hasOddCharacter, type OddCharacter } from './odd-text.js';
import type { Contact, Service } from './schema.js';
import { CONTACT_FOR } from './matching.js';

type PathPart = PropertyKey;
type Issue = ShapeIssue;

/** A problem in words: where it is and what is wrong. */
export interface FlowProblem {
  /** Where the problem is, as a JSON path: `steps[3].options[1].next`. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
  /** Set on reviewFlow's warnings about a missing translation, so tools can group them. */
  kind?: 'translation';
}

export function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the text '${shown}'`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a group of settings';
  return String(value);
}

const EXPECTED: Record<string, string> = {
  string: 'text in quotes',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list in square brackets [ … ]',
  object: 'a group of settings in curly brackets { … }',
  record: 'a group of settings in curly brackets { … }',
};

/**
 * A value from the flow as a problem carries it: enough to describe it (describeValue says the
 * same of this as of the value), never a whole list or group.
 */
function shown(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (typeof value === 'object' && value) return {};
  return typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let here = root;
  for (const part of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[part];
  }
  return here;
}

/**
 * Lower score: the branch of a union the author most likely meant. A wrong `discriminator`
 * (a step's kind, a contact's type) rules a branch out; any other problem only counts against it.
 */
function branchScore(issues: readonly Issue[], discriminator: string): number {
  return issues.reduce((score, issue) => {
    if (issue.path.length === 0 && issue.code === 'invalid_type') return score + 1000;
    if (issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === discriminator) return score + 1000;
    if (issue.code === 'unrecognized_keys') return score + 10 * issue.keys.length;
    return score + 1;
  }, 0);
}

function unionProblem(path: readonly PathPart[], root: unknown): CodedProblem {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const at = formatPath(path);
  if (parent === 'steps') {
    const kind = valueAt(root, [...path, 'kind']);
    const where = formatPath([...path, 'kind']);
    return kind === undefined ? problem(where, 'step-kind') : problem(where, 'step-kind', shown(kind));
  }
  if (last === 'when' || last === 'not' || parent === 'all' || parent === 'any') return problem(at, 'not-condition');
  if (parent === 'contact') return problem(at, 'contact-type');
  return problem(at, 'not-text');
}

function explainIssue(issue: Issue, root: unknown, base: readonly PathPart[]): CodedProblem[] {
  const path = [...base, ...issue.path];
  const at = formatPath(path);
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_type':
      return [value === undefined ? problem(at, 'missing') : problem(at, 'wrong-type', issue.expected, shown(value))];
    case 'unrecognized_keys':
      return issue.keys.map((key) => problem(formatPath([...path, key]), 'unknown-setting', key));
    case 'invalid_value':
      return [value === undefined ? problem(at, 'missing') : problem(at, 'not-allowed-value', shown(value), ...issue.values.map(String))];
    case 'invalid_format': {
      const last = path[path.length - 1];
      return [problem(at, typeof last === 'string' && /locale/i.test(last) ? 'not-language' : 'not-name', shown(value))];
    }
    case 'invalid_key':
      return [problem(at, 'not-language-key', String(path[path.length - 1]))];
    case 'invalid_union': {
      if (value === undefined) return [problem(at, 'missing')];
      const discriminator = path[path.length - 2] === 'contact' ? 'type' : 'kind';
      const score = (issues: readonly Issue[]) => branchScore(issues, discriminator);
      const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0];
      if (!best || score(best) >= 1000) return [unionProblem(path, root)];
      return best.flatMap((inner) => explainIssue(inner, root, path));
    }
    default:
      return [problem(at, 'not-allowed')];
  }
}

/** Zod issues (or the shape check's), as problems, each once. Exported for tests and tools. */
export function explainSchemaIssues(issues: readonly Issue[], root: unknown): CodedProblem[] {
  const seen = new Set<string>();
  return issues
    .flatMap((issue) => explainIssue(issue, root, []))
    .filter((problem) => {
      const key = JSON.stringify(problem);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const MISSING = 'this is required but missing';

/** A value with its invisible characters written out, so the author can see what to delete. */
function visible(value: string): string {
  return value.replace(/[^\x20-\x7e]/gu, (c) => (hasOddCharacter(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c));
}

const ODD_WORDS: Record<OddCharacter, string> = {
  surrogate: 'half of an emoji or other character that was cut in two (it shows as �)',
  control: 'an invisible control character (it is removed)',
  bidi: 'a character that changes the direction text reads in, which can make a number or a word read backwards (it is removed)',
};

/** Why a contact detail was refused, saying so when it holds a character that cannot be seen. */
function contactWords(value: string, what: string, fix: string, uses: string): string {
  return hasOddCharacter(value)
    ? `'${visible(value)}' is not ${what}: it holds an invisible or direction-changing character (written here as \\u…), so what people see may not be what their ${uses} uses; ${fix}`
    : `'${value}' is not ${what}: ${fix}`;
}

const WORDS: { [C in ProblemCode]: (...params: ProblemParams[C]) => string } = {
  'wrong-shape': () => 'this file does not have the shape of a flow: support-finder check says where and what is wrong',
  missing: () => MISSING,
  'wrong-type': (expected, value) => `should be ${EXPECTED[expected] ?? expected}, but it is ${describeValue(value)}`,
  'unknown-setting': (key) => `there is no setting called '${key}' here; check the spelling, or remove it`,
  'not-allowed-value': (value, ...allowed) =>
    `should be ${allowed.length === 1 ? '' : 'one of '}${allowed.map((v) => `'${v}'`).join(', ')}, but it is ${describeValue(value)}`,
  'not-language': (value) => `${describeValue(value)} is not a language code such as 'en' or 'cy'`,
  'not-language-key': (key) => `'${key}' is not a language code such as 'en' or 'cy'`,
  'not-name': (value) => `${describeValue(value)} is not a valid name here: use lower-case letters, digits and hyphens, such as 'self-harm'`,
  'step-kind': (...value: [] | [unknown]) =>
    `${value.length === 0 ? MISSING : `should be one of 'question', 'info', 'outcome', 'urgent', but it is ${describeValue(value[0])}`}: it says which kind of step this is`,
  'not-condition': () =>
    'this is not a condition: use one of "all", "any", "not", "answer" (with "equals", "includes", "gt", "gte", "lt", "lte" or "answered"), "tag" or "audience"',
  'contact-type': () => 'a contact needs a "type" of phone, sms, website, email or address',
  'not-text': () => 'should be text in quotes, or one text per language such as {"en": "…", "cy": "…"}',
  'not-allowed': () => 'this value is not allowed here',
  'not-object': () => 'a flow file must be one group of settings in curly brackets { … }',
  'newer-format': (version) => `this flow uses format version ${version}, but this finder reads version ${FORMAT_VERSION}: update the finder`,
  unpublished: () => 'publish this flow with support-finder publish first',
  'too-deep': () => `this is nested more than ${MAX_DEPTH} levels deep: put fewer conditions inside conditions`,
  unchecked: (reason) => `the flow could not be checked (${reason})`,
  'duplicate-step': (id) => `another step is already called '${id}'; every step needs its own id`,
  'duplicate-service': (id) => `another service is already called '${id}'; every service needs its own id`,
  'unknown-step': (id) => `there is no step called '${id}'`,
  'unknown-service': (id) => `there is no service called '${id}' in "services"`,
  'unsafe-link': (href) => `the link '${href}' is not allowed: links must start with https:, http:, tel:, sms: or mailto:`,
  'not-web-address': (url) => contactWords(url, 'a web address', 'it must start with https:// (or http://)', 'browser'),
  'not-phone-number': (number) =>
    contactWords(number, 'a phone number', 'use only digits, spaces, brackets, hyphens and an optional leading +', 'phone'),
  'not-email-address': (address) =>
    contactWords(address, 'an email address people can write to', 'use one address such as help@example.org, with no spaces, ?, &, # or commas', 'email program'),
  'odd-text': (...kinds) =>
    `this text holds ${kinds.map((k) => ODD_WORDS[k]).join(', and ')}; the finder shows it mended, but type the text again to be sure it says what you mean`,
  'urgent-not-urgent': (id, kind) => `'${id}' is a ${kind} step, but urgent help must be an urgent step`,
  'no-urgent-step': () => 'there is no urgent step: add one (kind "urgent") so "Get help now" always has somewhere to go',
  'urgent-no-services': () => 'urgent help must list at least one service to contact',
  'info-no-next': () => 'this page has no next step: add "next"',
  'too-few-options': (type) => `a ${type === 'select' ? 'list' : 'choice'} question needs at least two options`,
  'yesno-options': () => 'a yes/no question has exactly two options, with the values "yes" and "no"',
  'not-whole-number': (value) => `${value} is not a whole number a person can type: use a whole number such as 11`,
  'min-above-max': (min, max) => `the smallest number (${min}) is larger than the largest (${max})`,
  'question-no-next': () => 'this question has no next step: add "next" (where to go when no rule applies)',
  'no-outcome-step': () => 'there is no outcome step: add one (kind "outcome") so people can see which services fit them',
  unreachable: (id) => `no route leads to the step '${id}', so nobody will see it`,
  loop: (id) => `every route from the step '${id}' goes round in a loop and never reaches results or urgent help`,
};

/** What a problem found by validateFlow means, as the command line and the tools say it. */
export function problemInWords(problem: CodedProblem): string {
  const words = WORDS[problem.code] as (...params: readonly unknown[]) => string;
  return words(...(problem.params ?? []));
}

/** Problems with their words: the form reviewFlow, the command line and the tools report. */
export function inWords(problems: readonly CodedProblem[]): FlowProblem[] {
  return problems.map((problem) => ({ path: problem.path, message: problemInWords(problem) }));
}

/**
 * Where a service's structured fields and its own words disagree in ways a tool can see. The
 * widget draws badges and reasons from the structured fields only, so a disagreement here is a
 * badge or a reason that the card's own text contradicts ("Free", above "check whether it is
 * free"; "It offers phone support" on a card with no number to call).
 */
export function serviceDisagreements(service: Service): Array<{ path: string; message: string }> {
  const found: Array<{ path: string; message: string }> = [];
  const has = (type: Contact['type']) => service.contact.some((c) => c.type === type);
  const contactWords: Record<string, string> = { phone: 'phone number', sms: 'text message number ("sms")', email: 'email address', website: 'website' };
  service.supportTypes?.forEach((type, i) => {
    const contact = CONTACT_FOR[type];
    if (contact && !has(contact)) {
      found.push({ path: `supportTypes[${i}]`, message: `it says it offers '${type}' but has no ${contactWords[contact]} in "contact", so a card would offer support a person cannot reach from it` });
    }
  });
  // Every language and audience at once: the words are only searched, never shown.
  const words = JSON.stringify(service.description);
  if (service.cost === 'free' && MAYBE_PAID.test(words)) {
    found.push({ path: 'cost', message: `it says "cost": "free", but its description says it may not be ("${MAYBE_PAID.exec(words)?.[0]}"): use "free-and-paid", or reword the description` });
  }
  if (service.cost === 'paid' && /\bfree\b/i.test(words) && !MAYBE_PAID.test(words)) {
    found.push({ path: 'cost', message: 'it says "cost": "paid", but its description says it is free' });
  }
  return found;
}

/** Words that say a service may cost something, or that it is not free everywhere. */
const MAYBE_PAID = /\b(?:(?:whether|if) it(?: is|'s|’s) free|is it free|may (?:charge|cost)|might (?:charge|cost)|(?:fees?|charges?) (?:may )?apply|costs? (?:£|money|apply)|not (?:always )?free|pay for|low[- ]cost)\b/i;
