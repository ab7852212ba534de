/** The engine: everything that decides, with no DOM. The element and the tools use only this. */
export * from './schema.js';
export * from './text.js';
export * from './markup.js';
export * from './routing.js';
export * from './session.js';
export * from './matching.js';
export * from './directory.js';
export * from './results-text.js';
export * from './validate.js';
export * from './problem-words.js';
export * from './load.js';
export * from './default-urgent.js';
export * from './explore.js';
export * from './lint.js';
export * from './shape.js';
export * from './version.js';
export * from './progress.js';
