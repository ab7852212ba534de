// Types for the TypeScript files that import the flow list (.storybook/main.ts).
export function exampleFlowNames(): Promise<string[]>;
export function flowListPlugin(): { name: string; serve(context: { path: string }): Promise<unknown> };
