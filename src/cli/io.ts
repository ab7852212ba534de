/** Reading flow files, colours, and small helpers shared by the commands. */
import { readFileSync } from 'node:fs';
import { allWalks, reviewFlow, sampleWalks, type Flow, type FlowProblem, type Walk } from '../engine/index.js';
import { traceProblem } from '../engine/openreferral.js';
import { resolveDirectories } from './directories.js';

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
export const red = paint('31');
export const yellow = paint('33');
export const green = paint('32');
export const bold = paint('1');
export const dim = paint('2');

/** A command-line mistake: printed without a stack, exit code 2. */
export class UsageError extends Error {}

export type Loaded =
  | { ok: true; flow: Flow; data: unknown; warnings: FlowProblem[] }
  | { ok: false; errors: FlowProblem[]; warnings: FlowProblem[] };

/** Line and column of a character position, for JSON syntax errors. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Reads, parses and reviews one flow file. Never throws. A flow with `serviceDirectories` is
 * checked as it will be published: with their services merged in (web addresses only when
 * `fetched` holds them, as `publish` does). Directory notes come back as warnings.
 */
export function loadFlowFile(file: string, fetched?: ReadonlyMap<string, string>): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : `the file could not be read (${(error as Error).message})`;
    return { ok: false, errors: [{ path: '(the whole file)', message }], warnings: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = (error as Error).message;
    const position = /position (\d+)/.exec(detail);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    return {
      ok: false,
      errors: [{ path: '(the whole file)', message: `this is not valid JSON${where}: ${detail}. Check for a missing or extra comma, or curly quotes` }],
      warnings: [],
    };
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'serviceDirectories' in data) {
    const resolved = resolveDirectories(data as Record<string, unknown>, file, fetched);
    if (!resolved.ok) return { ok: false, errors: resolved.errors, warnings: resolved.notes };
    const { flow, origins } = resolved.merged;
    const review = reviewFlow(flow);
    const warnings = [...resolved.notes, ...review.warnings.map((w) => traceProblem(w, origins))];
    return review.ok ? { ok: true, flow: review.flow, data: flow, warnings } : { ok: false, errors: review.errors.map((e) => traceProblem(e, origins)), warnings };
  }
  const review = reviewFlow(data);
  return review.ok ? { ok: true, flow: review.flow, data, warnings: review.warnings } : { ok: false, errors: review.errors, warnings: review.warnings };
}

export interface Exploration {
  walks: Walk[];
  /** Every path was walked. */
  complete: boolean;
  /** How many walks came from walking in order, and how many from the random sample. */
  ordered: number;
  sampled: number;
}

/** Walks the flow: every path while there are few enough, else the first `limit` and a seeded sample. */
export function explore(flow: Flow, limit = 20_000, sample = 5_000): Exploration {
  const all = allWalks(flow, limit);
  if (all.complete) return { walks: all.walks, complete: true, ordered: all.walks.length, sampled: 0 };
  const extra = sampleWalks(flow, sample, 2026);
  return { walks: [...all.walks, ...extra], complete: false, ordered: all.walks.length, sampled: extra.length };
}

export function explorationWords(e: Exploration): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  return e.complete
    ? `every route (${n(e.ordered)})`
    : `${n(e.ordered + e.sampled)} routes (the first ${n(e.ordered)} in order and a random sample of ${n(e.sampled)}; there are more)`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** Reads a positive whole number option. */
export function wholeNumber(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} needs a whole number of at least 1, such as ${name} 500`);
  return Number(value);
}

/** Whether a file is a JSON Schema (such as flows/flow.schema.json) rather than a flow. */
export function isJsonSchemaFile(file: string): boolean {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return typeof data.$schema === 'string' && data.$schema.includes('json-schema.org') && !('formatVersion' in data);
  } catch {
    return false;
  }
}
