import type { CodeAction, CompletionItem, Definition, Diagnostic, DocumentLink, Hover, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { useBuiltInValidators } from './features/frontmatter/pageFrontmatter';
import type { BuiltInValidators } from './features/frontmatter/schemaStore';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Caches, cacheKey } from './caches';
import { DEFAULT_SETTINGS, type IstioSettings } from './settings';
import { builtInCatalog, type ShortcodeCatalog } from './catalog/shortcodeCatalog';
import { SiteCatalog, templatesDir } from './catalog/siteCatalog';
import { applyDraft } from './diagnostics/draft';
import { applySeverityOverrides, familiesOff } from './diagnostics/severity';
import type { DocumentContext } from './features/documentContext';
import type { DiagnosticRule, FileMove, PathEdits, RenameRefusal, SiteWork } from './features/feature';
import { pagesLinkingTo } from './features/links/siteLinks';
import { planPageMove, type PageMovePlan } from './features/links/movePlan';
import { addHidden, countBySeverity, hiddenTotal, limitFindings, MAX_FINDINGS_PER_DOCUMENT, NONE_HIDDEN, subtractHidden, type HiddenCounts } from './features/findingsLimit';
import { FindingTally } from './features/findingTally';
import * as registry from './features/registry';
import { applySuppressions, hasSuppressions } from './features/suppression';
import { DocumentParse } from './parser/documentParse';
import { tooLarge, tooLargeDiagnostic } from './fileSize';
import { allOf, firstOf, guard, internalError, type ErrorReporter } from './providers';
import { errorText } from './errorText';
import type { SpellCheckerFactory } from './site/spellChecker';
import { parseDocument, type ParsedDocument } from './parser/parsedDocument';
import { pageFacts, type PageFacts } from './site/pageFacts';
import { LineEnds } from './parser/textScan';
import type { FileSystem } from './site/fileSystem';
import { dirname, isInside, normalize } from './site/paths';
import { HUGO_CONFIG_FILES } from './site/linkRules';
import { RootedFileSystem, SafeFileSystem } from './site/rootedFileSystem';
import { SiteIndex, type IndexState, type ScanOptions } from './site/siteIndex';
import { findSiteRoot, locate, readLayout, type ContentLocation } from './site/siteLayout';
import { fileUri } from './site/fileUri';
import { DEFAULT_SITE_VALUES, readSiteValues, type SiteValues, type SiteValuesCache } from './site/siteValues';
import { NOT_IN_A_SITE, newLanguageAnswer, planAnswer, translationsAnswer } from './features/translations/answers';
import type { GitPort } from './features/translations/gitPort';
import { translationStatus } from './features/translations/statusReport';
import type { PageHeading, PlanNewLanguageResult, PlanTranslationResult, TranslationStatusResult, TranslationsResult } from './features/translations/types';

const MARKDOWN_FILE = /\.(md|markdown)$/i;
/** Per site, in its index's caches: the `data/args.yml` it was read from, by modification time. */
const SITE_VALUES = cacheKey<SiteValuesCache>('site values');

/** Open documents whose parse is kept (a re-parse of a 63 KB page takes about a millisecond). */
const PARSED_CACHE_SIZE = 64;

export interface LanguageServiceOptions {
  readonly fs: FileSystem;
  readonly catalog?: ShortcodeCatalog;
  readonly scan?: ScanOptions;
  /**
   * `false`: a site's index is never scanned, and every query falls back to the file system (page summaries cached by
   * modification time). For the preview, which draws one page at a time in the editor's own process: listing
   * istio.io there would repeat the language server's scan. Default `true`.
   */
  readonly scanSites?: boolean;
  /** Called when a site's background scan finishes, page summaries included (the server re-checks open documents then). */
  readonly onSiteReady?: (site: SiteIndex) => void;
  /**
   * mdspell's dictionary and parsers (loaded by the Node adapter); without it the spelling check is off. Only the
   * adapter can read the dictionary from `node_modules`, so it comes in rather than through the site's file system.
   */
  readonly spelling?: SpellCheckerFactory;
  /** Where a failing feature is reported (the server's log); the failure itself never reaches the caller. */
  readonly onError?: (message: string) => void;
  /** Git, for the staleness of translations; without it the status report says git is not available. */
  readonly git?: GitPort;
  /**
   * How the answers of the translation requests write a file's URI; the engine's `fileUri` when absent. The server
   * passes its own, so these URIs are written as the rest of its answers are.
   */
  readonly pathToUri?: (path: string) => string;
  /**
   * The folders the user opened (the LSP client's workspace folders, the CLI's targets): a site must lie inside one
   * of them, or hold one in its `content/`, so no request reaches a repository the user never opened. An empty list (a client that opened single
   * files) allows the sites above the documents it opens, and nothing else. Left out (tests, embedders), any
   * ancestor of a file may be its site, as before.
   */
  readonly workspaceFolders?: readonly string[];
  /**
   * When given, the time each rule takes is added up per rule, and the parses' under `PARSE_TIMING`: the CLI's
   * `--timing`, which says where a check's time goes. A rule's time includes what it reads of other pages for the
   * first time (the link check reads its targets' summaries and headings).
   */
  readonly timings?: RuleTimings;
  /**
   * The built-in frontmatter schemas' validators, compiled at build time (the bundles of the server and the CLI pass
   * them); without them ajv compiles each on first use.
   */
  readonly frontmatterValidators?: BuiltInValidators;
  /**
   * `false` builds every finding a rule finds, even those the cap cannot show (by default, past the cap, some rules
   * count them instead: `FindingTally`): the reference the unit test compares the counted results with.
   */
  readonly countPastCap?: boolean;
}

/** Where `LanguageServiceOptions.timings` adds up the time of the rules. */
export interface RuleTimings {
  /** The clock, in milliseconds from any fixed point (the CLI passes `performance.now`): the engine has none of its own. */
  readonly now: () => number;
  /** Milliseconds per rule name (`DiagnosticRule.name`), and the parses' under `PARSE_TIMING`. */
  readonly totals: Map<string, number>;
}

/** The key of `RuleTimings.totals` under which the pages' parses are counted. */
export const PARSE_TIMING = '(parse)';

/** The state of every site index the service holds (`istio/indexStatus`). */
export interface IndexStatus {
  readonly sites: ReadonlyArray<{ readonly root: string; readonly state: IndexState; readonly files: number }>;
}

export interface DiagnosticsResult {
  readonly diagnostics: Diagnostic[];
  /** Files the result depends on: a change to any of them should re-check the document. */
  readonly dependencies: ReadonlySet<string>;
}

/** A check run in steps (`LanguageService.diagnosticsInPhases`). */
export interface PhasedDiagnostics {
  /** The findings of every rule but make-lint's, finished as `diagnostics` finishes them. */
  readonly core: Diagnostic[];
  /** Files the result depends on so far (the make-lint rules add theirs as they run). */
  readonly dependencies: ReadonlySet<string>;
  /** Runs the next make-lint rule; `false` once none is left to run. */
  step(): boolean;
  /**
   * Runs what is left: the result `diagnostics` gives for this text, and the make-lint rules' findings on their own
   * (what the server carries across the next edit until they are checked again).
   */
  complete(): DiagnosticsResult & { readonly makeLint: CarriedFindings };
  /**
   * `core` with make-lint findings carried from an earlier check (moved across the edits since), capped together as
   * `diagnostics` caps a page's findings: what the server publishes first after an edit.
   */
  withCarried(carried: CarriedFindings): Diagnostic[];
}

/**
 * The make-lint findings of a complete check that its publication showed, and how many of them the cap left out (by
 * severity). Only the shown ones are carried: on a page of 150,000 findings, carrying them all made the first
 * publication after each edit 150,000 diagnostics, seconds of the server's thread and of the editor's.
 */
export interface CarriedFindings {
  readonly shown: readonly Diagnostic[];
  readonly hidden: HiddenCounts;
}

export const NOTHING_CARRIED: CarriedFindings = { shown: [], hidden: NONE_HIDDEN };

/**
 * The engine: plain TypeScript over an injected file system. The LSP server, the CLI and the tests
 * are thin adapters over one instance of this class.
 */
export class LanguageService {
  /** The injected file system, limited to the site roots found so far: no feature can read outside a site. */
  readonly fs: RootedFileSystem;
  /** The unrestricted file system, used only to look for site roots (listing `<ancestor>/content`). */
  private readonly rawFs: FileSystem;
  private catalogValue: ShortcodeCatalog;
  private readonly openDocs = new Map<string, TextDocument>();
  /** Parses of open documents, most recently used last; bounded so a session with every page open stays small. */
  private readonly parsedCache = new Map<string, DocumentParse>();
  /** Site root → its catalog (built-in data merged with the site's `layouts/shortcodes/`). */
  private readonly siteCatalogs = new Map<string, SiteCatalog>();
  private readonly sites = new Map<string, SiteIndex>();
  /** Folder → site root (or null when the folder is in no site), so lookups climb the tree once. */
  private readonly rootOfDir = new Map<string, string | null>();

  private readonly report: ErrorReporter;
  private folders: readonly string[] | undefined;
  private readonly toUri: (path: string) => string;
  /** What features keep between requests for the whole service (per site: each `SiteIndex.caches`). */
  private readonly caches = new Caches();
  /** The settings of requests that bring none, and of a site until a request about it brings its own. */
  private settings: IstioSettings = DEFAULT_SETTINGS;

  constructor(private readonly options: LanguageServiceOptions) {
    this.report = options.onError ?? (() => undefined);
    this.toUri = options.pathToUri ?? fileUri;
    this.folders = options.workspaceFolders?.map(normalize);
    this.rawFs = new SafeFileSystem(options.fs);
    // A service that keeps site indexes is told of every file event (they depend on them too): it can keep folders' real paths.
    this.fs = new RootedFileSystem(options.fs, { keepFolderRealPaths: options.scanSites !== false });
    this.catalogValue = options.catalog ?? builtInCatalog();
    if (options.frontmatterValidators) useBuiltInValidators(this.caches, options.frontmatterValidators);
  }

  /**
   * The service's settings (the server: the workspace's `istio.*` settings, on start and on every change). They
   * apply to requests without settings of their own and to every site index, until a request about a file of the
   * site brings its (resource-scoped) settings. Adapters never set an index's options themselves.
   */
  configure(settings: IstioSettings): void {
    this.settings = settings;
    for (const site of this.sites.values()) applyToSite(site, settings);
  }

  get catalog(): ShortcodeCatalog {
    return this.catalogValue;
  }

  setCatalog(catalog: ShortcodeCatalog): void {
    this.catalogValue = catalog;
    for (const c of this.siteCatalogs.values()) c.setBase(catalog);
    this.parsedCache.clear();
  }

  /** The catalog for documents of `site`: the site's own templates merged over the built-in catalog. */
  catalogFor(site: SiteIndex | undefined): ShortcodeCatalog {
    if (!site) return this.catalogValue;
    let c = this.siteCatalogs.get(site.layout.root);
    if (!c) {
      // Without a scan (the preview) file events may be missed: the catalog checks its folder's time itself.
      c = new SiteCatalog(this.fs, site.layout.root, this.catalogValue, this.options.scanSites === false);
      this.siteCatalogs.set(site.layout.root, c);
    }
    return c.catalog();
  }

  // --- documents -------------------------------------------------------------------------------

  /** Makes the editor's text of `path` take priority over the disk for every feature. */
  openDocument(path: string, document: TextDocument): void {
    this.openDocs.set(path, document);
    // Without workspace folders, an open document may lead to a site its folder was refused before.
    if (this.rootOfDir.get(dirname(path)) === null) this.rootOfDir.delete(dirname(path));
    this.siteOf(path)?.invalidate(path);
  }

  closeDocument(path: string): void {
    this.openDocs.delete(path);
    this.parsedCache.delete(path);
    this.siteOf(path)?.invalidate(path);
  }

  parse(path: string, document: TextDocument, catalog: ShortcodeCatalog = this.catalogValue): ParsedDocument {
    return this.parseOf(path, document, catalog).parsed;
  }

  /** The parse of an open document is kept while its version is; any other text is parsed for the one request. */
  private parseOf(path: string, document: TextDocument, catalog: ShortcodeCatalog): DocumentParse {
    const cached = this.parsedCache.get(path);
    // The document object is part of the key: a new document of the same path and version is a new text.
    if (cached && cached.document === document && cached.version === document.version && cached.catalog === catalog && this.openDocs.get(path) === document) {
      this.parsedCache.delete(path);
      this.parsedCache.set(path, cached);
      return cached;
    }
    const timings = this.options.timings;
    const started = timings?.now() ?? 0;
    const parse = new DocumentParse(document, catalog, parseDocument(document.getText(), catalog));
    if (timings) addTiming(timings, PARSE_TIMING, started);
    if (this.openDocs.get(path) === document) {
      this.parsedCache.delete(path);
      this.parsedCache.set(path, parse);
      const oldest = this.parsedCache.keys().next();
      if (this.parsedCache.size > PARSED_CACHE_SIZE && !oldest.done) this.parsedCache.delete(oldest.value);
    }
    return parse;
  }

  /** The headings of a document with the ids Hugo gives them: a translation and its source match by id. */
  headings(path: string, document: TextDocument): PageHeading[] {
    const parse = this.parseOf(path, document, this.catalogFor(this.siteOf(path)));
    const positions = parse.positions();
    return parse.parsed.markdown.headings.map((h) => ({
      line: positions.positionAt(h.range.start).line,
      level: h.level,
      id: h.id,
    }));
  }

  /**
   * The document model of `text` as a page of `site`: frontmatter, shortcodes and their tree paired with the site's
   * catalog (the built-in one outside any site), as the features see it. For a text with no `TextDocument` (the
   * preview's), so nothing is cached: a parse of the largest page takes about a millisecond.
   */
  documentModel(text: string, site: SiteIndex | undefined): ParsedDocument {
    return parseDocument(text, this.catalogFor(site));
  }

  // --- sites -----------------------------------------------------------------------------------

  /**
   * The site a file belongs to, creating its index (and starting the background scan) on first use. Features reach
   * it through their context; outside the engine only white-box tests use it: adapters ask the methods below.
   */
  siteOf(path: string): SiteIndex | undefined {
    const root = this.rootFor(path);
    if (root === undefined) return undefined;
    let site = this.sites.get(root);
    if (!site) {
      this.fs.allow(root);
      site = new SiteIndex(this.fs, readLayout(this.fs, root), (p) => this.openDocs.get(p)?.getText());
      // Before the scan starts: the background summaries already honour the limit.
      applyToSite(site, this.settings);
      this.sites.set(root, site);
      const created = site;
      if (this.options.scanSites !== false) {
        void site
          .scan(this.options.scan)
          .then(() => created.summarized())
          .then(() => this.options.onSiteReady?.(created));
      }
    }
    return site;
  }

  /** The values `data/args.yml` of `site` gives the value shortcodes; the defaults outside any site. */
  siteValues(site: SiteIndex | undefined): SiteValues {
    if (!site) return DEFAULT_SITE_VALUES;
    return readSiteValues(this.fs, site.layout.root, site.caches.get(SITE_VALUES, (): SiteValuesCache => new Map()));
  }

  /** What the site's pages offer links, and whether the site is a full checkout or an excerpt of `content/`. */
  pageFacts(site: SiteIndex): PageFacts {
    return pageFacts(site);
  }

  /** Every site index made so far (white-box tests; adapters ask `indexStatus`). */
  allSites(): readonly SiteIndex[] {
    return [...this.sites.values()];
  }

  /** The workspace folders changed: sites outside the new ones are dropped, and no new one is found there. */
  setWorkspaceFolders(folders: readonly string[]): void {
    this.folders = folders.map(normalize);
    this.rootOfDir.clear();
    for (const [root, site] of this.sites) {
      if (this.folders.length > 0 && !this.folders.some((f) => isInside(root, f))) {
        site.dispose();
        this.sites.delete(root);
      }
    }
  }

  private rootFor(path: string): string | undefined {
    const dir = dirname(path);
    const known = this.rootOfDir.get(dir);
    if (known !== undefined) return known ?? undefined;
    const root = this.findRoot(path);
    this.rootOfDir.set(dir, root ?? null);
    return root;
  }

  /**
   * The state of every site index; with `wait`, answered once each is complete (files listed, page summaries read),
   * a real signal for benchmarks and tests.
   */
  async indexStatus(options: { readonly wait?: boolean } = {}): Promise<IndexStatus> {
    if (options.wait) await Promise.all([...this.sites.values()].map((s) => s.summarized()));
    return { sites: [...this.sites.values()].map((s) => ({ root: s.layout.root, state: s.state, files: s.fileCount })) };
  }


  /** Whether `path` lies inside the `content/` folder of a site (where the server may copy files). */
  isInContent(path: string): boolean {
    const site = this.siteOf(path);
    return site !== undefined && path.startsWith(site.layout.contentDir + '/');
  }

  /**
   * Where `path` sits in its site, `undefined` outside every site's `content/<lang>/`; answered once the site's
   * listing is complete, so that whatever is asked about the file next sees the whole site.
   */
  async contentLocation(path: string): Promise<ContentLocation | undefined> {
    const site = this.siteOf(path);
    const location = site && locate(site.layout, path);
    if (site && location && site.state !== 'ready') await site.scan();
    return location;
  }

  /**
   * The Markdown pages the index lists under `target` (a site root, or a folder or file in its `content/`), once the
   * listing is complete; `undefined` when no site index covers the target (the caller then walks the folder itself).
   */
  async pagesUnder(target: string): Promise<string[] | undefined> {
    const site = this.siteOf(target) ?? this.siteOf(`${target}/_`);
    if (!site || !(target === site.layout.root || isInside(target, site.layout.contentDir))) return undefined;
    await site.scan();
    const out: string[] = [];
    for (const f of site.allFiles()) {
      if (f.location.kind !== 'resource' && MARKDOWN_FILE.test(f.path) && isInside(f.path, target)) out.push(f.path);
    }
    return out;
  }

  /** The site root of `path`, within the workspace folders when they are known. */
  private findRoot(path: string): string | undefined {
    // Inside a known site's content/: no need to climb (each climb lists `<ancestor>/content` on the way up).
    for (const site of this.sites.values()) {
      if (isInside(path, site.layout.contentDir)) return site.layout.root;
    }
    const folders = this.folders;
    if (folders === undefined) return findSiteRoot(this.rawFs, path);
    if (folders.length === 0) {
      // No workspace folder (a single file opened): the documents the client opened lead to their site.
      return this.openDocs.has(path) ? findSiteRoot(this.rawFs, path) : undefined;
    }
    // The deepest folder holding the path; the climb stops there, so a site is never found above it, except the
    // site whose content/ holds the folder itself (a translator who opened only content/zh works on that site).
    const folder = folders.filter((f) => isInside(path, f)).sort((a, b) => b.length - a.length)[0];
    if (folder === undefined) return undefined;
    return findSiteRoot(this.rawFs, path, folder) ?? siteAroundContent(this.rawFs, folder);
  }

  /** A file was created, changed or deleted on disk: keep every affected index current. */
  fileChanged(path: string, change: 'created' | 'changed' | 'deleted'): { readonly recheckAll: boolean } {
    let recheckAll = false;
    // Any event: a link may have been changed in place as well as a folder replaced.
    this.fs.forgetRealPaths();
    if (change !== 'changed') this.rootOfDir.clear();
    for (const c of this.siteCatalogs.values()) {
      // A template appeared, changed or went away: the catalog (and every parse's pairing) may differ.
      if (path.startsWith(templatesDir(c.siteRoot) + '/') || path === templatesDir(c.siteRoot)) {
        c.invalidate();
        this.parsedCache.clear();
      }
    }
    for (const site of this.sites.values()) {
      if (path.startsWith(site.layout.contentDir + '/') || path === site.layout.contentDir) site.fileChanged(path, change);
      else if (isHugoConfig(site.layout.root, path)) {
        // A hugo.toml added or removed turns an excerpt into a full checkout (or back): every page's links change.
        site.configChanged(path);
        recheckAll = true;
      }
    }
    return { recheckAll };
  }

  // --- features --------------------------------------------------------------------------------

  /** What features see of one document; `settings` (the request's own) also become its site's, as `configure` does. */
  context(path: string, document: TextDocument, requestSettings?: IstioSettings, deps?: Set<string>): DocumentContext {
    const settings = requestSettings ?? this.settings;
    const site = this.siteOf(path);
    if (site && requestSettings) applyToSite(site, requestSettings);
    const location = site ? locate(site.layout, path) : undefined;
    const catalog = this.catalogFor(site);
    const parse = this.parseOf(path, document, catalog);
    const { parsed } = parse;
    return {
      uri: document.uri,
      path,
      document,
      parsed,
      location,
      site,
      catalog,
      settings,
      caches: this.caches,
      spelling: this.options.spelling,
      toUri: this.toUri,
      range: (span) => {
        const positions = parse.positions();
        return { start: positions.positionAt(span.start), end: positions.positionAt(span.end) };
      },
      offsetAt: (position) => parse.positions().offsetAt(position),
      positionAt: (offset) => parse.positions().positionAt(offset),
      dependsOn: (p) => deps?.add(p),
    };
  }

  /** `context` for a check: with the tally past which rules count findings instead of building them. */
  private checkContext(path: string, document: TextDocument, requestSettings: IstioSettings | undefined, deps: Set<string>): DocumentContext {
    const ctx = this.context(path, document, requestSettings, deps);
    if (this.options.countPastCap === false) return ctx;
    return { ...ctx, tally: new FindingTally(() => !hasSuppressions(ctx.parsed), isDraft(ctx)) };
  }

  diagnostics(path: string, document: TextDocument, requestSettings?: IstioSettings): DiagnosticsResult {
    const dependencies = new Set<string>();
    const settings = requestSettings ?? this.settings;
    if (!settings.diagnostics.enable) return { diagnostics: [], dependencies };
    const reported = this.runRules(path, document, requestSettings, dependencies);
    // The user's severities (`istio.diagnostics.severity`) apply here and nowhere else.
    return { diagnostics: applySeverityOverrides(reported, settings.diagnostics.severity ?? {}), dependencies };
  }

  /** What the rules report, before the user's severities: suppression comments applied, a failing rule reported. */
  private runRules(path: string, document: TextDocument, requestSettings: IstioSettings | undefined, dependencies: Set<string>): Diagnostic[] {
    const settings = requestSettings ?? this.settings;
    if (tooLarge(document, settings)) return [tooLargeDiagnostic(document, settings)];
    const ctx = this.checkContext(path, document, requestSettings, dependencies);
    const overrides = settings.diagnostics.severity ?? {};
    const diagnostics: Diagnostic[] = [];
    for (const rule of registry.diagnosticRules) this.runRule(rule, ctx, diagnostics, overrides);
    return limitFindings(finishFindings(ctx, diagnostics), firstLineRange(ctx.document), MAX_FINDINGS_PER_DOCUMENT, ctx.tally?.hidden());
  }

  /**
   * The check of `diagnostics`, in phases for the server's keystroke path: the core rules' findings at once, then one
   * make-lint rule (`registry.makeLintRules`) per `step()`, then `complete()`, which is exactly what `diagnostics`
   * gives for this text (the same rules over the same parse, in the same order, finished together).
   */
  diagnosticsInPhases(path: string, document: TextDocument, requestSettings?: IstioSettings): PhasedDiagnostics {
    const dependencies = new Set<string>();
    const settings = requestSettings ?? this.settings;
    const overrides = settings.diagnostics.severity ?? {};
    if (!settings.diagnostics.enable || tooLarge(document, settings)) {
      const done = this.diagnostics(path, document, requestSettings);
      return {
        core: done.diagnostics,
        dependencies: done.dependencies,
        step: () => false,
        complete: () => ({ ...done, makeLint: NOTHING_CARRIED }),
        withCarried: () => done.diagnostics,
      };
    }
    const ctx = this.checkContext(path, document, requestSettings, dependencies);
    const raw: Diagnostic[] = [];
    for (const rule of registry.coreRules) this.runRule(rule, ctx, raw, overrides);
    const coreCount = raw.length;
    // Suppressions and drafts apply finding by finding, so the core's and the make-lint rules' findings are finished
    // apart and capped together; so are the counts of the findings the rules counted past the cap.
    const coreFound = finishFindings(ctx, raw.slice());
    const coreCounted = ctx.tally?.hidden() ?? NONE_HIDDEN;
    const firstLine = firstLineRange(ctx.document);
    const core = applySeverityOverrides(limitFindings(coreFound, firstLine, MAX_FINDINGS_PER_DOCUMENT, coreCounted), overrides);
    let next = 0;
    const step = (): boolean => {
      const rule = registry.makeLintRules[next];
      if (!rule) return false;
      next++;
      this.runRule(rule, ctx, raw, overrides);
      return next < registry.makeLintRules.length;
    };
    return {
      core,
      dependencies,
      step,
      complete: () => {
        while (step());
        const lintFound = finishFindings(ctx, raw.slice(coreCount));
        const counted = ctx.tally?.hidden() ?? NONE_HIDDEN;
        const diagnostics = limitFindings([...coreFound, ...lintFound], firstLine, MAX_FINDINGS_PER_DOCUMENT, counted);
        // The make-lint findings the cap kept (the same objects), and the counts of those it left out or the rules
        // counted without building.
        const kept = new Set(diagnostics);
        const shown = lintFound.filter((d) => kept.has(d));
        const hidden = addHidden(countBySeverity(lintFound.filter((d) => !kept.has(d))), subtractHidden(counted, coreCounted));
        return {
          diagnostics: applySeverityOverrides(diagnostics, overrides),
          dependencies,
          makeLint: { shown: applySeverityOverrides(shown, overrides), hidden },
        };
      },
      // The carried findings had the user's severities applied already; applying them again changes nothing.
      withCarried: (carried) =>
        carried.shown.length === 0 && hiddenTotal(carried.hidden) === 0
          ? core
          : applySeverityOverrides(limitFindings([...coreFound, ...carried.shown], firstLine, MAX_FINDINGS_PER_DOCUMENT, addHidden(coreCounted, carried.hidden)), overrides),
    };
  }

  /**
   * `runRule`, unless the user's severities turn off every family the rule reports (`familiesOff`), and timed when
   * the service was asked for timings.
   */
  private runRule(rule: DiagnosticRule, ctx: DocumentContext, out: Diagnostic[], overrides: Readonly<Record<string, unknown>>): void {
    if (familiesOff(rule.families, overrides)) return;
    const timings = this.options.timings;
    if (!timings) return runRule(rule, ctx, out);
    const started = timings.now();
    runRule(rule, ctx, out);
    addTiming(timings, rule.name, started);
  }

  completions(path: string, document: TextDocument, position: Position, settings?: IstioSettings): CompletionItem[] {
    if (tooLarge(document, settings ?? this.settings)) return [];
    const ctx = this.context(path, document, settings);
    const offset = ctx.offsetAt(position);
    return allOf(registry.completionProviders, (p) => p.complete(ctx, position, offset), this.report);
  }

  hover(path: string, document: TextDocument, position: Position, settings?: IstioSettings): Hover | undefined {
    if (tooLarge(document, settings ?? this.settings)) return undefined;
    const ctx = this.context(path, document, settings);
    const offset = ctx.offsetAt(position);
    return firstOf(registry.hoverProviders, (p) => p.hover(ctx, position, offset), this.report);
  }

  definition(path: string, document: TextDocument, position: Position, settings?: IstioSettings): Definition | undefined {
    if (tooLarge(document, settings ?? this.settings)) return undefined;
    const ctx = this.context(path, document, settings);
    const offset = ctx.offsetAt(position);
    return firstOf(registry.definitionProviders, (p) => p.definition(ctx, position, offset), this.report);
  }

  /** `only`: the kinds asked for (LSP `context.only`); `source.fixAll` is answered from the document's own diagnostics. */
  codeActions(path: string, document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], settings?: IstioSettings, only?: readonly string[]): CodeAction[] {
    if (tooLarge(document, settings ?? this.settings)) return [];
    const ctx = this.context(path, document, settings);
    const request = { ...(only ? { only } : {}), documentDiagnostics: () => this.diagnostics(path, document, settings).diagnostics };
    return allOf(registry.codeActionProviders, (p) => p.actions(ctx, range, diagnostics, request), this.report);
  }

  documentLinks(path: string, document: TextDocument, settings?: IstioSettings): DocumentLink[] {
    if (tooLarge(document, settings ?? this.settings)) return [];
    const ctx = this.context(path, document, settings);
    return allOf(registry.documentLinkProviders, (p) => p.links(ctx), this.report);
  }

  // --- rename, references, moves: site-wide answers over the reverse link index -----------------

  /** The span F2 renames at `position` and its text; `undefined` where nothing can be renamed. */
  prepareRename(path: string, document: TextDocument, position: Position, settings?: IstioSettings): { range: Range; placeholder: string } | undefined {
    if (tooLarge(document, settings ?? this.settings)) return undefined;
    const ctx = this.context(path, document, settings);
    const offset = ctx.offsetAt(position);
    return firstOf(registry.renameProviders, (p) => p.prepare(ctx, offset), this.report);
  }

  /**
   * The edits of renaming what is at `position` to `newName` across the site; `{ refused }` says why not (the server
   * answers with that message); `undefined` where nothing can be renamed.
   */
  async rename(path: string, document: TextDocument, position: Position, newName: string, settings?: IstioSettings): Promise<WorkspaceEdit | RenameRefusal | undefined> {
    if (tooLarge(document, settings ?? this.settings)) return undefined;
    const site = this.siteOf(path);
    if (site) for (const p of registry.renameProviders) await p.ready(this.siteWork(site));
    const ctx = this.context(path, document, settings);
    const offset = ctx.offsetAt(position);
    const answer = firstOf(registry.renameProviders, (p) => p.rename(ctx, offset, newName), this.report);
    if (!answer || 'refused' in answer) return answer;
    return this.workspaceEdit(answer, path, document.uri);
  }

  /** Every place in the site that links to the heading, page or file at `position` (the declaration first, if asked). */
  async references(path: string, document: TextDocument, position: Position, includeDeclaration: boolean, settings?: IstioSettings): Promise<Location[]> {
    if (tooLarge(document, settings ?? this.settings)) return [];
    const site = this.siteOf(path);
    if (site) for (const p of registry.referenceProviders) await p.ready(this.siteWork(site));
    const ctx = this.context(path, document, settings);
    const offset = ctx.offsetAt(position);
    const found = firstOf(registry.referenceProviders, (p) => p.references(ctx, offset, includeDeclaration), this.report) ?? [];
    return found.map((l) => ({ uri: l.path === path ? document.uri : this.toUri(l.path), range: l.range }));
  }

  /**
   * Files or folders are about to move (`workspace/willRenameFiles`): the edits that keep every link to them (and
   * every relative link in them) working, and the old URLs in the moved pages' `aliases:`. Made against the files
   * where they are now; `undefined` when nothing needs to change.
   */
  async filesMoved(moves: readonly FileMove[]): Promise<WorkspaceEdit | undefined> {
    const bySite = new Map<SiteIndex, FileMove[]>();
    for (const m of moves) {
      const site = this.siteOf(m.from) ?? this.siteOf(`${m.from}/_`);
      if (site) bySite.set(site, [...(bySite.get(site) ?? []), m]);
    }
    const all = new Map<string, TextEdit[]>();
    for (const [site, list] of bySite) {
      const work = this.siteWork(site);
      for (const p of registry.fileMoveProviders) {
        await p.ready(work);
        const edits = firstOf([p], (q) => q.moved(work, list), this.report);
        for (const [path, e] of edits ?? []) all.set(path, [...(all.get(path) ?? []), ...e]);
      }
    }
    return all.size > 0 ? this.workspaceEdit(all) : undefined;
  }

  /** The files Move Page renames to give the page at `path` (and its translations) the URL `newUrl`. */
  async planPageMove(path: string, newUrl: string): Promise<PageMovePlan | RenameRefusal> {
    const site = this.siteOf(path);
    if (!site) return { refused: 'This file is not in a Hugo site\'s content folder.' };
    await site.scan();
    return planPageMove(site, path, newUrl);
  }

  /**
   * The pages whose links or image references reach the page or file at `path` (or anything below the folder at
   * `path`), from the reverse link index brought up to date: a change to `path` may change what they report.
   */
  async pagesLinkingTo(path: string): Promise<string[]> {
    const site = this.siteOf(path) ?? this.siteOf(`${path}/_`);
    if (!site) return [];
    await registry.referenceProviders[0]?.ready(this.siteWork(site));
    return pagesLinkingTo(site, path);
  }

  /**
   * Builds what completion, rename, references and the whole-site check read across `site`: the tallies completion
   * ranks its items by (shortcode usage, keywords: about 5 ms each at istio.io's size, which the first completion
   * after the index paid), then the reverse link index (about 0.8 s of CPU and 18 MB for istio.io, read in the
   * scan's slices), so that the first completion, F2 or Shift+F12 answers at once. The server calls it once the
   * site's index is complete and the author pauses; the CLI never needs it.
   */
  async prepareSiteWide(site: SiteIndex): Promise<void> {
    const work = this.siteWork(site);
    for (const p of registry.completionProviders) {
      if (!p.prepare) continue;
      // A failure is reported, and the completion counts the site itself.
      guard(() => p.prepare?.(site), this.report);
      await work.pause();
    }
    try {
      for (const p of registry.referenceProviders) await p.ready(work);
    } catch (e) {
      // In the background: a failure is reported and the index is built again on the next request.
      this.report(`[istio] building the link index failed: ${errorText(e)}`);
    }
  }

  private siteWork(site: SiteIndex): SiteWork {
    const { sliceMs, now } = this.options.scan ?? {};
    return { site, catalog: this.catalogFor(site), pause: this.options.scan?.pause ?? (() => Promise.resolve()), ...(sliceMs !== undefined ? { sliceMs } : {}), ...(now ? { now } : {}) };
  }

  /** Path-keyed edits as LSP's `changes`, the open document under the URI it was asked by. */
  private workspaceEdit(edits: PathEdits, ownPath?: string, ownUri?: string): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const [path, list] of [...edits].sort(([a], [b]) => a.localeCompare(b))) {
      changes[path === ownPath && ownUri ? ownUri : this.toUri(path)] = [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
    return { changes };
  }

  // --- whole site ----------------------------------------------------------------------------------

  /**
   * The diagnostics of the page at `path` as the whole-site check sees it: its editor's text when it is open, the
   * disk otherwise; `undefined` when it cannot be read.
   */
  diagnosticsOfFile(path: string, settings?: IstioSettings): DiagnosticsResult | undefined {
    const open = this.openDocs.get(path);
    if (open) return this.diagnostics(path, open, settings);
    const text = this.siteOf(path)?.readText(path);
    if (text === undefined) return undefined;
    return this.diagnostics(path, TextDocument.create(this.toUri(path), 'markdown', 0, text), settings);
  }

  // --- translations ------------------------------------------------------------------------------
  // `path` is `undefined` when the request's URI names no file: it is answered as a file outside every site.

  /** The versions of a content file in every language; `uri` is the URI it was asked by, kept for its own version. */
  async translations(path: string | undefined, uri?: string, settings?: IstioSettings): Promise<TranslationsResult | null> {
    const site = await this.completeSite(path, settings);
    return site && path !== undefined ? translationsAnswer(site, path, uri, this.toUri) : null;
  }

  /** The files Create Translation will create for the page at `path` in the language folder `lang`, or why not. */
  async planTranslation(path: string | undefined, lang: string, settings?: IstioSettings): Promise<PlanTranslationResult> {
    const site = await this.completeSite(path, settings);
    return site && path !== undefined ? planAnswer(site, path, lang, this.catalogFor(site), this.toUri) : NOT_IN_A_SITE;
  }

  /** What Start a New Language does for `lang` (named `name`) in the site holding `path` (a file or folder of it). */
  async planNewLanguage(path: string | undefined, lang: string, name: string, settings?: IstioSettings): Promise<PlanNewLanguageResult> {
    const site = await this.completeSite(path, settings);
    return site ? newLanguageAnswer(site, lang, name, this.toUri) : { ok: false, reason: 'not-in-a-site', message: 'This file is not in a Hugo site (no content/<language>/ above it).' };
  }

  /**
   * The missing and stale translations of the site holding `path` (a file or folder of it). `trusted: false` (an
   * untrusted workspace) asks git nothing: a repository's own configuration can make git run commands.
   */
  async translationStatus(path: string | undefined, options: { readonly trusted?: boolean } = {}, settings?: IstioSettings): Promise<TranslationStatusResult | null> {
    const site = await this.completeSite(path, settings);
    return site ? translationStatus(site, { trusted: options.trusted !== false, git: this.options.git, toUri: this.toUri, catalog: this.catalogFor(site), path }) : null;
  }

  /**
   * The site of `path` (a folder, such as the site root, counts as inside itself) once its listing is complete, with
   * the request's settings applied: page titles and translation keys are read under its `maxFileSize`.
   */
  private async completeSite(path: string | undefined, settings: IstioSettings | undefined): Promise<SiteIndex | undefined> {
    if (path === undefined) return undefined;
    const site = this.siteOf(path) ?? this.siteOf(`${path}/_`);
    if (site && settings) applyToSite(site, settings);
    // Translation keys and new language folders are only all known once the index is complete.
    await site?.scan();
    return site;
  }

  dispose(): void {
    for (const site of this.sites.values()) site.dispose();
  }
}

/** Adds the time since `started` to `key`'s total. */
function addTiming(timings: RuleTimings, key: string, started: number): void {
  timings.totals.set(key, (timings.totals.get(key) ?? 0) + timings.now() - started);
}

function runRule(rule: DiagnosticRule, ctx: DocumentContext, out: Diagnostic[]): void {
  try {
    // One at a time: `push(...found)` passes every finding as an argument and overflows the stack past about
    // 125,000 of them, which lost the rule's findings.
    for (const d of rule.check(ctx)) out.push(d);
    ctx.tally?.commit();
  } catch (e) {
    // A bug in one rule must not take the others (or the server) down.
    ctx.tally?.abort();
    out.push(internalError(ctx, rule.name, e));
  }
}

/** Suppression comments and drafts applied (the callers cap the result, in one place each: `limitFindings`). */
function finishFindings(ctx: DocumentContext, diagnostics: Diagnostic[]): Diagnostic[] {
  return applyDraft(applySuppressions(ctx.parsed, diagnostics), isDraft(ctx));
}

function isDraft(ctx: DocumentContext): boolean {
  return ctx.parsed.frontmatter?.byKey.get('draft')?.value === true;
}

/** The site whose `content/` holds `folder` (`/repo` for `/repo/content/zh/blog`), if that is a site root. */
function siteAroundContent(fs: FileSystem, folder: string): string | undefined {
  const at = folder.lastIndexOf('/content/') >= 0 ? folder.lastIndexOf('/content/') : folder.endsWith('/content') ? folder.length - '/content'.length : -1;
  if (at < 0) return undefined;
  const root = at === 0 ? '/' : folder.slice(0, at);
  return findSiteRoot(fs, `${root === '/' ? '' : root}/_`, root);
}

/**
 * The start of the first line, at most 200 characters: where findings about the whole file go. The end is on line 0,
 * so its character is its offset: `document.positionAt` would have computed every line start of the text for it
 * (a tenth of a millisecond per keystroke on a 63 KB page).
 */
function firstLineRange(document: TextDocument): Range {
  const nl = new LineEnds(document.getText()).end(0);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(nl, 200) } };
}

/**
 * The settings that are the index's rather than a request's. `maxFileSize`: a page over it keeps no summary, so its
 * title, aliases and translation key are unknown to links and translations (the setter drops what depended on them).
 */
function applyToSite(site: SiteIndex, settings: IstioSettings): void {
  site.maxFileSize = settings.maxFileSize;
}

/** Whether `path` is (inside) one of the Hugo configuration files or folders at the site root `root`. */
function isHugoConfig(root: string, path: string): boolean {
  const prefix = root === '/' ? '/' : root + '/';
  if (!path.startsWith(prefix)) return false;
  const rel = path.slice(prefix.length);
  return HUGO_CONFIG_FILES.some((f) => rel === f || rel.startsWith(f + '/'));
}
