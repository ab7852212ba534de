/**
 * Checking a flow, and saying where each problem is and which problem it is.
 *
 * Two passes: the flow's schema checks the shape; then the flow is checked as a whole — names that
 * point nowhere, questions with nowhere to go, routes that loop without reaching results, unsafe
 * links. Each problem is a short stable code with the names and values it is about; the words a
 * content designer reads are in problem-words.ts, used by the tools, so the widget does not carry
 * them (it lists the codes and sends the site owner to `npx support-finder check`).
 */
import { FLOW_SCHEMA } from './flow-schema.js';
import { isSafeHref, linksIn } from './markup.js';
import type { Contact, Flow, Text } from './schema.js';
import { hasOddCharacter, oddText, type OddCharacter } from './odd-text.js';
import { allVariants } from './text.js';
import { fitsShape } from './shape.js';
import { FORMAT_VERSION } from './version.js';
import { possibleNextSteps } from './routing.js';

/**
 * Every problem validateFlow can find, with what it carries. A value from the flow is carried
 * shortened; problem-words.ts has the sentence for each.
 */
export interface ProblemParams {
  /** The shape check failed here (the widget's only shape problem; see explainSchemaIssues). */
  'wrong-shape': [];
  missing: [];
  /** The JSON type the schema expects, and the value found. */
  'wrong-type': [expected: string, value: unknown];
  'unknown-setting': [key: string];
  /** The value found, then the values allowed. */
  'not-allowed-value': [value: unknown, ...allowed: string[]];
  'not-language': [value: unknown];
  'not-language-key': [key: string];
  'not-name': [value: unknown];
  /** A step's kind is missing (no params) or not one of the four. */
  'step-kind': [] | [value: unknown];
  'not-condition': [];
  'contact-type': [];
  'not-text': [];
  'not-allowed': [];
  'not-object': [];
  'newer-format': [version: number];
  unpublished: [];
  'too-deep': [];
  unchecked: [reason: string];
  'duplicate-step': [id: string];
  'duplicate-service': [id: string];
  'unknown-step': [id: string];
  'unknown-service': [id: string];
  'unsafe-link': [href: string];
  'not-web-address': [url: string];
  'not-phone-number': [number: string];
  'not-email-address': [address: string];
  /** A text holds characters that are mended at load (a warning): which kinds. */
  'odd-text': OddCharacter[];
  'urgent-not-urgent': [id: string, kind: string];
  'no-urgent-step': [];
  'urgent-no-services': [];
  'info-no-next': [];
  'too-few-options': [type: string];
  'yesno-options': [];
  'not-whole-number': [value: number];
  'min-above-max': [min: number, max: number];
  'question-no-next': [];
  'no-outcome-step': [];
  unreachable: [id: string];
  loop: [id: string];
}

export type ProblemCode = keyof ProblemParams;

/** One problem: where it is, which it is, and what it is about. */
export type CodedProblem = {
  [C in ProblemCode]: {
    /** Where the problem is, as a JSON path: `steps[3].options[1].next`. */
    path: string;
    code: C;
    params?: ProblemParams[C];
  };
}[ProblemCode];

export type Validation<P = CodedProblem> =
  | { ok: true; flow: Flow; warnings: P[] }
  | { ok: false; errors: P[]; warnings: P[] };

export function problem<C extends ProblemCode>(path: string, code: C, ...params: ProblemParams[C]): CodedProblem {
  return (params.length > 0 ? { path, code, params } : { path, code }) as CodedProblem;
}

/**
 * A problem as the widget lists it for the site owner: its code, and what it is about as JSON,
 * `unknown-step ("nowhere")`. `npx support-finder check` says the same in words.
 */
export function problemCode(problem: CodedProblem): string {
  return problem.params ? `${problem.code} (${JSON.stringify(problem.params).slice(1, -1)})` : problem.code;
}

/**
 * The one rule for contact details, used by the widget as it loads a flow and by `check`: a
 * phone or text number is ASCII digits, spaces, brackets and hyphens with an optional leading +
 * (so the digits shown are the digits dialled: no invisible or direction characters); an email
 * address has nothing that would add a recipient or a header to a mailto: link; a website is
 * http(s) with a host. None may hold a character that oddText would mend.
 */
export function contactProblem(contact: Contact, path: string): CodedProblem | undefined {
  const bad = (value: string, pattern: RegExp) => !pattern.test(value) || hasOddCharacter(value);
  if ((contact.type === 'phone' || contact.type === 'sms') && bad(contact.number, /^\+?\(?[0-9][0-9 ()-]*$/)) {
    return problem(`${path}.number`, 'not-phone-number', contact.number.slice(0, 40));
  }
  if (contact.type === 'email' && bad(contact.address, /^[^\s@?#&%/:"<>,;]+@[^\s@?#&%/:"<>,;]+\.[^\s@?#&%/:"<>,;]+$/)) {
    return problem(`${path}.address`, 'not-email-address', contact.address.slice(0, 60));
  }
  if (contact.type === 'website' && bad(contact.url, /^https?:\/\/[^\s/]+\.[^\s]+$/i)) {
    return problem(`${path}.url`, 'not-web-address', contact.url.slice(0, 60));
  }
  return undefined;
}

type Report = <C extends ProblemCode>(path: string, code: C, ...params: ProblemParams[C]) => void;
type PathPart = PropertyKey;

/** The path of a problem with the whole file rather than one place in it. */
export const WHOLE_FILE = '(the whole file)';

export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || WHOLE_FILE;
}

/**
 * How deep a flow may nest: far more than any real flow needs (the example flows reach about 15),
 * and little enough that no check ever runs out of call stack. Without a fixed limit, whether a
 * deeply nested flow passed would depend on how much stack happened to be left.
 */
export const MAX_DEPTH = 64;

interface Nested {
  value: unknown;
  depth: number;
  key?: PathPart;
  parent?: Nested;
}

/** The path to the first place nested deeper than MAX_DEPTH, found without recursion. */
function tooDeep(data: unknown): PathPart[] | undefined {
  const pending: Nested[] = [{ value: data, depth: 0 }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { value, depth } = node;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      const path: PathPart[] = [];
      for (let at: Nested | undefined = node; at?.key !== undefined; at = at.parent) path.unshift(at.key);
      return path;
    }
    for (const [key, item] of Object.entries(value)) {
      pending.push({ value: item, depth: depth + 1, key: Array.isArray(value) ? Number(key) : key, parent: node });
    }
  }
  return undefined;
}

/** Checks a parsed JSON value. Never throws: anything unexpected becomes an error in the list. */
export function validateFlow(data: unknown): Validation {
  try {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, errors: [problem(WHOLE_FILE, 'not-object')], warnings: [] };
    }
    const version = (data as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      return { ok: false, errors: [problem('formatVersion', 'newer-format', version)], warnings: [] };
    }
    // Directories are merged by the command-line tool: the widget requests nothing but the flow.
    if ('serviceDirectories' in data) {
      return { ok: false, errors: [problem('serviceDirectories', 'unpublished')], warnings: [] };
    }
    const deep = tooDeep(data);
    if (deep) {
      return { ok: false, errors: [problem(formatPath(deep), 'too-deep')], warnings: [] };
    }
    // Only whether the shape is right: where and why it is wrong is worked out by the tools
    // (reviewFlow, `support-finder check`), which keeps that code out of the widget.
    if (!fitsShape(FLOW_SCHEMA, data)) return { ok: false, errors: [problem(WHOLE_FILE, 'wrong-shape')], warnings: [] };
    const flow = data as Flow;
    const { errors, warnings } = checkFlow(flow);
    // Shown mended (loadFlow mends them), so a warning: the author should know what changed.
    for (const { path, kinds } of oddText(flow, false)) {
      const at = formatPath(path);
      if (!errors.some((e) => e.path === at)) warnings.push(problem(at, 'odd-text', ...kinds));
    }
    return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, flow, warnings };
  } catch (error) {
    return { ok: false, errors: [problem(WHOLE_FILE, 'unchecked', error instanceof Error ? error.message : 'unknown problem')], warnings: [] };
  }
}

/**
 * The whole-flow checks the widget needs before it runs a flow: every step and service named
 * exists, urgent help exists, every question can be answered and leads somewhere, no route
 * loops without a way out, and no link uses a scheme other than https, http, tel, sms, mailto. Authoring mistakes that do not stop a flow running are left to
 * reviewFlow (lint.ts). Assumes the shape is already valid.
 */
export function checkFlow(flow: Flow): { errors: CodedProblem[]; warnings: CodedProblem[] } {
  const errors: CodedProblem[] = [];
  const warnings: CodedProblem[] = [];
  const error: Report = (path, code, ...params) => errors.push(problem(path, code, ...params));
  const stepIndex = new Map<string, number>();
  flow.steps.forEach((step, i) => {
    if (stepIndex.has(step.id)) error(`steps[${i}].id`, 'duplicate-step', step.id);
    else stepIndex.set(step.id, i);
  });
  const serviceIds = new Set<string>();
  flow.services.forEach((service, i) => {
    if (serviceIds.has(service.id)) error(`services[${i}].id`, 'duplicate-service', service.id);
    serviceIds.add(service.id);
  });
  const stepRef = (path: string, id: string | undefined) => {
    if (id !== undefined && !stepIndex.has(id)) error(path, 'unknown-step', id);
  };
  const serviceRefs = (path: string, ids: readonly string[] | undefined) =>
    ids?.forEach((id, j) => {
      if (!serviceIds.has(id)) error(`${path}[${j}]`, 'unknown-service', id);
    });

  // Links in any words a flow shows: only https, http, tel, sms and mailto, never javascript:.
  const links = (path: string, text: Text | undefined) => {
    if (text === undefined) return;
    for (const variant of allVariants(text)) {
      for (const href of linksIn(variant.value)) {
        if (!isSafeHref(href)) error(`${path}${variant.path}`, 'unsafe-link', href.slice(0, 60));
      }
    }
  };
  flow.services.forEach((service, i) => {
    links(`services[${i}].description`, service.description);
    service.contact.forEach((contact, j) => {
      const found = contactProblem(contact, `services[${i}].contact[${j}]`);
      if (found) errors.push(found);
    });
  });

  const urgentId = flow.urgentStep ?? flow.steps.find((s) => s.kind === 'urgent')?.id;
  if (flow.urgentStep !== undefined) {
    stepRef('urgentStep', flow.urgentStep);
    const target = flow.steps[stepIndex.get(flow.urgentStep) ?? -1];
    if (target && target.kind !== 'urgent') error('urgentStep', 'urgent-not-urgent', flow.urgentStep, target.kind);
  } else if (urgentId === undefined) {
    error('steps', 'no-urgent-step');
  }
  stepRef('start', flow.start);

  flow.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    if (step.kind !== 'question') links(`${at}.body`, step.body);
    if (step.kind === 'outcome') {
      links(`${at}.noMatch`, step.noMatch);
      serviceRefs(`${at}.services`, step.services);
      serviceRefs(`${at}.alwaysInclude`, step.alwaysInclude);
      serviceRefs(`${at}.fallback`, step.fallback);
      return;
    }
    if (step.kind === 'urgent') {
      serviceRefs(`${at}.services`, step.services);
      if (step.services.length === 0) error(`${at}.services`, 'urgent-no-services');
    }
    stepRef(`${at}.next`, step.next);
    step.rules?.forEach((rule, j) => stepRef(`${at}.rules[${j}].next`, rule.next));
    if (step.kind === 'urgent') return;
    if (step.kind === 'info') {
      if (step.next === undefined) error(`${at}.next`, 'info-no-next');
      return;
    }
    const options = step.options ?? [];
    options.forEach((option, j) => stepRef(`${at}.options[${j}].next`, option.next));
    stepRef(`${at}.outOfRange`, step.outOfRange);
    if ((step.type === 'single' || step.type === 'multiple' || step.type === 'select') && options.length < 2) {
      error(`${at}.options`, 'too-few-options', step.type);
    }
    if (step.type === 'yesno' && step.options && options.map((o) => o.value).sort().join() !== 'no,yes') {
      error(`${at}.options`, 'yesno-options');
    }
    // A number question must accept at least one whole number a person can type.
    for (const bound of ['min', 'max'] as const) {
      const value = step[bound];
      if (value !== undefined && (!Number.isInteger(value) || Math.abs(value) > 1e15)) error(`${at}.${bound}`, 'not-whole-number', value);
    }
    if (step.min !== undefined && step.max !== undefined && step.min > step.max) error(`${at}.min`, 'min-above-max', step.min, step.max);
    const everyOptionRoutes = !step.optional && options.length > 0 && options.every((o) => o.next !== undefined || o.urgent);
    if (step.next === undefined && !everyOptionRoutes) error(`${at}.next`, 'question-no-next');
  });

  if (errors.length === 0) checkRoutes(flow, urgentId, error, (path, code, ...params) => warnings.push(problem(path, code, ...params)));
  return { errors, warnings };
}

/**
 * The flow's map: where each step can lead, and every step a person can reach: from the start,
 * and from urgent help, which "Get help now" opens from anywhere (with its way on).
 */
export function routeMap(flow: Flow, urgentId: string | undefined): { edges: Map<string, string[]>; reached: Set<string> } {
  const edges = new Map(flow.steps.map((step) => [step.id, possibleNextSteps(step, urgentId)]));
  const reached = new Set<string>([flow.start ?? flow.steps[0].id]);
  if (urgentId !== undefined) reached.add(urgentId);
  // A Set iterates in insertion order and keeps visiting what is added while iterating.
  for (const id of reached) for (const next of edges.get(id) ?? []) reached.add(next);
  return { edges, reached };
}

/** The steps from which one of `targets` can be reached (the targets too): the edges walked backwards. */
export function stepsLeadingTo(edges: ReadonlyMap<string, readonly string[]>, targets: Iterable<string>): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const [from, tos] of edges) {
    for (const to of tos) {
      const list = incoming.get(to);
      if (list) list.push(from);
      else incoming.set(to, [from]);
    }
  }
  const found = new Set(targets);
  for (const id of found) for (const from of incoming.get(id) ?? []) found.add(from);
  return found;
}

/** Every step must be reachable and must have a way through to results or urgent help. */
function checkRoutes(
  flow: Flow,
  urgentId: string | undefined,
  error: Report,
  warn: Report
) {
  if (flow.steps.length === 0) return;
  const { edges, reached } = routeMap(flow, urgentId);
  const finishes = stepsLeadingTo(edges, flow.steps.filter((s) => s.kind === 'outcome' || s.kind === 'urgent').map((s) => s.id));
  if (!flow.steps.some((s) => s.kind === 'outcome')) {
    error('steps', 'no-outcome-step');
  }
  flow.steps.forEach((step, i) => {
    if (!reached.has(step.id)) warn(`steps[${i}]`, 'unreachable', step.id);
    else if (!finishes.has(step.id)) error(`steps[${i}]`, 'loop', step.id);
  });
}
