/** `support-finder paths`: every distinct route through a flow, with equivalent answers merged. */
import { allWalks, continueFrom, currentStep, indexOf, type Flow } from '../engine/index.js';
import { answerWords, replay, serviceName, servicesAtEnd, stepLabel, type Shown } from './words.js';

export interface RouteRow {
  /** Each question on the route and the answers that all lead the same way. */
  answers: Array<{ step: string; question: string; answers: string[] }>;
  end: string;
  endTitle: string;
  ended: string;
  services: Array<Shown & { name: string }>;
  /** After urgent help: where its way on leads for these answers, and the services shown there. */
  afterUrgent?: { end: string; endTitle: string; services: Array<Shown & { name: string }> };
  /** How many explored walks this row stands for. */
  walks: number;
}

export interface Routes {
  rows: RouteRow[];
  walks: number;
  complete: boolean;
}

/** "a, b or c" */
export function either(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

export type Tuple = Array<Set<string>>;

/** Whether every answer is a whole number (the answers to a number question). */
export function allNumbers(values: readonly string[]): boolean {
  return values.every((v) => /^-?\d+$/.test(v));
}

/** Answers in reading order: numbers smallest first, words as they came. */
export function inOrder(values: string[]): string[] {
  return allNumbers(values) ? values.map(Number).sort((a, b) => a - b).map(String) : values;
}

/**
 * Merges answer tuples into as few rows as possible where each row is every combination of its
 * alternatives, and every combination it stands for was actually walked (so nothing is implied
 * that the flow does not do): two rows that differ at one question only become one.
 */
export function mergeTuples(tuples: Tuple[]): Tuple[] {
  let rows = tuples;
  const keyOf = (set: Set<string>) => [...set].sort().join('\u0001');
  for (let changed = true; changed; ) {
    changed = false;
    const width = rows[0]?.length ?? 0;
    for (let p = 0; p < width; p++) {
      const buckets = new Map<string, Tuple>();
      for (const row of rows) {
        const key = row.map((set, i) => (i === p ? '' : keyOf(set))).join('\u0000');
        const existing = buckets.get(key);
        if (!existing) buckets.set(key, row.map((set) => new Set(set)));
        else for (const value of row[p]) existing[p].add(value);
      }
      if (buckets.size !== rows.length) changed = true;
      rows = [...buckets.values()];
    }
  }
  return rows;
}

export function routes(flow: Flow, limit: number): Routes {
  const { walks, complete } = allWalks(flow, limit);
  const { steps } = indexOf(flow);
  const groups = new Map<string, { steps: string[]; end: string; ended: string; shown: Shown[]; after?: { end: string; shown: Shown[] }; tuples: Map<string, Tuple>; walks: number }>();
  for (const walk of walks) {
    const visits = replay(flow, walk).filter((v) => v.answer !== undefined);
    const shown = servicesAtEnd(flow, walk.session).shown;
    const onward = walk.ended === 'urgent' ? continueFrom(flow, walk.session) : walk.session;
    const after = onward === walk.session ? undefined : { end: currentStep(flow, onward).id, shown: servicesAtEnd(flow, onward).shown };
    const key = [...visits.map((v) => v.step), '>', walk.end, walk.ended, ...shown.map((s) => `${s.id}:${s.as}`), '>', after?.end ?? '', ...(after?.shown ?? []).map((s) => `${s.id}:${s.as}`)].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = { steps: visits.map((v) => v.step), end: walk.end, ended: walk.ended, shown, after, tuples: new Map(), walks: 0 };
      groups.set(key, group);
    }
    group.walks++;
    const tuple = visits.map((v) => {
      const step = steps.get(v.step);
      return new Set([step?.kind === 'question' ? answerWords(flow, step, v.answer) : '']);
    });
    group.tuples.set(tuple.map((s) => [...s][0]).join('\u0000'), tuple);
  }
  const rows: RouteRow[] = [];
  for (const group of groups.values()) {
    for (const tuple of mergeTuples([...group.tuples.values()])) {
      rows.push({
        answers: group.steps.map((id, i) => {
          const values = [...tuple[i]];
          return { step: id, question: stepLabel(flow, steps.get(id)!), answers: inOrder(values) };
        }),
        end: group.end,
        endTitle: stepLabel(flow, steps.get(group.end)!),
        ended: group.ended,
        services: group.shown.map((s) => ({ ...s, name: serviceName(flow, s.id) })),
        afterUrgent: group.after && {
          end: group.after.end,
          endTitle: stepLabel(flow, steps.get(group.after.end)!),
          services: group.after.shown.map((s) => ({ ...s, name: serviceName(flow, s.id) })),
        },
        walks: group.walks,
      });
    }
  }
  return { rows, walks: walks.length, complete };
}

const MARK: Record<Shown['as'], string> = { match: '', fallback: ' (fallback)', always: ' (always included)', urgent: '' };

export function servicesWords(row: RouteRow): string {
  if (row.ended !== 'outcome' && row.ended !== 'urgent') return `(the route ${row.ended === 'stuck' ? 'gets stuck' : 'goes round a loop'} here)`;
  const list = (services: RouteRow['services']) => (services.length === 0 ? '(no services)' : services.map((s) => `${s.name}${MARK[s.as]}`).join('; '));
  if (row.ended !== 'urgent') return list(row.services);
  const after = row.afterUrgent;
  return `${list(row.services)}; then, when ready: ${after ? `${after.endTitle} (${after.end}): ${list(after.services)}` : 'every service, A to Z (the urgent step has no way on)'}`;
}

export function answersWords(row: RouteRow, arrow = ' → '): string {
  return row.answers.map((a) => `${a.question}${arrow}${either(a.answers)}`).join(' · ');
}

export function notComplete(result: Routes): string | undefined {
  return result.complete ? undefined : `Showing the first ${result.walks.toLocaleString('en-GB')} routes of more. Use --limit to see more.`;
}

function cellMarkdown(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The route table; `summary` (summary.ts: every way between steps, what each outcome can show) goes first. */
export function markdown(file: string, result: Routes, summary = ''): string {
  const lines = [`# Routes through ${file}`, ''];
  if (summary) lines.push(summary, '## Answers and services, route by route', '');
  const note = notComplete(result);
  lines.push(note ? `**${note}**` : `Every route: ${result.walks.toLocaleString('en-GB')} ways through.`);
  lines.push(`${result.rows.length.toLocaleString('en-GB')} rows: answers that lead to the same steps and the same services are shown together.`, '');
  lines.push('| # | Answers | Ends at | Services shown, in order |', '| --- | --- | --- | --- |');
  result.rows.forEach((row, i) => {
    lines.push(`| ${i + 1} | ${cellMarkdown(answersWords(row))} | ${cellMarkdown(`${row.endTitle} (${row.end})`)} | ${cellMarkdown(servicesWords(row))} |`);
  });
  return `${lines.join('\n')}\n`;
}

/** RFC 4180: quote a field with a comma, quote, line break or outer spaces, doubling quotes. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(result: Routes): string {
  const rows = [['route', 'answers', 'end step', 'end title', 'services shown']];
  result.rows.forEach((row, i) => rows.push([String(i + 1), answersWords(row), row.end, row.endTitle, servicesWords(row)]));
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
