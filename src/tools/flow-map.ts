/**
 * <support-finder-map>: a flow drawn as a map for the people who write and review flows, with
 * the same map in words. A tool for the demo page and Storybook, never part of the widget's bundle.
 */
import { LitElement, html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { flowGraph, words, type Edge, type FlowGraph } from '../engine/graph.js';
import { loadFlow, problemInWords, type LoadProblem } from '../engine/index.js';
import { FONT_SIZE, KIND_WORDS, LINE_HEIGHT, layoutMap, type MapLayout, type Measure, type PlacedEdge, type PlacedStep } from './map-layout.js';
import { styles } from './flow-map.styles.js';

type MapState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'problem'; problem: LoadProblem }
  | { status: 'drawn'; title: string; flowId: string; graph: FlowGraph; layout: MapLayout; layoutMs: number };

export interface FlowMapDrawnDetail {
  flowId: string;
  steps: number;
  edges: number;
  /** Time to build the graph and lay it out, in milliseconds (rendering comes after). */
  layoutMs: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-map-drawn': CustomEvent<FlowMapDrawnDetail>;
  }
}

const TEXT_FONT = `${FONT_SIZE}px Arial, Helvetica, sans-serif`;

/** Text widths from a canvas, in the font the map's SVG uses; cached, as labels repeat. */
function canvasMeasure(): Measure {
  const fonts = [TEXT_FONT, `bold ${TEXT_FONT}`].map((font) => {
    const context = document.createElement('canvas').getContext('2d');
    if (context) context.font = font;
    return context;
  });
  const cache = new Map<string, number>();
  return (text, bold) => {
    const key = bold ? `b${text}` : `r${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      const context = fonts[bold ? 1 : 0];
      width = context ? context.measureText(text).width : text.length * FONT_SIZE * (bold ? 0.62 : 0.56);
      cache.set(key, width);
    }
    return width;
  };
}

/** A way on, as the list in words says it: "Answer “Yes”", "If age < 13", "Otherwise". */
export function wayOnWords(edge: Edge): string {
  switch (edge.kind) {
    case 'urgent':
      return `Urgent answer “${edge.label.replace(/^urgent: /, '')}”`;
    case 'option':
      return `Answer “${edge.label}”`;
    case 'rule':
      return `If ${edge.label}`;
    default:
      return edge.label === 'otherwise' ? 'Otherwise' : 'Next';
  }
}

function problemWords(problem: LoadProblem): string {
  switch (problem.kind) {
    case 'network':
      return `The flow file could not be fetched (${problem.detail}).`;
    case 'http':
      return `The server answered with HTTP status ${problem.status}, not the flow file.`;
    case 'timeout':
      return `The flow file took more than ${problem.seconds} seconds to load.`;
    case 'not-json':
      return `The flow file is not JSON: ${problem.detail}`;
    case 'integrity':
      return problem.detail;
    case 'invalid':
      return `This flow has ${problem.errors.length === 1 ? '1 problem' : `${problem.errors.length} problems`}, so it cannot be drawn:`;
  }
}

const stepAnchor = (index: number) => `step-${index}`;

/**
 * Draws the flow at `flow` as a map of its steps and every way on from each, with what it
 * depends on, and lists the same in words with links between the steps.
 *
 * @fires sf-map-drawn - The map of a valid flow is on screen.
 * @cssprop --sf-map-max-height - The tallest the map's scrolling box gets (default 80vh).
 */
export class SupportFinderMap extends LitElement {
  static override styles = styles;

  /** Address of the flow file (JSON). Changing it draws the new flow. */
  @property({ reflect: true }) flow = '';

  @state() private view: MapState = { status: 'idle' };

  /** The words are made only once opened: a closed list is hidden from everyone anyway. */
  @state() private wordsOpen = false;

  private controller?: AbortController;
  private measure?: Measure;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back into a page after being taken out: the load that was cancelled starts again.
    if (this.hasUpdated && this.view.status === 'loading') void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('flow')) void this.load();
  }

  protected override updated(): void {
    if (this.view.status === 'drawn' && !this.announced) {
      this.announced = true;
      const { flowId, graph, layoutMs } = this.view;
      this.dispatchEvent(
        new CustomEvent<FlowMapDrawnDetail>('sf-map-drawn', {
          bubbles: true,
          composed: true,
          detail: { flowId, steps: graph.steps.length, edges: graph.edges.length, layoutMs },
        })
      );
    }
  }

  private announced = false;

  private async load(): Promise<void> {
    this.controller?.abort();
    this.announced = false;
    this.wordsOpen = false;
    if (!this.flow) {
      this.view = { status: 'idle' };
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.view = { status: 'loading' };
    try {
      const result = await loadFlow(this.flow, { signal: controller.signal });
      if (controller.signal.aborted) return;
      if (!result.ok) {
        this.view = { status: 'problem', problem: result.problem };
        return;
      }
      const started = performance.now();
      this.measure ??= canvasMeasure();
      const graph = flowGraph(result.flow);
      const layout = layoutMap(graph, this.measure);
      const title = words(result.flow, result.flow.title) || result.flow.id;
      this.view = { status: 'drawn', title, flowId: result.flow.id, graph, layout, layoutMs: performance.now() - started };
    } catch (error) {
      if (controller.signal.aborted) return;
      // Never an uncaught error in the host page: whatever went wrong is shown.
      this.view = { status: 'problem', problem: { kind: 'network', detail: error instanceof Error ? error.message : String(error) } };
    }
  }

  /** Links in the words move focus to the step they name (fragment links stop at a shadow root). */
  private handleStepLink(event: Event): void {
    const link = (event.target as Element).closest('a[data-target]');
    if (!link) return;
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${link.getAttribute('data-target')}`);
    target?.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    const view = this.view;
    switch (view.status) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p role="status">Loading the flow map…</p>`;
      case 'problem':
        return html`<div class="problem" role="alert">
          <p>${problemWords(view.problem)}</p>
          ${view.problem.kind === 'invalid'
            ? html`<ul>
                ${view.problem.errors.map((e) => html`<li><code>${e.path}</code>: ${problemInWords(e)}</li>`)}
              </ul>`
            : nothing}
        </div>`;
      case 'drawn':
        return this.renderMap(view.title, view.graph, view.layout);
    }
  }

  private renderMap(title: string, graph: FlowGraph, layout: MapLayout): TemplateResult {
    const counts = `${graph.steps.length} steps and ${graph.edges.length} ways on`;
    return html`
      <p class="summary">The flow “${title}”: ${counts}. The map scrolls; the same map is in words below it.</p>
      <div class="scroll" tabindex="0" role="region" aria-label="Map of the flow “${title}”">
        <svg
          role="img"
          aria-label="Diagram of ${counts}. The same map is in words below, under “The map in words”."
          width=${layout.width}
          height=${layout.height}
          viewBox="0 0 ${layout.width} ${layout.height}"
        >
          <defs>
            ${['', 'to-urgent', 'back'].map(
              (kind) => svg`<marker id=${`arrow${kind ? `-${kind}` : ''}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">
                <path class="arrow ${kind}" d="M0 0L10 5L0 10z"></path>
              </marker>`
            )}
          </defs>
          ${layout.edges.map((placed) => this.renderEdge(placed, graph))} ${layout.steps.map((placed) => this.renderStep(placed))}
        </svg>
      </div>
      ${this.renderWords(graph, layout)}
    `;
  }

  private renderEdge(placed: PlacedEdge, graph: FlowGraph): SVGTemplateResult {
    const { edge, points, label, back } = placed;
    const kind = edge.to === graph.urgentId ? 'to-urgent' : back ? 'back' : '';
    const d = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join('');
    return svg`<g class="way-on" data-from=${edge.from} data-to=${edge.to} data-kind=${edge.kind}>
      <path class="edge ${kind}" d=${d} marker-end="url(#arrow${kind ? `-${kind}` : ''})"></path>
      ${label
        ? svg`<g class="label">
            <rect x=${label.x} y=${label.y} width=${label.width} height=${label.height} rx="3"></rect>
            ${label.lines.map((line, i) => svg`<text x=${label.x + label.width / 2} y=${label.y + 4 + (i + 1) * LINE_HEIGHT - 4} text-anchor="middle">${line}</text>`)}
          </g>`
        : nothing}
    </g>`;
  }

  private renderStep(placed: PlacedStep): SVGTemplateResult {
    const { x, y, width: w, height: h, step } = placed;
    let shape: SVGTemplateResult;
    if (step.kind === 'urgent') {
      const c = 12;
      const corners = [[x + c, y], [x + w - c, y], [x + w, y + c], [x + w, y + h - c], [x + w - c, y + h], [x + c, y + h], [x, y + h - c], [x, y + c]];
      shape = svg`<polygon class="shape" points=${corners.map((p) => p.join(',')).join(' ')}></polygon>`;
    } else if (step.kind === 'outcome') {
      shape = svg`<rect class="shape" x=${x} y=${y} width=${w} height=${h}></rect><rect class="shape" x=${x + 4} y=${y + 4} width=${w - 8} height=${h - 8} fill="none"></rect>`;
    } else {
      shape = svg`<rect class="shape" x=${x} y=${y} width=${w} height=${h} rx=${step.kind === 'info' ? 16 : 3}></rect>`;
    }
    const left = x + (step.kind === 'urgent' ? 16 : 8);
    return svg`<g class="step ${step.kind} ${step.reachable ? '' : 'unreachable'}" data-step=${step.id}>
      ${shape}
      <text class="title" x=${left} y=${y + 8 + LINE_HEIGHT - 4}>${placed.title}</text>
      ${placed.lines.map((line, i) => svg`<text x=${left} y=${y + 8 + (i + 2) * LINE_HEIGHT - 4}>${line}</text>`)}
    </g>`;
  }

  private renderWords(graph: FlowGraph, layout: MapLayout): TemplateResult {
    return html`<details ?open=${this.wordsOpen} @toggle=${this.handleToggle}>
      <summary>The map in words</summary>
      ${this.wordsOpen ? this.renderWordsList(graph, layout) : nothing}
    </details>`;
  }

  private handleToggle(event: Event): void {
    this.wordsOpen = (event.target as HTMLDetailsElement).open;
  }

  private renderWordsList(graph: FlowGraph, layout: MapLayout): TemplateResult {
    const position = new Map(graph.steps.map((s, i) => [s.id, i]));
    const back = new Map(layout.edges.map((p) => [p.edge, p.back]));
    const stepLink = (id: string) => {
      const i = position.get(id)!;
      const step = graph.steps[i];
      return html`<a href="#${stepAnchor(i)}" data-target=${stepAnchor(i)}>${step.label || step.id}</a> (${KIND_WORDS[step.kind].toLowerCase()} <code>${step.id}</code>)`;
    };
    const onwards = new Map<string, Edge[]>();
    for (const edge of graph.edges) onwards.set(edge.from, [...(onwards.get(edge.from) ?? []), edge]);
    return html`
      <div @click=${this.handleStepLink}>
        ${graph.urgentId !== undefined ? html`<p>“Get help now”, on every screen, goes to ${stepLink(graph.urgentId)}.</p>` : nothing}
        <ol class="steps">
          ${graph.steps.map((step, i) => {
            const ways = onwards.get(step.id) ?? [];
            const notes = [step.id === graph.startId ? 'It starts here.' : '', step.reachable ? '' : 'Not reachable from the start.'].filter(Boolean).join(' ');
            return html`<li id=${stepAnchor(i)} tabindex="-1" data-step=${step.id}>
              <strong>${KIND_WORDS[step.kind]}</strong> <code>${step.id}</code>: ${step.label} ${notes}
              ${ways.length
                ? html`<ul>
                    ${ways.map(
                      (edge) =>
                        html`<li class="way-on" data-from=${edge.from} data-to=${edge.to} data-kind=${edge.kind}>
                          ${wayOnWords(edge)}: goes ${back.get(edge) ? 'back ' : ''}to ${stepLink(edge.to)}
                        </li>`
                    )}
                  </ul>`
                : html`<p>${step.kind === 'outcome' ? 'The finder ends here and shows services.' : step.kind === 'urgent' ? 'Shows who to contact now.' : 'No way on.'}</p>`}
            </li>`;
          })}
        </ol>
      </div>
    `;
  }
}

if (!customElements.get('support-finder-map')) customElements.define('support-finder-map', SupportFinderMap);

declare global {
  interface HTMLElementTagNameMap {
    'support-finder-map': SupportFinderMap;
  }
}
