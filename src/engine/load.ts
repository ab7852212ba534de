/** Fetching a flow file and checking it, with every way that can fail named. */
import { validateFlow, type CodedProblem } from './validate.js';
import type { Flow } from './schema.js';
import { oddText } from './odd-text.js';

export type LoadProblem =
  | { kind: 'network'; detail: string }
  | { kind: 'http'; status: number }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'integrity'; detail: string }
  | { kind: 'invalid'; errors: CodedProblem[]; warnings: CodedProblem[] };

export type LoadResult =
  | { ok: true; flow: Flow; warnings: CodedProblem[] }
  | { ok: false; problem: LoadProblem };

export interface LoadOptions {
  /** Cancels the load; the promise then rejects with the abort reason, as fetch does. */
  signal?: AbortSignal;
  /** The whole load, retries included, gives up after this many milliseconds. */
  timeout?: number;
  /** A Subresource-Integrity style digest ("sha384-…"); a flow whose bytes differ is refused. */
  integrity?: string;
  /** Waits between tries after a transient failure, in milliseconds. */
  retryDelays?: readonly number[];
}

export const DEFAULT_TIMEOUT = 15_000;
const RETRY_DELAYS = [300, 900];

/** Failures worth another try: the network, a busy or failing server, a request timeout. */
const transient = (problem: LoadProblem) =>
  problem.kind === 'network' || (problem.kind === 'http' && (problem.status >= 500 || problem.status === 408 || problem.status === 429));

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Whether `bytes` match one of the digests in an integrity string. */
export async function matchesIntegrity(bytes: ArrayBuffer, integrity: string): Promise<true | string> {
  const algorithms: Record<string, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
  const digests = integrity.trim().split(/\s+/).map((token) => /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/.exec(token));
  if (digests.length === 0 || digests.some((d) => d === null)) {
    return 'the flow-integrity attribute must be a digest such as "sha384-" followed by base64';
  }
  if (!globalThis.crypto?.subtle) return 'this page is not served over https, so the flow cannot be checked against its digest';
  for (const [, algorithm, expected] of digests as RegExpExecArray[]) {
    const digest = new Uint8Array(await crypto.subtle.digest(algorithms[algorithm], bytes));
    if (btoa(String.fromCharCode(...digest)) === expected) return true;
  }
  return 'the flow file is not the reviewed version: its digest does not match the flow-integrity attribute';
}

/** One try: fetch, read, check the digest, parse and validate. */
async function attempt(url: string, signal: AbortSignal, integrity: string | undefined): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    return { ok: false, problem: { kind: 'network', detail: message(error) } };
  }
  if (!response.ok) return { ok: false, problem: { kind: 'http', status: response.status } };
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch (error) {
    // The connection dropped part way through the body.
    if (signal.aborted) throw signal.reason;
    return { ok: false, problem: { kind: 'network', detail: message(error) } };
  }
  if (integrity !== undefined) {
    const checked = await matchesIntegrity(bytes, integrity);
    if (checked !== true) return { ok: false, problem: { kind: 'integrity', detail: checked } };
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { ok: false, problem: { kind: 'not-json', detail: message(error) } };
  }
  const checked = validateFlow(data);
  // Odd characters in text are mended here, once, so every view can show any text.
  if (checked.ok && checked.warnings.some((w) => w.code === 'odd-text')) oddText(checked.flow, true);
  return checked.ok
    ? { ok: true, flow: checked.flow, warnings: checked.warnings }
    : { ok: false, problem: { kind: 'invalid', errors: checked.errors, warnings: checked.warnings } };
}

/**
 * Fetches and validates the flow at `url`, trying again after transient failures, within one
 * overall timeout. Resolves with a problem rather than throwing, except when the caller's
 * signal aborts, which rejects with its reason.
 */
export async function loadFlow(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { signal, timeout = DEFAULT_TIMEOUT, integrity, retryDelays = RETRY_DELAYS } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The flow took too long to load', 'TimeoutError'));
  }, timeout);
  const cancel = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', cancel);
  try {
    if (signal?.aborted) throw signal.reason;
    for (let tries = 0; ; tries++) {
      const result = await attempt(url, controller.signal, integrity);
      if (result.ok || !transient(result.problem) || tries >= retryDelays.length) return result;
      await new Promise((resolve, reject) => {
        const wait = setTimeout(resolve, retryDelays[tries]);
        controller.signal.addEventListener('abort', () => (clearTimeout(wait), reject(controller.signal.reason)), { once: true });
      });
    }
  } catch (error) {
    if (timedOut && !signal?.aborted) return { ok: false, problem: { kind: 'timeout', seconds: Math.round(timeout / 1000) } };
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}
