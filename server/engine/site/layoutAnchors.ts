import { LAYOUT_ANCHORS } from './linkRules';
import { basename, dirname } from './paths';
import type { SiteIndex } from './siteIndex';
import { idForms, urlize } from './urlize';

/** The ids a page's layout prints beyond its Markdown, and the files they come from. */
export interface LayoutAnchors {
  readonly ids: readonly string[];
  /** The files read for them: a change to one (or a new file in the page's folder) makes them stale. */
  readonly included: readonly string[];
}

const CONTENT_FILE = /\.(md|markdown|html)$/i;
const INDEX_FILE = /^_?index\.(md|markdown|html)$/i;

/**
 * The ids the site's layouts generate for a page of `layout` (server/data/links.json, `layoutAnchors`): the glossary
 * gives each term of its bundle `urlize(title)`, an FAQ section each question `urlize(<file base name>)`, the FAQ
 * landing page each section `urlize(LinkTitle)` and each of their questions. Undefined for other layouts.
 */
export function layoutAnchors(site: SiteIndex, path: string, layout: unknown): LayoutAnchors | undefined {
  const kinds = typeof layout === 'string' ? LAYOUT_ANCHORS.get(layout) : undefined;
  if (!kinds || kinds.length === 0) return undefined;
  const dir = dirname(path);
  const ids: string[] = [];
  const included: string[] = [];
  const add = (id: string): void => {
    ids.push(...idForms(id));
  };
  for (const kind of kinds) {
    if (kind === 'resource-title') {
      for (const file of resourcePages(site, dir)) {
        included.push(file);
        const title = site.summary(file)?.title;
        if (!title) continue;
        add(urlize(title));
        // The letter the glossary groups its terms under: `<div id="{{ upper (slicestr .Title 0 1) }}">`.
        add([...title][0]!.toUpperCase());
      }
    } else if (kind === 'resource-name') {
      for (const file of resourcePages(site, dir)) {
        included.push(file);
        add(urlize(baseFileName(file)));
      }
    } else {
      for (const child of childPages(site, dir)) {
        if (kind === 'child-link-title') {
          included.push(child);
          const linkTitle = site.summary(child)?.linkTitle;
          if (linkTitle) add(urlize(linkTitle));
        } else if (basename(child) === 'index.md') {
          for (const file of resourcePages(site, dirname(child))) {
            included.push(file);
            add(urlize(baseFileName(file)));
          }
        }
      }
    }
  }
  return { ids, included };
}

/**
 * The Markdown page resources of the leaf bundle in `dir` (Hugo's `.Resources.ByType "page"`): every content file
 * beside its `index.md`. A folder without `index.md` has none.
 */
function resourcePages(site: SiteIndex, dir: string): string[] {
  const names = site.filesIn(dir);
  if (!names.includes('index.md')) return [];
  return names
    .filter((n) => CONTENT_FILE.test(n) && !INDEX_FILE.test(n))
    .sort()
    .map((n) => `${dir}/${n}`);
}

/** The pages of the section in `dir` (`.Data.Pages`): its regular pages, and its child bundles and sections. */
function childPages(site: SiteIndex, dir: string): string[] {
  const out = site
    .filesIn(dir)
    .filter((n) => CONTENT_FILE.test(n) && !INDEX_FILE.test(n))
    .sort()
    .map((n) => `${dir}/${n}`);
  for (const folder of site.foldersIn(dir)) {
    const names = site.filesIn(`${dir}/${folder}`);
    const index = ['index.md', '_index.md', 'index.html', '_index.html'].find((n) => names.includes(n));
    if (index) out.push(`${dir}/${folder}/${index}`);
  }
  return out;
}

/** Hugo's `.File.BaseFileName`: the file name without its extension (`is-ztunnel-a-SPOF`). */
function baseFileName(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The page whose output holds a Markdown file's content: a content file beside an `index.md` is a page resource of
 * that leaf bundle, never published on its own (a glossary term, an FAQ question), and its text is rendered inside
 * the bundle's page, where its `#x` and relative links resolve. Undefined for a page of its own.
 */
export function hostPage(site: SiteIndex, path: string): string | undefined {
  const name = basename(path);
  if (!CONTENT_FILE.test(name) || INDEX_FILE.test(name)) return undefined;
  const index = `${dirname(path)}/index.md`;
  return site.exists(index) ? index : undefined;
}
