/**
 * The VS Code side: starts the language server (over IPC) for Markdown files of a Hugo content tree
 * and forwards file events. All the knowledge is in the server.
 */
import * as path from 'node:path';
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { istioPreviewPlugin } from './preview/plugin';
import { vscodePreviewHost, watchPreviewFiles } from './preview/vscodePreviewHost';
import { WATCHED_FILE_GLOBS } from '../../server/protocol';
import { registerTranslations } from './translations';
import { registerImages } from './images';
import { registerSiteCommands } from './site';

let client: LanguageClient | undefined;

/** The extension-host tests read the registered image provider from the loaded module (see images/index.ts). */
export { imageProviderForTests } from './images';

/** What `activate` returns: VS Code's Markdown preview calls `extendMarkdownIt` (`markdown.markdownItPlugins`). */
export interface IstioAuthoringApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

const api: IstioAuthoringApi = {
  extendMarkdownIt: (md) => md.use(istioPreviewPlugin, vscodePreviewHost()),
};

export async function activate(context: vscode.ExtensionContext): Promise<IstioAuthoringApi> {
  // Registered at once so the commands answer (with a hint) even while the extension is dormant.
  const translations = registerTranslations(context, () => client);
  // Image drop/paste and Insert Image only need the page's path: registered even while dormant.
  registerImages(context);
  // Move Page… and Check Whole Site ask the server: registered now, they say so while it is not running.
  registerSiteCommands(context, () => client);
  // The preview works in any Markdown file, with or without the language server: its engine follows the templates.
  context.subscriptions.push(watchPreviewFiles());
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
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, 'content'));
      if (stat.type & vscode.FileType.Directory) return true;
    } catch {
      // no content/ here
    }
  }
  return false;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: {
      // Images, pages and templates appearing, changing or disappearing re-check the documents that use them.
      // (server/protocol's WATCHED_FILE_GLOBS: pages, images, templates and the Hugo configuration.)
      fileEvents: WATCHED_FILE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
    // The product name, as translated in l10n/bundle.l10n.<locale>.json (like the manifest's displayName).
    outputChannelName: vscode.l10n.t('Istio Authoring'),
  };
  client = new LanguageClient('istio', vscode.l10n.t('Istio Authoring'), serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
