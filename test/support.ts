/** Shared by the tests: loading flows from the test server and walking the element. */
import { validateFlow, type Flow } from '../src/engine/index.js';

export async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Loads and validates a flow; fails the test with the errors if it is invalid. */
export async function loadValidFlow(path: string): Promise<Flow> {
  const result = validateFlow(await fetchJson(path));
  if (!result.ok) throw new Error(`${path} is invalid:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result.flow;
}

/** A deep copy of a flow file's JSON, to break in one place per test. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
