/** `support-finder test`: author-written flow tests, answered through the engine as a person would. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  answerQuestion,
  continueFrom,
  currentStep,
  skipQuestion,
  startSession,
  type AnswerProblem,
  type Flow,
  type Session,
} from '../engine/index.js';
import { loadFlowFile } from './io.js';
import { serviceName, servicesAtEnd, stepLabel } from './words.js';

export interface Expect {
  step?: string;
  services?: string[];
  includes?: string[];
  excludes?: string[];
  visits?: string[];
  notVisits?: string[];
  matches?: string[];
  noMatch?: boolean;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  failures: string[];
  /** Where the case ended and what was shown, to help write expectations. */
  ended?: string;
  shown?: string[];
}

export interface TestFileResult {
  file: string;
  flow?: string;
  /** A problem with the test file itself or its flow: no case could run. */
  error?: string;
  cases: CaseResult[];
}

const EXPECT_KEYS = new Set(['step', 'services', 'includes', 'excludes', 'visits', 'notVisits', 'matches', 'noMatch']);

function problemWords(problem: AnswerProblem): string {
  switch (problem.kind) {
    case 'required':
      return 'an answer is needed';
    case 'not-a-whole-number':
      return 'it is not a whole number';
    case 'too-small':
      return `it is less than ${problem.min}`;
    case 'too-large':
      return `it is more than ${problem.max}`;
    case 'unknown-option':
      return 'the question has no such option (or takes only one)';
    case 'exclusive':
      return `'${problem.option}' must be chosen on its own`;
  }
}

/** Continues past info pages, noting each. */
function pastInfo(flow: Flow, session: Session, visited: string[]): Session {
  for (let i = 0; i < flow.steps.length && currentStep(flow, session).kind === 'info'; i++) {
    const next = continueFrom(flow, session);
    if (next === session) break;
    session = next;
    visited.push(currentStep(flow, session).id);
  }
  return session;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function runCase(flow: Flow, testCase: Record<string, unknown>, index: number): CaseResult {
  const name = typeof testCase.name === 'string' && testCase.name ? testCase.name : `case ${index + 1}`;
  const fail = (failures: string[]): CaseResult => ({ name, ok: false, failures });
  const answers = testCase.answers;
  const expect = testCase.expect as Expect | undefined;
  if (!Array.isArray(answers)) return fail(['"answers" must be a list of [question id, answer] pairs']);
  if (expect === null || typeof expect !== 'object' || Array.isArray(expect)) return fail(['"expect" must be a group of settings, such as { "step": "results" }']);
  const unknown = Object.keys(expect).filter((k) => !EXPECT_KEYS.has(k));
  if (unknown.length > 0) return fail([`"expect" has settings this tool does not know: ${unknown.join(', ')} (use step, services, includes, excludes, matches, visits, notVisits or noMatch)`]);
  for (const key of ['services', 'includes', 'excludes', 'visits', 'notVisits', 'matches'] as const) {
    if (expect[key] !== undefined && !isStringList(expect[key])) return fail([`"expect.${key}" must be a list of ids in quotes`]);
  }

  let session = startSession(flow);
  const visited: string[] = [currentStep(flow, session).id];
  for (const [i, pair] of answers.entries()) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
      return fail([`answers[${i}] must be a pair: [question id, answer], such as ["age", 14]`]);
    }
    const [stepId, value] = pair as [string, unknown];
    session = pastInfo(flow, session, visited);
    const here = currentStep(flow, session);
    // ["urgent", "continue"]: the way on after urgent help, as a person at risk would take it.
    if (here.kind === 'urgent' && stepId === here.id && value === 'continue') {
      const next = continueFrom(flow, session);
      if (next === session) return fail([`answers[${i}]: urgent help ('${here.id}') has no way on to continue to`]);
      session = next;
      visited.push(currentStep(flow, session).id);
      continue;
    }
    if (here.kind !== 'question') {
      return fail([`answers[${i}]: the route had already ended at '${here.id}' (${here.kind}) before the answer to '${stepId}'`]);
    }
    if (here.id !== stepId) {
      return fail([`answers[${i}]: expected the question '${stepId}' next, but the finder asked '${here.id}' ("${stepLabel(flow, here)}")`]);
    }
    const wantsSkip = value === null || (value === 'skip' && !(here.options ?? []).some((o) => o.value === 'skip'));
    if (wantsSkip) {
      if (!here.optional) return fail([`answers[${i}]: '${stepId}' cannot be skipped: it is not optional`]);
      session = skipQuestion(flow, session);
    } else {
      let input: string | string[];
      if (typeof value === 'number') input = String(value);
      else if (typeof value === 'string') input = value;
      else if (isStringList(value)) input = value;
      else return fail([`answers[${i}]: the answer must be an option value in quotes, a list of them, a number, or "skip"`]);
      const result = answerQuestion(flow, session, input);
      if (!result.ok) return fail([`answers[${i}]: the answer ${JSON.stringify(value)} to '${stepId}' was refused: ${problemWords(result.problem)}`]);
      session = result.session;
    }
    visited.push(currentStep(flow, session).id);
  }
  session = pastInfo(flow, session, visited);

  const end = currentStep(flow, session);
  const { shown, nothingMatched } = servicesAtEnd(flow, session);
  const ids = shown.map((s) => s.id);
  const list = ids.length ? ids.join(', ') : 'no services';
  const failures: string[] = [];
  if (expect.step !== undefined && end.id !== expect.step) failures.push(`ended at '${end.id}' ("${stepLabel(flow, end)}"), not '${expect.step}'`);
  if (expect.services) {
    const start = ids.slice(0, expect.services.length);
    if (start.join() !== expect.services.join()) failures.push(`expected the services to start with ${expect.services.join(', ')}, but they are: ${list}`);
  }
  for (const id of expect.includes ?? []) if (!ids.includes(id)) failures.push(`expected ${id} (${serviceName(flow, id)}) to be shown, but the services are: ${list}`);
  for (const id of expect.excludes ?? []) if (ids.includes(id)) failures.push(`expected ${id} (${serviceName(flow, id)}) not to be shown, but it is: ${list}`);
  for (const id of expect.visits ?? []) if (!visited.includes(id)) failures.push(`expected the route to pass through '${id}', but it went: ${visited.join(' → ')}`);
  for (const id of expect.notVisits ?? []) if (visited.includes(id)) failures.push(`expected the route not to pass through '${id}', but it went: ${visited.join(' → ')}`);
  if (expect.matches) {
    const matched = shown.filter((s) => s.as === 'match').map((s) => s.id);
    if (matched.join() !== expect.matches.join()) failures.push(`expected the matched services (not counting always-included or fallback ones) to be ${expect.matches.length ? expect.matches.join(', ') : 'none'}, but they are: ${matched.length ? matched.join(', ') : 'none'}`);
  }
  if (expect.noMatch !== undefined && nothingMatched !== expect.noMatch) {
    failures.push(nothingMatched ? 'expected services to match, but nothing matched (the noMatch message is shown)' : 'expected nothing to match (the noMatch message), but services matched');
  }
  return { name, ok: failures.length === 0, failures, ended: end.id, shown: ids };
}

export function runTestFile(file: string): TestFileResult {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { file, error: `the test file could not be read as JSON: ${(error as Error).message}`, cases: [] };
  }
  const spec = data as { flow?: unknown; cases?: unknown };
  if (spec === null || typeof spec !== 'object' || typeof spec.flow !== 'string' || !Array.isArray(spec.cases)) {
    return { file, error: 'a flow test file needs "flow" (the flow file, relative to the test file) and "cases" (a list)', cases: [] };
  }
  const flowFile = resolve(dirname(file), spec.flow);
  const loaded = loadFlowFile(flowFile);
  if (!loaded.ok) {
    return { file, flow: spec.flow, error: `the flow ${spec.flow} has errors: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, cases: [] };
  }
  if (spec.cases.length === 0) return { file, flow: spec.flow, error: 'there are no cases in "cases"', cases: [] };
  const cases = spec.cases.map((c, i) =>
    c !== null && typeof c === 'object' && !Array.isArray(c) ? runCase(loaded.flow, c as Record<string, unknown>, i) : { name: `case ${i + 1}`, ok: false, failures: ['each case must be a group of settings with "name", "answers" and "expect"'] }
  );
  return { file, flow: spec.flow, cases };
}
