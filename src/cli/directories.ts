/**
 * Reading a flow's service directories: files next to the flow for every command, and web
 * addresses for `publish`, which fetches them first. The widget never reads them itself.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkDirectorySettings, convertDirectory, mergeDirectories, type DirectoryServices, type MergedFlow } from '../engine/openreferral.js';
import type { FlowProblem, ServiceDirectory } from '../engine/index.js';

const isAddress = (source: string) => /^https?:\/\//i.test(source);

/** The text of each web address a flow's directories name, fetched; problems name the address. */
export async function fetchDirectories(data: unknown, timeout = 30_000): Promise<{ texts: Map<string, string>; errors: FlowProblem[] }> {
  const texts = new Map<string, string>();
  const errors: FlowProblem[] = [];
  const directories = (data as { serviceDirectories?: unknown } | null)?.serviceDirectories;
  if (!Array.isArray(directories)) return { texts, errors };
  for (const [i, directory] of directories.entries()) {
    const source = (directory as { source?: unknown } | null)?.source;
    if (typeof source !== 'string' || !isAddress(source) || texts.has(source)) continue;
    try {
      const response = await fetch(source, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeout) });
      if (!response.ok) errors.push({ path: `serviceDirectories[${i}].source`, message: `${source} answered ${response.status} ${response.statusText}`.trim() });
      else texts.set(source, await response.text());
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      errors.push({ path: `serviceDirectories[${i}].source`, message: `${source} could not be fetched (${cause})` });
    }
  }
  return { texts, errors };
}

function parse(text: string, source: string): { ok: true; document: unknown } | { ok: false; error: FlowProblem } {
  try {
    return { ok: true, document: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, error: { path: `${source}: (the whole file)`, message: `this is not valid JSON: ${(error as Error).message}` } };
  }
}

export type ResolvedDirectories = { ok: true; merged: MergedFlow; notes: FlowProblem[] } | { ok: false; errors: FlowProblem[]; notes: FlowProblem[] };

/**
 * Reads and converts every directory of a flow and merges their services in. Files are read
 * relative to the flow file; web addresses must be in `fetched` (see fetchDirectories).
 */
export function resolveDirectories(flow: Record<string, unknown>, flowFile: string, fetched?: ReadonlyMap<string, string>): ResolvedDirectories {
  const settings = checkDirectorySettings(flow);
  if (settings.length > 0) return { ok: false, errors: settings, notes: [] };
  const directories = flow.serviceDirectories as ServiceDirectory[];
  const errors: FlowProblem[] = [];
  const notes: FlowProblem[] = [];
  const converted: DirectoryServices[] = [];
  directories.forEach((directory, i) => {
    const at = `serviceDirectories[${i}]`;
    const { source } = directory;
    let text: string | undefined;
    if (isAddress(source)) {
      text = fetched?.get(source);
      if (text === undefined) {
        errors.push({ path: `${at}.source`, message: `${source} is a web address: only "support-finder publish" fetches those. Publish the flow to a file, then run this command on it` });
        return;
      }
    } else {
      try {
        text = readFileSync(resolve(dirname(flowFile), source), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : (error as Error).message;
        errors.push({ path: `${at}.source`, message: `${source} cannot be read (${why}); files are found relative to the flow file` });
        return;
      }
    }
    const parsed = parse(text, source);
    if (!parsed.ok) {
      errors.push(parsed.error);
      return;
    }
    const result = convertDirectory(parsed.document, directory, source, at);
    errors.push(...result.errors);
    notes.push(...result.notes);
    converted.push(result);
  });
  if (errors.length > 0) return { ok: false, errors, notes };
  const merged = mergeDirectories(flow, converted);
  return { ok: true, merged, notes: [...notes, ...merged.notes] };
}
