/** `support-finder graph`: the flow's map as Mermaid or Graphviz dot. */
import type { Flow, Step } from '../engine/index.js';
import { edgesOf as fullEdgesOf, stepLabel, type Edge } from '../engine/graph.js';

export type { Edge };

function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every way on from every step, with labels cut short enough for a diagram. */
export function edgesOf(flow: Flow): Edge[] {
  return fullEdgesOf(flow).map((edge) => ({ ...edge, label: short(edge.label) }));
}

function nodeText(flow: Flow, step: Step): string {
  return `${step.id} (${step.kind})\n${short(stepLabel(flow, step))}`;
}

/** Mermaid strings: quotes, angle brackets and # as entity codes, so no label can break out. */
function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\n/g, '<br/>');
}

export function mermaid(flow: Flow): string {
  const ids = new Map(flow.steps.map((s, i) => [s.id, `s${i}`]));
  const shapes: Record<Step['kind'], [string, string]> = {
    question: ['["', '"]'],
    info: ['(["', '"])'],
    outcome: ['[["', '"]]'],
    urgent: ['{{"', '"}}'],
  };
  const lines = ['flowchart TD'];
  for (const step of flow.steps) {
    const [open, close] = shapes[step.kind];
    lines.push(`  ${ids.get(step.id)}${open}${mermaidText(nodeText(flow, step))}${close}`);
  }
  for (const edge of edgesOf(flow)) {
    const arrow = edge.kind === 'urgent' ? '-.->' : '-->';
    const label = edge.label ? `|"${mermaidText(edge.label)}"|` : '';
    lines.push(`  ${ids.get(edge.from)} ${arrow}${label} ${ids.get(edge.to)}`);
  }
  lines.push('  classDef info fill:#eef7ff,stroke:#005eb8');
  lines.push('  classDef outcome fill:#e3f2e1,stroke:#007f3b,stroke-width:2px');
  lines.push('  classDef urgent fill:#fde8e8,stroke:#d5281b,stroke-width:3px');
  for (const kind of ['info', 'outcome', 'urgent'] as const) {
    const members = flow.steps.filter((s) => s.kind === kind).map((s) => ids.get(s.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${kind}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A dot double-quoted string. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

export function dot(flow: Flow): string {
  const shapes: Record<Step['kind'], string> = {
    question: 'shape=box, style="rounded"',
    info: 'shape=note, style="filled", fillcolor="#eef7ff"',
    outcome: 'shape=box, style="filled,bold", fillcolor="#e3f2e1", color="#007f3b"',
    urgent: 'shape=octagon, style="filled,bold", fillcolor="#fde8e8", color="#d5281b"',
  };
  const lines = [`digraph ${dotString(flow.id)} {`, '  rankdir=TB;', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];'];
  for (const step of flow.steps) lines.push(`  ${dotString(step.id)} [label=${dotString(nodeText(flow, step))}, ${shapes[step.kind]}];`);
  for (const edge of edgesOf(flow)) {
    const attributes = [edge.label ? `label=${dotString(edge.label)}` : '', edge.kind === 'urgent' ? 'style=dashed, color="#d5281b"' : ''].filter(Boolean);
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
