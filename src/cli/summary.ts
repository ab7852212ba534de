/**
 * The complete half of the sign-off document: every way between steps, and which services each
 * outcome can show to whom. `paths` lists answers and services route by route, but a flow has far
 * too many routes to list them all (the UK example has 817,020); these two tables are short and
 * leave nothing out, because they take apart what decides the way (routing) from what decides
 * the services (matching).
 */
import {
  answerQuestion,
  candidateInputs,
  continueFrom,
  currentStep,
  indexOf,
  parseAnswer,
  questionOptions,
  skipQuestion,
  startSession,
  type Candidate,
  type Condition,
  type Flow,
  type OutcomeStep,
  type QuestionStep,
  type Session,
  type UrgentStep,
} from '../engine/index.js';
import { answerWords, serviceName, stepLabel, words } from './words.js';
import { allNumbers, either, mergeTuples, type Tuple } from './paths.js';

/** Walks of the routing table at most; a flow with more says the table is not complete. */
const MAX_WALKS = 200_000;

/** Every answer id and tag a routing rule tests. */
function testedByRules(flow: Flow): { answers: Set<string>; tags: Set<string>; audience: boolean } {
  const answers = new Set<string>();
  const tags = new Set<string>();
  let audience = false;
  const visit = (condition: Condition): void => {
    if ('all' in condition) return condition.all.forEach(visit);
    if ('any' in condition) return condition.any.forEach(visit);
    if ('not' in condition) return visit(condition.not);
    if ('tag' in condition) tags.add(condition.tag);
    else if ('audience' in condition) audience = true;
    else answers.add(condition.answer);
  };
  for (const step of flow.steps) if ('rules' in step) step.rules?.forEach((rule) => visit(rule.when));
  return { answers, tags, audience };
}

/**
 * Questions whose answer can change the next step: one a rule tests (by its answer, a tag its
 * options add, or as the audience question), or one whose options lead different ways or go to
 * urgent help. Every other question's answer changes only which services match.
 */
export function routingQuestions(flow: Flow): Set<string> {
  const tested = testedByRules(flow);
  const deciding = new Set<string>();
  for (const step of flow.steps) {
    if (step.kind !== 'question') continue;
    const options = questionOptions(step);
    const ways = new Set(options.map((o) => o.next ?? ''));
    if (
      tested.answers.has(step.id) ||
      (tested.audience && flow.audience?.question === step.id) ||
      ways.size > 1 ||
      options.some((o) => o.urgent || o.tags?.some((tag) => tested.tags.has(tag)))
    ) {
      deciding.add(step.id);
    }
  }
  return deciding;
}

export interface StepRoute {
  /** The questions on the way that decide it, with the answers that go this way. */
  answers: Array<{ step: string; question: string; answers: string[] }>;
  end: string;
  endTitle: string;
  endKind: string;
  /** After urgent help: the step its way on leads to for these answers (undefined: none). */
  afterUrgent?: string;
}

export interface StepRoutes {
  rows: StepRoute[];
  walks: number;
  complete: boolean;
  /** Questions asked on some route whose answer never changes the way. */
  notDeciding: string[];
}

/** Every distinct way through the steps, trying every answer only where it can change the way. */
export function stepRoutes(flow: Flow): StepRoutes {
  const { steps } = indexOf(flow);
  const deciding = routingQuestions(flow);
  const notDeciding = new Set<string>();
  const groups = new Map<string, { path: string[]; end: string; tuples: Tuple[]; after?: string }>();
  let walks = 0;
  const inputsAt = new Map<string, Candidate[]>();
  const inputs = (step: QuestionStep): Candidate[] => {
    let list = inputsAt.get(step.id);
    if (!list) {
      list = candidateInputs(flow, step);
      inputsAt.set(step.id, list);
    }
    return list;
  };
  const visit = (session: Session, passed: string[], said: string[]): boolean => {
    const step = currentStep(flow, session);
    if (step.kind === 'outcome' || step.kind === 'urgent' || passed.length > flow.steps.length * 2) {
      walks++;
      const path = [...passed, step.id];
      const key = path.join('\u0000');
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { path, end: step.id, tuples: [] }));
      group.tuples.push(said.map((s) => new Set([s])));
      if (step.kind === 'urgent') group.after ??= currentStep(flow, continueFrom(flow, session)).id;
      return walks < MAX_WALKS;
    }
    if (step.kind === 'info') return visit(continueFrom(flow, session), [...passed, step.id], said);
    if (!deciding.has(step.id)) notDeciding.add(step.id);
    for (const candidate of inputs(step)) {
      let next: Session;
      let answer: string;
      if (candidate.kind === 'skip') {
        next = skipQuestion(flow, session);
        answer = answerWords(flow, step, null);
      } else {
        const { input } = candidate;
        const result = answerQuestion(flow, session, input);
        if (!result.ok) continue;
        next = result.session;
        const parsed = parseAnswer(step, input);
        answer = parsed.ok ? answerWords(flow, step, parsed.answer) : String(input);
      }
      if (!deciding.has(step.id)) answer = 'any answer';
      if (!visit(next, [...passed, step.id], [...said, answer])) return false;
      // One answer that is accepted stands for all at a question that cannot change the way.
      if (!deciding.has(step.id)) break;
    }
    return true;
  };
  const complete = visit(startSession(flow), [], []);
  const rows: StepRoute[] = [];
  for (const group of groups.values()) {
    const questions = group.path.slice(0, -1).filter((id) => steps.get(id)?.kind === 'question');
    for (const tuple of mergeTuples(group.tuples)) {
      const end = steps.get(group.end)!;
      rows.push({
        answers: questions.map((id, i) => {
          const values = [...tuple[i]];
          const numeric = allNumbers(values);
          const question = steps.get(id) as QuestionStep;
          const tried = numeric ? inputs(question).flatMap((c) => (c.kind === 'answer' && typeof c.input === 'string' && allNumbers([c.input]) ? [Number(c.input)] : [])) : [];
          return { step: id, question: stepLabel(flow, question), answers: numeric ? numberRanges(values.map(Number), tried) : values };
        }),
        end: group.end,
        endTitle: stepLabel(flow, end),
        endKind: end.kind,
        afterUrgent: group.after === group.end ? undefined : group.after,
      });
    }
  }
  return { rows, walks, complete, notDeciding: [...notDeciding].map((id) => stepLabel(flow, steps.get(id)!)) };
}

/**
 * Numbers as the ranges they stand for. The numbers tried at a question are the edges of every
 * rule and service range (and either side of each), so nothing changes between two neighbours:
 * a run of neighbours all on one row means every number from the first to the last.
 */
function numberRanges(values: number[], tried: number[]): string[] {
  const order = [...new Set(tried)].sort((a, b) => a - b);
  const here = new Set(values);
  const ranges: string[] = [];
  let start: number | undefined;
  order.forEach((n, i) => {
    if (here.has(n) && start === undefined) start = n;
    const last = i === order.length - 1 || !here.has(order[i + 1]);
    if (here.has(n) && last) {
      ranges.push(start === n ? String(n) : `${start} to ${n}`);
      start = undefined;
    }
  });
  return ranges;
}

/** Who a service is for, in words: "ages 11 to 25 · North, Riverside · free". */
function eligibility(flow: Flow, id: string): string {
  const service = indexOf(flow).services.get(id);
  if (!service) return '';
  const parts: string[] = [];
  const { min, max } = service.ages ?? {};
  if (min !== undefined && max !== undefined) parts.push(`ages ${min} to ${max}`);
  else if (min !== undefined) parts.push(`ages ${min} and over`);
  else if (max !== undefined) parts.push(`ages up to ${max}`);
  if (service.areas) parts.push(service.areas.map((area) => areaName(flow, area)).join(', '));
  if (service.helpsWith?.length) parts.push(`helps with ${service.helpsWith.map((tag) => tagWords(flow, tag)).join(', ')}`);
  if (service.supportTypes?.length) parts.push(service.supportTypes.join(', '));
  if (service.cost) parts.push(service.cost);
  return parts.join(' · ') || 'anyone';
}

function areaName(flow: Flow, area: string): string {
  for (const step of flow.steps) {
    if (step.kind === 'question' && step.about === 'area') {
      const option = questionOptions(step).find((o) => o.value === area);
      if (option) return words(flow, option.label);
    }
  }
  return area;
}

/** A tag as the answers that add it: "low-mood ('Feeling sad, low or empty')". */
function tagWords(flow: Flow, tag: string): string {
  const labels: string[] = [];
  for (const step of flow.steps) {
    if (step.kind !== 'question') continue;
    for (const option of questionOptions(step)) if (option.tags?.includes(tag)) labels.push(`'${words(flow, option.label)}'`);
  }
  return labels.length ? `${tag} (${labels.join(', ')})` : tag;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Both tables, as Markdown. */
export function summaryMarkdown(flow: Flow): string {
  const routes = stepRoutes(flow);
  const n = (x: number) => x.toLocaleString('en-GB');
  const lines = ['## Every way between steps', ''];
  lines.push(
    routes.complete
      ? `Complete: every answer was tried wherever it can change the next step (${n(routes.walks)} walks through the flow), giving ${n(routes.rows.length)} ways between steps.`
      : `**Not complete: the first ${n(routes.walks)} walks through the flow only.**`
  );
  if (routes.notDeciding.length > 0) {
    lines.push(`These questions never change the next step, only which services match, so they show as "any answer": ${routes.notDeciding.join('; ')}.`);
  }
  lines.push('', '| # | Answers that decide the way | Ends at |', '| --- | --- | --- |');
  routes.rows.forEach((row, i) => {
    const answers = row.answers.map((a) => `${a.question} → ${either(a.answers)}`).join(' · ') || '(no questions)';
    const after = row.afterUrgent ? `, then when ready: ${stepLabel(flow, indexOf(flow).steps.get(row.afterUrgent)!)} (${row.afterUrgent})` : ', with no way on: the finder offers every service, A to Z';
    lines.push(`| ${i + 1} | ${cell(answers)} | ${cell(row.endKind === 'urgent' ? `${row.endTitle} (urgent help)${after}` : `${row.endTitle} (${row.end})`)} |`);
  });
  lines.push('', '## What each outcome can show', '');
  lines.push('Services are matched to the answers by age, area, what the person needs (the tags their answers add), the kinds of support they chose and cost (see docs/flow-format.md, "How outcomes choose and order services").', '');
  for (const step of flow.steps) {
    if (step.kind !== 'outcome') continue;
    const outcome = step as OutcomeStep;
    lines.push(`### ${stepLabel(flow, outcome)} (${outcome.id})`, '');
    const candidates = outcome.services ?? flow.services.map((s) => s.id);
    lines.push(
      `Up to ${outcome.limit ?? 5} matched services${(outcome.requireTagMatch ?? true) ? ' that help with something the answers need' : ''}, from:`,
      ''
    );
    lines.push('| Service | Who it is for |', '| --- | --- |');
    for (const id of candidates) lines.push(`| ${cell(serviceName(flow, id))} | ${cell(eligibility(flow, id))} |`);
    if (outcome.alwaysInclude?.length) lines.push('', `Always shown after the matches: ${outcome.alwaysInclude.map((id) => serviceName(flow, id)).join('; ')}.`);
    if (outcome.fallback?.length) lines.push('', `Shown when nothing matches: ${outcome.fallback.map((id) => serviceName(flow, id)).join('; ')}.`);
    lines.push('');
  }
  for (const step of flow.steps) {
    if (step.kind !== 'urgent') continue;
    lines.push(`### ${stepLabel(flow, step)} (${step.id}, urgent help)`, '', `Always, in this order: ${step.services.map((id) => serviceName(flow, id)).join('; ')}.`, '');
    lines.push(...afterUrgentWords(flow, step), '');
  }
  return `${lines.join('\n')}\n`;
}

/** What a person at risk is offered after urgent help: the way on, and who there helps with the risk. */
function afterUrgentWords(flow: Flow, urgent: UrgentStep): string[] {
  const targets = [...(urgent.rules ?? []).map((r) => r.next), ...(urgent.next !== undefined ? [urgent.next] : [])];
  if (targets.length === 0) return ['After urgent help there is no way on in the flow, so the finder offers every service, A to Z.'];
  const { steps } = indexOf(flow);
  const riskTags = new Set(flow.steps.flatMap((s) => (s.kind === 'question' ? questionOptions(s).filter((o) => o.urgent).flatMap((o) => o.tags ?? []) : [])));
  const lines = [`Then, when the person is ready (${urgent.continueLabel ? `"${words(flow, urgent.continueLabel)}"` : 'the button "When you\'re ready: other support that can help"'}), the way on goes to:`, ''];
  for (const id of new Set(targets)) {
    const target = steps.get(id)!;
    const candidates = target.kind === 'outcome' ? (target.services ?? flow.services.map((s) => s.id)) : [];
    const forRisk = candidates.filter((c) => flow.services.find((s) => s.id === c)?.helpsWith?.some((t) => riskTags.has(t)));
    lines.push(
      `- ${stepLabel(flow, target)} (${id})${riskTags.size > 0 && target.kind === 'outcome' ? `: for the risks the answers can signal (${[...riskTags].join(', ')}), it can show ${forRisk.length ? forRisk.map((c) => serviceName(flow, c)).join('; ') : 'no service that helps with them'}` : ''}`
    );
  }
  return lines;
}
