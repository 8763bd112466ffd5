/**
 * What rename and references share: the URL keys a page answers to, the links that reach it (from the index for
 * every other page, from the open document's own parse for itself), and the spans inside a link or a heading that
 * an edit replaces.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Heading } from '../../parser/markdown';
import type { OffsetRange } from '../../parser/offsetRange';
import { urlKey } from '../../site/pageFacts';
import { isInside } from '../../site/paths';
import { pageUrl } from '../../site/resolve';
import { locate } from '../../site/siteLayout';
import type { SiteIndex } from '../../site/siteIndex';
import type { SiteDocumentContext } from '../documentContext';
import type { PathLocation, SiteWork } from '../feature';
import { linkIndexOf, type IndexedLink } from './linkIndex';
import { linkTarget } from './linkTargets';
import { collectReferences } from './references';

/** Builds (or brings up to date) the site's reverse link index before a site-wide answer. */
export async function linksReady(work: SiteWork): Promise<void> {
  await work.site.summarized();
  await linkIndexOf(work.site).ensure({ catalog: work.catalog, pause: work.pause });
}

/** The URL keys links may reach the page at `path` by: its URL and its `aliases:`. */
export function pageKeys(site: SiteIndex, path: string): Set<string> {
  const keys = new Set<string>();
  const loc = site.get(path)?.location;
  if (!loc || loc.kind === 'resource') return keys;
  keys.add(urlKey(pageUrl(loc)));
  for (const a of site.summary(path)?.aliases ?? []) keys.add(urlKey(a));
  return keys;
}

/** The references of the open document itself, from its current parse (the index may hold an older text). */
export function ownLinks(ctx: SiteDocumentContext): IndexedLink[] {
  const ownUrl = pageUrl(ctx.location);
  const out: IndexedLink[] = [];
  for (const ref of collectReferences(ctx.parsed)) {
    if (ref.target.includes('\n')) continue;
    const target = linkTarget(ctx.site.layout, ctx.location, ownUrl, ref);
    if (target) out.push({ source: ctx.path, kind: ref.kind, written: ref.target, start: ctx.range(ref.range).start, target });
  }
  return out;
}

/**
 * Every page link whose target URL is one of `keys`, with `fragment` when given (`null`: any fragment or none), in
 * the whole site; the open document `self` answers for itself.
 */
export function linksToPage(site: SiteIndex, keys: ReadonlySet<string>, fragment: string | null, self: SiteDocumentContext): IndexedLink[] {
  const index = linkIndexOf(site);
  const sources = new Set<string>();
  for (const k of keys) for (const s of index.sourcesOfUrl(k)) sources.add(s);
  sources.add(self.path);
  const out: IndexedLink[] = [];
  for (const source of [...sources].sort()) {
    const links = source === self.path ? ownLinks(self) : index.linksFrom(source);
    for (const l of links) {
      if (l.target.kind !== 'page' || !keys.has(l.target.url)) continue;
      if (fragment !== null && l.target.fragment !== fragment) continue;
      out.push(l);
    }
  }
  return out;
}

/**
 * The pages that link to the page at `path`, or reference the file at `path`, or anything below the folder at `path`
 * (as the index knows them now).
 */
export function pagesLinkingTo(site: SiteIndex, path: string): string[] {
  const index = linkIndexOf(site);
  const out = new Set<string>();
  const loc = locate(site.layout, path);
  const keys = pageKeys(site, path);
  // A deleted page is no longer in the site's index, but its URL is still what links point at.
  if (loc && loc.kind !== 'resource') keys.add(urlKey(pageUrl(loc)));
  for (const k of keys) for (const s of index.sourcesOfUrl(k)) out.add(s);
  for (const s of index.sourcesOfFile(path)) out.add(s);
  if (!loc || (loc.kind === 'resource' && !/\.[^/]+$/.test(path))) {
    // A folder: every page and file below it.
    const below = locate(site.layout, `${path}/_index.md`);
    const prefix = below ? urlKey(pageUrl(below)) : undefined;
    for (const u of index.linkedUrls()) if (prefix !== undefined && (u === prefix || u.startsWith(`${prefix}/`))) for (const s of index.sourcesOfUrl(u)) out.add(s);
    for (const f of index.linkedFiles()) if (isInside(f, path)) for (const s of index.sourcesOfFile(f)) out.add(s);
  }
  return [...out].sort();
}

/** Every reference to the file at `path` (an image, a bundle file) in the whole site. */
export function linksToFile(site: SiteIndex, path: string, self: SiteDocumentContext): IndexedLink[] {
  const index = linkIndexOf(site);
  const sources = new Set(index.sourcesOfFile(path));
  sources.add(self.path);
  return [...sources]
    .sort()
    .flatMap((source) => (source === self.path ? ownLinks(self) : index.linksFrom(source)))
    .filter((l) => l.target.kind === 'file' && l.target.path === path);
}

/** Where the target as written sits. */
export function writtenRange(link: IndexedLink): Range {
  const written = link.written.trimEnd();
  return { start: link.start, end: shift(link.start, written.length) };
}

/** The span of a link's `#fragment` after the `#`, for an edit that renames the anchor. */
export function fragmentEdit(link: IndexedLink, newId: string): TextEdit | undefined {
  const written = link.written.trimEnd();
  const hash = written.indexOf('#');
  if (hash < 0) return undefined;
  return { range: { start: shift(link.start, hash + 1), end: shift(link.start, written.length) }, newText: newId };
}

export function toLocation(link: IndexedLink): PathLocation {
  return { path: link.source, range: writtenRange(link) };
}

function shift(p: Position, characters: number): Position {
  return { line: p.line, character: p.character + characters };
}

/** The heading on the line holding `offset`. */
export function headingAt(headings: readonly Heading[], offset: number): Heading | undefined {
  return headings.find((h) => offset >= h.range.start && offset <= h.range.end);
}

/** The span of a heading's text, without `#`s, spaces and `{#id}` (empty for a heading without text). */
export function headingTextRange(text: string, h: Heading): OffsetRange {
  const line = text.slice(h.range.start, h.range.end);
  const marks = /^ {0,3}#{1,6}[ \t]*/.exec(line)?.[0].length ?? 0;
  const at = h.text === '' ? -1 : line.indexOf(h.text, marks);
  const start = h.range.start + (at < 0 ? marks : at);
  return { start, end: start + (at < 0 ? 0 : h.text.length) };
}
