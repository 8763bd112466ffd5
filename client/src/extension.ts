/**
 * The VS Code side: starts the language server (over IPC) for Markdown files of a Hugo content tree
 * and forwards file events. All the knowledge is in the server.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, serverNodeOptions, WATCHED_FILE_GLOBS } from '../../server/protocol';
import { registerTranslations } from './translations';
import { registerImages } from './images';
import { registerNewPage } from './newPage';
import { registerKeySuggest } from './completion';
import { registerSiteCommands } from './site';

let client: LanguageClient | undefined;

/** When this module was evaluated: the start of the start-up the output channel reports. */
const loadedAt = performance.now();
/** When VS Code called `activate`, and when its registrations were done (the look for a `content/` folder follows). */
let activatedAt = loadedAt;
let registeredAt = loadedAt;

/** The extension-host tests read the registered image provider from the loaded module (see images/index.ts). */
export { imageProviderForTests } from './images';

/** What `activate` returns: VS Code's Markdown preview calls `extendMarkdownIt` (`markdown.markdownItPlugins`). */
export interface IstioAuthoringApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

const api: IstioAuthoringApi = {
  extendMarkdownIt: (md) => {
    const preview = loadPreview();
    return md.use(preview.istioPreviewPlugin, preview.vscodePreviewHost());
  },
};

type PreviewModule = typeof import('./preview/entry');
let preview: PreviewModule | undefined;
let extensionContext: vscode.ExtensionContext | undefined;

/**
 * The preview's bundle (dist/preview.js), loaded when VS Code's Markdown preview first renders: activation and the
 * language server's start do not wait for it. Its engine then follows the site's templates and Hugo configuration.
 */
function loadPreview(): PreviewModule {
  if (!preview) {
    // A path esbuild does not follow: the preview stays a bundle of its own.
    preview = require(path.join(__dirname, 'preview.js')) as PreviewModule;
    extensionContext?.subscriptions.push(preview.watchPreviewFiles());
  }
  return preview;
}

export async function activate(context: vscode.ExtensionContext): Promise<IstioAuthoringApi> {
  activatedAt = performance.now();
  extensionContext = context;
  // Registered at once so the commands answer (with a hint) even while the extension is dormant.
  const translations = registerTranslations(context, () => client);
  // Image drop/paste and Insert Image only need the page's path: registered even while dormant.
  registerImages(context);
  registerNewPage(context);
  // Frontmatter keys have no trigger character: the first letter of one opens the list (content pages only).
  registerKeySuggest(context);
  // Move Page… and Check Whole Site ask the server: registered now, they say so while it is not running.
  registerSiteCommands(context, () => client);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.showOutput, showOutput));
  registeredAt = performance.now();
  // Activated by any Markdown file; stay dormant unless a workspace folder holds a Hugo `content/` tree.
  if (!(await hasContentFolder())) {
    const watcher = vscode.workspace.onDidChangeWorkspaceFolders(async () => {
      if (!client && (await hasContentFolder())) {
        watcher.dispose();
        await startClient(context);
        translations.refresh();
      }
    });
    context.subscriptions.push(watcher);
    // The preview plugin works without the language server (shortcodes render in any Markdown file).
    return api;
  }
  await startClient(context);
  translations.refresh();
  return api;
}

async function hasContentFolder(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    // The folder is the site root, or the content folder itself, or inside it.
    if (/[\\/]content([\\/]|$)/.test(folder.uri.fsPath)) return true;
    // Node's own stat: the folder is a `file:` one, on the extension host's disk. `vscode.workspace.fs.stat` took
    // 0.3 s here in code-server on a busy machine (the UI layer's start-up line), before the server could start.
    try {
      if (fs.statSync(path.join(folder.uri.fsPath, 'content')).isDirectory()) return true;
    } catch {
      // no content/ here
    }
  }
  return false;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const startedAt = performance.now();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Node 22.1+ keeps the server's compiled code here: later starts skip compiling dist/server.js (about a third of
  // the time to `initialize`); older Node ignores the variable.
  // The expanded spelling dictionary is cached in the extension's own storage, not in the user's home folder.
  const env = {
    ...process.env,
    NODE_COMPILE_CACHE: path.join(context.globalStorageUri.fsPath, 'node-compile-cache'),
    ISTIO_AUTHORING_CACHE: path.join(context.globalStorageUri.fsPath, 'cache'),
  };
  let firstDiagnostics = false;
  let readyAt = 0;
  // One V8 worker thread on a machine of two cores (serverNodeOptions says why).
  const execArgv = [...serverNodeOptions(os.availableParallelism?.() ?? os.cpus().length)];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: {
      // Images, pages and templates appearing, changing or disappearing re-check the documents that use them.
      // (server/protocol's WATCHED_FILE_GLOBS: pages, images, templates, the Hugo configuration, .spelling and mdl.rb.)
      fileEvents: WATCHED_FILE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
    // The product name, as translated in l10n/bundle.l10n.<locale>.json (like the manifest's displayName).
    outputChannelName: vscode.l10n.t('Istio Authoring'),
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        if (!firstDiagnostics) {
          firstDiagnostics = true;
          logStartup(startedAt, readyAt, performance.now());
        }
        next(uri, diagnostics);
      },
    },
  };
  client = new LanguageClient('istio', vscode.l10n.t('Istio Authoring'), serverOptions, clientOptions);
  await client.start();
  readyAt = performance.now();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

/**
 * "Istio: Show Output": the language client's channel (the server's log, its start-up times and, with
 * `istio.trace.server`, the LSP traffic), without the Output view's channel list. Resolves true when it was shown.
 */
function showOutput(): boolean {
  if (!client) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a folder holding a Hugo site (content/<language>/) first.'));
    return false;
  }
  client.outputChannel.show(true);
  return true;
}

/** Where the start-up went, in the output channel (not localized: figures for a bug report). */
function logStartup(clientStart: number, serverReady: number, firstDiagnostics: number): void {
  const ms = (n: number): string => `${Math.round(n)} ms`;
  client?.outputChannel.appendLine(
    `Start-up: module to activate ${ms(activatedAt - loadedAt)}, activate to client start ${ms(clientStart - activatedAt)} ` +
      `(registrations ${ms(registeredAt - activatedAt)}, then the look for content/ ${ms(clientStart - registeredAt)}), ` +
      `language server up (spawn, load, initialize) ${ms(serverReady - clientStart)}, first diagnostics ${ms(firstDiagnostics - serverReady)} later; ` +
      `module to first diagnostics ${ms(firstDiagnostics - loadedAt)}.`,
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
