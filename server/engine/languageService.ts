import type { CodeAction, CompletionItem, Definition, Diagnostic, DocumentLink, Hover, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type IstioSettings } from './settings';
import { builtInCatalog, type ShortcodeCatalog } from './catalog/shortcodeCatalog';
import { SiteCatalog, templatesDir } from './catalog/siteCatalog';
import type { DocumentContext } from './features/documentContext';
import { limitFindings } from './features/findingsLimit';
import * as registry from './features/registry';
import { applySuppressions } from './features/suppression';
import { lineIndexOf } from './parser/lineIndex';
import { parseDocument, type ParsedDocument } from './parser/parsedDocument';
import { LineEnds } from './parser/textScan';
import type { FileSystem } from './site/fileSystem';
import { dirname, isInside, normalize } from './site/paths';
import { HUGO_CONFIG_FILES } from './site/linkRules';
import { RootedFileSystem, SafeFileSystem } from './site/rootedFileSystem';
import { SiteIndex, type ScanOptions } from './site/siteIndex';
import { findSiteRoot, locate, readLayout } from './site/siteLayout';

/** Open documents whose parse is kept (a re-parse of a 63 KB page takes about a millisecond). */
const PARSED_CACHE_SIZE = 64;

export interface LanguageServiceOptions {
  readonly fs: FileSystem;
  readonly catalog?: ShortcodeCatalog;
  readonly scan?: ScanOptions;
  /** Called when a site's background scan finishes, page summaries included (the server re-checks open documents then). */
  readonly onSiteReady?: (site: SiteIndex) => void;
  /** Where a failing feature is reported (the server's log); the failure itself never reaches the caller. */
  readonly onError?: (message: string) => void;
  /**
   * The folders the user opened (the LSP client's workspace folders, the CLI's targets): a site must lie inside one
   * of them, or hold one in its `content/`, so no request reaches a repository the user never opened. An empty list (a client that opened single
   * files) allows the sites above the documents it opens, and nothing else. Left out (tests, embedders), any
   * ancestor of a file may be its site, as before.
   */
  readonly workspaceFolders?: readonly string[];
}

export interface DiagnosticsResult {
  readonly diagnostics: Diagnostic[];
  /** Files the result depends on: a change to any of them should re-check the document. */
  readonly dependencies: ReadonlySet<string>;
}

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
  private readonly parsedCache = new Map<string, { document: TextDocument; version: number; catalog: ShortcodeCatalog; parsed: ParsedDocument }>();
  /** Site root → its catalog (built-in data merged with the site's `layouts/shortcodes/`). */
  private readonly siteCatalogs = new Map<string, SiteCatalog>();
  private readonly sites = new Map<string, SiteIndex>();
  /** Folder → site root (or null when the folder is in no site), so lookups climb the tree once. */
  private readonly rootOfDir = new Map<string, string | null>();

  private readonly report: ErrorReporter;
  private folders: readonly string[] | undefined;

  constructor(private readonly options: LanguageServiceOptions) {
    this.report = options.onError ?? (() => undefined);
    this.folders = options.workspaceFolders?.map(normalize);
    this.rawFs = new SafeFileSystem(options.fs);
    this.fs = new RootedFileSystem(options.fs);
    this.catalogValue = options.catalog ?? builtInCatalog();
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
      c = new SiteCatalog(this.fs, site.layout.root, this.catalogValue);
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
    const cached = this.parsedCache.get(path);
    // The document object is part of the key: a new document of the same path and version is a new text.
    if (cached && cached.document === document && cached.version === document.version && cached.catalog === catalog && this.openDocs.get(path) === document) {
      this.parsedCache.delete(path);
      this.parsedCache.set(path, cached);
      return cached.parsed;
    }
    const parsed = parseDocument(document.getText(), catalog);
    if (this.openDocs.get(path) === document) {
      this.parsedCache.delete(path);
      this.parsedCache.set(path, { document, version: document.version, catalog, parsed });
      const oldest = this.parsedCache.keys().next();
      if (this.parsedCache.size > PARSED_CACHE_SIZE && !oldest.done) this.parsedCache.delete(oldest.value);
    }
    return parsed;
  }

  // --- sites -----------------------------------------------------------------------------------

  /** The site a file belongs to, creating its index (and starting the background scan) on first use. */
  siteOf(path: string): SiteIndex | undefined {
    const root = this.rootFor(path);
    if (root === undefined) return undefined;
    let site = this.sites.get(root);
    if (!site) {
      this.fs.allow(root);
      site = new SiteIndex(this.fs, readLayout(this.fs, root), (p) => this.openDocs.get(p)?.getText());
      this.sites.set(root, site);
      const created = site;
      void site
        .scan(this.options.scan)
        .then(() => created.summarized())
        .then(() => this.options.onSiteReady?.(created));
    }
    return site;
  }

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

  context(path: string, document: TextDocument, settings: IstioSettings = DEFAULT_SETTINGS, deps?: Set<string>): DocumentContext {
    const site = this.siteOf(path);
    // The index and Create Translation skip files over the same `istio.maxFileSize` the editor's checks do.
    if (site && site.maxFileSize !== settings.maxFileSize) site.maxFileSize = settings.maxFileSize;
    const location = site ? locate(site.layout, path) : undefined;
    const catalog = this.catalogFor(site);
    const parsed = this.parse(path, document, catalog);
    return {
      uri: document.uri,
      path,
      document,
      parsed,
      location,
      site,
      catalog,
      settings,
      range: (span) => {
        const lines = lineIndexOf(parsed);
        return lines
          ? { start: lines.positionAt(span.start), end: lines.positionAt(span.end) }
          : { start: document.positionAt(span.start), end: document.positionAt(span.end) };
      },
      dependsOn: (p) => deps?.add(p),
    };
  }

  diagnostics(path: string, document: TextDocument, settings: IstioSettings = DEFAULT_SETTINGS): DiagnosticsResult {
    const dependencies = new Set<string>();
    if (!settings.diagnostics.enable) return { diagnostics: [], dependencies };
    if (tooLarge(document, settings)) return { diagnostics: [tooLargeDiagnostic(document, settings)], dependencies };
    const ctx = this.context(path, document, settings, dependencies);
    const diagnostics: Diagnostic[] = [];
    for (const rule of registry.diagnosticRules) {
      try {
        // One at a time: `push(...found)` passes every finding as an argument and overflows the stack past about
        // 125,000 of them, which lost the rule's findings.
        for (const d of rule.check(ctx)) diagnostics.push(d);
      } catch (e) {
        // A bug in one rule must not take the others (or the server) down.
        diagnostics.push(internalError(ctx, rule.name, e));
      }
    }
    // Capped in this one place, after suppressions, so every rule, the editor and the CLI get the same bound.
    return { diagnostics: limitFindings(applySuppressions(ctx.parsed, diagnostics), firstLineRange(document)), dependencies };
  }

  completions(path: string, document: TextDocument, position: Position, settings?: IstioSettings): CompletionItem[] {
    if (tooLarge(document, settings)) return [];
    const ctx = this.context(path, document, settings);
    const offset = document.offsetAt(position);
    return allOf(registry.completionProviders, (p) => p.complete(ctx, position, offset), this.report);
  }

  hover(path: string, document: TextDocument, position: Position, settings?: IstioSettings): Hover | undefined {
    if (tooLarge(document, settings)) return undefined;
    const ctx = this.context(path, document, settings);
    const offset = document.offsetAt(position);
    return firstOf(registry.hoverProviders, (p) => p.hover(ctx, position, offset), this.report);
  }

  definition(path: string, document: TextDocument, position: Position, settings?: IstioSettings): Definition | undefined {
    if (tooLarge(document, settings)) return undefined;
    const ctx = this.context(path, document, settings);
    const offset = document.offsetAt(position);
    return firstOf(registry.definitionProviders, (p) => p.definition(ctx, position, offset), this.report);
  }

  codeActions(path: string, document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], settings?: IstioSettings): CodeAction[] {
    if (tooLarge(document, settings)) return [];
    const ctx = this.context(path, document, settings);
    return allOf(registry.codeActionProviders, (p) => p.actions(ctx, range, diagnostics), this.report);
  }

  documentLinks(path: string, document: TextDocument, settings?: IstioSettings): DocumentLink[] {
    if (tooLarge(document, settings)) return [];
    const ctx = this.context(path, document, settings);
    return allOf(registry.documentLinkProviders, (p) => p.links(ctx), this.report);
  }

  dispose(): void {
    for (const site of this.sites.values()) site.dispose();
  }
}

/** The site whose `content/` holds `folder` (`/repo` for `/repo/content/zh/blog`), if that is a site root. */
function siteAroundContent(fs: FileSystem, folder: string): string | undefined {
  const at = folder.lastIndexOf('/content/') >= 0 ? folder.lastIndexOf('/content/') : folder.endsWith('/content') ? folder.length - '/content'.length : -1;
  if (at < 0) return undefined;
  const root = at === 0 ? '/' : folder.slice(0, at);
  return findSiteRoot(fs, `${root === '/' ? '' : root}/_`, root);
}

/** Files over `istio.maxFileSize` (generated dumps, minified data) are skipped so they cannot stall the server. */
function tooLarge(document: TextDocument, settings: IstioSettings = DEFAULT_SETTINGS): boolean {
  return document.getText().length > settings.maxFileSize;
}

/** The start of the first line, at most 200 characters: where findings about the whole file go. */
function firstLineRange(document: TextDocument): Range {
  const text = document.getText();
  const nl = new LineEnds(text).end(0);
  return { start: { line: 0, character: 0 }, end: document.positionAt(Math.min(nl, 200)) };
}

function tooLargeDiagnostic(document: TextDocument, settings: IstioSettings): Diagnostic {
  const text = document.getText();
  const kb = (n: number): string => `${Math.round(n / 1000).toLocaleString('en-US')} KB`;
  return {
    range: firstLineRange(document),
    severity: 3,
    code: 'file.too-large',
    source: 'istio',
    message: `This file is ${kb(text.length)}, over the ${kb(settings.maxFileSize)} limit of \`istio.maxFileSize\`: it is not checked.`,
    data: { size: text.length, limit: settings.maxFileSize },
  };
}

/** Every provider's answers together (completion, code actions, links). */
function allOf<P, T>(providers: readonly P[], ask: (provider: P) => T[] | undefined, report: ErrorReporter): T[] {
  const out: T[] = [];
  for (const p of providers) {
    const r = guard(() => ask(p), report);
    if (r) for (const x of r) out.push(x);
  }
  return out;
}

/** The first provider's answer (hover, definition): providers are listed in order of precedence in the registry. */
function firstOf<P, T>(providers: readonly P[], ask: (provider: P) => T | undefined, report: ErrorReporter): T | undefined {
  for (const p of providers) {
    const r = guard(() => ask(p), report);
    if (r) return r;
  }
  return undefined;
}

type ErrorReporter = (message: string) => void;

function guard<T>(f: () => T, report: ErrorReporter): T | undefined {
  try {
    return f();
  } catch (e) {
    report(`[istio] feature failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return undefined;
  }
}

function internalError(ctx: DocumentContext, rule: string, e: unknown): Diagnostic {
  return {
    range: ctx.range({ start: 0, end: 0 }),
    severity: 4,
    code: 'internal.error',
    source: 'istio',
    message: `Istio Authoring: the ${rule} check failed on this file (${e instanceof Error ? e.message : String(e)}). Please report it.`,
  };
}

/** Whether `path` is (inside) one of the Hugo configuration files or folders at the site root `root`. */
function isHugoConfig(root: string, path: string): boolean {
  const prefix = root === '/' ? '/' : root + '/';
  if (!path.startsWith(prefix)) return false;
  const rel = path.slice(prefix.length);
  return HUGO_CONFIG_FILES.some((f) => rel === f || rel.startsWith(f + '/'));
}
