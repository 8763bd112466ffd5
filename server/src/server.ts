/**
 * The language server: a thin LSP adapter over the pure engine in `core/`.
 * Runs over stdio (`node dist/server.js --stdio`, any LSP client) or IPC (the VS Code client).
 */
import {
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
import {
  COPY_FILE_COMMAND,
  DEFAULT_SETTINGS,
  PLAN_TRANSLATION_REQUEST,
  SETTINGS_SECTION,
  toFrontmatterSchemaSettings,
  TRANSLATION_STATUS_REQUEST,
  TRANSLATIONS_REQUEST,
  type CopyFileArgs,
  type IstioSettings,
  type PlanTranslationParams,
  type TranslationStatusParams,
  type TranslationsParams,
} from '../../shared/protocol';
import { LanguageService } from './core/languageService';
import { copyFileSafely } from './node/copyFile';
import { NodeFileSystem } from './node/nodeFileSystem';
import { planTranslationRequest, translationsRequest, translationStatusRequest } from './node/translationRequests';
import { uriToPath } from './node/uris';

/** Edits are checked once typing pauses this long; opening a file is checked at once. */
const DEBOUNCE_MS = 50;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new LanguageService({
  fs: new NodeFileSystem(),
  onSiteReady: () => {
    // The full index can resolve more than the quick look-ups made during the scan did.
    for (const doc of documents.all()) schedule(doc.uri, 0);
  },
});

let supportsConfiguration = false;
let supportsWatchedFilesRegistration = false;
const settingsCache = new Map<string, Promise<IstioSettings>>();
const timers = new Map<string, NodeJS.Timeout>();
/** uri → files its last diagnostics depended on. */
const dependencies = new Map<string, ReadonlySet<string>>();

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  supportsConfiguration = caps.workspace?.configuration === true;
  supportsWatchedFilesRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['<', '%', ' ', '"', '/', '#', '(', '.', ':', '='], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      documentLinkProvider: { resolveProvider: false },
      // The VS Code client registers these commands itself and forwards them here, so every client gets them.
      executeCommandProvider: { commands: [COPY_FILE_COMMAND] },
    },
    serverInfo: { name: 'istio-authoring', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (supportsWatchedFilesRegistration) {
    // Clients that can register watchers (Neovim, others) get told what to watch; VS Code's client watches itself.
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/content/**' }, { globPattern: '**/layouts/shortcodes/**' }],
    });
  }
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  for (const doc of documents.all()) schedule(doc.uri, 0);
});

function settingsFor(uri: string): Promise<IstioSettings> {
  if (!supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  let s = settingsCache.get(uri);
  if (!s) {
    s = connection.workspace
      .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
      .then((raw: unknown) => mergeSettings(raw))
      .catch(() => DEFAULT_SETTINGS);
    settingsCache.set(uri, s);
  }
  return s;
}

function mergeSettings(raw: unknown): IstioSettings {
  const r = (raw ?? {}) as Partial<{
    diagnostics: Partial<IstioSettings['diagnostics']>;
    frontmatter: { schemas?: unknown };
    links: Partial<IstioSettings['links']>;
  }>;
  const ignore = Array.isArray(r.links?.ignore) ? r.links.ignore.filter((g): g is string => typeof g === 'string') : DEFAULT_SETTINGS.links.ignore;
  return {
    ...DEFAULT_SETTINGS,
    diagnostics: { ...DEFAULT_SETTINGS.diagnostics, ...(r.diagnostics ?? {}) },
    frontmatter: { schemas: toFrontmatterSchemaSettings(r.frontmatter?.schemas) },
    links: { ...DEFAULT_SETTINGS.links, ignore },
  };
}

// --- diagnostics ---------------------------------------------------------------------------------

function schedule(uri: string, delay: number): void {
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
  if (!current || current.version !== version) return; // a newer edit will publish
  const path = uriToPath(uri);
  let diagnostics: import('vscode-languageserver').Diagnostic[] = [];
  if (path) {
    try {
      const result = service.diagnostics(path, current, settings);
      diagnostics = result.diagnostics;
      dependencies.set(uri, result.dependencies);
    } catch (e) {
      connection.console.error(`diagnostics failed for ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

documents.onDidOpen((e) => {
  const path = uriToPath(e.document.uri);
  if (path) service.openDocument(path, e.document);
  schedule(e.document.uri, 0);
});

documents.onDidChangeContent((e) => {
  const path = uriToPath(e.document.uri);
  if (path) service.openDocument(path, e.document);
  schedule(e.document.uri, DEBOUNCE_MS);
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
  const changed = new Set<string>();
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    if (!path) continue;
    const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    service.fileChanged(path, kind);
    changed.add(path);
  }
  recheckDependents(changed);
});

/**
 * Re-checks only the open documents whose last result looked at one of the changed files, or at a file inside
 * a changed folder (a bundle folder created, deleted or renamed arrives as one event for the folder).
 */
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

connection.onExecuteCommand((params) => {
  if (params.command !== COPY_FILE_COMMAND) return null;
  const args = params.arguments?.[0] as Partial<CopyFileArgs> | undefined;
  const result = copyFileSafely(args, (p) => {
    const site = service.siteOf(p);
    return site !== undefined && p.startsWith(site.layout.contentDir + '/');
  });
  if (!result.ok) {
    void connection.window.showErrorMessage(`Istio Authoring: ${result.message}`);
    return { copied: false, message: result.message };
  }
  // Do not wait for the file watcher: the image exists now.
  service.fileChanged(result.target, 'created');
  recheckDependents(new Set([result.target]));
  return { copied: true, message: result.message };
});

// --- requests ------------------------------------------------------------------------------------

function withDocument<T>(uri: string, fallback: T, f: (path: string, doc: TextDocument) => T): T {
  const doc = documents.get(uri);
  const path = uriToPath(uri);
  if (!doc || !path) return fallback;
  try {
    return f(path, doc);
  } catch (e) {
    connection.console.error(`request failed for ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fallback;
  }
}

connection.onCompletion(async (params) => {
  const settings = await settingsFor(params.textDocument.uri);
  return withDocument(params.textDocument.uri, [], (path, doc) => service.completions(path, doc, params.position, settings));
});

connection.onHover(async (params) => {
  const settings = await settingsFor(params.textDocument.uri);
  return withDocument(params.textDocument.uri, null, (path, doc) => service.hover(path, doc, params.position, settings) ?? null);
});

connection.onDefinition(async (params) => {
  const settings = await settingsFor(params.textDocument.uri);
  return withDocument(params.textDocument.uri, null, (path, doc) => service.definition(path, doc, params.position, settings) ?? null);
});

connection.onCodeAction(async (params) => {
  const settings = await settingsFor(params.textDocument.uri);
  return withDocument(params.textDocument.uri, [], (path, doc) =>
    service.codeActions(path, doc, params.range, params.context.diagnostics, settings),
  );
});

connection.onDocumentLinks(async (params) => {
  const settings = await settingsFor(params.textDocument.uri);
  return withDocument(params.textDocument.uri, [], (path, doc) => service.documentLinks(path, doc, settings));
});

// Translations: versions of a page, the plan of a new translation, the site's missing and stale translations.
connection.onRequest(TRANSLATIONS_REQUEST.method, (p: TranslationsParams) => translationsRequest(service, p));
connection.onRequest(PLAN_TRANSLATION_REQUEST.method, (p: PlanTranslationParams) => planTranslationRequest(service, p));
connection.onRequest(TRANSLATION_STATUS_REQUEST.method, (p: TranslationStatusParams) => translationStatusRequest(service, p));

connection.onShutdown(() => {
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  service.dispose();
});

process.on('uncaughtException', (e) => {
  // Keep answering: one bad input must not end the editing session.
  connection.console.error(`uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
});

documents.listen(connection);
connection.listen();
