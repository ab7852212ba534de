/**
 * What each problem validateFlow finds means, in words a content designer can act on. Used by
 * the tools (reviewFlow, the command line, the flow map, the tests); the widget itself shows
 * only the codes, so none of these words are in its bundle.
 */
import type { CodedProblem, ProblemCode, ProblemParams } from './validate.js';
import { MAX_DEPTH } from './validate.js';
import { FORMAT_VERSION } from './version.js';

/** A problem in words: where it is and what is wrong. */
export interface FlowProblem {
  /** Where the problem is, as a JSON path: `steps[3].options[1].next`. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
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

const MISSING = 'this is required but missing';

const WORDS: { [C in ProblemCode]: (...params: ProblemParams[C]) => string } = {
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
  'not-web-address': (url) => `'${url}' is not a web address: it must start with https:// (or http://)`,
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
