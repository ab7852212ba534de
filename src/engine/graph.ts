/**
 * The flow as a map: its steps, and every way on from each step with what it depends on, in
 * words. Shared by the `support-finder graph` command and the <support-finder-map> tool.
 * Not used by the widget (and not exported from index.ts), so none of it is in its bundle.
 */
import type { Condition, Flow, Step, Text } from './schema.js';
import { indexOf } from './session.js';
import { resolveText } from './text.js';

/** A flow text in the default language, for the person themselves (no audience variant). */
export function words(flow: Flow, text: Text | undefined): string {
  return resolveText(text, { locale: flow.defaultLocale, defaultLocale: flow.defaultLocale }).replace(/\s+/g, ' ').trim();
}

/** The short name a person sees for a step: its question or title. */
export function stepLabel(flow: Flow, step: Step): string {
  if (step.kind === 'question') return words(flow, step.question);
  return words(flow, step.title);
}

/** A condition in short words: `age < 13`, `tag: bereavement`, `who = parent`. */
export function conditionWords(condition: Condition, nested = false): string {
  const wrap = (text: string) => (nested ? `(${text})` : text);
  if ('all' in condition) return condition.all.length === 0 ? 'always' : wrap(condition.all.map((c) => conditionWords(c, true)).join(' and '));
  if ('any' in condition) return condition.any.length === 0 ? 'never' : wrap(condition.any.map((c) => conditionWords(c, true)).join(' or '));
  if ('not' in condition) return `not ${conditionWords(condition.not, true)}`;
  if ('tag' in condition) return `tag: ${condition.tag}`;
  if ('audience' in condition) return `audience = ${condition.audience}`;
  const a = condition.answer;
  if (condition.answered !== undefined) return condition.answered ? `${a} answered` : `${a} skipped`;
  if (condition.equals !== undefined) return `${a} = ${condition.equals}`;
  if (condition.includes !== undefined) return `${a} includes ${condition.includes}`;
  if (condition.gt !== undefined) return `${a} > ${condition.gt}`;
  if (condition.gte !== undefined) return `${a} ≥ ${condition.gte}`;
  if (condition.lt !== undefined) return `${a} < ${condition.lt}`;
  if (condition.lte !== undefined) return `${a} ≤ ${condition.lte}`;
  return `${a} ?`;
}

/** One way on from a step. */
export interface Edge {
  from: string;
  to: string;
  /**
   * What it depends on, in full: the option's label, the rule's condition, "otherwise" (the
   * default when something else may win), "urgent: …" (the answers that signal risk), or empty
   * (the only way on).
   */
  label: string;
  kind: 'option' | 'rule' | 'next' | 'urgent';
}

/** Every way on from every step, in the order the engine tries them (urgent answers first). */
export function edgesOf(flow: Flow): Edge[] {
  const { urgentId } = indexOf(flow);
  const edges: Edge[] = [];
  for (const step of flow.steps) {
    if (step.kind === 'outcome') continue;
    if (step.kind === 'question') {
      const urgent = (step.options ?? []).filter((o) => o.urgent);
      if (urgent.length > 0 && urgentId !== undefined) {
        edges.push({ from: step.id, to: urgentId, label: `urgent: ${urgent.map((o) => words(flow, o.label)).join(' / ')}`, kind: 'urgent' });
      }
      if (step.outOfRange !== undefined) {
        const outside = [step.min !== undefined ? `under ${step.min}` : '', step.max !== undefined ? `over ${step.max}` : ''];
        edges.push({ from: step.id, to: step.outOfRange, label: outside.filter(Boolean).join(' or '), kind: 'rule' });
      }
      if (step.type !== 'multiple') {
        for (const option of step.options ?? []) {
          if (option.next !== undefined && !option.urgent) edges.push({ from: step.id, to: option.next, label: words(flow, option.label), kind: 'option' });
        }
      }
    }
    for (const rule of step.rules ?? []) edges.push({ from: step.id, to: rule.next, label: conditionWords(rule.when), kind: 'rule' });
    if (step.next !== undefined) {
      const others = edges.some((e) => e.from === step.id && e.kind !== 'urgent');
      edges.push({ from: step.id, to: step.next, label: others ? 'otherwise' : '', kind: 'next' });
    }
  }
  return edges;
}

/** A step on the map. */
export interface MapStep {
  id: string;
  kind: Step['kind'];
  /** Its question or title, in the flow's default language. */
  label: string;
  /** Whether any route from the start (or "Get help now") leads here. */
  reachable: boolean;
}

export interface FlowGraph {
  steps: MapStep[];
  edges: Edge[];
  startId: string;
  /** Where "Get help now" (on every screen) and urgent answers lead. */
  urgentId: string | undefined;
}

/** The whole map: every step in flow order, every way on, where it starts and where help is. */
export function flowGraph(flow: Flow): FlowGraph {
  const { startId, urgentId } = indexOf(flow);
  const edges = edgesOf(flow);
  const onwards = new Map<string, string[]>();
  for (const edge of edges) onwards.set(edge.from, [...(onwards.get(edge.from) ?? []), edge.to]);
  const reached = new Set<string>();
  const queue = urgentId === undefined ? [startId] : [startId, urgentId];
  for (const id of queue) {
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(onwards.get(id) ?? []));
  }
  const steps = flow.steps.map((step) => ({ id: step.id, kind: step.kind, label: stepLabel(flow, step), reachable: reached.has(step.id) }));
  return { steps, edges, startId, urgentId };
}
