/**
 * Fixture pages in iframes: each test/fixtures/*.html page is a host page of its own (its own
 * globals, CSS, headers), with the built widget in it. Shared by host-pages and privacy tests.
 */
import { waitUntil } from '@open-wc/testing';
import type { SupportFinder } from '../src/support-finder.js';

const opened = new Set<HTMLIFrameElement>();

export interface FrameOptions {
  /** The iframe's name: lets a server command find the frame. */
  name?: string;
  width?: number;
  height?: number;
}

/** Opens `src` in a new iframe of a fixed size and resolves once it has loaded. */
export async function openFrame(src: string, { name, width = 420, height = 900 }: FrameOptions = {}): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  if (name) iframe.name = name;
  iframe.width = String(width);
  iframe.height = String(height);
  iframe.style.border = '0';
  iframe.style.verticalAlign = 'top';
  const loaded = new Promise<void>((resolve, reject) => {
    iframe.addEventListener('load', () => resolve(), { once: true });
    iframe.addEventListener('error', () => reject(new Error(`${src} did not load`)), { once: true });
  });
  iframe.src = src;
  document.body.append(iframe);
  opened.add(iframe);
  await loaded;
  return iframe;
}

/** Removes every iframe opened by openFrame. */
export function closeFrames(): void {
  for (const iframe of opened) iframe.remove();
  opened.clear();
}

/** The iframe's window, with whatever a fixture script put on it. */
export function frameWindow<T extends object = object>(iframe: HTMLIFrameElement): Window & T {
  const win = iframe.contentWindow;
  if (!win) throw new Error(`${iframe.src} has no window`);
  return win as Window & T;
}

export function frameDocument(iframe: HTMLIFrameElement): Document {
  const doc = iframe.contentDocument;
  if (!doc) throw new Error(`${iframe.src} has no document`);
  return doc;
}

/** The first <support-finder> in the iframe, once it shows a step (or its error screen). */
export async function widgetIn(iframe: HTMLIFrameElement, timeout = 8000): Promise<SupportFinder> {
  const find = () => frameDocument(iframe).querySelector('support-finder');
  await waitUntil(() => find()?.shadowRoot?.querySelector('#sf-heading'), `the widget in ${iframe.src} never showed a step`, {
    timeout,
  });
  const el = find() as unknown as SupportFinder;
  await el.updateComplete;
  return el;
}


/*
 * Assertions in these tests never take a DOM node as their subject: when one fails, the test
 * runner tries to send the node to the server as the "actual" value and the whole run hangs
 * until testsFinishTimeout (seen with @web/test-runner 0.20 and a plain
 * `expect(element).to.not.exist`). They compare text, ids and booleans instead.
 */

/** The error summary's text if the widget refused an answer, else null. */
export function refusal(el: SupportFinder): string | null {
  const summary = el.shadowRoot?.querySelector('.error-summary');
  return summary ? (summary.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

/** Whether something in the widget's shadow root matches `selector`. */
export function has(el: SupportFinder, selector: string): boolean {
  return el.shadowRoot?.querySelector(selector) != null;
}

/** Something to name the focused element in the widget by: its id, or its tag and classes. */
export function focusName(el: SupportFinder): string {
  const node = el.shadowRoot?.activeElement;
  if (!node) return 'nothing';
  return node.id ? `#${node.id}` : `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}`;
}
