/**
 * Checking a flow and explaining what is wrong in words a content designer can act on.
 *
 * Two passes: the zod schema checks the shape (and its issues are rewritten into sentences here,
 * never shown raw); then the flow is checked as a whole — names that point nowhere, questions
 * with nowhere to go, routes that loop without reaching results, unsafe links.
 */
import { FLOW_SCHEMA } from './flow-schema.js';
import { isSafeHref, linksIn } from './markup.js';
import type { Flow, Text } from './schema.js';
import { allVariants } from './text.js';
import { checkShape, type ShapeIssue } from './shape.js';
import { FORMAT_VERSION } from './version.js';
import { possibleNextSteps } from './routing.js';

export interface FlowProblem {
  /** Where the problem is, as a JSON path: `steps[3].options[1].next`. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
}

export type Validation =
  | { ok: true; flow: Flow; warnings: FlowProblem[] }
  | { ok: false; errors: FlowProblem[]; warnings: FlowProblem[] };

type PathPart = PropertyKey;
type Issue = ShapeIssue;

export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(the whole file)';
}

function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let here = root;
  for (const part of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[part];
  }
  return here;
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

function unionMessage(path: readonly PathPart[], root: unknown): FlowProblem {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const at = formatPath(path);
  if (parent === 'steps') {
    const kind = valueAt(root, [...path, 'kind']);
    return {
      path: formatPath([...path, 'kind']),
      message: `${kind === undefined ? 'this is required but missing' : `should be one of 'question', 'info', 'outcome', 'urgent', but it is ${describeValue(kind)}`}: it says which kind of step this is`,
    };
  }
  if (last === 'when' || last === 'not' || parent === 'all' || parent === 'any') {
    return { path: at, message: 'this is not a condition: use one of "all", "any", "not", "answer" (with "equals", "includes", "gt", "gte", "lt", "lte" or "answered"), "tag" or "audience"' };
  }
  if (parent === 'contact') {
    return { path: at, message: 'a contact needs a "type" of phone, sms, website, email or address' };
  }
  return { path: at, message: 'should be text in quotes, or one text per language such as {"en": "…", "cy": "…"}' };
}

function explainIssue(issue: Issue, root: unknown, base: readonly PathPart[]): FlowProblem[] {
  const path = [...base, ...issue.path];
  const at = formatPath(path);
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return [{ path: at, message: 'this is required but missing' }];
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return [{ path: at, message: `should be ${expected}, but it is ${describeValue(value)}` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: `there is no setting called '${key}' here; check the spelling, or remove it`,
      }));
    case 'invalid_value': {
      if (value === undefined) return [{ path: at, message: 'this is required but missing' }];
      const allowed = issue.values.map((v) => `'${String(v)}'`).join(', ');
      return [
        {
          path: at,
          message:
            issue.values.length === 1
              ? `should be ${allowed}, but it is ${describeValue(value)}`
              : `should be one of ${allowed}, but it is ${describeValue(value)}`,
        },
      ];
    }
    case 'invalid_format': {
      if (path[path.length - 1] === 'defaultLocale' || typeof path[path.length - 1] === 'string' && /locale/i.test(String(path[path.length - 1]))) {
        return [{ path: at, message: `${describeValue(value)} is not a language code such as 'en' or 'cy'` }];
      }
      return [
        {
          path: at,
          message: `${describeValue(value)} is not a valid name here: use lower-case letters, digits and hyphens, such as 'self-harm'`,
        },
      ];
    }
    case 'invalid_key':
      return [{ path: at, message: `'${String(path[path.length - 1])}' is not a language code such as 'en' or 'cy'` }];
    case 'invalid_union': {
      if (value === undefined) {
        return [{ path: at, message: 'this is required but missing' }];
      }
      const discriminator = path[path.length - 2] === 'contact' ? 'type' : 'kind';
      const score = (issues: readonly Issue[]) => branchScore(issues, discriminator);
      const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0];
      if (!best || score(best) >= 1000) return [unionMessage(path, root)];
      return best.flatMap((inner) => explainIssue(inner, root, path));
    }
    default:
      return [{ path: at, message: 'this value is not allowed here' }];
  }
}

/** Zod issues, rewritten as sentences. Exported for tests of the wording. */
export function explainSchemaIssues(issues: readonly Issue[], root: unknown): FlowProblem[] {
  const seen = new Set<string>();
  return issues
    .flatMap((issue) => explainIssue(issue, root, []))
    .filter((problem) => {
      const key = `${problem.path}\u0000${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * How deep a flow may nest: far more than any real flow needs (the example flows reach about 15),
 * and little enough that no check ever runs out of call stack. Without a fixed limit, whether a
 * deeply nested flow passed would depend on how much stack happened to be left.
 */
const MAX_DEPTH = 64;

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
      return {
        ok: false,
        errors: [{ path: '(the whole file)', message: 'a flow file must be one group of settings in curly brackets { … }' }],
        warnings: [],
      };
    }
    const version = (data as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      return {
        ok: false,
        errors: [{ path: 'formatVersion', message: `this flow uses format version ${version}, but this finder reads version ${FORMAT_VERSION}: update the finder` }],
        warnings: [],
      };
    }
    // Directories are merged by the command-line tool: the widget requests nothing but the flow.
    if ('serviceDirectories' in data) {
      return { ok: false, errors: [{ path: 'serviceDirectories', message: 'publish this flow with support-finder publish first' }], warnings: [] };
    }
    const deep = tooDeep(data);
    if (deep) {
      return {
        ok: false,
        errors: [{ path: formatPath(deep), message: `this is nested more than ${MAX_DEPTH} levels deep: put fewer conditions inside conditions` }],
        warnings: [],
      };
    }
    const issues = checkShape(FLOW_SCHEMA, data);
    if (issues.length > 0) return { ok: false, errors: explainSchemaIssues(issues, data), warnings: [] };
    const flow = data as Flow;
    const { errors, warnings } = checkFlow(flow);
    return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, flow, warnings };
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '(the whole file)', message: `the flow could not be checked (${error instanceof Error ? error.message : 'unknown problem'})` }],
      warnings: [],
    };
  }
}

/**
 * The whole-flow checks the widget needs before it runs a flow: every step and service named
 * exists, urgent help exists, every question can be answered and leads somewhere, no route
 * loops without a way out, and no link uses a scheme other than https, http, tel, sms, mailto. Authoring mistakes that do not stop a flow running are left to
 * reviewFlow (lint.ts). Assumes the shape is already valid.
 */
export function checkFlow(flow: Flow): { errors: FlowProblem[]; warnings: FlowProblem[] } {
  const errors: FlowProblem[] = [];
  const warnings: FlowProblem[] = [];
  const error = (path: string, message: string) => errors.push({ path, message });
  const stepIndex = new Map<string, number>();
  flow.steps.forEach((step, i) => {
    if (stepIndex.has(step.id)) error(`steps[${i}].id`, `another step is already called '${step.id}'; every step needs its own id`);
    else stepIndex.set(step.id, i);
  });
  const serviceIds = new Set<string>();
  flow.services.forEach((service, i) => {
    if (serviceIds.has(service.id)) error(`services[${i}].id`, `another service is already called '${service.id}'; every service needs its own id`);
    serviceIds.add(service.id);
  });
  const stepRef = (path: string, id: string | undefined) => {
    if (id !== undefined && !stepIndex.has(id)) error(path, `there is no step called '${id}'`);
  };
  const serviceRefs = (path: string, ids: readonly string[] | undefined) =>
    ids?.forEach((id, j) => {
      if (!serviceIds.has(id)) error(`${path}[${j}]`, `there is no service called '${id}' in "services"`);
    });

  // Links in any words a flow shows: only https, http, tel, sms and mailto, never javascript:.
  const links = (path: string, text: Text | undefined) => {
    if (text === undefined) return;
    for (const variant of allVariants(text)) {
      for (const href of linksIn(variant.value)) {
        if (!isSafeHref(href)) error(`${path}${variant.path}`, `the link '${href.slice(0, 60)}' is not allowed: links must start with https:, http:, tel:, sms: or mailto:`);
      }
    }
  };
  flow.services.forEach((service, i) => {
    links(`services[${i}].description`, service.description);
    service.contact.forEach((contact, j) => {
      if (contact.type === 'website' && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(contact.url)) {
        error(`services[${i}].contact[${j}].url`, `'${contact.url.slice(0, 60)}' is not a web address: it must start with https:// (or http://)`);
      }
    });
  });

  const urgentId = flow.urgentStep ?? flow.steps.find((s) => s.kind === 'urgent')?.id;
  if (flow.urgentStep !== undefined) {
    stepRef('urgentStep', flow.urgentStep);
    const target = flow.steps[stepIndex.get(flow.urgentStep) ?? -1];
    if (target && target.kind !== 'urgent') error('urgentStep', `'${flow.urgentStep}' is a ${target.kind} step, but urgent help must be an urgent step`);
  } else if (urgentId === undefined) {
    error('steps', 'there is no urgent step: add one (kind "urgent") so "Get help now" always has somewhere to go');
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
      if (step.services.length === 0) error(`${at}.services`, 'urgent help must list at least one service to contact');
      return;
    }
    stepRef(`${at}.next`, step.next);
    step.rules?.forEach((rule, j) => stepRef(`${at}.rules[${j}].next`, rule.next));
    if (step.kind === 'info') {
      if (step.next === undefined) error(`${at}.next`, 'this page has no next step: add "next"');
      return;
    }
    const options = step.options ?? [];
    options.forEach((option, j) => stepRef(`${at}.options[${j}].next`, option.next));
    if ((step.type === 'single' || step.type === 'multiple' || step.type === 'select') && options.length < 2) {
      error(`${at}.options`, `a ${step.type === 'select' ? 'list' : 'choice'} question needs at least two options`);
    }
    if (step.type === 'yesno' && step.options && options.map((o) => o.value).sort().join() !== 'no,yes') {
      error(`${at}.options`, 'a yes/no question has exactly two options, with the values "yes" and "no"');
    }
    // A number question must accept at least one whole number a person can type.
    for (const bound of ['min', 'max'] as const) {
      const value = step[bound];
      if (value !== undefined && (!Number.isInteger(value) || Math.abs(value) > 1e15)) error(`${at}.${bound}`, `${value} is not a whole number a person can type: use a whole number such as 11`);
    }
    if (step.min !== undefined && step.max !== undefined && step.min > step.max) error(`${at}.min`, `the smallest number (${step.min}) is larger than the largest (${step.max})`);
    const everyOptionRoutes = !step.optional && options.length > 0 && options.every((o) => o.next !== undefined || o.urgent);
    if (step.next === undefined && !everyOptionRoutes) error(`${at}.next`, 'this question has no next step: add "next" (where to go when no rule applies)');
  });

  if (errors.length === 0) checkRoutes(flow, urgentId, error, (path, message) => warnings.push({ path, message }));
  return { errors, warnings };
}

/** Every step must be reachable and must have a way through to results or urgent help. */
function checkRoutes(
  flow: Flow,
  urgentId: string | undefined,
  error: (path: string, message: string) => void,
  warn: (path: string, message: string) => void
) {
  const startId = flow.start ?? flow.steps[0]?.id;
  if (startId === undefined) return;
  const edges = new Map<string, string[]>();
  for (const step of flow.steps) edges.set(step.id, possibleNextSteps(step, urgentId));

  const reached = new Set<string>([startId]);
  // A Set iterates in insertion order and keeps visiting what is added while iterating.
  for (const id of reached) for (const next of edges.get(id) ?? []) reached.add(next);
  // "Get help now" reaches the urgent step from anywhere.
  if (urgentId !== undefined) reached.add(urgentId);

  // Steps from which results or urgent help can be reached: walk the edges backwards.
  const incoming = new Map<string, string[]>();
  for (const [from, targets] of edges) {
    for (const to of targets) {
      const list = incoming.get(to);
      if (list) list.push(from);
      else incoming.set(to, [from]);
    }
  }
  const finishes = new Set(flow.steps.filter((s) => s.kind === 'outcome' || s.kind === 'urgent').map((s) => s.id));
  for (const id of finishes) for (const from of incoming.get(id) ?? []) finishes.add(from);
  if (!flow.steps.some((s) => s.kind === 'outcome')) {
    error('steps', 'there is no outcome step: add one (kind "outcome") so people can see which services fit them');
  }
  flow.steps.forEach((step, i) => {
    if (!reached.has(step.id)) warn(`steps[${i}]`, `no route leads to the step '${step.id}', so nobody will see it`);
    else if (!finishes.has(step.id)) error(`steps[${i}]`, `every route from the step '${step.id}' goes round in a loop and never reaches results or urgent help`);
  });
}
