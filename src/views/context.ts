import type { Flow, Text } from '../engine/index.js';

/** What every view needs: the flow, and a way to put its text into the person's language. */
export interface ViewContext {
  /** Absent when no flow could be loaded (the error screen). */
  flow: Flow | undefined;
  /** Resolves flow text for the current language and audience. */
  text: (text: Text | undefined) => string;
  /** "me", or another audience value, when the flow asks who it is for. */
  audience: string | undefined;
  /**
   * Builds one part of a screen; if that throws, gives `fallback` instead and tells the host
   * (sf-error, kind "render"), so one bad part never stops a step.
   */
  part: <T, F>(name: RenderPart, build: () => T, fallback: F) => T | F;
}

/** The parts of a screen that degrade on their own when building them fails. */
export type RenderPart = 'step' | 'card' | 'reason' | 'contact' | 'keep' | 'email';
