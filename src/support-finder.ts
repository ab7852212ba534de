import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import {
  DEFAULT_TIMEOUT,
  DEFAULT_URGENT_SERVICES,
  answerQuestion,
  answersOnPath,
  audienceOf,
  canGoBack,
  continueFrom,
  currentStep,
  filterServices,
  goBack,
  goToUrgentHelp,
  indexOf,
  loadFlow,
  keptServices,
  mailtoFits,
  mailtoHref,
  TEXT_MESSAGE_LIMIT,
  matchServices,
  progressOf,
  resolveText,
  restoreSession,
  resultsText,
  saveSession,
  skipQuestion,
  servicesOf,
  startSession,
  urgentHelp,
  type AnswerInput,
  type AnswerProblem,
  type DirectoryFilters,
  type Flow,
  type CodedProblem,
  type LoadProblem,
  type OutcomeResult,
  type Service,
  type Session,
  type Step,
  type SupportType,
  type Text,
} from './engine/index.js';
import { fire } from './events.js';
import { direction, formatNumber, useLocale } from './localisation.js';
import { styles } from './styles.js';
import { VERSION } from './version.js';
import type { RenderPart, ViewContext } from './views/context.js';
import { countText, renderDirectory } from './views/directory.js';
import { renderInfo } from './views/info.js';
import { contactWords, renderKeep, sendFailedText, type KeepMethod, type KeepState } from './views/keep.js';
import { renderLoadError } from './views/load-error.js';
import { renderOutOfRange } from './views/out-of-range.js';
import { renderOutcome } from './views/outcome.js';
import { firstFieldId, problemText, renderErrorSummary, renderQuestion } from './views/question.js';
import { renderUrgentCard, renderUrgentWayOn } from './views/urgent.js';
import { HEADING_ID, PHONE_SENT_ID, STATUS_ID } from './views/ids.js';

/** Where the interface language files are, when not in locales/ beside the script. */
export { setLocaleBase } from './localisation.js';

/** Every finder's saved progress is kept under a key that starts so (persist="session"). */
const STORAGE_PREFIX = 'support-finder:';

/** A neutral page to leave for, as GOV.UK's "Exit this page" does by default. */
const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

type LoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; flow: Flow; warnings: CodedProblem[] }
  | { status: 'failed'; problem: LoadProblem };

/**
 * A digital support finder: asks a few plain questions, one per screen, and signposts the
 * person to services that fit, with urgent help one step away on every screen. Everything it
 * does is decided by the flow file it loads; nothing the person answers leaves the browser.
 *
 * @summary Guides a person through a flow of questions to the support services that fit them.
 *
 * @slot - What to show when the script cannot run: before it has loaded, or if it never does. A
 *   short paragraph, a link to the organisation's own services page and urgent numbers. Hidden
 *   once the element is defined; shown again under the built-in urgent contacts when the flow
 *   cannot be loaded, so the host's own local numbers are there too.
 * @attr {string} lang - The language to show flow text in. Otherwise the nearest `lang` on the
 *   page, then the flow's `defaultLocale`.
 *
 * @fires {CustomEvent<{ flowId: string; version?: string; warnings: number }>} sf-flow-loaded - The flow loaded and is valid. `detail: { flowId, version, warnings }`.
 * @fires {CustomEvent<{ flowId: string; stepId: string; kind: 'question' | 'info' | 'outcome' | 'urgent' }>} sf-step-shown - A new step is on screen. `detail: { flowId, stepId, kind }`.
 * @fires {CustomEvent<{ flowId: string; stepId: string; options: string[]; skipped: boolean }>} sf-answer - A question was answered. `detail: { flowId, stepId, options, skipped }` (never a typed value).
 * @fires {CustomEvent<{ flowId: string; stepId: string; serviceIds: string[] }>} sf-outcome-shown - Results are on screen. `detail: { flowId, stepId, serviceIds }`.
 * @fires {CustomEvent<{ flowId: string; count: number }>} sf-directory-shown - The list of all services is on screen, or its filters changed. `detail: { flowId, count }` (never the filters).
 * @fires {CustomEvent<{ kind: 'network' | 'http' | 'timeout' | 'not-json' | 'integrity' | 'invalid' | 'render'; status?: number; errors?: number; part?: 'step' | 'card' | 'reason' | 'contact' | 'keep' | 'email' }>} sf-error - The flow could not be loaded or is invalid; or (kind `render`) one part of a screen could not be built and was left out, or the whole step could not be shown and a message with urgent contacts is shown instead. `detail: { kind, status?, errors?, part? }`, never any text or answer.
 * @fires {CustomEvent<{}>} sf-quick-exit - The person chose "Leave this page quickly" (or pressed Shift 3 times); the page is about to change. `detail: {}`.
 * @fires {CustomEvent<{ method: 'print' | 'copy' | 'share' | 'email' | 'phone' }>} sf-results-kept - Results were printed, copied, shared, emailed or sent to a phone. `detail: { method }` (never the number or the text).
 *
 * @csspart question - The heading of a question.
 * @csspart option - One choice (radio or checkbox, label and hint).
 * @csspart button - Continue, skip, try again and other buttons.
 * @csspart card - A service card.
 * @csspart urgent - The urgent-help card.
 * @csspart secondary-button - A secondary button (skip, see all services, try again, clear filters); also part `button`.
 * @csspart quick-exit - The "Leave this page quickly" button.
 * @csspart error-summary - The "There is a problem" box that takes focus after a refused answer.
 *
 * @cssprop --sf-color-text - Body text; the urgent card's body background. Default #212b32.
 * @cssprop --sf-color-secondary-text - Hints, service details, borders of text fields and lists. Default #4c6272.
 * @cssprop --sf-color-background - The widget's background; text on the urgent card. Default #ffffff.
 * @cssprop --sf-color-link - Links, link-style buttons (Back, Start again), secondary buttons. Default #005eb8.
 * @cssprop --sf-color-link-visited - Visited links. Default #330072.
 * @cssprop --sf-color-focus - The focus highlight (background of focused links and buttons, ring on fields). Default #ffeb3b.
 * @cssprop --sf-color-focus-text - Text on the focus highlight and the ring's dark edge. Default #212b32.
 * @cssprop --sf-color-button - Primary buttons (hover and shadow shades are mixed from it). Default #007f3b.
 * @cssprop --sf-color-button-text - Text on primary and quick-exit buttons. Default #ffffff.
 * @cssprop --sf-color-border - Service card borders. Default #d8dde0.
 * @cssprop --sf-color-card - Service card background. Default #ffffff.
 * @cssprop --sf-color-error - Error summary, error messages and fields in error. Default #d5281b.
 * @cssprop --sf-color-urgent - Urgent help: the emergency card, "Get help now", "Leave this page quickly". Default #d5281b.
 * @cssprop --sf-font-family - Every text in the widget. Default 'Frutiger W01', Arial, sans-serif.
 * @cssprop --sf-font-size - Body text size; headings scale with it. Default 1.1875em (19px).
 * @cssprop --sf-space - Space between blocks, inside cards and panels. Default 16px.
 * @cssprop --sf-radius - Corner radius of buttons, cards and the urgent card. Default 4px.
 * @cssprop --sf-focus-width - Thickness of the focus ring. Default 4px.
 */
export class SupportFinder extends LitElement {
  static override properties = {
    flow: { reflect: true },
    flowIntegrity: { attribute: 'flow-integrity' },
    timeout: { type: Number },
    exitUrl: { attribute: 'exit-url' },
    persist: {},
    mode: {},
    theme: { reflect: true },
    load: { state: true },
    session: { state: true },
    problem: { state: true },
    draft: { state: true },
    directory: { state: true },
    filters: { state: true },
    ageError: { state: true },
    leaving: { state: true },
    resultsEndpoint: { attribute: 'results-endpoint' },
    keeping: { state: true },
    barHeight: { state: true },
  };
  static override styles = styles;

  /** This build's version; a page that loads two versions is warned in the console. */
  static readonly version = VERSION;

  /** The address of the flow file (JSON), relative to the page or absolute. */
  flow = '';

  /**
   * A Subresource-Integrity style digest of the reviewed flow ("sha384-…"). A flow file whose
   * bytes do not match is refused, so a trust can pin the version it signed off.
   */
  flowIntegrity?: string;

  /**
   * How long to wait for the flow, in milliseconds, retries included (default 15000). A value
   * that is not a whole number from 1 to 2147483647 ("abc", 0, -5) is warned about and the
   * default used, so a typo can never fail every load at once.
   */
  timeout: number = DEFAULT_TIMEOUT;

  /**
   * Where "Leave this page quickly" (and Shift pressed three times) goes: a neutral page.
   * Only http(s) addresses are used; anything else falls back to the default.
   */
  exitUrl: string = DEFAULT_EXIT_URL;

  /**
   * `session` keeps progress in sessionStorage for this tab, keyed by flow id and version, so a
   * reload does not lose it. By default nothing is stored anywhere.
   */
  persist: 'none' | 'session' = 'none';

  /**
   * `directory` shows the flow's whole catalogue of services, A to Z, with filters, instead of
   * the questions: for adults who work with young people and want the list. Results pages link
   * to the same list ("See all services").
   */
  mode: 'questions' | 'directory' = 'questions';

  /**
   * The built-in look: `nhs` (NHS.UK colours, 19px text, yellow focus ring) or `neutral` (plain
   * colours, the system font). Either sets `--sf-*` tokens; a host's own tokens still win.
   */
  theme: 'nhs' | 'neutral' = 'nhs';

  private load: LoadState = { status: 'idle' };
  private session: Session | undefined;
  private problem: AnswerProblem | undefined;
  /** What was entered when an answer was refused, so it is shown again with the error. */
  private draft: AnswerInput;
  /** The directory is on screen (the mode attribute, or "See all services"). */
  private directory = false;
  /** Reached from results, so "Back to questions" returns there. */
  #fromFlow = false;
  /** "Get help now" was pressed in the directory, so Back returns to it. */
  #helpFromDirectory = false;
  private filters: DirectoryFilters = {};
  private ageError = false;
  /** Counts filter changes, so each Apply is announced and reported, even with the same count. */
  #filterRun = 0;
  #listCache: { filters: DirectoryFilters; locale: string; services: Service[] } | undefined;

  #request: AbortController | undefined;
  #shiftPresses: number[] = [];
  /** Set by quick exit: the widget shows nothing but "Leaving this page" from then on. */
  private leaving = false;
  /** Said to screen readers with the next step's heading, e.g. "Your answers have been cleared". */
  #pendingAnnouncement = '';
  #focusTarget: 'heading' | 'summary' | undefined;
  #shownKey = '';
  #outcomeCache: { session: Session; result: OutcomeResult } | undefined;
  /** Parts of screens that failed to build in the last render, reported once per step. */
  #faults = new Set<RenderPart>();
  #faultsReported = new Set<string>();
  /** Renders again when this element's lang, or the page's, changes. */
  #langWatch = new MutationObserver(() => {
    this.#watchLang();
    this.requestUpdate();
  });

  /** How tall the sticky bar is (px), for the styles, so what takes focus is never under it. */
  private barHeight = 0;
  #barWatch = new ResizeObserver(([entry]) => {
    this.barHeight = Math.ceil(entry.borderBoxSize[0].blockSize);
  });
  #watchedBar: Element | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
    document.addEventListener('keydown', this.#handleKeydown, true);
    this.#watchLang();
    // Removed mid-load and put back: load again, as the old request was cancelled.
    if (this.hasUpdated && this.load.status === 'idle') this.#startLoad();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#handleKeydown, true);
    this.#langWatch.disconnect();
    this.#barWatch.disconnect();
    this.#watchedBar = undefined;
    if (this.load.status === 'loading') {
      this.#request?.abort();
      this.load = { status: 'idle' };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#localise();
    if (changed.has('timeout') && this.#timeoutMs() !== this.timeout) {
      console.warn(`support-finder: timeout "${String(this.timeout)}" is not a number of milliseconds from 1 to 2147483647; ${DEFAULT_TIMEOUT} is used.`);
    }
    if (changed.has('flow') || changed.has('flowIntegrity')) this.#startLoad();
    if (changed.has('resultsEndpoint')) this.#endpoint = this.#checkEndpoint();
    if (changed.has('mode')) {
      this.directory = this.mode === 'directory';
      this.#fromFlow = false;
    }
  }

  #startLoad(): void {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.session = undefined;
    this.problem = undefined;
    this.#shownKey = '';
    this.filters = {};
    this.ageError = false;
    if (!this.flow) {
      this.#fail({ kind: 'network', detail: msg('No flow file was given: set the flow attribute.') });
      return;
    }
    this.load = { status: 'loading' };
    const url = new URL(this.flow, document.baseURI).href;
    loadFlow(url, { signal: request.signal, timeout: this.#timeoutMs(), integrity: this.flowIntegrity || undefined }).then(
      (result) => {
        if (request.signal.aborted) return;
        if (!result.ok) return this.#fail(result.problem);
        this.load = { status: 'ready', flow: result.flow, warnings: result.warnings };
        const stored = this.#stored();
        const saved = stored?.read() ?? null;
        let restored: Session | undefined;
        try {
          restored = restoreSession(result.flow, saved);
        } catch {
          // Treated as the tampered save it is.
        }
        // A save that does not fit is not just ignored but removed, so it cannot trouble a reload.
        if (saved !== null && !restored) stored?.clear();
        this.session = restored ?? startSession(result.flow);
        fire(this, 'sf-flow-loaded', {
          flowId: result.flow.id,
          version: result.flow.version,
          warnings: result.warnings.length,
        });
      },
      (error: unknown) => {
        if (request.signal.aborted) return;
        this.#fail({ kind: 'network', detail: error instanceof Error ? error.message : String(error) });
      }
    );
  }

  #fail(problem: LoadProblem): void {
    this.load = { status: 'failed', problem };
    fire(this, 'sf-error', {
      kind: problem.kind,
      status: problem.kind === 'http' ? problem.status : undefined,
      errors: problem.kind === 'invalid' ? problem.errors.length : undefined,
    });
  }

  /**
   * Saved progress for this flow, when the host opted in with persist="session"; undefined
   * otherwise, so nothing is ever read or written without that opt-in.
   */
  #stored(): { read: () => string | null; write: (value: string) => void; clear: () => void } | undefined {
    if (this.persist !== 'session' || this.load.status !== 'ready') return undefined;
    const key = `${STORAGE_PREFIX}${this.load.flow.id}:${this.load.flow.version ?? ''}`;
    // Storage can be switched off or full; progress is a convenience, never worth an error.
    const attempt = <T>(work: () => T): T | undefined => {
      try {
        return work();
      } catch {
        return undefined;
      }
    };
    return {
      read: () => attempt(() => sessionStorage.getItem(key)) ?? null,
      write: (value) => attempt(() => sessionStorage.setItem(key, value)),
      clear: () => attempt(() => sessionStorage.removeItem(key)),
    };
  }

  /**
   * The person's language: the element's lang, else the page's, else the flow's default. A lang
   * that is not a language tag ("__proto__", "zz-!!") is passed over.
   */
  get #locale(): string {
    const tag = (lang: string | undefined) => {
      try {
        return lang && Intl.getCanonicalLocales(lang).length > 0 ? lang : undefined;
      } catch {
        return undefined;
      }
    };
    return tag(this.lang) || tag(this.#langAncestor()?.lang) || (this.load.status === 'ready' ? this.load.flow.defaultLocale : 'en');
  }

  /** The timeout attribute if usable (setTimeout takes 1 to 2^31-1 ms), else the default. */
  #timeoutMs(): number {
    const { timeout } = this;
    return Number.isInteger(timeout) && timeout > 0 && timeout <= 2 ** 31 - 1 ? timeout : DEFAULT_TIMEOUT;
  }

  /** The nearest element above this one with a lang, looking out of shadow roots too. */
  #langAncestor(): HTMLElement | undefined {
    let node: Element | undefined = this;
    do node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined);
    while (node && !(node as HTMLElement).lang);
    return node as HTMLElement | undefined;
  }

  #watchLang(): void {
    const watch = this.#langWatch;
    watch.disconnect();
    watch.observe(this, { attributeFilter: ['lang'] });
    watch.observe(this.#langAncestor() ?? document.documentElement, { attributeFilter: ['lang'] });
  }

  /** Makes this finder's language the one msg() speaks, until another finder renders. */
  #localise(): void {
    useLocale(this.#locale, () => this.requestUpdate());
  }

  #viewContext(): ViewContext {
    const flow = this.load.status === 'ready' ? this.load.flow : undefined;
    const audience = flow && this.session ? audienceOf(flow, answersOnPath(this.session)) : undefined;
    const context = { locale: this.#locale, defaultLocale: flow?.defaultLocale ?? 'en', audience };
    return {
      flow,
      audience,
      text: (text: Text | undefined) => resolveText(text, context),
      part: (name, build, fallback) => {
        try {
          return build();
        } catch (error) {
          this.#fault(name, error);
          return fallback;
        }
      },
    };
  }

  #fault(part: RenderPart, error: unknown): void {
    this.#faults.add(part);
    console.error(`support-finder: part of this screen (${part}) could not be shown.`, error);
  }

  /** A whole step, or if it cannot be built, a message with urgent contacts in its place. */
  #safeStep(ctx: ViewContext, flow: Flow, build: () => TemplateResult): TemplateResult {
    try {
      return build();
    } catch (error) {
      this.#fault('step', error);
      return this.#renderBroken(ctx, flow);
    }
  }

  #outcomeFor(flow: Flow, session: Session): OutcomeResult | undefined {
    const step = currentStep(flow, session);
    if (step.kind !== 'outcome') return undefined;
    if (this.#outcomeCache?.session !== session) {
      this.#outcomeCache = { session, result: matchServices(flow, step, answersOnPath(session)) };
    }
    return this.#outcomeCache.result;
  }

  /** Moves to a new session state after a person's action, with focus on the new heading. */
  #go(session: Session): void {
    this.session = session;
    this.#helpFromDirectory = false;
    this.problem = undefined;
    this.draft = undefined;
    this.keeping = {};
    this.#focusTarget = 'heading';
    // Saved progress ends when the results are shown: nothing is kept once it has done its job,
    // not even when "Get help now" is pressed after them. Going back before them saves again.
    const flow = this.load.status === 'ready' ? this.load.flow : undefined;
    if (flow && session.path.some((id) => indexOf(flow).steps.get(id)?.kind === 'outcome')) this.#stored()?.clear();
    else this.#stored()?.write(saveSession(session));
  }

  /** Start again, Clear my answers: a fresh session, and nothing saved. */
  #reset(announcement?: string): void {
    if (this.load.status !== 'ready') return;
    this.#stored()?.clear();
    this.#go(startSession(this.load.flow));
    this.#stored()?.clear();
    if (announcement) this.#pendingAnnouncement = announcement;
  }

  /**
   * Quick exit: forget everything, replace this page in the history (so Back does not return
   * to it) and go to the neutral page, as GOV.UK's "Exit this page" does.
   */
  #quickExit(): void {
    // Every finder's saved progress, not only this one's: the person is leaving the page.
    try {
      for (let i = sessionStorage.length - 1; i >= 0; i--) {
        const key = sessionStorage.key(i);
        if (key?.startsWith(STORAGE_PREFIX)) sessionStorage.removeItem(key);
      }
    } catch {
      // Storage switched off: then nothing was saved.
    }
    this.session = undefined;
    this.load = { status: 'idle' };
    this.#request?.abort();
    this.leaving = true;
    this.#localise();
    this.#announce(msg('Leaving this page'));
    fire(this, 'sf-quick-exit', {});
    let target = DEFAULT_EXIT_URL;
    try {
      const url = new URL(this.exitUrl, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') target = url.href;
    } catch {
      // keep the default
    }
    // The exit site must not learn which page the person was on (the Referer header and
    // document.referrer). A referrer policy set by a meta element applies to the next
    // navigation, keeps location.replace (no Back entry) and is allowed under any CSP.
    const policy = document.createElement('meta');
    policy.name = 'referrer';
    policy.content = 'no-referrer';
    (document.head ?? document.documentElement).append(policy);
    location.replace(target);
  }

  /**
   * Shift pressed three times, each within a second of the last, leaves quickly. Any other key
   * in between starts the count again, so typing capital letters never triggers it.
   */
  #handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Shift') {
      this.#shiftPresses = [];
      return;
    }
    if (event.repeat) return;
    const last = this.#shiftPresses[this.#shiftPresses.length - 1];
    if (last !== undefined && event.timeStamp - last > 1000) this.#shiftPresses = [];
    this.#shiftPresses.push(event.timeStamp);
    if (this.#shiftPresses.length === 3) {
      this.#shiftPresses = [];
      this.#quickExit();
    }
  };

  #handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.load.status !== 'ready' || !this.session) return;
    const flow = this.load.flow;
    const step = currentStep(flow, this.session);
    if (step.kind !== 'question') return;
    const form = event.currentTarget as HTMLFormElement;
    const values = new FormData(form).getAll('answer').map(String);
    const input: AnswerInput = step.type === 'multiple' ? values : values[0];
    const result = answerQuestion(flow, this.session, input);
    if (!result.ok) {
      this.problem = result.problem;
      this.draft = input;
      this.#focusTarget = this.#outOfRangeAge(step) ? 'heading' : 'summary';
      return;
    }
    const answer = result.session.answers[step.id];
    fire(this, 'sf-answer', {
      flowId: flow.id,
      stepId: step.id,
      options: typeof answer === 'string' ? [answer] : Array.isArray(answer) ? [...answer] : [],
      skipped: answer === null,
    });
    this.#go(result.session);
  }

  #handleSkip(): void {
    if (this.load.status !== 'ready' || !this.session) return;
    const stepId = currentStep(this.load.flow, this.session).id;
    fire(this, 'sf-answer', { flowId: this.load.flow.id, stepId, options: [], skipped: true });
    this.#go(skipQuestion(this.load.flow, this.session));
  }

  /** "None of these" clears the other boxes, and any other box clears "None of these". */
  #handleChoiceChange(event: Event): void {
    const changed = event.target as HTMLInputElement;
    if (changed.type !== 'checkbox' || !changed.checked) return;
    const boxes = changed.form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [];
    const exclusive = changed.dataset.exclusive === 'true';
    for (const box of boxes) {
      if (box !== changed && (exclusive || box.dataset.exclusive === 'true')) box.checked = false;
    }
  }

  /**
   * An age outside the question's range, where the flow has not said where such answers go:
   * the finder's own page about who it is for, instead of an error. Other number questions
   * keep the error, which names the question and the range.
   */
  #outOfRangeAge(step: Step): boolean {
    const kind = this.problem?.kind;
    return step.kind === 'question' && step.about === 'age' && (kind === 'too-small' || kind === 'too-large');
  }

  /** "Change your answer": the age question again, with what was typed still there. */
  #handleChangeAnswer(): void {
    this.problem = undefined;
    this.#focusTarget = 'heading';
  }

  #handleContinue(): void {
    if (this.load.status === 'ready' && this.session) this.#go(continueFrom(this.load.flow, this.session));
  }

  #handleBack(): void {
    if (!this.session) return;
    const toDirectory = this.#helpFromDirectory;
    this.#go(goBack(this.session));
    this.directory = toDirectory;
  }

  #handleStartAgain(): void {
    this.#reset();
  }

  #handleClearAnswers(): void {
    this.#localise();
    this.#reset(msg('Your answers have been cleared'));
  }

  #handleGetHelp(): void {
    if (this.load.status !== 'ready' || !this.session) return;
    const fromDirectory = this.directory;
    this.#go(goToUrgentHelp(this.load.flow, this.session));
    this.#helpFromDirectory = fromDirectory;
    this.directory = false;
  }

  /** After urgent help: the way the flow names, or else the A-Z list of all services. */
  #handleWayOn(): void {
    if (this.load.status !== 'ready' || !this.session) return;
    const next = continueFrom(this.load.flow, this.session);
    if (next !== this.session) this.#go(next);
    else this.#handleSeeAll();
  }

  #handleSeeAll(): void {
    this.directory = this.#fromFlow = true;
    this.#focusTarget = 'heading';
  }

  #handleBackToQuestions(): void {
    this.directory = this.#fromFlow = this.ageError = false;
    this.#focusTarget = 'heading';
  }

  /** Apply filters. An age that is not a whole number is refused, GOV.UK style, and nothing changes. */
  #handleFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const age = field('age');
    if (age && !/^\d{1,3}$/.test(age)) {
      this.ageError = true;
      this.#focusTarget = 'summary';
      this.requestUpdate();
      return;
    }
    this.#applyFilters({
      age: age ? Number(age) : undefined,
      area: field('area') || undefined,
      supportTypes: data.getAll('type') as SupportType[],
      freeOnly: data.has('free'),
      query: field('query') || undefined,
    });
  }

  #applyFilters(filters: DirectoryFilters): void {
    this.filters = filters;
    this.ageError = false;
    this.#filterRun++;
  }

  /** The directory's services for the filters applied, worked out once per change. */
  #listed(flow: Flow): Service[] {
    const { filters } = this;
    const locale = this.#locale;
    if (this.#listCache?.filters !== filters || this.#listCache.locale !== locale) {
      this.#listCache = { filters, locale, services: filterServices(flow, filters, this.#viewContext().text, locale) };
    }
    return this.#listCache.services;
  }

  #handleRetry(): void {
    this.#focusTarget = 'heading';
    this.#startLoad();
  }

  /** Error summary links move focus to the field without touching the host page's URL. */
  #handleSummaryLink(event: Event): void {
    event.preventDefault();
    const id = (event.currentTarget as HTMLAnchorElement).hash.slice(1);
    (this.renderRoot as ShadowRoot).getElementById(id)?.focus();
  }

  protected override updated(): void {
    this.#reportFaults();
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${HEADING_ID}`);
    const bar = this.renderRoot.querySelector('.exit-bar') ?? undefined;
    if (bar !== this.#watchedBar) {
      this.#barWatch.disconnect();
      if (bar) this.#barWatch.observe(bar);
      this.#watchedBar = bar;
    }
    if (this.#focusTarget === 'summary') this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    else if (this.#focusTarget && heading) {
      heading.focus({ preventScroll: true });
      this.#showTop(heading);
    }
    this.#focusTarget = undefined;
    this.#reportStep(heading);
    if (this.#pendingAnnouncement) {
      this.#announce(`${this.#pendingAnnouncement}. ${heading?.textContent ?? ''}`);
      this.#pendingAnnouncement = '';
    }
  }

  /**
   * A new step starts at the finder's top, so the progress line and heading are seen, not only
   * the heading (which focus alone would scroll to). A page that already shows the finder's top
   * and the heading is left where it is.
   */
  #showTop(heading: HTMLElement): void {
    const finder = this.renderRoot.querySelector('.finder') as HTMLElement;
    if (finder.getBoundingClientRect().top >= 0 && heading.getBoundingClientRect().bottom <= innerHeight) return;
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    finder.scrollIntoView({ block: 'start', behavior: still ? 'instant' : 'auto' });
  }

  /** Fires sf-step-shown (and sf-outcome-shown) once per step shown, and announces it. */
  #reportStep(heading: HTMLElement | null): void {
    if (this.leaving) return;
    const flow = this.load.status === 'ready' ? this.load.flow : undefined;
    const listed = flow && this.directory ? this.#listed(flow) : undefined;
    const key = listed
      ? `directory:${this.#filterRun}`
      : flow && this.session
        ? `${this.session.path.length}:${this.session.path[this.session.path.length - 1]}`
        : this.load.status;
    if (key === this.#shownKey) return;
    const before = this.#shownKey;
    const isFirst = before === '' || before === 'loading';
    this.#shownKey = key;
    if (flow && listed) {
      // A new filter is announced as its count; arriving at the list, as its heading and count.
      const count = countText(listed.length);
      if (!isFirst) this.#announce(before.startsWith('directory') ? count : `${heading?.textContent ?? ''}. ${count}`);
      fire(this, 'sf-directory-shown', { flowId: flow.id, count: listed.length });
      return;
    }
    if (!isFirst || this.load.status === 'failed') this.#announce(heading?.textContent ?? '');
    else this.#pendingAnnouncement = '';
    if (!flow || !this.session) return;
    const step = currentStep(flow, this.session);
    fire(this, 'sf-step-shown', { flowId: flow.id, stepId: step.id, kind: step.kind });
    const outcome = this.#outcomeFor(flow, this.session);
    if (outcome) {
      const shown = [...outcome.matches, ...outcome.fallback, ...outcome.always];
      fire(this, 'sf-outcome-shown', { flowId: flow.id, stepId: step.id, serviceIds: shown.map((m) => m.service.id) });
    }
  }

  /** Tells the host, once per step, which parts of the screen could not be built. */
  #reportFaults(): void {
    const step = this.session ? `${this.session.path.length}:${this.session.path[this.session.path.length - 1]}` : '';
    for (const part of this.#faults) {
      const key = `${step}:${part}`;
      if (this.#faultsReported.has(key)) continue;
      this.#faultsReported.add(key);
      fire(this, 'sf-error', { kind: 'render', part });
    }
    this.#faults.clear();
  }

  /** Screen readers hear each new step; the region is written directly so Lit never re-renders it. */
  #announce(text: string): void {
    const region = this.renderRoot.querySelector(`#${STATUS_ID}`);
    if (region) region.textContent = text.replace(/\s+/g, ' ').trim();
  }

  protected override render(): TemplateResult {
    const locale = this.#locale;
    return html`<div class="finder" role="region" aria-label=${this.#regionLabel()} lang=${locale} dir=${direction(locale)} data-bar-height=${this.barHeight}>
      ${this.leaving
        ? html`<p>${msg('Leaving this page…')}</p>`
        : html`<div class="exit-bar">
              ${this.#renderGetHelp()}
              <button class="button quick-exit" type="button" part="quick-exit" aria-describedby="sf-exit-hint" @click=${this.#quickExit}>
                ${msg('Leave this page quickly')}
              </button>
              <span id="sf-exit-hint" class="visually-hidden">${msg('You can also press the Shift key 3 times.')}</span>
            </div>
            ${this.#renderBody()}`}
      <div id=${STATUS_ID} class="visually-hidden" role="status" aria-live="polite"></div>
    </div>`;
  }

  /** "Get help now", beside the exit in the bar that stays on screen; not on urgent help itself. */
  #renderGetHelp(): TemplateResult | typeof nothing {
    if (this.load.status !== 'ready' || !this.session) return nothing;
    const urgentId = indexOf(this.load.flow).urgentId;
    const here = currentStep(this.load.flow, this.session).id;
    if (urgentId === undefined || (!this.directory && here === urgentId)) return nothing;
    return html`<button class="link-button get-help" type="button" @click=${this.#handleGetHelp}>${msg('Get help now')}</button>`;
  }

  #regionLabel(): string {
    if (this.load.status !== 'ready') return msg('Support finder');
    return this.#viewContext().text(this.load.flow.title) || msg('Support finder');
  }

  #renderBody(): TemplateResult {
    const ctx = this.#viewContext();
    if (this.load.status === 'failed') return renderLoadError(ctx, this.load.problem, () => this.#handleRetry());
    if (this.load.status !== 'ready' || !this.session) {
      return html`<p class="loading" role="status">${msg('Loading the support finder…')}</p>`;
    }
    const flow = this.load.flow;
    const session = this.session;
    const step = currentStep(flow, session);
    const directory = this.directory;
    const back = directory ? this.#fromFlow : canGoBack(session);
    // Each step gets fresh controls: reusing one step's checkboxes for the next would carry
    // their checked state across.
    return html`${back
        ? html`<div class="bar">
            <button class="link-button back" type="button" @click=${directory ? this.#handleBackToQuestions : this.#handleBack}>
              ${directory ? msg('Back to questions') : msg('Back')}
            </button>
          </div>`
        : nothing}
      ${directory
        ? this.#safeStep(ctx, flow, () => renderDirectory(ctx, {
            services: this.#listed(flow),
            filters: this.filters,
            ageError: this.ageError,
            locale: this.#locale,
            onSubmit: (e) => this.#handleFilter(e),
            onReset: () => this.#applyFilters({}),
            onSummaryLink: (e) => this.#handleSummaryLink(e),
          }))
        : html`${keyed(session.path.length, this.#safeStep(ctx, flow, () => this.#renderStep(ctx, flow, session, step)))}
            ${!back && flow.services.length > 0
              ? html`<p class="see-all">
                  <button class="link-button" type="button" @click=${this.#handleSeeAll}>
                    ${ctx.text(flow.directoryLink) || msg('I work with young people: see all services')}
                  </button>
                </p>`
              : nothing}
            <div class="actions">
              ${back
                ? html`<button class="link-button" type="button" @click=${this.#handleStartAgain}>${msg('Start again')}</button>`
                : nothing}
              <button class="link-button" type="button" @click=${this.#handleClearAnswers}>${msg('Clear my answers')}</button>
            </div>`}`;
  }

  #renderStep(ctx: ViewContext, flow: Flow, session: Session, step: Step): TemplateResult {
    switch (step.kind) {
      case 'question': {
        if (this.#outOfRangeAge(step)) {
          return renderOutOfRange({
            step,
            onChange: () => this.#handleChangeAnswer(),
            onSeeAll: flow.services.length > 0 ? () => this.#handleSeeAll() : undefined,
          });
        }
        const { number, total } = progressOf(flow, session);
        return html`${this.#renderErrorSummary(ctx)}<p class="hint">${msg(str`Question ${formatNumber(number)} of about ${formatNumber(total)}`)}</p>${renderQuestion(ctx, {
          step,
          value: this.problem || this.draft !== undefined ? this.draft : session.answers[step.id],
          problem: this.problem,
          onSubmit: (e) => this.#handleSubmit(e),
          onSkip: () => this.#handleSkip(),
          onChoiceChange: (e) => this.#handleChoiceChange(e),
        })}`;
      }
      case 'info':
        return renderInfo(ctx, step, () => this.#handleContinue());
      case 'outcome': {
        const result = this.#outcomeFor(flow, session) as OutcomeResult;
        const keep = ctx.part('keep', () => this.#renderKeep(ctx, flow, result), html``);
        return renderOutcome(ctx, step, result, () => this.#handleSeeAll(), keep, urgentHelp(flow));
      }
      case 'urgent': {
        // This step's own services: a flow may have more than one urgent step.
        const services = servicesOf(flow, step.services);
        return html`${renderUrgentCard(ctx, ctx.text(step.title), ctx.text(step.body), services, HEADING_ID)}${renderUrgentWayOn(
          ctx.text(step.continueLabel),
          () => this.#handleWayOn()
        )}`;
      }
    }
  }

  /**
   * What shows when a step cannot be built: never a blank or frozen screen, but a plain message
   * and urgent contacts, the flow's own if they can be shown, else the built-in ones, then the
   * host's own fallback content (its local numbers), as on the load error screen.
   */
  #renderBroken(ctx: ViewContext, flow: Flow): TemplateResult {
    const card = () => {
      const urgent = urgentHelp(flow);
      if (!urgent) throw new Error('no urgent step');
      const cardsFailed = this.#faults.has('card');
      const shown = renderUrgentCard(ctx, ctx.text(urgent.step.title), ctx.text(urgent.step.body), urgent.services, undefined);
      // Some of the flow's own contacts could not be shown either: the built-in ones instead.
      if (!cardsFailed && this.#faults.has('card')) throw new Error('an urgent contact could not be shown');
      return shown;
    };
    return html`<h2 id=${HEADING_ID} tabindex="-1">${msg('Sorry, the support finder is not working right now')}</h2>
      <p>${msg('You can still get help. If you need to talk to someone now, use one of these:')}</p>
      ${ctx.part('step', card, null) ?? renderUrgentCard(ctx, msg('Get help now'), '', DEFAULT_URGENT_SERVICES, undefined)}
      <slot></slot>`;
  }

  // Keeping the results: print, copy, share, email to myself, send to my phone (issue 3).

  /**
   * Where "Send to my phone" posts the results, as JSON, once the person has typed a number and
   * agreed. Only an https: address, or one on this page's origin (http://localhost too, for
   * testing); anything else hides the form and warns in the console. Without it, nothing but the
   * flow is ever requested.
   */
  resultsEndpoint?: string;
  private keeping: KeepState = {};
  /** The checked endpoint; undefined when there is none or it was refused. */
  #endpoint: string | undefined;
  /**
   * The results as plain text, as last drawn: in full (copy, share), fitted to a text message
   * (exactly what "Send to my phone" shows and sends) and as an email link. Worked out once per
   * results and language, not on every render (opening the phone form, a failed copy).
   */
  #kept: { result: OutcomeResult; locale: string; shown: string; phone: string; mailto: string } | undefined;
  get #shownText(): string {
    return this.#kept?.shown ?? '';
  }
  get #phoneText(): string {
    return this.#kept?.phone ?? '';
  }

  #checkEndpoint(): string | undefined {
    const value = this.resultsEndpoint;
    if (!value) return undefined;
    try {
      const url = new URL(value, document.baseURI);
      const { protocol } = url;
      if (protocol === 'https:' || (protocol === 'http:' && (url.origin === location.origin || url.hostname === 'localhost'))) {
        return url.href;
      }
    } catch {
      // refused below
    }
    console.warn(`support-finder: results-endpoint "${value}" is not https: or this page's origin; no "Send to my phone".`);
    return undefined;
  }

  #renderKeep(ctx: ViewContext, flow: Flow, result: OutcomeResult): TemplateResult {
    // The flow's title, never the outcome's: "Support after someone dies" would tell whoever
    // sees the text what the person answered.
    const locale = this.#locale;
    if (this.#kept?.result !== result || this.#kept.locale !== locale) {
      const title = ctx.text(flow.title);
      const services = keptServices(flow, result);
      const keep = (fits?: (text: string) => boolean) => resultsText(title, services, ctx.text, contactWords, fits);
      this.#kept = {
        result,
        locale,
        shown: keep(),
        phone: keep((text) => text.length <= TEXT_MESSAGE_LIMIT),
        mailto: ctx.part('email', () => mailtoHref(title, keep((text) => mailtoFits(title, text))), ''),
      };
    }
    const kept = this.#kept;
    return renderKeep({
      text: kept.shown,
      phoneText: kept.phone,
      mailto: kept.mailto,
      share: 'share' in navigator,
      phone: this.#endpoint !== undefined,
      state: this.keeping,
      onKeep: (method) => this.#handleKeep(method),
      onPhoneSubmit: (e) => this.#handlePhoneSubmit(e),
      onSummaryLink: (e) => this.#handleSummaryLink(e),
    });
  }

  #handleKeep(method: KeepMethod): void {
    const kept = () => fire(this, 'sf-results-kept', { method });
    // Promise.resolve().then: a missing API (no clipboard over http) becomes a refusal, not a throw.
    const attempt = (work: () => Promise<void>) => Promise.resolve().then(work);
    if (method === 'print') {
      kept();
      this.#printResults();
    } else if (method === 'copy') {
      attempt(() => navigator.clipboard.writeText(this.#shownText)).then(
        () => {
          kept();
          this.#announce(msg('Results copied'));
        },
        async () => {
          this.keeping = { ...this.keeping, copyFailed: true };
          await this.updateComplete;
          const area = this.renderRoot.querySelector('textarea');
          area?.focus();
          area?.select();
        }
      );
    } else if (method === 'share') {
      // Closing the share sheet rejects too: nothing to say then.
      attempt(() => navigator.share({ text: this.#shownText })).then(kept, () => undefined);
    } else if (method === 'email') {
      kept();
    } else {
      this.keeping = { copyFailed: this.keeping.copyFailed, phone: this.keeping.phone ? undefined : 'open' };
    }
  }

  /**
   * Prints the results alone. The shadow root's print styles leave out the widget's own
   * controls; a print-only sheet adopted by the document (allowed under a strict CSP, unlike a
   * <style>) hides everything on the host page that is not on the way to this element.
   */
  #printResults(): void {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('@media print{body :not(:has([data-sf-print]),[data-sf-print]){display:none!important}}');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      this.setAttribute('data-sf-print', '');
      // "More services" folded away would not print: a kept page lists every service.
      for (const more of this.renderRoot.querySelectorAll('details.more')) (more as HTMLDetailsElement).open = true;
      addEventListener(
        'afterprint',
        () => {
          document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
          this.removeAttribute('data-sf-print');
        },
        { once: true }
      );
    } catch {
      // A browser without constructable sheets prints the whole page, the results included.
    }
    print();
  }

  #handlePhoneSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.keeping.phone === 'sending') return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const phone = String(data.get('phone') ?? '').replace(/[\s().-]/g, '');
    // A code, put into words when the form is drawn: msg() here would speak the language of
    // whichever finder on the page rendered last.
    const numberError = !phone ? 'missing' : /^\+?\d{7,15}$/.test(phone) ? undefined : 'not-a-number';
    const consentError = !data.has('consent');
    if (numberError || consentError) {
      this.keeping = { phone: 'open', numberError, consentError };
      this.#focusTarget = 'summary';
      return;
    }
    void this.#sendToPhone(phone);
  }

  /** One POST, only when the person asks, and never retried by itself; Try again sends again. */
  async #sendToPhone(phone: string): Promise<void> {
    const sending: KeepState = { phone: 'sending' };
    this.keeping = sending;
    this.#announce(msg('Sending…'));
    let sent = false;
    try {
      const response = await fetch(this.#endpoint as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'omit',
        signal: AbortSignal.timeout(this.#timeoutMs()),
        body: JSON.stringify({
          phone,
          text: this.#phoneText,
          flow: this.load.status === 'ready' ? this.load.flow.id : '',
          locale: this.#locale,
        }),
      });
      sent = response.ok;
    } catch {
      // Offline, refused or too slow: the same message as an error status.
    }
    // Start again, Back or quick exit while it was sending: the answer is no longer wanted.
    if (this.keeping !== sending) return;
    this.keeping = { phone: sent ? 'sent' : 'failed' };
    if (!sent) return this.#announce(sendFailedText());
    fire(this, 'sf-results-kept', { method: 'phone' });
    // The form, and the Send button that had focus, are gone: focus goes to what replaced them.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${PHONE_SENT_ID}`)?.focus();
  }

  #renderErrorSummary(ctx: ViewContext): TemplateResult | typeof nothing {
    if (!this.problem || this.load.status !== 'ready' || !this.session) return nothing;
    const step = currentStep(this.load.flow, this.session);
    if (step.kind !== 'question') return nothing;
    return renderErrorSummary([[problemText(ctx, step, this.problem), firstFieldId(step)]], (e) => this.#handleSummaryLink(e));
  }
}

// Defining twice throws. A page that loads the script twice keeps the first; a page that loads
// two different versions keeps the first too, and says so, since only one can own the tag.
const defined = customElements.get('support-finder') as (CustomElementConstructor & { version?: string }) | undefined;
if (!defined) {
  customElements.define('support-finder', SupportFinder);
} else if (defined.version !== SupportFinder.version) {
  console.warn(
    `support-finder ${SupportFinder.version}: version ${defined.version ?? 'unknown'} is already defined on this page and will be used; remove one of the two scripts.`
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'support-finder': SupportFinder;
  }
}
