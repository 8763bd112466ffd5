import * as nodeFs from 'node:fs';
import * as vscode from 'vscode';
import { DiskFileSystem } from '../../../server/engine';
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
