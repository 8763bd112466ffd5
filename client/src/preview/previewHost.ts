import { LanguageService, type FileSystem } from '../../../server/engine';

/**
 * What the preview plugin needs from its editor, injected so the plugin stays plain TypeScript: VS Code passes
 * `vscodePreviewHost`, the unit tests an in-memory one. `env` is markdown-it's render environment, as VS Code's
 * Markdown engine fills it (`currentDocument`, `resourceProvider`); only render rules look at it.
 */
export interface PreviewHost {
  /** Disk access (absolute `/`-separated paths), for what the preview reads itself: boilerplates and image files. */
  readonly fs: FileSystem;
  /**
   * The engine the preview asks (one per host, over `fs`, made by `previewEngine`): the site of a path, the document
   * model, the site's catalog and values. It owns every site cache, so the preview keeps none of its own.
   */
  readonly engine: LanguageService;
  /** The absolute path of the document being rendered, or `undefined` (an untitled document, `markdown.api.render` of a string). */
  documentPath(env: unknown): string | undefined;
  /**
   * The URL the webview loads `path` from, when the renderer offers one (VS Code's preview: `asWebviewUri`).
   * `undefined` makes the plugin write the path relative to the document, which the preview's `<base href>` resolves.
   */
  resourceUrl(path: string, env: unknown): string | undefined;
  /**
   * The page shows the image file `path` (written as `src`): VS Code's preview watches the images a page shows and
   * refreshes when one changes on disk (`env.containingImages`). Optional: other hosts watch nothing.
   */
  showsImage?(path: string, src: string, env: unknown): void;
  /**
   * A site root whose catalog and `data/args.yml` a parse uses when no document is known yet (VS Code parses without
   * `currentDocument` and caches the tokens): the workspace's site.
   */
  defaultSiteRoot(): string | undefined;
}

/**
 * The preview's engine over `fs`. Its sites are never scanned: the preview draws one page at a time, in the editor's
 * own process, and the language server already lists the site in its own; every query reads the file system instead.
 */
export function previewEngine(fs: FileSystem): LanguageService {
  return new LanguageService({ fs, scanSites: false });
}
