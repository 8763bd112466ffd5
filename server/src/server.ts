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
import { COPY_FILE_COMMAND, INDEX_STATUS_REQUEST, PLAN_TRANSLATION_REQUEST, SETTINGS_SECTION, TRANSLATION_STATUS_REQUEST, TRANSLATIONS_REQUEST, type CopyFileArgs, type IndexStatus, type IndexStatusParams, type InitializationOptions, type PlanTranslationParams, type TranslationStatusParams, type TranslationsParams, WATCHED_FILE_GLOBS } from '../protocol';
import { DEFAULT_SETTINGS, type IstioSettings } from '../engine';
import { LanguageService, mergeSettings } from '../engine';
import { copyFileSafely } from './node/copyFile';
import { Lifecycle, throwIfCancelled } from './node/lifecycle';
import { NodeFileSystem } from './node/nodeFileSystem';
import { yieldToRequests } from './node/pause';
import { planTranslationRequest, translationsRequest, translationStatusRequest } from './node/translationRequests';
import { uriToPath } from './node/uris';

/** The package's version, set by esbuild from package.json (absent when the source runs unbundled). */
declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** Edits are checked once typing pauses this long; opening a file is checked at once. */
const DEBOUNCE_MS = 50;
/** `initializationOptions.debounceMs` overrides it (the benchmark times processing without the pause). */
let debounceMs = DEBOUNCE_MS;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new LanguageService({
  fs: new NodeFileSystem(),
  scan: { pause: yieldToRequests },
  onError: (message) => connection.console.error(message),
  // The full index can resolve more than the quick look-ups made during the scan did.
  onSiteReady: () => recheckAllDocuments(),
});

/** Before `initialize` and after `shutdown`, requests are refused and notifications dropped. */
const lifecycle = new Lifecycle();

let supportsConfiguration = false;
let supportsWorkspaceFolders = false;
let supportsWatchedFilesRegistration = false;
/** Settings by workspace folder (or by document outside every folder). */
const settingsCache = new Map<string, Promise<IstioSettings>>();
/** Workspace folder URIs, each ending in `/`. */
let workspaceFolders: string[] = [];
const timers = new Map<string, NodeJS.Timeout>();
/** uri → files its last diagnostics depended on. */
const dependencies = new Map<string, ReadonlySet<string>>();

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folders.map((u) => (u.endsWith('/') ? u : u + '/'));
  // Sites are found only inside the folders the client opened (none: only above the documents it opens).
  service.setWorkspaceFolders(folderPaths(workspaceFolders));
  supportsWorkspaceFolders = caps.workspace?.workspaceFolders === true;
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
  supportsConfiguration = caps.workspace?.configuration === true;
  supportsWatchedFilesRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['<', '%', ' ', '"', '/', '#', '(', '.', ':', '='], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      documentLinkProvider: { resolveProvider: false },
      // The VS Code client registers these commands itself and forwards them here, so every client gets them.
      executeCommandProvider: { commands: [COPY_FILE_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
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
    recheckAllDocuments();
  }),
);

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

function schedule(uri: string, delay: number): void {
  if (!lifecycle.running) return;
  const pending = timers.get(uri);
  if (pending) clearTimeout(pending);
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      void validate(uri);
    }, delay),
  );
}

async function validate(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  const settings = await settingsFor(uri);
  const current = documents.get(uri);
  // A newer edit supersedes this check (its own will publish); after shutdown, nothing is published.
  if (!current || current.version !== version || !lifecycle.running) return;
  const path = uriToPath(uri);
  let diagnostics: import('vscode-languageserver').Diagnostic[] = [];
  if (path) {
    try {
      const result = service.diagnostics(path, current, settings);
      diagnostics = result.diagnostics;
      dependencies.set(uri, result.dependencies);
    } catch (e) {
      connection.console.error(`diagnostics failed for ${uri}: ${describeError(e)}`);
    }
  }
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

documents.onDidOpen((e) => {
  if (!lifecycle.running) return;
  const path = uriToPath(e.document.uri);
  if (path) service.openDocument(path, e.document);
  schedule(e.document.uri, 0);
});

documents.onDidChangeContent((e) => {
  if (!lifecycle.running) return;
  const path = uriToPath(e.document.uri);
  if (path) service.openDocument(path, e.document);
  schedule(e.document.uri, debounceMs);
});

documents.onDidClose((e) => {
  const path = uriToPath(e.document.uri);
  if (path) service.closeDocument(path);
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  dependencies.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles((params) => {
  if (!lifecycle.running) return;
  const changed = new Set<string>();
  let recheckAll = false;
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    if (!path) continue;
    const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    recheckAll = service.fileChanged(path, kind).recheckAll || recheckAll;
    changed.add(path);
  }
  if (recheckAll) recheckAllDocuments();
  else recheckDependents(changed);
});

/**
 * Re-checks only the open documents whose last result looked at one of the changed files, or at a file inside
 * a changed folder (a bundle folder created, deleted or renamed arrives as one event for the folder).
 */
function recheckAllDocuments(): void {
  for (const doc of documents.all()) schedule(doc.uri, 0);
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
    if (hit) schedule(doc.uri, 0);
  }
}

connection.onExecuteCommand(lifecycle.request((params) => {
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

// --- requests ------------------------------------------------------------------------------------

/**
 * Runs a request on an open document with its settings; any failure is logged and answers `fallback`. It first lets
 * the messages already received run (an edit, a `$/cancelRequest`), and a request the client cancelled meanwhile is
 * answered RequestCancelled without its work.
 */
async function withDocument<T>(uri: string, token: CancellationToken, fallback: T, f: (path: string, doc: TextDocument, settings: IstioSettings) => T): Promise<T> {
  const settings = await settingsFor(uri);
  await yieldToRequests();
  throwIfCancelled(token);
  const doc = documents.get(uri);
  const path = uriToPath(uri);
  if (!doc || !path) return fallback;
  try {
    return f(path, doc, settings);
  } catch (e) {
    connection.console.error(`request failed for ${uri}: ${describeError(e)}`);
    return fallback;
  }
}

connection.onCompletion(
  lifecycle.request((params, token) => withDocument(params.textDocument.uri, token, [], (path, doc, settings) => service.completions(path, doc, params.position, settings))),
);

connection.onHover(
  lifecycle.request((params, token) => withDocument(params.textDocument.uri, token, null, (path, doc, settings) => service.hover(path, doc, params.position, settings) ?? null)),
);

connection.onDefinition(
  lifecycle.request((params, token) => withDocument(params.textDocument.uri, token, null, (path, doc, settings) => service.definition(path, doc, params.position, settings) ?? null)),
);

connection.onCodeAction(
  lifecycle.request((params, token) =>
    withDocument(params.textDocument.uri, token, [], (path, doc, settings) => service.codeActions(path, doc, params.range, params.context.diagnostics, settings)),
  ),
);

connection.onDocumentLinks(
  lifecycle.request((params, token) => withDocument(params.textDocument.uri, token, [], (path, doc, settings) => service.documentLinks(path, doc, settings))),
);

// Translations: versions of a page, the plan of a new translation, the site's missing and stale translations.
connection.onRequest(TRANSLATIONS_REQUEST, lifecycle.request((p: TranslationsParams) => translationsRequest(service, p)));
connection.onRequest(PLAN_TRANSLATION_REQUEST, lifecycle.request((p: PlanTranslationParams) => planTranslationRequest(service, p)));
connection.onRequest(TRANSLATION_STATUS_REQUEST, lifecycle.request((p: TranslationStatusParams) => translationStatusRequest(service, p)));

connection.onRequest(
  INDEX_STATUS_REQUEST,
  lifecycle.request(async (params: IndexStatusParams | undefined): Promise<IndexStatus> => {
    if (params?.wait) await Promise.all(service.allSites().map((s) => s.summarized()));
    return { sites: service.allSites().map((s) => ({ root: s.layout.root, state: s.state, files: s.fileCount })) };
  }),
);

connection.onShutdown(() => {
  // A second `shutdown` (or one before `initialize`) is refused like any other request.
  lifecycle.checkRequest();
  lifecycle.shutDown();
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  service.dispose();
});

function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

process.on('uncaughtException', (e) => {
  // Keep answering: one bad input must not end the editing session.
  connection.console.error(`uncaught: ${describeError(e)}`);
});

documents.listen(connection);
connection.listen();
