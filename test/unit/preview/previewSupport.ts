import MarkdownIt from 'markdown-it';
import type { FileSystem } from '../../../server/engine/site/fileSystem';
import { istioPreviewPlugin } from '../../../client/src/preview/plugin';
import { previewEngine, type PreviewHost } from '../../../client/src/preview/previewHost';
import { MEM_ROOT, memorySite, sample } from '../../support/fixtures';

/** The render environment VS Code passes, reduced to what the test host reads. */
export interface TestEnv {
  readonly currentDocument?: string;
  readonly resourceProvider?: { asWebviewUri(path: string): string };
}

/**
 * A host over `fs`, with its own engine as VS Code's host has: the document path and, when the env has one, a webview
 * URL like VS Code's resource provider.
 */
export function testHost(fs: FileSystem, defaultSiteRoot?: string): PreviewHost {
  return {
    fs,
    engine: previewEngine(fs),
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
 * marks what it was given, so tests see which syntax each part was highlighted as.
 */
export function previewMd(fs: FileSystem, defaultSiteRoot?: string): MarkdownIt {
  const md: MarkdownIt = new MarkdownIt({
    html: true,
    highlight: (code: string, lang: string): string => (lang === '' ? '' : `<span data-hl="${lang}">${md.utils.escapeHtml(code)}</span>`),
  });
  istioPreviewPlugin(md, testHost(fs, defaultSiteRoot));
  return md;
}

/** A fake webview resource provider, as VS Code's preview passes one. */
export const webview = { asWebviewUri: (path: string): string => `https://file+.vscode-resource.example${path}` };

/** Renders a page of the sample site (in memory at /site) as the preview does, with `overrides` applied to the site. */
export function renderSample(rel: string, options: { text?: string; overrides?: Record<string, string | null>; provider?: boolean } = {}): string {
  const fs = memorySite(options.overrides ?? {});
  const md = previewMd(fs);
  const env: TestEnv = { currentDocument: `${MEM_ROOT}/${rel}`, ...(options.provider ? { resourceProvider: webview } : {}) };
  return md.render(options.text ?? sample(rel), env);
}

/** The element of `html` that starts with `start` up to the first `end` after it (inclusive). */
export function slice(html: string, start: string, end: string): string {
  const at = html.indexOf(start);
  if (at < 0) throw new Error(`not in the HTML: ${start}`);
  const stop = html.indexOf(end, at + start.length);
  if (stop < 0) throw new Error(`no ${end} after ${start}`);
  return html.slice(at, stop + end.length);
}

/** The messages of every error box and error badge in `html`. */
export function errorsIn(html: string): string[] {
  return [...html.matchAll(/class="istio-error(?:-badge)?(?: [^"]*)?"[^>]*><span class="istio-error-label">Istio preview<\/span> ([^<]*)/g)].map((m) => m[1]!);
}
