/** `support-finder check`: everything wrong with a flow, in words, with where it is. */
import {
  answersOnPath,
  candidateInputs,
  chosenOptions,
  continueFrom,
  currentStep,
  evaluate,
  indexOf,
  matchServices,
  parseAnswer,
  routeContext,
  type Answer,
  type OutcomeStep,
  type Condition,
  type Flow,
  type FlowProblem,
  type QuestionStep,
} from '../engine/index.js';
import { bold, dim, explore, explorationWords, green, isJsonSchemaFile, loadFlowFile, plural, red, yellow, type Exploration } from './io.js';
import { answerWords, conditionWords, mattersToMatching, replay, servicesAtEnd, stepLabel, words } from './words.js';
import { either, inOrder, mergeTuples, type Tuple } from './paths.js';

export interface Problem extends FlowProblem {
  /** What kind of check found it, for tools reading --json. */
  check: 'file' | 'review' | 'route' | 'rule' | 'step' | 'service' | 'gap' | 'known-gap' | 'translation';
}

export interface GapAnswer {
  step: string;
  question: string;
  /** The answers that lead here, in words; several when they all do. */
  answers: string[];
}

export interface Gap {
  outcome: string;
  /** The outcome's title in words. */
  outcomeTitle: string;
  /** Routes explored that end here with nothing matched. */
  count: number;
  answers: GapAnswer[];
  /** The same, as one line: "Who …? Me · How old …? 13 · …". */
  text: string;
}

/** A gap the flow declares on purpose (`knownGaps`), and how many routes it covers. */
export interface KnownGapReport {
  index: number;
  outcome?: string;
  reason: string;
  /** The condition in words. */
  when: string;
  count: number;
}

export interface FileReport {
  file: string;
  ok: boolean;
  errors: Problem[];
  warnings: Problem[];
  gaps: Gap[];
  /** Gaps the flow declares in `knownGaps`: reported, not errors. */
  knownGaps: KnownGapReport[];
  exploration?: { routes: number; complete: boolean; ordered: number; sampled: number };
  /** Set when the file was not checked because it is not a flow (a JSON Schema). */
  skipped?: string;
}

export interface CheckOptions {
  allowGaps: boolean;
  limit: number;
  sample: number;
}

/** The static case: conditions that hold or fail whatever is answered. */
function always(condition: Condition): boolean {
  if ('all' in condition) return condition.all.every(always);
  if ('any' in condition) return condition.any.some(always);
  if ('not' in condition) return never(condition.not);
  return false;
}
function never(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(never);
  if ('any' in condition) return condition.any.every(never);
  if ('not' in condition) return always(condition.not);
  return false;
}

/** A condition written out with its keys in order, so two spellings of one condition compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Gaps: routes that end at an outcome where nothing matched. Each is cut down to the answers
 * that cause it: an answer is left out when every other answer we try there (with the answers
 * already left out also varied) still matches nothing. Then answers that differ at one question
 * only are put together, so "Being bullied or Not sleeping well" is one line.
 */
function findGaps(flow: Flow, exploration: Exploration, known: KnownGapReport[]): Gap[] {
  const { steps } = indexOf(flow);
  const knownGaps = flow.knownGaps ?? [];
  const cache = new Map<string, boolean>();
  const nothingMatches = (outcome: OutcomeStep, answers: Record<string, Answer>): boolean => {
    const key = `${outcome.id}\u0000${JSON.stringify(answers)}`;
    let gap = cache.get(key);
    if (gap === undefined) cache.set(key, (gap = matchServices(flow, outcome, answers).matches.length === 0));
    return gap;
  };
  const valuesOf = new Map<string, Answer[]>();
  const alternatives = (step: QuestionStep): Answer[] => {
    let values = valuesOf.get(step.id);
    if (!values) {
      // An urgent answer goes to urgent help, never to results, so it is not an alternative here.
      values = candidateInputs(flow, step).flatMap((candidate) => {
        if (candidate.kind === 'skip') return [null];
        const parsed = parseAnswer(step, candidate.input);
        return parsed.ok && !chosenOptions(step, parsed.answer).some((o) => o.urgent) ? [parsed.answer] : [];
      });
      valuesOf.set(step.id, values);
    }
    return values;
  };
  // Every combination of the given questions' alternatives, applied to `answers`.
  const variants = (answers: Record<string, Answer>, questions: QuestionStep[]): Array<Record<string, Answer>> =>
    questions.reduce<Array<Record<string, Answer>>>(
      (list, q) => list.flatMap((a) => alternatives(q).map((v) => ({ ...a, [q.id]: v }))),
      [answers]
    );

  const groups = new Map<string, { outcome: string; questions: QuestionStep[]; tuples: Tuple[]; count: number }>();
  const causes = new Map<string, { questions: QuestionStep[]; words: string[] }>();
  const droppable = new Map<string, boolean>();
  for (const walk of exploration.walks) {
    if (walk.ended !== 'outcome') continue;
    const outcome = steps.get(walk.end) as OutcomeStep;
    const all = answersOnPath(walk.session);
    // Only the answers that can change matching.
    const answers: Record<string, Answer> = {};
    const asked: QuestionStep[] = [];
    for (const id of walk.session.path) {
      const step = steps.get(id);
      if (step?.kind === 'question' && id in all && mattersToMatching(step)) {
        answers[id] = all[id];
        asked.push(step);
      }
    }
    if (!nothingMatches(outcome, answers)) continue;
    // A gap the flow declares: counted against the first declaration that covers it.
    if (knownGaps.length > 0) {
      const context = routeContext(flow, walk.session);
      const declared = knownGaps.findIndex((gap) => (gap.outcome === undefined || gap.outcome === outcome.id) && evaluate(gap.when, context));
      if (declared >= 0) {
        known[declared].count++;
        continue;
      }
    }
    const key = `${outcome.id}\u0000${JSON.stringify(answers)}`;
    let cause = causes.get(key);
    if (!cause) {
      const dropped: QuestionStep[] = [];
      for (const q of asked) {
        // Whether q can be left out depends only on the answers that stay fixed.
        const fixed = asked.filter((a) => a !== q && !dropped.includes(a)).map((a) => [a.id, answers[a.id]]);
        const memoKey = JSON.stringify([outcome.id, q.id, dropped.map((d) => d.id), fixed]);
        let ok = droppable.get(memoKey);
        if (ok === undefined) {
          const tried = variants(answers, [...dropped, q]);
          ok = tried.length <= 5_000 && tried.every((a) => nothingMatches(outcome, a));
          droppable.set(memoKey, ok);
        }
        if (ok) dropped.push(q);
      }
      const kept = asked.filter((q) => !dropped.includes(q));
      cause = { questions: kept, words: kept.map((q) => answerWords(flow, q, answers[q.id])) };
      causes.set(key, cause);
    }
    const groupKey = [outcome.id, ...cause.questions.map((q) => q.id)].join('\u0000');
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { outcome: outcome.id, questions: cause.questions, tuples: [], count: 0 }));
    group.count++;
    group.tuples.push(cause.words.map((w) => new Set([w])));
  }

  const gaps: Gap[] = [];
  for (const group of groups.values()) {
    // Count routes per merged row: each walk's answers fall in exactly one merged row.
    const rows = mergeTuples(group.tuples);
    const counts = rows.map((row) => group.tuples.filter((t) => t.every((set, i) => row[i].has([...set][0]))).length);
    rows.forEach((row, r) => {
      const answers = group.questions.map((q, i) => {
        const values = [...row[i]];
        return { step: q.id, question: stepLabel(flow, q), answers: inOrder(values) };
      });
      const text = answers.length ? answers.map((a) => `${a.question} ${either(a.answers)}`).join(' · ') : 'whatever is answered';
      gaps.push({ outcome: group.outcome, outcomeTitle: stepLabel(flow, steps.get(group.outcome)!), count: counts[r], answers, text });
    });
  }
  return gaps.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

export function checkFile(file: string, options: CheckOptions): FileReport {
  if (file.endsWith('.test.json')) return { file, ok: true, errors: [], warnings: [], gaps: [], knownGaps: [], skipped: 'this is a flow test: run it with support-finder test' };
  if (isJsonSchemaFile(file)) return { file, ok: true, errors: [], warnings: [], gaps: [], knownGaps: [], skipped: 'this is a JSON Schema, not a flow' };
  const loaded = loadFlowFile(file);
  if (!loaded.ok) {
    const check = loaded.errors.some((e) => e.message.startsWith('this is not valid JSON') || e.message.startsWith('there is no such file')) ? 'file' : 'review';
    return { file, ok: false, errors: loaded.errors.map((e) => ({ ...e, check })), warnings: loaded.warnings.map((w) => ({ ...w, check: 'review' })), gaps: [], knownGaps: [] };
  }
  const { flow } = loaded;
  const errors: Problem[] = [];
  const warnings: Problem[] = loaded.warnings.map(({ kind, ...w }) => ({ ...w, check: kind === 'translation' ? 'translation' : 'review' }));
  const stepIndex = new Map(flow.steps.map((s, i) => [s.id, i]));
  const at = (id: string) => `steps[${stepIndex.get(id)}]`;
  const { urgentId } = indexOf(flow);

  // Rules that cannot fire whatever is answered.
  const staticallyDead = new Set<string>();
  flow.steps.forEach((step, i) => {
    if (step.kind !== 'question' && step.kind !== 'info') return;
    const rules = step.rules ?? [];
    rules.forEach((rule, j) => {
      const path = `steps[${i}].rules[${j}]`;
      const earlierAlways = rules.slice(0, j).findIndex((r) => always(r.when));
      const same = rules.slice(0, j).findIndex((r) => canonical(r.when) === canonical(rule.when));
      let message: string | undefined;
      if (earlierAlways >= 0) message = `this rule can never be used: rules[${earlierAlways}] (${conditionWords(rules[earlierAlways].when)}) always applies, and the first rule that applies wins`;
      else if (same >= 0) message = `this rule can never be used: rules[${same}] has the same condition (${conditionWords(rule.when)}) and comes first`;
      else if (never(rule.when)) message = `this rule can never be used: its condition (${conditionWords(rule.when)}) is never true`;
      if (message) {
        staticallyDead.add(path);
        errors.push({ check: 'rule', path, message });
      }
    });
  });

  const exploration = explore(flow, options.limit, options.sample);
  const reached = new Set<string>();
  const rulesUsed = new Set<string>();
  const servicesShown = new Set<string>();
  const stuck = new Map<string, { count: number; example: string }>();
  for (const walk of exploration.walks) {
    const visits = replay(flow, walk);
    for (const visit of visits) {
      reached.add(visit.step);
      if (visit.decision.by === 'rule') rulesUsed.add(`${visit.step}#${visit.decision.index}`);
    }
    reached.add(walk.end);
    if (walk.ended === 'stuck' || walk.ended === 'too-long') {
      const key = `${walk.ended}:${walk.end}`;
      const entry = stuck.get(key) ?? { count: 0, example: '' };
      if (entry.count === 0) {
        entry.example = visits
          .filter((v) => v.answer !== undefined)
          .map((v) => {
            const step = indexOf(flow).steps.get(v.step) as QuestionStep;
            return `${stepLabel(flow, step)} ${answerWords(flow, step, v.answer)}`;
          })
          .join(' · ');
      }
      entry.count++;
      stuck.set(key, entry);
      continue;
    }
    for (const s of servicesAtEnd(flow, walk.session).shown) servicesShown.add(s.id);
    // After urgent help, the way on: results for people at risk, matched to the same answers.
    if (walk.ended === 'urgent') {
      const after = continueFrom(flow, walk.session);
      if (after !== walk.session) {
        reached.add(currentStep(flow, after).id);
        for (const s of servicesAtEnd(flow, after).shown) servicesShown.add(s.id);
      }
    }
  }
  if (urgentId !== undefined) {
    // "Get help now" is on every screen, so urgent help and its services are always reachable.
    reached.add(urgentId);
    const urgent = indexOf(flow).steps.get(urgentId);
    if (urgent?.kind === 'urgent') urgent.services.forEach((id) => servicesShown.add(id));
  }

  for (const [key, { count, example }] of stuck) {
    const [ended, id] = key.split(/:(.*)/s);
    errors.push({
      check: 'route',
      path: at(id),
      message:
        ended === 'stuck'
          ? `there is no way forward from '${id}' on ${plural(count, 'route')} we tried, for example after: ${example || '(no answers)'}`
          : `${plural(count, 'route')} went round a loop through '${id}' without reaching results or urgent help, for example after: ${example || '(no answers)'}`,
    });
  }

  const alreadyUnreachable = new Set(warnings.filter((w) => /^steps\[\d+\]$/.test(w.path)).map((w) => w.path));
  flow.steps.forEach((step, i) => {
    const path = `steps[${i}]`;
    if (!reached.has(step.id) && !alreadyUnreachable.has(path)) {
      warnings.push({ check: 'step', path, message: `the step '${step.id}' was never reached on any route we tried, so nobody may see it` });
    }
    if ((step.kind === 'question' || step.kind === 'info') && reached.has(step.id)) {
      step.rules?.forEach((rule, j) => {
        const rulePath = `${path}.rules[${j}]`;
        if (rulesUsed.has(`${step.id}#${j}`) || staticallyDead.has(rulePath)) return;
        const problem: Problem = {
          check: 'rule',
          path: rulePath,
          message: `this rule (${conditionWords(rule.when)} → ${rule.next}) was never used on any route we tried: an earlier rule, an option's own "next" or an urgent answer always wins, or its condition is never true here`,
        };
        (exploration.complete ? errors : warnings).push(problem);
      });
    }
  });

  flow.services.forEach((service, i) => {
    if (!servicesShown.has(service.id)) {
      warnings.push({ check: 'service', path: `services[${i}]`, message: `'${words(flow, service.name)}' was never shown at any outcome on any route we tried, so no answer may ever reach it` });
    }
  });

  const knownGaps: KnownGapReport[] = (flow.knownGaps ?? []).map((gap, index) => ({
    index,
    ...(gap.outcome === undefined ? {} : { outcome: gap.outcome }),
    reason: gap.reason,
    when: conditionWords(gap.when),
    count: 0,
  }));
  const gaps = findGaps(flow, exploration, knownGaps);
  for (const gap of knownGaps) {
    if (gap.count === 0) {
      warnings.push({ check: 'known-gap', path: `knownGaps[${gap.index}]`, message: `this known gap (${gap.when}) did not happen on any route we tried: remove it, or check its condition` });
    }
  }
  for (const gap of gaps) {
    const problem: Problem = {
      check: 'gap',
      path: at(gap.outcome),
      message: `no service matches (${plural(gap.count, 'route')}): ${gap.text}`,
    };
    (options.allowGaps ? warnings : errors).push(problem);
  }

  return {
    file,
    ok: errors.length === 0,
    errors,
    warnings,
    gaps,
    knownGaps,
    exploration: { routes: exploration.walks.length, complete: exploration.complete, ordered: exploration.ordered, sampled: exploration.sampled },
  };
}

const MAX_GAPS_SHOWN = 15;

/** The report for people: errors, warnings, then the gap report. */
export function formatReport(report: FileReport, options: CheckOptions): string {
  if (report.skipped) return `${bold(report.file)}\n  ${dim(`skipped: ${report.skipped}`)}`;
  const lines: string[] = [bold(report.file)];
  const nonGap = (p: Problem) => p.check !== 'gap';
  for (const e of report.errors.filter(nonGap)) lines.push(`  ${red('error')}   ${e.path}: ${e.message}`);
  for (const w of report.warnings.filter(nonGap)) lines.push(`  ${yellow('warning')} ${w.path}: ${w.message}`);
  if (report.exploration) {
    lines.push(dim(`  Tried ${explorationWords({ walks: [], complete: report.exploration.complete, ordered: report.exploration.ordered, sampled: report.exploration.sampled })}.`));
  }
  if (report.gaps.length > 0) {
    const total = report.gaps.reduce((n, g) => n + g.count, 0);
    const label = options.allowGaps ? yellow('Gaps (allowed with --allow-gaps)') : red('Gaps');
    lines.push(`  ${label}: ${plural(total, 'route')} ${total === 1 ? 'ends' : 'end'} at results where no service matches (only always-include or fallback services, or none, are shown). ${plural(report.gaps.length, 'combination')} of answers ${report.gaps.length === 1 ? 'causes' : 'cause'} it:`);
    for (const gap of report.gaps.slice(0, MAX_GAPS_SHOWN)) {
      lines.push(`    ${String(gap.count).padStart(6)} × at "${gap.outcomeTitle}" (${gap.outcome}): ${gap.text}`);
    }
    if (report.gaps.length > MAX_GAPS_SHOWN) lines.push(`    … and ${plural(report.gaps.length - MAX_GAPS_SHOWN, 'more combination')} (use --json to see them all)`);
  }
  const declared = report.knownGaps.filter((g) => g.count > 0);
  if (declared.length > 0) {
    const total = declared.reduce((n, g) => n + g.count, 0);
    lines.push(`  Known gaps (declared in the flow, so not errors): ${plural(total, 'route')} ${total === 1 ? 'ends' : 'end'} where no service matches, for these reasons:`);
    for (const gap of declared) {
      lines.push(`    ${String(gap.count).padStart(6)} × knownGaps[${gap.index}]${gap.outcome ? ` at ${gap.outcome}` : ''} when ${gap.when}`);
      lines.push(`             ${dim(gap.reason)}`);
    }
  }
  const errorCount = report.errors.length;
  const warningCount = report.warnings.length;
  const summary = `${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}`;
  lines.push(`  ${errorCount === 0 ? green(`✔ ${summary}`) : red(`✘ ${summary}`)}`);
  return lines.join('\n');
}
