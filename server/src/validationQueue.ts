/**
 * The checks of open pages: one queue, one step at a time, yielding to pending requests between steps (every 2 ms at
 * most), so a completion or a hover waits for at most one step and a slice, never for a queue of pages.
 *
 * A page's check has two phases. First the core rules (everything but `make lint`'s checks): published at once, with
 * the make-lint findings of the page's previous check carried across the edit (`carryAcrossEdit`), so that spelling
 * squiggles neither blink out nor sit at the wrong place. Then the make-lint rules, one step each, once the page has
 * been left alone (neither opened nor edited) for `MAKE_LINT_IDLE_MS`: the keystroke path, and the requests an editor
 * sends as it opens a page, never wait for them; a page re-checked after such a pause runs them next (while the
 * spelling dictionary loads, they wait for it). Their publication is exactly the page's one-shot check (after an edit
 * it is always sent, so a version's second publication is its complete one; after an open or a re-check it is left
 * out when it would repeat the first). While an edit waits for its first publication, the other background work (the
 * site's scan, the dictionary's load) is held back (`ValidationHost.holdForEdit`).
 *
 * Order: the page being edited, the make-lint steps that are due, the pages just opened (the latest first), then
 * re-checks in the order asked. A check whose version is superseded is dropped (its edit queued a new one). While a
 * site is first indexed, only the first page opened is checked against the partial index: the others wait for it
 * (unless edited), rather than being checked twice. Once the index is complete, and once the dictionary is loaded, only the pages
 * checked without them are checked again.
 */
import type { Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { carryAcrossEdit, errorText, NOTHING_CARRIED, type CarriedFindings, type IstioSettings, type LanguageService, type PhasedDiagnostics } from '../engine';

/** The make-lint rules run once the page has not changed (nor been opened) for this long. */
export const MAKE_LINT_IDLE_MS = 250;
/**
 * Steps run back to back for this long before the queue yields to requests, so a request waits for at most this and
 * one step. Yielding after every step of a small page cost more than its steps: 0.36 s of CPU for the 32,000 turns of
 * the event loop that opening istio.io's 2,665 pages took.
 */
const SLICE_MS = 2;

export interface ValidationHost {
  readonly documents: TextDocuments<TextDocument>;
  readonly service: LanguageService;
  readonly settingsFor: (uri: string) => Promise<IstioSettings>;
  /** False after `shutdown`: nothing more is checked or published. */
  readonly running: () => boolean;
  readonly toPath: (uri: string) => string | undefined;
  readonly publish: (uri: string, version: number, diagnostics: Diagnostic[]) => void;
  /** The files a page's check read so far (a change to one of them checks the page again). */
  readonly checked: (uri: string, dependencies: ReadonlySet<string>) => void;
  /** Whether the first index of the site holding `path` is complete (true outside every site). */
  readonly indexReady: (path: string) => boolean;
  /** Whether the spelling dictionary is loaded (true when there is none to load). */
  readonly dictionaryReady: () => boolean;
  /** Whether the dictionary is being loaded (off the thread, between steps): make-lint steps wait for it. */
  readonly dictionaryLoading?: () => boolean;
  /** Lets the requests already received run (server/src/node/pause.ts). */
  readonly pause: () => Promise<void>;
  /**
   * Holds the other background work (the site's scan…) back while an edit waits for its first diagnostics; returns
   * the release (pause.ts's `holdForEdit`). The queue releases it once no edit is left to check.
   */
  readonly holdForEdit?: () => () => void;
  /**
   * When the editor last asked or changed something (idle.ts's `lastActivityAt`): make-lint steps after an open or a
   * re-check also wait until it has been quiet for `MAKE_LINT_IDLE_MS`.
   */
  readonly lastActivity?: () => number;
  readonly error: (message: string) => void;
  /** Called after the first publication, with when its check began and how long its settings took. */
  readonly firstPublished?: (checkStart: number, settingsMs: number, uri: string) => void;
}

/** Whether a page still needs the re-check it waits for (`recheckWhenQuiet`). */
type RecheckNeed = (uri: string, state: PageState | undefined) => boolean;

/** What the queue remembers of an open page between its checks. */
interface PageState {
  /** The make-lint findings published last, and the text they are placed in (carried across the next edit). */
  shown?: { readonly text: string; readonly findings: CarriedFindings };
  /** The last check ran on the site's complete index. */
  indexed: boolean;
  /** The last make-lint phase ran with the dictionary loaded. */
  dictionary: boolean;
}

/** A page whose make-lint phase is still to run, for the version its core phase checked. */
interface LintPhase {
  readonly version: number;
  readonly phases: PhasedDiagnostics;
  due: boolean;
  timer?: NodeJS.Timeout;
  /** Whether the dictionary was loaded when the last step (the spelling rule's) ran. */
  dictionary: boolean;
  /** What the core phase published: after an open or a re-check, the same result is not sent again. */
  readonly first: Diagnostic[];
  /** After an edit, the complete result is always sent: a version's second publication is its complete one. */
  readonly edit: boolean;
}

export class ValidationQueue {
  /** Pages edited (debounce elapsed) and opened, each a stack: the latest first. */
  private readonly edits: string[] = [];
  private readonly opens: string[] = [];
  /** Re-checks, in the order asked. */
  private readonly rechecks = new Set<string>();
  /** Re-checks waiting for the editor to be quiet (`recheckWhenQuiet`): their timers, and what each is still for. */
  private readonly quietRechecks = new Map<string, { timer: ReturnType<typeof setTimeout>; needs: RecheckNeed[] }>();
  /** uri → the queue it waits in; stack entries whose uri is no longer here (or is in another queue) are skipped. */
  private readonly queued = new Map<string, 'edit' | 'open' | 'recheck'>();
  /** Pages opened while their site was first indexed: checked once it is complete. */
  private readonly parked = new Set<string>();
  private readonly lint = new Map<string, LintPhase>();
  private readonly pages = new Map<string, PageState>();
  private readonly debounce = new Map<string, NodeJS.Timeout>();
  /** When each page was last opened or edited (`performance.now()`): its make-lint steps wait for a pause after it. */
  private readonly touched = new Map<string, number>();
  /** The page opened or edited last: the one checked against a partial index. */
  private latest: string | undefined;
  /** Whether a page opened has been checked against a partial index (only the first is: the others wait for it). */
  private checkedAgainstPartialIndex = false;
  private working = false;
  private published = false;
  /** Held from an edit's arrival in the queue until no edit is left to check (`ValidationHost.holdForEdit`). */
  private editHold: (() => void) | undefined;
  /** Checks of a page's text so far (`istio/indexStatus`'s `pageChecks`). */
  checks = 0;

  /** Pages waiting for a check or for their make-lint phase (`istio/indexStatus`'s `pendingChecks`). */
  get pending(): number {
    return new Set([...this.queued.keys(), ...this.lint.keys(), ...this.parked, ...this.debounce.keys(), ...this.quietRechecks.keys()]).size;
  }

  constructor(private readonly host: ValidationHost) {}

  /** A page was opened: checked before the other pages waiting. */
  opened(uri: string): void {
    this.latest = uri;
    this.touched.set(uri, performance.now());
    this.enqueue(uri, 'open');
  }

  /** A page was edited: checked once typing pauses for `delay` ms, before anything else. */
  edited(uri: string, delay: number): void {
    this.latest = uri;
    this.touched.set(uri, performance.now());
    this.cancelLint(uri);
    const pending = this.debounce.get(uri);
    if (pending) clearTimeout(pending);
    if (delay <= 0) {
      this.debounce.delete(uri);
      this.enqueue(uri, 'edit');
      return;
    }
    this.debounce.set(
      uri,
      setTimeout(() => {
        this.debounce.delete(uri);
        this.enqueue(uri, 'edit');
      }, delay),
    );
  }

  /** Open pages to check again (settings, a file they read, the site's configuration changed), after the rest. */
  recheck(uris: Iterable<string>): void {
    for (const uri of uris) this.enqueue(uri, 'recheck');
  }

  /**
   * The site's index is complete: the pages that waited for it at once, and those checked against the partial index
   * once the author pauses (`recheckWhenQuiet`).
   */
  indexCompleted(): void {
    const partial: RecheckNeed = (uri, state) => !this.parked.has(uri) && state !== undefined && !state.indexed;
    const checkedAgainstPartial = this.openPages(partial);
    this.recheck(this.openPages((uri) => this.parked.has(uri)));
    this.parked.clear();
    for (const uri of checkedAgainstPartial) this.recheckWhenQuiet(uri, [partial]);
  }

  /**
   * A page checked against the partial index (or without the dictionary) is checked again once the editor has been
   * quiet for `MAKE_LINT_IDLE_MS`, unless an edit's check (which has them) came first. Checked at once, the largest
   * page held a completion typed at that moment for 15-30 ms.
   */
  private recheckWhenQuiet(uri: string, more: readonly RecheckNeed[]): void {
    const waiting = this.quietRechecks.get(uri);
    const needs = waiting ? [...waiting.needs, ...more] : [...more];
    if (waiting) clearTimeout(waiting.timer);
    this.quietRechecks.delete(uri);
    const wait = this.quietFor(uri);
    if (wait <= 0) {
      this.recheck([uri]);
      return;
    }
    const timer = setTimeout(() => {
      this.quietRechecks.delete(uri);
      // Typed in meanwhile: still waiting for quiet, for what the edits' checks did not bring.
      const left = needs.filter((n) => n(uri, this.pages.get(uri)));
      if (left.length > 0) this.recheckWhenQuiet(uri, left);
    }, wait);
    this.quietRechecks.set(uri, { timer, needs });
  }

  /**
   * The dictionary is loaded: the pages whose spelling was checked without it (not those whose make-lint phase is
   * still to finish: its spelling step, the last of `registry.makeLintRules`, has not run, and will use the
   * dictionary), and the make-lint steps that waited.
   */
  dictionaryLoaded(): void {
    const withoutIt: RecheckNeed = (uri, state) => state !== undefined && !state.dictionary && !this.lint.has(uri);
    for (const uri of this.openPages(withoutIt)) this.recheckWhenQuiet(uri, [withoutIt]);
    this.kick();
  }

  closed(uri: string): void {
    const t = this.debounce.get(uri);
    if (t) clearTimeout(t);
    this.debounce.delete(uri);
    this.cancelLint(uri);
    this.queued.delete(uri);
    this.rechecks.delete(uri);
    clearTimeout(this.quietRechecks.get(uri)?.timer);
    this.quietRechecks.delete(uri);
    this.parked.delete(uri);
    this.pages.delete(uri);
    this.touched.delete(uri);
  }

  dispose(): void {
    for (const t of this.debounce.values()) clearTimeout(t);
    this.debounce.clear();
    for (const uri of [...this.lint.keys()]) this.cancelLint(uri);
    this.queued.clear();
    this.rechecks.clear();
    for (const w of this.quietRechecks.values()) clearTimeout(w.timer);
    this.quietRechecks.clear();
    this.releaseEditHold();
  }

  private openPages(which: (uri: string, state: PageState | undefined) => boolean): string[] {
    return this.host.documents.all().map((d) => d.uri).filter((uri) => which(uri, this.pages.get(uri)));
  }

  private enqueue(uri: string, kind: 'edit' | 'open' | 'recheck'): void {
    if (!this.host.running()) return;
    const now = this.queued.get(uri);
    if (kind === 'recheck') {
      if (now !== undefined) return;
      this.rechecks.add(uri);
    } else {
      this.rechecks.delete(uri);
      (kind === 'edit' ? this.edits : this.opens).push(uri);
    }
    this.parked.delete(uri);
    this.queued.set(uri, now === 'edit' ? 'edit' : kind);
    if (kind === 'edit') this.editHold ??= this.host.holdForEdit?.();
    this.kick();
  }

  private cancelLint(uri: string): void {
    const l = this.lint.get(uri);
    if (l?.timer) clearTimeout(l.timer);
    this.lint.delete(uri);
  }

  private kick(): void {
    if (this.working) return;
    this.working = true;
    void this.work();
  }

  private async work(): Promise<void> {
    try {
      // First let the messages already received run (the rest of a burst of opens, a request).
      await this.host.pause();
      let sliceStart = performance.now();
      while (this.host.running()) {
        const step = this.next();
        if (!step) break;
        try {
          await step();
        } catch (e) {
          this.host.error(`diagnostics failed: ${errorText(e)}`);
        }
        // Until the dictionary is loaded (on a timer, after the first spelling step), every step yields: the pages
        // checked before it are checked again.
        if (performance.now() - sliceStart >= SLICE_MS || !this.host.dictionaryReady()) {
          await this.host.pause();
          sliceStart = performance.now();
        }
      }
    } finally {
      this.working = false;
      this.releaseEditHold();
    }
  }

  private releaseEditHold(): void {
    const release = this.editHold;
    this.editHold = undefined;
    release?.();
  }

  /** The next step to run, or `undefined` when there is none. */
  private next(): (() => Promise<void> | void) | undefined {
    const edit = this.pop(this.edits, 'edit');
    if (edit) return () => this.checkCore(edit, 'edit');
    // Every edit is checked (and its first diagnostics sent): the other background work may resume.
    this.releaseEditHold();
    // While the dictionary loads, make-lint steps wait (their spelling step would check without it, and the page would
    // be checked again once it is loaded); core checks go on.
    if (!this.host.dictionaryLoading?.()) for (const [uri, l] of this.lint) if (l.due) return () => this.lintStep(uri, l);
    for (let open = this.pop(this.opens, 'open'); open; open = this.pop(this.opens, 'open')) {
      const path = this.host.toPath(open);
      if (!path || this.host.indexReady(path)) return () => this.checkCore(open, 'open');
      // Checked against a partial index now, then again once it is complete: only the first page opened, if it is
      // still the latest (a burst of opens is checked once the index is complete; an edit is always checked).
      if (open === this.latest && !this.checkedAgainstPartialIndex) {
        this.checkedAgainstPartialIndex = true;
        return () => this.checkCore(open, 'open');
      }
      this.parked.add(open);
    }
    const recheck = this.rechecks.values().next();
    if (!recheck.done) {
      this.rechecks.delete(recheck.value);
      this.queued.delete(recheck.value);
      return () => this.checkCore(recheck.value, 'recheck');
    }
    // Nothing else to do: pages that waited for an index that is complete by now (in case its signal never came).
    const ready = [...this.parked].filter((uri) => {
      const path = this.host.toPath(uri);
      return !path || this.host.indexReady(path);
    });
    if (ready.length > 0) {
      for (const uri of ready) this.parked.delete(uri);
      this.recheck(ready);
      return () => undefined;
    }
    return undefined;
  }

  private pop(stack: string[], kind: 'edit' | 'open'): string | undefined {
    while (stack.length > 0) {
      const uri = stack.pop()!;
      if (this.queued.get(uri) !== kind) continue;
      this.queued.delete(uri);
      return uri;
    }
    return undefined;
  }

  /** The core phase: published at once, with the previous make-lint findings carried across the edit. */
  private async checkCore(uri: string, reason: 'edit' | 'open' | 'recheck'): Promise<void> {
    const doc = this.host.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const asked = performance.now();
    const settings = await this.host.settingsFor(uri);
    const settingsMs = performance.now() - asked;
    const current = this.host.documents.get(uri);
    // A newer edit supersedes this check (its own will publish); after shutdown, nothing is published.
    if (!current || current.version !== version || !this.host.running()) return;
    const checkStart = performance.now();
    this.cancelLint(uri);
    const path = this.host.toPath(uri);
    let phases: PhasedDiagnostics | undefined;
    if (path) {
      try {
        phases = this.host.service.diagnosticsInPhases(path, current, settings);
      } catch (e) {
        this.host.error(`diagnostics failed for ${uri}: ${errorText(e)}`);
      }
    }
    this.checks++;
    const state = this.pages.get(uri) ?? { indexed: false, dictionary: false };
    this.pages.set(uri, state);
    state.indexed = path === undefined || this.host.indexReady(path);
    if (!phases) {
      state.dictionary = true;
      this.host.publish(uri, version, []);
      return;
    }
    this.host.checked(uri, phases.dependencies);
    const text = current.getText();
    const carried: CarriedFindings = state.shown
      ? { shown: carryAcrossEdit(state.shown.findings.shown, state.shown.text, text), hidden: state.shown.findings.hidden }
      : NOTHING_CARRIED;
    state.shown = { text, findings: carried };
    const first = phases.withCarried(carried);
    this.host.publish(uri, version, first);
    if (!this.published) {
      this.published = true;
      this.host.firstPublished?.(checkStart, settingsMs, uri);
    }
    // After an edit, the make-lint steps wait for the page to be left alone; after an open or a re-check, for what is
    // left of that wait since the page was last opened or edited, and since the editor last asked or changed
    // anything: the requests an editor sends on opening a page, and the typing in a page re-checked meanwhile (the
    // site's index or the dictionary came), do not wait behind them.
    const edit = reason === 'edit';
    const lint: LintPhase = { version, phases, due: false, dictionary: this.host.dictionaryReady(), first, edit };
    this.lint.set(uri, lint);
    this.schedule(uri, lint, edit ? MAKE_LINT_IDLE_MS : this.quietFor(uri));
  }

  /** How long the make-lint steps of a page opened or re-checked are still to wait (≤ 0: none). */
  private quietFor(uri: string): number {
    const last = Math.max(this.touched.get(uri) ?? -Infinity, this.host.lastActivity?.() ?? -Infinity);
    return MAKE_LINT_IDLE_MS - (performance.now() - last);
  }

  /** Makes the make-lint phase due after `wait` ms (at once when ≤ 0); after an open or a re-check, once it is quiet. */
  private schedule(uri: string, lint: LintPhase, wait: number): void {
    if (wait <= 0) {
      lint.due = true;
      return;
    }
    lint.timer = setTimeout(() => {
      lint.timer = undefined;
      if (this.lint.get(uri) !== lint) return;
      const more = lint.edit ? 0 : this.quietFor(uri);
      if (more > 0) {
        this.schedule(uri, lint, more);
        return;
      }
      lint.due = true;
      this.kick();
    }, wait);
  }

  /** One make-lint rule; after the last, the complete result (the one-shot check of this version) is published. */
  private lintStep(uri: string, lint: LintPhase): void {
    const doc = this.host.documents.get(uri);
    if (this.lint.get(uri) !== lint) return;
    if (!doc || doc.version !== lint.version || !this.host.running()) {
      this.cancelLint(uri);
      return;
    }
    lint.dictionary = this.host.dictionaryReady();
    if (lint.phases.step()) return;
    this.lint.delete(uri);
    const done = lint.phases.complete();
    const state = this.pages.get(uri) ?? { indexed: false, dictionary: false };
    this.pages.set(uri, state);
    state.dictionary = lint.dictionary;
    state.shown = { text: doc.getText(), findings: done.makeLint };
    this.host.checked(uri, done.dependencies);
    // After an open or a re-check, the same findings as the core phase published (a page without make-lint
    // findings) are not sent again: opening a whole site sends one publication per page, not two.
    if (lint.edit || !sameDiagnostics(done.diagnostics, lint.first)) this.host.publish(uri, lint.version, done.diagnostics);
  }
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
