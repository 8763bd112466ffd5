/**
 * The language server: a thin LSP adapter over the pure engine in `core/`.
 * Runs over stdio (`node dist/server.js --stdio`, any LSP client) or IPC (the VS Code client).
 */
import {
  type CancellationToken,
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COPY_FILE_COMMAND, COPY_FILES_COMMAND, FIX_ALL_KIND, HEADINGS_REQUEST, INDEX_STATUS_REQUEST, PLAN_NEW_LANGUAGE_REQUEST, PLAN_TRANSLATION_REQUEST, SETTINGS_SECTION, TRANSLATION_STATUS_REQUEST, TRANSLATIONS_REQUEST, type CopyFileArgs, type CopyFilesArgs, type IndexStatusParams, type InitializationOptions, type PlanNewLanguageParams, type PlanTranslationParams, type TranslationStatusParams, type TranslationsParams, WATCHED_FILE_GLOBS } from '../protocol';
import { DEFAULT_SETTINGS, type IstioSettings } from '../engine';
import { errorText, LanguageService, mergeSettings } from '../engine';
import { copyFileSafely, copyFilesSafely } from './node/copyFile';
import { nodeGit } from './node/git';
import { Lifecycle, throwIfCancelled } from './node/lifecycle';
import { FRONTMATTER_VALIDATORS } from './node/frontmatterValidators';
import { NodeFileSystem } from './node/nodeFileSystem';
import { dictionaryPath, mdspellFactory } from './node/spelling';
import { lastActivityAt, noteActivity, whenIdle } from './node/idle';
import { answerFirst, BACKGROUND_SLICES, holdForEdit, yieldToQuickRequests, yieldToRequests } from './node/pause';
import { pathToUri, uriToPath } from './node/uris';
import { compactCompletions, itemDefaultsSupport, type ItemDefaultsSupport } from './completionList';
import { LazyDocumentation } from './lazyDocumentation';
import { REFACTORING_CAPABILITIES, registerRefactoring } from './siteRefactoring';
import { ValidationQueue } from './validationQueue';
import { WholeSiteChecker } from './wholeSite';

/** The package's version, set by esbuild from package.json (absent when the source runs unbundled). */
declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/**
 * Where the server's start-up went, in ms since this process started (Node's time origin): the bundle loaded (this
 * line runs once every import is evaluated), `initialize` received, the first page opened and checked, the site's
 * first background scan done. Logged to the client's output channel ("Istio Authoring"), where a bug report and the
 * UI test read it; the bench prints it too.
 */
const startup = {
  loaded: performance.now(),
  initialize: undefined as number | undefined,
  firstOpen: undefined as number | undefined,
  logged: false,
  scanLogged: false,
};
const ms = (n: number): string => `${Math.round(n)} ms`;

/** The reverse link index is built once the editor has been quiet this long (idle.ts). */
const LINK_INDEX_QUIET_MS = 1000;
/** Reverse link indexes built in the background so far (`istio/indexStatus`). */
let linkIndexesBuilt = 0;
/** Edits are checked once typing pauses this long; opening a file is checked at once. */
const DEBOUNCE_MS = 50;
/** `initializationOptions.debounceMs` overrides it (the benchmark times processing without the pause). */
let debounceMs = DEBOUNCE_MS;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const dictionary = dictionaryPath();
const service = new LanguageService({
  fs: new NodeFileSystem(),
  git: nodeGit,
  pathToUri,
  // Compiled at build time (esbuild.mjs): the first check of a page does not wait for ajv.
  ...(FRONTMATTER_VALIDATORS ? { frontmatterValidators: FRONTMATTER_VALIDATORS } : {}),
  // mdspell's dictionary, when one is found: the spelling check is off without it. It loads after the first
  // diagnostics of the first page that needs it are out, read off the thread and decoded between requests; then the
  // pages checked without it are checked again.
  ...(dictionary ? { spelling: mdspellFactory(dictionary, { onLoad: () => (dictionaryLoading = true), onReady: () => spellingLoaded(), pause: yieldToRequests }) } : {}),
  // Short slices: with background work resuming only once the quick requests are answered (pause.ts), a completion
  // waits for at most the slice in progress.
  scan: BACKGROUND_SLICES,
  onError: (message) => connection.console.error(message),
  // The full index can resolve more than the quick look-ups made during the scan did: the pages checked against the
  // partial index are checked again, and those opened meanwhile, which waited for it, are checked.
  onSiteReady: (site) => {
    if (!startup.scanLogged) {
      startup.scanLogged = true;
      connection.console.info(`Start-up (server): first site scan done at ${ms(performance.now())} (${site.fileCount} files).`);
    }
    indexedSites.add(site);
    queue.indexCompleted();
    // Then, in the background once the author pauses (idle.ts) and every open page is checked, the reverse link
    // index: the first rename or references answers at once. Built while pages wait for their diagnostics (opened
    // together, or rechecked now that the index is complete), it shared the thread with their checks and delayed
    // the last of them by its whole build (430 ms on istio.io's tree, with every page open).
    whenIdle(
      LINK_INDEX_QUIET_MS,
      () => {
        if (lifecycle.running) void service.prepareSiteWide(site).then(() => linkIndexesBuilt++);
      },
      () => queue.pending > 0,
    );
  },
});

/** Before `initialize` and after `shutdown`, requests are refused and notifications dropped. */
const lifecycle = new Lifecycle();

let supportsConfiguration = false;
let supportsWorkspaceFolders = false;
let supportsWatchedFilesRegistration = false;
/**
 * Whether completion items go without their documentation (`lazyDocumentation.ts`): only to a client that says it
 * resolves it (VS Code, nvim-cmp). Neovim's own completion (0.7's omnifunc) never asks, and shows what the list has.
 */
let lazyCompletionDocs = false;
/** The completion list defaults the client applies (completionList.ts): a list's shared edit range is sent once. */
let completionDefaults: ItemDefaultsSupport = { editRange: false, insertTextFormat: false };
/** Settings by workspace folder (or by document outside every folder). */
const settingsCache = new Map<string, Promise<IstioSettings>>();
/** Workspace folder URIs, each ending in `/`. */
let workspaceFolders: string[] = [];
/** Sites whose first index is complete (`onSiteReady`). */
const indexedSites = new WeakSet<object>();
let dictionaryLoaded = dictionary === undefined;
/** Whether its load has begun (it ends with `spellingLoaded`). */
let dictionaryLoading = false;
/** uri → files its last diagnostics depended on. */
const dependencies = new Map<string, ReadonlySet<string>>();

connection.onInitialize((params): InitializeResult => {
  startup.initialize ??= performance.now();
  const caps = params.capabilities;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folders.map((u) => (u.endsWith('/') ? u : u + '/'));
  // Sites are found only inside the folders the client opened (none: only above the documents it opens).
  service.setWorkspaceFolders(folderPaths(workspaceFolders));
  supportsWorkspaceFolders = caps.workspace?.workspaceFolders === true;
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
  supportsConfiguration = caps.workspace?.configuration === true;
  lazyCompletionDocs = caps.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true;
  completionDefaults = itemDefaultsSupport(caps);
  supportsWatchedFilesRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      // `{{<`, `{{< `, `{{< /`, `link="`, `](`, anchors, `keywords: [`…: VS Code asks on these even with Markdown's quick
      // suggestions off (frontmatter keys, which have none, are asked for by the VS Code client itself).
      completionProvider: { triggerCharacters: ['<', '%', ' ', '"', '/', '#', '(', '[', '.', ':', '='], resolveProvider: true },
      hoverProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentLinkProvider: { resolveProvider: false },
      // The VS Code client registers these commands itself and forwards them here, so every client gets them.
      executeCommandProvider: { commands: [COPY_FILE_COMMAND, COPY_FILES_COMMAND] },
      // Rename and references of headings and pages, and the links that follow a moved page (siteRefactoring.ts).
      ...REFACTORING_CAPABILITIES,
      // One `workspace` entry: the folders this server follows, and the file renames it takes part in.
      workspace: { ...REFACTORING_CAPABILITIES.workspace, workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'istio-authoring', version: VERSION },
  };
  lifecycle.initialized();
  return result;
});

function folderPaths(uris: readonly string[]): string[] {
  return uris.map((u) => uriToPath(u.replace(/\/$/, ''))).filter((p): p is string => p !== undefined);
}

connection.onInitialized(() => {
  void configureService();
  if (supportsWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => (f.uri.endsWith('/') ? f.uri : f.uri + '/')));
      workspaceFolders = [...workspaceFolders.filter((u) => !removed.has(u)), ...e.added.map((f) => (f.uri.endsWith('/') ? f.uri : f.uri + '/'))];
      service.setWorkspaceFolders(folderPaths(workspaceFolders));
      settingsCache.clear();
      recheckAllDocuments();
    });
  }
  if (supportsWatchedFilesRegistration) {
    // Clients that can register watchers (Neovim, others) get told what to watch; VS Code's client watches itself.
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_FILE_GLOBS.map((globPattern) => ({ globPattern })),
    });
  }
});

connection.onDidChangeConfiguration(
  lifecycle.notification(() => {
    settingsCache.clear();
    void configureService();
    recheckAllDocuments();
  }),
);

/**
 * Gives the service the workspace's settings (those of its first folder): they hold for requests that bring none and
 * for every site index (`istio.maxFileSize`), until a request brings the settings of its own folder.
 */
async function configureService(): Promise<void> {
  const folder = workspaceFolders[0];
  if (!supportsConfiguration || folder === undefined) return;
  const settings = await settingsFor(folder);
  service.configure(settings);
  void wholeSite.configured(settings.diagnostics.scope);
}

function settingsFor(uri: string): Promise<IstioSettings> {
  if (!supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  // Resource-scoped settings are set per workspace folder, so one request per folder serves every page in it
  // (instead of one configuration round trip to the client per page opened).
  const key = workspaceFolders.filter((f) => uri.startsWith(f)).sort((a, b) => b.length - a.length)[0] ?? uri;
  let s = settingsCache.get(key);
  if (!s) {
    s = connection.workspace
      .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
      .then((raw: unknown) => mergeSettings(raw))
      .catch(() => DEFAULT_SETTINGS);
    settingsCache.set(key, s);
  }
  return s;
}


// --- diagnostics ---------------------------------------------------------------------------------

/** Every check of an open page goes through this one queue (validationQueue.ts). */
const queue = new ValidationQueue({
  documents,
  service,
  settingsFor,
  running: () => lifecycle.running,
  toPath: uriToPath,
  publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
  checked: (uri, deps) => dependencies.set(uri, deps),
  indexReady: (path) => {
    const site = service.siteOf(path);
    return site === undefined || indexedSites.has(site) || (site.state === 'ready' && site.summariesComplete);
  },
  dictionaryReady: () => dictionaryLoaded,
  dictionaryLoading: () => dictionaryLoading && !dictionaryLoaded,
  pause: yieldToQuickRequests,
  holdForEdit,
  lastActivity: lastActivityAt,
  error: (message) => connection.console.error(message),
  firstPublished: (checkStart, settingsMs, uri) => {
    if (!startup.logged) logStartup(checkStart, settingsMs);
    warmUpCompletion(uri);
  },
});

/**
 * Once, with the first diagnostics (before they are written): a shortcode completion in the first page, made and
 * dropped. The author's first completion was 8 ms against 1.5 ms for the next ones, V8 compiling the completion code
 * and the catalog's documentation being written on first use; the first diagnostics now go out that much later
 * instead, in a start-up that takes about 300 ms.
 */
function warmUpCompletion(uri: string): void {
  const path = uriToPath(uri);
  if (!path) return;
  try {
    service.completions(path, TextDocument.create(uri, 'markdown', 0, '{{< '), { line: 0, character: 4 });
  } catch {
    // Nothing depends on it: the first real completion reports its own failure.
  }
}

/** The dictionary is loaded: the pages checked before it get their spelling findings. */
function spellingLoaded(): void {
  dictionaryLoaded = true;
  if (!lifecycle.running) return;
  connection.console.info(`Start-up (server): spelling dictionary loaded at ${ms(performance.now())}.`);
  queue.dictionaryLoaded();
  wholeSite.recheckAll();
}

/** Once, with the first diagnostics: the process's start-up to them, phase by phase. */
function logStartup(checkStart: number, settingsMs: number): void {
  startup.logged = true;
  const now = performance.now();
  const { loaded, initialize = loaded, firstOpen = initialize } = startup;
  connection.console.info(
    `Start-up (server): bundle loaded ${ms(loaded)} after the process started, initialize at ${ms(initialize)}, ` +
      `first page opened at ${ms(firstOpen)}, its settings from the client in ${ms(settingsMs)}, checked in ${ms(now - checkStart)}, ` +
      `diagnostics sent at ${ms(now)}.`,
  );
}

/** Pages just opened: `onDidChangeContent` follows their `onDidOpen` for the same text, which is not an edit. */
const justOpened = new Set<string>();

documents.onDidOpen((e) => {
  if (!lifecycle.running) return;
  startup.firstOpen ??= performance.now();
  const path = uriToPath(e.document.uri);
  if (path) service.openDocument(path, e.document);
  justOpened.add(e.document.uri);
  queue.opened(e.document.uri);
});

documents.onDidChangeContent((e) => {
  if (justOpened.delete(e.document.uri)) return;
  if (!lifecycle.running) return;
  noteActivity();
  const path = uriToPath(e.document.uri);
  if (path) service.openDocument(path, e.document);
  queue.edited(e.document.uri, debounceMs);
});

documents.onDidClose((e) => {
  const path = uriToPath(e.document.uri);
  if (path) service.closeDocument(path);
  queue.closed(e.document.uri);
  dependencies.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  // While the whole site is checked, a closed page keeps its problems (read again from disk).
  if (!wholeSite.documentClosed(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles((params) => {
  if (!lifecycle.running) return;
  const changed = new Set<string>();
  const deleted: string[] = [];
  let recheckAll = false;
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    if (!path) continue;
    const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    recheckAll = service.fileChanged(path, kind).recheckAll || recheckAll;
    changed.add(path);
    if (kind === 'deleted') deleted.push(path);
  }
  if (recheckAll) recheckAllDocuments();
  else recheckDependents(changed);
  // The closed pages of the whole-site check (wholeSite.ts).
  if (recheckAll) wholeSite.recheckAll();
  else void wholeSite.filesChanged([...changed], deleted);
});

/**
 * Re-checks only the open documents whose last result looked at one of the changed files, or at a file inside
 * a changed folder (a bundle folder created, deleted or renamed arrives as one event for the folder).
 */
function recheckAllDocuments(): void {
  queue.recheck(documents.all().map((d) => d.uri));
}

function recheckDependents(changed: ReadonlySet<string>): void {
  for (const doc of documents.all()) {
    const deps = dependencies.get(doc.uri);
    if (!deps) continue;
    const hit = [...changed].some((p) => {
      if (deps.has(p)) return true;
      const prefix = p + '/';
      for (const d of deps) if (d.startsWith(prefix)) return true;
      return false;
    });
    if (hit) queue.recheck([doc.uri]);
  }
}

connection.onExecuteCommand(lifecycle.request((params) => {
  if (params.command === COPY_FILES_COMMAND) return copyFiles(params.arguments?.[0] as Partial<CopyFilesArgs> | undefined);
  if (params.command !== COPY_FILE_COMMAND) return null;
  const args = params.arguments?.[0] as Partial<CopyFileArgs> | undefined;
  // Only inside a site of the workspace; copyFileSafely also checks where symbolic links really lead.
  const result = copyFileSafely(args, (p) => service.siteOf(p)?.layout.contentDir);
  if (!result.ok) {
    void connection.window.showErrorMessage(`Istio Authoring: ${result.message}`);
    return { copied: false, message: result.message };
  }
  // Do not wait for the file watcher: the image exists now.
  service.fileChanged(result.target, 'created');
  recheckDependents(new Set([result.target]));
  return { copied: true, message: result.message };
}));

/** Copies every file a translation lacks, never overwriting, and tells the user what it did. */
function copyFiles(args: Partial<CopyFilesArgs> | undefined): { copied: readonly string[]; notCopied: readonly { target: string; message: string }[]; message: string } {
  const result = copyFilesSafely(args, (p) => service.siteOf(p)?.layout.contentDir);
  for (const target of result.copied) service.fileChanged(target, 'created');
  recheckDependents(new Set(result.copied));
  const message = `Istio Authoring: ${result.message}`;
  void (result.notCopied.length ? connection.window.showWarningMessage(message) : connection.window.showInformationMessage(message));
  return result;
}

// --- requests ------------------------------------------------------------------------------------

/**
 * Runs a request on an open document with its settings; any failure is logged and answers `fallback`. It first lets
 * the messages already received run (an edit, a `$/cancelRequest`), and a request the client cancelled meanwhile is
 * answered RequestCancelled without its work. Background work (the scan, the validation queue) waits meanwhile.
 */
async function withDocument<T>(uri: string, token: CancellationToken, fallback: T, f: (path: string, doc: TextDocument, settings: IstioSettings) => T): Promise<T> {
  noteActivity();
  const settings = await settingsFor(uri);
  return answerFirst(async (letMessagesIn) => {
    await letMessagesIn();
    throwIfCancelled(token);
    const doc = documents.get(uri);
    const path = uriToPath(uri);
    if (!doc || !path) return fallback;
    try {
      return f(path, doc, settings);
    } catch (e) {
      connection.console.error(`request failed for ${uri}: ${errorText(e)}`);
      return fallback;
    }
  });
}

/** Completion items go without their documentation, given back when the editor shows an item (lazyDocumentation.ts). */
const completionDocs = new LazyDocumentation();

connection.onCompletion(
  lifecycle.request((params, token) =>
    withDocument(params.textDocument.uri, token, [], (path, doc, settings) => {
      const items = service.completions(path, doc, params.position, settings);
      return compactCompletions(lazyCompletionDocs ? completionDocs.strip(items) : items, completionDefaults);
    }),
  ),
);

connection.onCompletionResolve(lifecycle.request((item) => completionDocs.resolve(item)));

connection.onHover(
  lifecycle.request((params, token) => withDocument(params.textDocument.uri, token, null, (path, doc, settings) => service.hover(path, doc, params.position, settings) ?? null)),
);

connection.onDefinition(
  lifecycle.request((params, token) => withDocument(params.textDocument.uri, token, null, (path, doc, settings) => service.definition(path, doc, params.position, settings) ?? null)),
);

connection.onCodeAction(
  lifecycle.request((params, token) =>
    withDocument(params.textDocument.uri, token, [], (path, doc, settings) => service.codeActions(path, doc, params.range, params.context.diagnostics, settings, params.context.only)),
  ),
);

connection.onDocumentLinks(
  lifecycle.request((params, token) => withDocument(params.textDocument.uri, token, [], (path, doc, settings) => service.documentLinks(path, doc, settings))),
);

// Translations: versions of a page, the plan of a new translation, the site's missing and stale translations.
// Each with the settings of the file's folder: titles and translation keys are read under its `istio.maxFileSize`.
connection.onRequest(HEADINGS_REQUEST, lifecycle.request((p: TranslationsParams, token) => withDocument(p.uri, token, [], (path, doc) => service.headings(path, doc))));
connection.onRequest(TRANSLATIONS_REQUEST, lifecycle.request(async (p: TranslationsParams) => service.translations(uriToPath(p.uri), p.uri, await settingsFor(p.uri))));
connection.onRequest(PLAN_TRANSLATION_REQUEST, lifecycle.request(async (p: PlanTranslationParams) => service.planTranslation(uriToPath(p.uri), p.lang, await settingsFor(p.uri))));
connection.onRequest(
  TRANSLATION_STATUS_REQUEST,
  // git runs only when the client says the workspace is trusted: `true`, or no field at all (clients without trust).
  lifecycle.request(async (p: TranslationStatusParams) => service.translationStatus(uriToPath(p.uri), { trusted: p.trusted === undefined || p.trusted === true }, await settingsFor(p.uri))),
);

connection.onRequest(PLAN_NEW_LANGUAGE_REQUEST, lifecycle.request(async (p: PlanNewLanguageParams) => service.planNewLanguage(uriToPath(p.uri), p.lang, p.name, await settingsFor(p.uri))));

connection.onRequest(
  INDEX_STATUS_REQUEST,
  lifecycle.request(async (p: IndexStatusParams | undefined) => ({ ...(await service.indexStatus({ wait: p?.wait === true })), pageChecks: queue.checks, pendingChecks: queue.pending, linkIndexesBuilt })),
);

// Rename, references and page moves across the site: siteRefactoring.ts.
registerRefactoring({ connection, documents, service, settingsFor });

// Every page of the site in the Problems view (Check Whole Site, `istio.diagnostics.scope`): wholeSite.ts.
const wholeSite = new WholeSiteChecker({
  connection,
  documents,
  service,
  settingsFor,
  roots: () => workspaceFolders.flatMap((f) => uriToPath(f.replace(/\/$/, '')) ?? []),
});
wholeSite.register();

connection.onShutdown(() => {
  // A second `shutdown` (or one before `initialize`) is refused like any other request.
  lifecycle.checkRequest();
  lifecycle.shutDown();
  queue.dispose();
  wholeSite.dispose();
  service.dispose();
});

process.on('uncaughtException', (e) => {
  // Keep answering: one bad input must not end the editing session.
  connection.console.error(`uncaught: ${errorText(e)}`);
});

documents.listen(connection);
connection.listen();
