/**
 * Events the element fires for its host page. All bubble out of the shadow root, all are
 * prefixed `sf-`, and none carries what a person typed: only flow, step, option and service ids.
 */
import type { LoadProblem, Step } from './engine/index.js';
import type { RenderPart } from './views/context.js';

export interface SupportFinderEvents {
  /** The flow file loaded and passed validation. */
  'sf-flow-loaded': { flowId: string; version?: string; warnings: number };
  /** A new step is on screen. */
  'sf-step-shown': { flowId: string; stepId: string; kind: Step['kind'] };
  /**
   * A question was answered. `options` are the chosen option values; it is empty for a number
   * (the number itself is never sent) and when the question was skipped.
   */
  'sf-answer': { flowId: string; stepId: string; options: string[]; skipped: boolean };
  /** Results are on screen, with the ids of the services shown, in order. */
  'sf-outcome-shown': { flowId: string; stepId: string; serviceIds: string[] };
  /**
   * The directory of all services is on screen, or its filters were applied or cleared, with how
   * many services it lists. The filters themselves (an age, an area, words) are never sent.
   */
  'sf-directory-shown': { flowId: string; count: number };
  /**
   * The flow could not be used: it failed to load, took too long, was not the reviewed version,
   * or is invalid. Or, kind `render`: one `part` of a screen could not be built and was left out
   * (a card, a reason, a contact, the keep section or its email link), or the whole `step` was
   * replaced by a message and urgent contacts. Never any text or answer.
   */
  'sf-error': { kind: LoadProblem['kind'] | 'render'; status?: number; errors?: number; part?: RenderPart };
  /** The person used "Leave this page quickly" (or Shift three times); the page is about to change. */
  'sf-quick-exit': Record<string, never>;
  /**
   * The person kept their results: printed, copied, shared, emailed to themselves or sent to
   * their phone. Only the method: never the number or the text.
   */
  'sf-results-kept': { method: 'print' | 'copy' | 'share' | 'email' | 'phone' };
}

export type SupportFinderEventName = keyof SupportFinderEvents;

export function fire<K extends SupportFinderEventName>(
  target: EventTarget,
  type: K,
  detail: SupportFinderEvents[K]
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-flow-loaded': CustomEvent<SupportFinderEvents['sf-flow-loaded']>;
    'sf-step-shown': CustomEvent<SupportFinderEvents['sf-step-shown']>;
    'sf-answer': CustomEvent<SupportFinderEvents['sf-answer']>;
    'sf-outcome-shown': CustomEvent<SupportFinderEvents['sf-outcome-shown']>;
    'sf-directory-shown': CustomEvent<SupportFinderEvents['sf-directory-shown']>;
    'sf-error': CustomEvent<SupportFinderEvents['sf-error']>;
    'sf-quick-exit': CustomEvent<SupportFinderEvents['sf-quick-exit']>;
    'sf-results-kept': CustomEvent<SupportFinderEvents['sf-results-kept']>;
  }
}
