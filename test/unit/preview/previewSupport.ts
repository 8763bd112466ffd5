import MarkdownIt from 'markdown-it';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import type { FileSystem } from '../../../server/src/core/site/fileSystem';
import { istioPreviewPlugin } from '../../../client/src/preview/plugin';
import type { PreviewHost } from '../../../client/src/preview/previewHost';

/** The render environment VS Code passes, reduced to what the test host reads. */
export interface TestEnv {
  readonly currentDocument?: string;
  readonly resourceProvider?: { asWebviewUri(path: string): string };
}

/** A host over `fs`: the document path and, when the env has one, a webview URL like VS Code's resource provider. */
export function testHost(fs: FileSystem, defaultSiteRoot?: string): PreviewHost {
  return {
    fs,
    documentPath: (env) => (isEnv(env) ? env.currentDocument : undefined),
    resourceUrl: (path, env) => (isEnv(env) && env.resourceProvider ? env.resourceProvider.asWebviewUri(path) : undefined),
    defaultSiteRoot: () => defaultSiteRoot,
  };
}

function isEnv(env: unknown): env is TestEnv {
  return !!env && typeof env === 'object';
}

/**
 * A markdown-it instance set up like VS Code's engine (`html: true`, a highlighter) with the plugin. The highlighter
 * marks what it was given so tests can see which syntax each part was highlighted as.
 */
export function previewMd(fs: FileSystem, defaultSiteRoot?: string): MarkdownIt {
  const md: MarkdownIt = new MarkdownIt({
    html: true,
    highlight: (code: string, lang: string): string => (lang === '' ? '' : `<span data-hl="${lang}">${md.utils.escapeHtml(code)}</span>`),
  });
  istioPreviewPlugin(md, testHost(fs, defaultSiteRoot));
  return md;
}

export function nodeFs(): FileSystem {
  return new NodeFileSystem();
}
