import type { Flow, Text } from '../engine/index.js';

/** What every view needs: the flow, and a way to put its text into the person's language. */
export interface ViewContext {
  /** Absent when no flow could be loaded (the error screen). */
  flow: Flow | undefined;
  /** Resolves flow text for the current language and audience. */
  text: (text: Text | undefined) => string;
  /** "me", or another audience value, when the flow asks who it is for. */
  audience: string | undefined;
}
