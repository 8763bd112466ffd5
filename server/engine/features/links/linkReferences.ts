/**
 * Find All References (Shift+F12) on a heading, a page's `title:` or a link: every place in the site that links to
 * that heading or page, in every language, from the reverse link index. What an author checks before deleting a page
 * or changing an anchor.
 */
import type { OffsetRange } from '../../parser/offsetRange';
import { parseDocument } from '../../parser/parsedDocument';
import { pageFacts } from '../../site/pageFacts';
import { pageTarget, splitLanguage } from '../../site/resolve';
import { inSite, type SiteDocumentContext } from '../documentContext';
import type { PathLocation, ReferenceProvider } from '../feature';
import { positionsOf } from './linkIndex';
import { headingAt, headingTextRange, linksReady, linksToFile, linksToPage, ownLinks, pageKeys, toLocation, writtenRange } from './siteLinks';

export const linkReferencesProvider: ReferenceProvider = {
  name: 'link-references',
  ready: linksReady,
  references(ctx, offset, includeDeclaration) {
    if (!inSite(ctx) || ctx.location.kind === 'resource') return undefined;
    return onHeading(ctx, offset, includeDeclaration) ?? onTitle(ctx, offset, includeDeclaration) ?? onLink(ctx, offset, includeDeclaration);
  },
};

function onHeading(ctx: SiteDocumentContext, offset: number, includeDeclaration: boolean): PathLocation[] | undefined {
  const h = headingAt(ctx.parsed.markdown.headings, offset);
  if (!h || h.range.start < ctx.parsed.bodyStart) return undefined;
  const out = linksToPage(ctx.site, pageKeys(ctx.site, ctx.path), h.id, ctx).map(toLocation);
  if (includeDeclaration) out.unshift({ path: ctx.path, range: ctx.range(h.idRange ?? headingTextRange(ctx.parsed.text, h)) });
  return out;
}

function onTitle(ctx: SiteDocumentContext, offset: number, includeDeclaration: boolean): PathLocation[] | undefined {
  const title = ctx.parsed.frontmatter?.byKey.get('title');
  if (!title || offset < title.keyRange.start || offset > title.valueRange.end) return undefined;
  const out = linksToPage(ctx.site, pageKeys(ctx.site, ctx.path), null, ctx).map(toLocation);
  if (includeDeclaration) out.unshift({ path: ctx.path, range: ctx.range(title.valueRange) });
  return out;
}

/** On a link: the references to the page it links to, or to the heading when the cursor is on its `#fragment`. */
function onLink(ctx: SiteDocumentContext, offset: number, includeDeclaration: boolean): PathLocation[] | undefined {
  const cursor = ctx.range({ start: offset, end: offset }).start;
  const link = ownLinks(ctx).find((l) => {
    const r = writtenRange(l);
    return r.start.line === cursor.line && cursor.character >= r.start.character && cursor.character <= r.end.character;
  });
  if (!link) return undefined;
  if (link.target.kind === 'file') {
    const path = link.target.path;
    const out = linksToFile(ctx.site, path, ctx).map(toLocation);
    if (includeDeclaration && ctx.site.exists(path)) out.unshift({ path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    return out;
  }
  const { url, fragment } = link.target;
  const page = pageOf(ctx, url);
  const keys = page ? pageKeys(ctx.site, page) : new Set([url]);
  const hash = link.written.indexOf('#');
  const onFragment = fragment !== undefined && hash >= 0 && cursor.character > link.start.character + hash;
  const out = linksToPage(ctx.site, keys, onFragment ? fragment : null, ctx).map(toLocation);
  if (includeDeclaration && page) {
    const declaration = onFragment ? headingSpan(ctx, page, fragment) : titleSpan(ctx, page);
    if (declaration) out.unshift(declaration);
  }
  return out;
}

/** The content file of the page at the URL key `url` (by its files, then by URL or alias ignoring case). */
function pageOf(ctx: SiteDocumentContext, url: string): string | undefined {
  const { site } = ctx;
  const { lang, rest } = splitLanguage(site.layout, `/${url}`);
  const found = pageTarget(site.layout, lang, rest, undefined).candidates.find((c) => site.exists(c));
  if (found) return found;
  const facts = pageFacts(site);
  return (facts.pageByUrl(`/${url}/`) ?? facts.pagesByAlias(`/${url}/`)[0])?.path;
}

function titleSpan(ctx: SiteDocumentContext, path: string): PathLocation | undefined {
  const text = ctx.site.readText(path);
  if (text === undefined) return undefined;
  const title = parseDocument(text, ctx.catalog).frontmatter?.byKey.get('title');
  return { path, range: span(text, title?.valueRange ?? { start: 0, end: 0 }) };
}

function headingSpan(ctx: SiteDocumentContext, path: string, id: string): PathLocation | undefined {
  const text = ctx.site.readText(path);
  if (text === undefined) return undefined;
  const h = parseDocument(text, ctx.catalog).markdown.headings.find((x) => x.id === id);
  return h && { path, range: span(text, h.idRange ?? headingTextRange(text, h)) };
}

function span(text: string, r: OffsetRange): PathLocation['range'] {
  const at = positionsOf(text);
  return { start: at(r.start), end: at(r.end) };
}
