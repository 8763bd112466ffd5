import type { FileSystem } from './fileSystem';
import { dirname, isInside } from './paths';

/**
 * The name of a language folder under `content/`: `en`, `zh`, `uk`, `es`, `pt-br`, `zh-cn`… The site layout uses it to
 * find the languages; Create Translation uses it to check a language the user types.
 */
export const LANGUAGE_FOLDER = /^[a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$/;

/** The site's source language: Hugo's `defaultContentLanguage` on istio.io. */
export const DEFAULT_LANGUAGE = 'en';

/** Folders no scan ever enters. `archive/` is 85,000 files of pre-built HTML on istio.io. */
export const EXCLUDED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules', 'public', 'resources', 'archive']);

/** Where a content file sits in the site. */
export interface ContentLocation {
  readonly siteRoot: string;
  readonly lang: string;
  /** Path relative to the language root: `blog/2023/istiocon-china/index.md`. */
  readonly relPath: string;
  /**
   * The page's folder relative to the language root (Hugo's `.File.Dir`): `blog/2023/istiocon-china` for a bundle,
   * `blog/2024` for the single-file post `blog/2024/x.md`. Image links resolve against it.
   */
  readonly pageDir: string;
  readonly kind: 'bundle' | 'section' | 'leaf' | 'resource';
}

/** The site's root folder and its languages, as found on disk. */
export interface SiteLayout {
  readonly root: string;
  readonly contentDir: string;
  /** Every language folder under `content/`, the default language first, then alphabetical. */
  readonly languages: readonly string[];
}

/** Finds the nearest ancestor of `path` holding `content/<lang>/`; `undefined` outside a Hugo content tree. */
export function findSiteRoot(fs: FileSystem, path: string, stopAt?: string): string | undefined {
  let dir = dirname(path);
  for (;;) {
    if (isSiteRoot(fs, dir)) return dir;
    if (dir === '/' || (stopAt !== undefined && dir === stopAt)) return undefined;
    dir = dirname(dir);
  }
}

function isSiteRoot(fs: FileSystem, dir: string): boolean {
  const content = `${dir === '/' ? '' : dir}/content`;
  const entries = fs.readDir(content);
  if (!entries) return false;
  return entries.some((e) => e.isDirectory && LANGUAGE_FOLDER.test(e.name));
}

export function readLayout(fs: FileSystem, root: string): SiteLayout {
  const contentDir = `${root === '/' ? '' : root}/content`;
  const langs = (fs.readDir(contentDir) ?? [])
    .filter((e) => e.isDirectory && LANGUAGE_FOLDER.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b)));
  return { root, contentDir, languages: langs };
}

/** Maps a file path to its language, relative path and page folder; `undefined` outside `content/<lang>/`. */
export function locate(layout: SiteLayout, path: string): ContentLocation | undefined {
  if (!isInside(path, layout.contentDir)) return undefined;
  const rest = path.slice(layout.contentDir.length + 1);
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  const lang = rest.slice(0, slash);
  if (!LANGUAGE_FOLDER.test(lang)) return undefined;
  const relPath = rest.slice(slash + 1);
  if (relPath === '') return undefined;
  const i = relPath.lastIndexOf('/');
  const pageDir = i < 0 ? '' : relPath.slice(0, i);
  const base = i < 0 ? relPath : relPath.slice(i + 1);
  const isMarkdown = /\.(md|markdown)$/i.test(base);
  const kind: ContentLocation['kind'] = !isMarkdown
    ? 'resource'
    : base === 'index.md'
      ? 'bundle'
      : base === '_index.md'
        ? 'section'
        : 'leaf';
  return { siteRoot: layout.root, lang, relPath, pageDir, kind };
}

/** The absolute path of `relPath` in language `lang`. */
export function pathIn(layout: SiteLayout, lang: string, relPath: string): string {
  return `${layout.contentDir}/${lang}/${relPath}`;
}
