/**
 * Tools/Flow explorer: any step of any flow in flows/, shown as a person would reach it.
 *
 * The engine's explorer (src/engine/explore.ts) finds answers that lead to the chosen step; they
 * are saved as progress and the element is given persist="session", so it restores them exactly
 * as after a reload: the step is on screen, Back goes through the steps before it, and the
 * element checks the saved path against the flow itself (a save that does not fit is ignored).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { expect, waitFor } from 'storybook/test';
import {
  allWalks,
  indexOf,
  questionOptions,
  resolveText,
  sampleWalks,
  saveSession,
  validateFlow,
  type Flow,
  type Move,
  type Session,
  type Text,
} from '../src/engine/index.js';
import '../src/support-finder.js';
import type { FinderGlobals } from '../.storybook/preview.js';

/** Each flow file in flows/ and its step ids, read by .storybook/main.ts at start-up or build. */
declare const __SF_EXAMPLE_FLOWS__: Record<string, string[]>;
const FLOWS = __SF_EXAMPLE_FLOWS__;
const flowNames = Object.keys(FLOWS);
const allStepIds = [...new Set(Object.values(FLOWS).flat())].sort();

interface ExplorerArgs {
  /** A flow file in flows/. */
  flow: string;
  /** The id of the step to show. */
  step: string;
}

/** A way to the step: the moves that reach it and the session after them. */
interface Route {
  moves: Move[];
  session: Session;
  /** Reached with "Get help now" rather than by answering. */
  viaGetHelp: boolean;
}

/** The shortest walk the explorer finds that passes through the step, cut off at that step. */
function routeTo(flow: Flow, stepId: string): Route | undefined {
  const { walks } = allWalks(flow, 5_000);
  let best: Route | undefined;
  for (const walk of [...walks, ...sampleWalks(flow, 2_000)]) {
    const at = walk.session.path.indexOf(stepId);
    if (at < 0 || (best && best.session.path.length <= at + 1)) continue;
    const path = walk.session.path.slice(0, at + 1);
    const before = new Set(path.slice(0, -1));
    const answers = Object.fromEntries(Object.entries(walk.session.answers).filter(([id]) => before.has(id)));
    best = { moves: walk.moves.slice(0, at), session: { path, answers }, viaGetHelp: false };
  }
  // Urgent help is on every screen: if no answer leads there, "Get help now" on the first step does.
  const { startId, urgentId } = indexOf(flow);
  if (!best && stepId === urgentId) best = { moves: [], session: { path: [startId, urgentId], answers: {} }, viaGetHelp: true };
  return best;
}

function describeMove(flow: Flow, move: Move, text: (t: Text | undefined) => string): TemplateResult {
  const step = indexOf(flow).steps.get(move.step);
  if (step?.kind === 'info') return html`<li>${text(step.title)}: Continue</li>`;
  if (step?.kind !== 'question') return html`<li>${move.step}</li>`;
  const label = (value: string) => text(questionOptions(step).find((o) => o.value === value)?.label) || value;
  const input = move.kind === 'answer' ? move.input : undefined;
  const given =
    move.kind !== 'answer' ? 'Skipped' : typeof input === 'string' ? (step.type === 'number' ? input : label(input)) : (input ?? []).map(label).join(', ');
  return html`<li>${text(step.question)} <strong>${given}</strong></li>`;
}

async function explore({ flow: name, step }: ExplorerArgs, globals: FinderGlobals): Promise<TemplateResult> {
  const address = `flows/${name}`;
  const response = await fetch(address);
  if (!response.ok) return html`<p role="alert">Could not load ${address}: HTTP ${response.status}.</p>`;
  const checked = validateFlow(await response.json());
  if (!checked.ok) return html`<p role="alert">${address} is not a valid flow: run <code>npx support-finder check ${address}</code>.</p>`;
  const flow = checked.flow;
  if (!indexOf(flow).steps.has(step)) {
    return html`<p role="alert">${name} has no step called “${step}”. Its steps are: ${flow.steps.map((s) => s.id).join(', ')}.</p>`;
  }
  const route = routeTo(flow, step);
  if (!route) {
    return html`<p role="alert">No answers reach the step “${step}” in ${name}: nobody using this flow can see it. Run
      <code>npx support-finder check ${address}</code> to see why.</p>`;
  }
  // Saved progress, in the element's own format and place, restored when it loads the flow.
  sessionStorage.setItem(`support-finder:${flow.id}:${flow.version ?? ''}`, saveSession(route.session));
  const locale = globals.locale ?? 'en';
  const text = (t: Text | undefined) => resolveText(t, { locale, defaultLocale: flow.defaultLocale, audience: route.session.answers[flow.audience?.question ?? ''] as string | undefined });
  const theme = globals.theme && globals.theme !== 'default' ? globals.theme : undefined;
  return html`<div
      class="explored"
      data-step=${step}
      @sf-step-shown=${(event: CustomEvent<{ stepId: string }>) => ((event.currentTarget as HTMLElement).dataset.shown = event.detail.stepId)}
    >
      ${theme
        ? html`<support-finder flow=${address} persist="session" lang=${locale} theme=${theme}></support-finder>`
        : html`<support-finder flow=${address} persist="session" lang=${locale}></support-finder>`}
    </div>
    <section aria-label="How this step was reached" class="route">
      <p>
        <strong>${route.viaGetHelp ? 'Reached with “Get help now” on the first step.' : route.moves.length === 0 ? 'This is the first step.' : 'Answers that reach this step:'}</strong>
      </p>
      ${route.moves.length ? html`<ol>${route.moves.map((move) => describeMove(flow, move, text))}</ol>` : ''}
    </section>`;
}

const meta: Meta<ExplorerArgs> = {
  title: 'Tools/Flow explorer',
  component: 'support-finder',
  args: { flow: flowNames.includes('uk-young-people.json') ? 'uk-young-people.json' : flowNames[0], step: 'support-type' },
  argTypes: {
    flow: { control: 'select', options: flowNames, description: 'A flow file in flows/.' },
    step: {
      control: 'select',
      options: allStepIds,
      description: `The step to show. ${Object.entries(FLOWS)
        .map(([name, ids]) => `${name}: ${ids.join(', ')}`)
        .join('. ')}.`,
    },
  },
  parameters: { docs: { description: { component: 'Pick a flow and a step: the finder opens at that step, reached by answers the engine finds. Back and Start again work as for a person.' } } },
};
export default meta;

export const FlowExplorer: StoryObj<ExplorerArgs> = {
  name: 'Flow explorer',
  render: (args, { globals }) => html`${until(explore(args, globals as FinderGlobals), html`<p>Finding answers that reach “${args.step}”…</p>`)}`,
  play: async ({ canvasElement, args }) => {
    await waitFor(
      () => {
        const shown = canvasElement.querySelector<HTMLElement>('.explored')?.dataset.shown;
        const message = canvasElement.querySelector('[role="alert"]');
        if (!shown && !message) throw new Error('the explorer never showed the step');
      },
      { timeout: 15_000 }
    );
    const explored = canvasElement.querySelector<HTMLElement>('.explored');
    if (explored) await expect(explored.dataset.shown).toBe(args.step);
  },
};
