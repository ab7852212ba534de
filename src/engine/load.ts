/** Fetching a flow file and checking it, with every way that can fail named. */
import { validateFlow, type FlowProblem } from './validate.js';
import type { Flow } from './schema.js';

export type LoadProblem =
  | { kind: 'network'; detail: string }
  | { kind: 'http'; status: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'invalid'; errors: FlowProblem[]; warnings: FlowProblem[] };

export type LoadResult =
  | { ok: true; flow: Flow; warnings: FlowProblem[] }
  | { ok: false; problem: LoadProblem };

/**
 * Fetches and validates the flow at `url`. Resolves with a problem rather than throwing, except
 * when `signal` aborts, which rejects with the abort reason as fetch does.
 */
export async function loadFlow(url: string, signal?: AbortSignal): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, problem: { kind: 'network', detail: error instanceof Error ? error.message : String(error) } };
  }
  if (!response.ok) return { ok: false, problem: { kind: 'http', status: response.status } };
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, problem: { kind: 'not-json', detail: error instanceof Error ? error.message : String(error) } };
  }
  const checked = validateFlow(data);
  return checked.ok
    ? { ok: true, flow: checked.flow, warnings: checked.warnings }
    : { ok: false, problem: { kind: 'invalid', errors: checked.errors, warnings: checked.warnings } };
}
