/**
 * Whole-site checking: the Problems view for every page of the site, not only the open ones ("Istio: Check Whole
 * Site", or `istio.diagnostics.scope: "workspace"`), kept current as files change.
 *
 * Closed files get `textDocument/publishDiagnostics` like open ones. LSP 3.17's pull model (`workspace/diagnostic`)
 * was the alternative; it was not taken because open documents are pushed here, and VS Code's client keeps pushed
 * and pulled diagnostics in two collections, so a page open in an editor would show its problems twice; moving open
 * documents to the pull model too would change every client's path (Neovim 0.7 has no pull at all). Pushing works
 * with every client, and the results arrive file by file while the check runs.
 *
 * The check shares the thread: it yields to pending requests every millisecond (`BACKGROUND_SLICES`), reports
 * `$/progress` with a percentage, and stops when its request is cancelled (or its server-initiated progress is).
 */
import type { CancellationToken, Connection, Diagnostic, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { errorText, isInside, SliceTimer, type IstioSettings, type LanguageService } from '../engine';
import { CHECK_WHOLE_SITE_REQUEST, type CheckWholeSiteParams, type CheckWholeSiteResult } from '../protocol';
import { BACKGROUND_SLICES, yieldToRequests } from './node/pause';
import { pathToUri, uriToPath } from './node/uris';

/** More files changed at once than this (a git checkout): the whole site is checked again. */
const MANY_CHANGES = 100;

export interface WholeSiteHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: LanguageService;
  readonly settingsFor: (uri: string) => Promise<IstioSettings>;
  /** The workspace folders' paths (where the sites are). */
  readonly roots: () => readonly string[];
}

const NEVER: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

export class WholeSiteChecker {
  /** Whether closed pages' results are live: the setting asks for it, or the command ran in this session. */
  private requested = false;
  private scopeWorkspace = false;
  /** Closed pages with diagnostics published. */
  private readonly published = new Set<string>();
  /** Every checked page → the files its result read (a change to one of them checks the page again). */
  private readonly dependencies = new Map<string, ReadonlySet<string>>();
  /** The run in progress: a new one (or a change of scope) stops it. */
  private current: { stop: () => void } | undefined;
  /** Pages waiting to be checked again after file changes, checked in one batch. */
  private readonly stale = new Set<string>();
  private recheckTimer: NodeJS.Timeout | undefined;
  private configuredOnce = false;
  /** A background run was asked for while another ran: it follows. */
  private rerun = false;

  constructor(private readonly host: WholeSiteHost) {}

  get active(): boolean {
    return this.requested || this.scopeWorkspace;
  }

  /** `istio/checkWholeSite`: the command's request, with the client's progress token. */
  register(): void {
    this.host.connection.onRequest(CHECK_WHOLE_SITE_REQUEST, async (p: CheckWholeSiteParams, token: CancellationToken) => {
      this.requested = true;
      const progress = this.host.connection.window.attachWorkDoneProgress(p.workDoneToken);
      const target = p.uri ? uriToPath(p.uri) : undefined;
      return this.run(target ? [target] : this.host.roots(), token, progress);
    });
  }

  /**
   * The workspace's settings, on start and on every change. `istio.diagnostics.scope: "workspace"` checks the site now
   * (once its index is complete); back to `openFiles`, the closed pages' problems go, the command's too. Any other
   * change while the whole site is checked (a severity, say) checks it again.
   */
  async configured(scope: IstioSettings['diagnostics']['scope']): Promise<void> {
    const first = !this.configuredOnce;
    this.configuredOnce = true;
    const workspace = scope === 'workspace';
    const was = this.scopeWorkspace;
    this.scopeWorkspace = workspace;
    if (was && !workspace) {
      this.requested = false;
      this.current?.stop();
      this.clear(() => true);
      return;
    }
    // The first settings only start the check when they ask for it; later ones re-check what is shown.
    if (first ? workspace : this.active) await this.guard(() => this.runInBackground());
  }

  /** The Hugo configuration changed (every page's links may resolve differently): the results are checked again. */
  recheckAll(): void {
    if (this.active) void this.guard(() => this.runInBackground());
  }

  /** A page was closed in the editor: its problems stay, read from disk, while whole-site checking is on. */
  documentClosed(uri: string): boolean {
    const path = uriToPath(uri);
    // Only pages of a site: any other Markdown file's problems go with its editor, as before.
    if (!this.active || !path || !this.host.service.isInContent(path)) return false;
    this.queue([path]);
    return true;
  }

  /** Files changed on disk: the pages they are, the pages whose results read them, and the pages linking to them. */
  async filesChanged(paths: readonly string[], deleted: readonly string[]): Promise<void> {
    if (!this.active) return;
    await this.guard(() => this.affectedBy(paths, deleted));
  }

  private async affectedBy(paths: readonly string[], deleted: readonly string[]): Promise<void> {
    this.clear((p) => deleted.some((d) => isInside(p, d)));
    // A branch switched or a pull: checking everything again is cheaper than working out what each change touches.
    if (paths.length > MANY_CHANGES) {
      await this.runInBackground();
      return;
    }
    const affected = new Set<string>();
    for (const changed of paths) {
      if (/\.(md|markdown)$/i.test(changed) && !deleted.includes(changed)) affected.add(changed);
      for (const [page, deps] of this.dependencies) if ([...deps].some((d) => isInside(d, changed))) affected.add(page);
      for (const page of await this.host.service.pagesLinkingTo(changed)) affected.add(page);
    }
    this.queue([...affected]);
  }

  private queue(paths: readonly string[]): void {
    for (const p of paths) this.stale.add(p);
    if (this.recheckTimer) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      const batch = [...this.stale];
      this.stale.clear();
      void this.guard(() => this.checkPages(batch, undefined));
    }, 0);
  }

  private async runInBackground(): Promise<void> {
    // A run in progress (the command's, say) is not cut short: one more follows it.
    if (this.current) {
      this.rerun = true;
      return;
    }
    const progress = await this.host.connection.window.createWorkDoneProgress().catch(() => undefined);
    await this.run(this.host.roots(), progress?.token ?? NEVER, progress);
  }

  /** Checks every page under `targets` (site roots, or folders and files of a site), publishing as it goes. */
  private async run(targets: readonly string[], token: CancellationToken, progress: WorkDoneProgressReporter | undefined): Promise<CheckWholeSiteResult> {
    this.current?.stop();
    let stopped = false;
    const mine = { stop: () => (stopped = true) };
    this.current = mine;
    const started = Date.now();
    progress?.begin('Istio: checking the whole site', 0, undefined, true);
    try {
      const pages = new Set<string>();
      for (const t of targets) for (const p of (await this.host.service.pagesUnder(t)) ?? []) pages.add(p);
      // Aliases, titles and translation keys are known once every page's summary is read: only then are the link
      // checks complete (before, they stay silent where they cannot tell).
      await this.host.service.indexStatus({ wait: true });
      // Let a cancellation sent with the request arrive before the first page.
      await yieldToRequests();
      const list = [...pages].sort();
      const result = await this.checkPages(list, progress, () => token.isCancellationRequested || stopped);
      return { ...result, pages: list.length, ms: Date.now() - started };
    } finally {
      if (this.current === mine) this.current = undefined;
      progress?.done();
      if (this.rerun && !this.current) {
        this.rerun = false;
        void this.guard(() => this.runInBackground());
      }
    }
  }

  /** Checks `paths` in slices; open pages are counted but published by the editor's own path. */
  private async checkPages(paths: readonly string[], progress: WorkDoneProgressReporter | undefined, stop: () => boolean = () => false): Promise<Omit<CheckWholeSiteResult, 'pages' | 'ms'>> {
    let checked = 0;
    let errors = 0;
    let warnings = 0;
    let filesWithProblems = 0;
    let lastPercent = -1;
    const slices = new SliceTimer(BACKGROUND_SLICES);
    for (const path of paths) {
      if (stop()) return { checked, errors, warnings, filesWithProblems, cancelled: true };
      const uri = pathToUri(path);
      const open = this.host.documents.get(uri) !== undefined;
      const result = this.host.service.diagnosticsOfFile(path, await this.host.settingsFor(uri));
      const diagnostics: Diagnostic[] = result?.diagnostics ?? [];
      checked++;
      errors += diagnostics.filter((d) => d.severity === 1).length;
      warnings += diagnostics.filter((d) => d.severity === 2).length;
      if (diagnostics.length > 0) filesWithProblems++;
      if (result) this.dependencies.set(path, result.dependencies);
      if (!open && result && (diagnostics.length > 0 || this.published.has(path))) {
        void this.host.connection.sendDiagnostics({ uri, diagnostics });
        if (diagnostics.length > 0) this.published.add(path);
        else this.published.delete(path);
      }
      const percent = Math.floor((checked / paths.length) * 100);
      if (progress && percent !== lastPercent) {
        lastPercent = percent;
        progress.report(percent, `${checked}/${paths.length}`);
      }
      if (slices.due()) {
        await slices.pause();
        slices.restart();
      }
    }
    return { checked, errors, warnings, filesWithProblems, cancelled: false };
  }

  /** Empties the Problems rows of closed pages matching `which` (files deleted, or whole-site checking turned off). */
  private clear(which: (path: string) => boolean): void {
    for (const path of [...this.dependencies.keys()]) if (which(path)) this.dependencies.delete(path);
    for (const path of [...this.published]) {
      if (!which(path)) continue;
      this.published.delete(path);
      if (!this.host.documents.get(pathToUri(path))) void this.host.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
    }
  }

  /** Background work never rejects into the event loop (Node would end the server): a failure is logged. */
  private async guard(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.host.connection.console.error(`whole-site check failed: ${errorText(e)}`);
    }
  }

  dispose(): void {
    this.current?.stop();
    if (this.recheckTimer) clearTimeout(this.recheckTimer);
  }
}
