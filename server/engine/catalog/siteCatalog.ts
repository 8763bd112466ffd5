import type { FileSystem } from '../site/fileSystem';
import { MapShortcodeCatalog, type ShortcodeCatalog, type ShortcodeInfo, type ShortcodeParamInfo } from './shortcodeCatalog';
import { scanTemplate, type TemplateFacts } from './templateScan';

/** The folder Hugo reads a site's shortcode templates from. */
export function templatesDir(siteRoot: string): string {
  return `${siteRoot === '/' ? '' : siteRoot}/layouts/shortcodes`;
}

/** The template path for a shortcode name (`foo/bar` → `layouts/shortcodes/foo/bar.html`). */
export function templatePath(siteRoot: string, name: string): string {
  return `${templatesDir(siteRoot)}/${name}.html`;
}

/**
 * The catalog of one site: the built-in catalog, with what the workspace's `layouts/shortcodes/*.html` read merged
 * over it, so a shortcode the site adds tomorrow is known without a release. Without templates (a translator who
 * opened only `content/`), it is the built-in catalog. Rebuilt only after `invalidate()` (a template changed on disk);
 * each template's facts are cached by modification time.
 */
export class SiteCatalog {
  private current: ShortcodeCatalog | undefined;
  private readonly facts = new Map<string, { mtimeMs: number; facts: TemplateFacts }>();
  /** The templates folder's modification time when the catalog was built (with `checkFolder`). */
  private folderMtime: number | undefined;

  /**
   * `checkFolder`: compare the templates folder's modification time on each use, for an engine whose file events may
   * come late or never (the preview's: VS Code starts a file watcher asynchronously, and a template created before it
   * runs was never seen). A template added or removed changes the folder's time; a changed one, its own (`read`).
   */
  constructor(
    private readonly fs: FileSystem,
    readonly siteRoot: string,
    private base: ShortcodeCatalog,
    private readonly checkFolder = false,
  ) {}

  catalog(): ShortcodeCatalog {
    if (this.checkFolder) {
      const mtimeMs = this.fs.stat(templatesDir(this.siteRoot))?.mtimeMs;
      if (mtimeMs !== this.folderMtime) {
        this.folderMtime = mtimeMs;
        this.current = undefined;
      }
    }
    this.current ??= this.build();
    return this.current;
  }

  setBase(base: ShortcodeCatalog): void {
    this.base = base;
    this.current = undefined;
  }

  invalidate(): void {
    this.current = undefined;
  }

  private build(): ShortcodeCatalog {
    const templates = new Map<string, { path: string; facts: TemplateFacts }>();
    this.collect(templatesDir(this.siteRoot), '', templates, 0);
    if (templates.size === 0) return this.base;
    const merged = new Map<string, ShortcodeInfo>();
    for (const name of this.base.names()) {
      const info = this.base.get(name);
      if (info) merged.set(name, info);
    }
    for (const [name, t] of templates) merged.set(name, mergeTemplate(merged.get(name), name, t.path, t.facts));
    return new MapShortcodeCatalog(merged.values());
  }

  private collect(dir: string, prefix: string, out: Map<string, { path: string; facts: TemplateFacts }>, depth: number): void {
    if (depth > 4) return;
    for (const e of this.fs.readDir(dir) ?? []) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory) {
        this.collect(path, `${prefix}${e.name}/`, out, depth + 1);
      } else if (e.isFile && e.name.endsWith('.html')) {
        const facts = this.read(path);
        if (facts) out.set(prefix + e.name.slice(0, -'.html'.length), { path, facts });
      }
    }
  }

  private read(path: string): TemplateFacts | undefined {
    const mtimeMs = this.fs.stat(path)?.mtimeMs ?? -1;
    const cached = this.facts.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.facts;
    const text = this.fs.readText(path);
    if (text === undefined) return undefined;
    const facts = scanTemplate(text);
    this.facts.set(path, { mtimeMs, facts });
    return facts;
  }
}

/** The template decides pairing (Hugo requires a closing tag exactly when it reads `.Inner`); the data adds the docs. */
function mergeTemplate(known: ShortcodeInfo | undefined, name: string, path: string, facts: TemplateFacts): ShortcodeInfo {
  const params: ShortcodeParamInfo[] = [...(known?.params ?? [])];
  for (const n of facts.named) {
    if (!params.some((p) => p.name === n)) params.push({ name: n, kind: 'string', description: `Read by \`${name}.html\`.` });
  }
  for (const i of facts.positions) {
    if (!params.some((p) => p.position === i)) params.push({ position: i, label: `#${i}`, kind: 'string', description: `Positional value ${i}, read by \`${name}.html\`.` });
  }
  return {
    ...(known ?? { name, description: facts.summary ?? `Defined by \`layouts/shortcodes/${name}.html\`.`, origin: 'template' as const }),
    name,
    inner: facts.inner,
    params,
    anyParams: (known?.anyParams ?? false) || facts.anyParams,
    templatePath: path,
  };
}
