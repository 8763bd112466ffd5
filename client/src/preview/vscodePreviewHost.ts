import * as nodeFs from 'node:fs';
import * as vscode from 'vscode';
import { DiskFileSystem } from '../../../server/engine';
import { WATCHED_FILE_GLOBS } from '../../../server/protocol';
import { previewEngine, type PreviewHost } from './previewHost';

/** The parts of VS Code's render environment the preview reads (`markdown-language-features` fills them). */
interface VscodeRenderEnv {
  readonly currentDocument?: unknown;
  readonly resourceProvider?: { asWebviewUri(resource: vscode.Uri): vscode.Uri };
  /** Image sources, relative to the document: the preview refreshes when one of those files changes. */
  readonly containingImages?: Set<string>;
}

function renderEnv(env: unknown): VscodeRenderEnv | undefined {
  return env && typeof env === 'object' ? (env as VscodeRenderEnv) : undefined;
}

function fsPath(uri: vscode.Uri): string {
  return uri.fsPath.replace(/\\/g, '/');
}

let shared: PreviewHost | undefined;

/**
 * The preview host of the VS Code extension: the real disk, the rendered document from `env.currentDocument`
 * (set only when rendering), and webview URLs from `env.resourceProvider` (absent for `markdown.api.render`, where
 * the plugin writes paths relative to the document instead). One for the extension host, and so one engine: VS Code
 * may set up its Markdown engine, and with it the plugin, more than once.
 */
export function vscodePreviewHost(): PreviewHost {
  shared ??= createHost();
  return shared;
}

function createHost(): PreviewHost {
  const fs = new DiskFileSystem(nodeFs);
  const engine = previewEngine(fs);
  return {
    fs,
    engine,
    documentPath(env) {
      const doc = renderEnv(env)?.currentDocument;
      return doc instanceof vscode.Uri && doc.scheme === 'file' ? fsPath(doc) : undefined;
    },
    resourceUrl(path, env) {
      const provider = renderEnv(env)?.resourceProvider;
      return provider ? provider.asWebviewUri(vscode.Uri.file(path)).toString(true) : undefined;
    },
    showsImage(_path, relative, env) {
      const images = renderEnv(env)?.containingImages;
      if (images instanceof Set) images.add(relative);
    },
    defaultSiteRoot() {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (folder.uri.scheme !== 'file') continue;
        const site = engine.siteOf(`${fsPath(folder.uri)}/_`);
        if (site) return site.layout.root;
      }
      return undefined;
    },
  };
}

/**
 * Keeps the preview's engine current: a site's templates (its catalog: how tags pair, which are the site's own) and its
 * Hugo configuration (a full checkout or an excerpt). Pages and images are not watched: the preview's sites are never
 * scanned, so it reads them afresh, page summaries by modification time.
 */
export function watchPreviewFiles(): vscode.Disposable {
  const { engine } = vscodePreviewHost();
  const watchers = WATCHED_FILE_GLOBS.filter((glob) => !glob.startsWith('**/content/')).map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  for (const w of watchers) {
    w.onDidCreate((uri) => engine.fileChanged(fsPath(uri), 'created'));
    w.onDidChange((uri) => engine.fileChanged(fsPath(uri), 'changed'));
    w.onDidDelete((uri) => engine.fileChanged(fsPath(uri), 'deleted'));
  }
  return vscode.Disposable.from(...watchers);
}
