// Types for generate.mjs, for the TypeScript tests that use it.
export function generateFlow(
  stepCount: number,
  options?: { services?: number; links?: boolean }
): { id: string; steps: unknown[]; services: unknown[] } & Record<string, unknown>;
