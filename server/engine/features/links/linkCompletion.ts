import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { IMAGE_EXTENSIONS, LANGUAGE_PREFIX_LINT } from '../../site/linkRules';
import { pageFacts, type PageAnchors } from '../../site/pageFacts';
import { dirname, extname } from '../../site/paths';
import { resolveImageLink, resolveLink } from '../../site/resolve';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';
import { inSite, type DocumentContext, type SiteDocumentContext } from '../documentContext';
import type { CompletionProvider } from '../feature';
import { inCodeAt } from './codeAt';

/** Where the cursor is: inside `{{< image link="…` or a Markdown destination `](…` / `![…](…`. */
interface LinkContext {
  readonly kind: 'image-shortcode' | 'markdown-image' | 'markdown-link';
  /** What is typed so far, from the start of the value to the cursor. */
  readonly typed: string;
  readonly start: number;
}

/** The value being typed in `link="…` of an unfinished or finished image tag, up to the cursor. */
const IMAGE_LINK = /\{\{<\s*image\b[^]*?\blink\s*=\s*"([^"\n]*)$/;

export function linkContextAt(text: string, offset: number): LinkContext | undefined {
  const open = text.lastIndexOf('{{<', offset);
  if (open >= 0 && offset - open < 2000) {
    const slice = text.slice(open, offset);
    if (!slice.includes('>}}')) {
      const m = IMAGE_LINK.exec(slice);
      if (m) return { kind: 'image-shortcode', typed: m[1]!, start: offset - m[1]!.length };
    }
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  const paren = line.lastIndexOf('](');
  if (paren < 0) return undefined;
  const typed = line.slice(paren + 2);
  if (/[\s)]/.test(typed)) return undefined;
  const bracket = line.lastIndexOf('[', paren);
  const isImage = bracket > 0 && line[bracket - 1] === '!';
  return { kind: isImage ? 'markdown-image' : 'markdown-link', typed, start: offset - typed.length };
}

/** Bundle files inside `link="` and `](`, page URLs after `/`, heading anchors after `#`. */
export const linkCompletionProvider: CompletionProvider = {
  name: 'links',
  complete(ctx: DocumentContext, position: Position, offset: number): CompletionItem[] | undefined {
    if (!inSite(ctx)) return undefined;
    const lc = linkContextAt(ctx.parsed.text, offset);
    if (!lc) return undefined;
    // A shortcode inside a text block is still a shortcode; a Markdown link there is just text.
    if (lc.kind !== 'image-shortcode' && inCodeAt(ctx.parsed, offset)) return undefined;
    const hash = lc.typed.indexOf('#');
    if (hash >= 0 && lc.kind === 'markdown-link') return anchorItems(ctx, lc, hash, position);
    if (lc.typed.startsWith('/') && lc.kind === 'markdown-link') return pageItems(ctx, lc, position);
    return fileItems(ctx, lc, position);
  },
};

function rangeFrom(ctx: SiteDocumentContext, start: number, position: Position): Range {
  return { start: ctx.positionAt(start), end: position };
}

function fileItems(ctx: SiteDocumentContext, lc: LinkContext, position: Position): CompletionItem[] | undefined {
  const site = ctx.site;
  const loc = ctx.location;
  // The folder the typed value points into: `./`, bare and `../` all mean the bundle for an image tag.
  const slash = lc.typed.lastIndexOf('/');
  const folderPart = slash < 0 ? '' : lc.typed.slice(0, slash + 1);
  const probe = `${folderPart}x`;
  const r = lc.kind === 'image-shortcode' ? resolveImageLink(site.layout, loc, probe) : resolveLink(site.layout, loc, probe);
  if (r.kind !== 'file' && r.kind !== 'page') return undefined;
  const dir = r.kind === 'file' ? dirname(r.path) : `${site.layout.contentDir}/${r.lang}/${dirname(`/${r.urlPath}`).slice(1)}`.replace(/\/$/, '');
  const images = lc.kind !== 'markdown-link';
  const names = site.filesIn(dir).filter((n) => !/\.(md|markdown)$/i.test(n) && !n.startsWith('.'));
  const prefix = lc.typed === '' ? './' : '';
  const start = lc.start + slash + 1;
  return names.map((name) => {
    const isImage = IMAGE_EXTENSIONS.has(extname(name));
    return {
      label: name,
      kind: isImage ? CompletionItemKind.File : CompletionItemKind.Reference,
      detail: isImage ? 'image in this bundle' : 'file in this bundle',
      sortText: `${images && !isImage ? '1' : '0'}${name}`,
      textEdit: { range: rangeFrom(ctx, start, position), newText: prefix + name },
      filterText: prefix + name,
    };
  });
}

function pageItems(ctx: SiteDocumentContext, lc: LinkContext, position: Position): CompletionItem[] {
  const facts = pageFacts(ctx.site);
  const lang = ctx.location.lang;
  // en links to en pages; zh must link /zh/ pages (the site's lint); other translations link their own pages or,
  // as uk does everywhere, the English ones.
  const langs = lang === DEFAULT_LANGUAGE ? [DEFAULT_LANGUAGE] : LANGUAGE_PREFIX_LINT.has(lang) ? [lang] : [lang, DEFAULT_LANGUAGE];
  const range = rangeFrom(ctx, lc.start, position);
  const items: CompletionItem[] = [];
  langs.forEach((l, rank) => {
    for (const p of facts.pagesOf(l)) {
      if (p.path === ctx.path || p.path.includes('/boilerplates/')) continue;
      items.push({
        label: p.url,
        kind: CompletionItemKind.Reference,
        detail: p.title,
        sortText: `${rank}${p.url}`,
        textEdit: { range, newText: p.url },
      });
    }
  });
  return items;
}

function anchorItems(ctx: SiteDocumentContext, lc: LinkContext, hash: number, position: Position): CompletionItem[] | undefined {
  const site = ctx.site;
  const facts = pageFacts(site);
  const pagePart = lc.typed.slice(0, hash);
  let anchors: PageAnchors | undefined;
  if (pagePart === '') {
    anchors = facts.anchorsFromText(ctx.path, ctx.parsed.text, ctx.parsed);
  } else {
    const r = resolveLink(site.layout, ctx.location, pagePart);
    if (r.kind !== 'page') return undefined;
    const file = r.candidates.find((c) => site.exists(c)) ?? facts.pagesByAlias(`/${r.lang === DEFAULT_LANGUAGE ? '' : `${r.lang}/`}${r.urlPath}`)[0]?.path;
    anchors = file ? facts.anchorsOf(file) : undefined;
  }
  if (!anchors) return undefined;
  const range = rangeFrom(ctx, lc.start + hash + 1, position);
  const texts = new Map(anchors.headings.map((h) => [h.id, h.text]));
  return [...anchors.ids].map((id, i) => ({
    label: id,
    kind: CompletionItemKind.Reference,
    detail: texts.get(id),
    sortText: String(i).padStart(5, '0'),
    textEdit: { range, newText: id },
  }));
}
