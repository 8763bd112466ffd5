/**
 * F2 on a heading renames its anchor across the site.
 *
 * On a heading with an automatic id the text is renamed (the id follows it, as Hugo makes it); on a heading with an
 * explicit `{#id}`, or with the cursor on the id, the id is. Every id of the page that changes (renaming "Setup" to
 * "Install" may also shift the `-1` of a later "Install") has its links rewritten: `#id` on the page itself,
 * `/docs/x/#id` and relative links from every page in every language.
 *
 * Translations: istio.io's translated headings carry the English id (`## 开始之前{#before-you-begin}`), so links
 * between languages and the translation checks keep working. Renaming an English anchor therefore renames it in each
 * translation of the page too (its `{#old}` becomes `{#new}`; an untranslated heading that still has the old
 * automatic id gets `{#new}`), and rewrites the links to those translations. Pinning the old id on the English
 * heading instead (`## New text {#old}`) would keep links working but make the rename a no-op for the URL, which
 * is what the author asked to change. A rename started in a translation stays in that translation.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { validId } from '../../parser/headingIds';
import type { Heading } from '../../parser/markdown';
import type { OffsetRange } from '../../parser/offsetRange';
import { parseDocument } from '../../parser/parsedDocument';
import { pageFacts } from '../../site/pageFacts';
import { DEFAULT_LANGUAGE, pathIn } from '../../site/siteLayout';
import { inSite, type DocumentContext, type SiteDocumentContext } from '../documentContext';
import type { PathEdits, RenameProvider, RenameRefusal } from '../feature';
import { positionsOf } from './linkIndex';
import { fragmentEdit, headingAt, headingTextRange, linksReady, linksToPage, pageKeys } from './siteLinks';

interface Target {
  readonly heading: Heading;
  readonly index: number;
  /** `text`: the heading's text (its automatic id follows); `id`: its explicit `{#id}`. */
  readonly mode: 'text' | 'id';
  readonly span: OffsetRange;
}

function targetAt(ctx: DocumentContext, offset: number): Target | undefined {
  if (!ctx.location || ctx.location.kind === 'resource') return undefined;
  const headings = ctx.parsed.markdown.headings;
  const heading = headingAt(headings, offset);
  if (!heading || heading.range.start < ctx.parsed.bodyStart) return undefined;
  const index = headings.indexOf(heading);
  if (heading.idRange) return { heading, index, mode: 'id', span: heading.idRange };
  // A shortcode in the text gives an id numbered in build order: nothing can link to it reliably.
  if (heading.unstableId) return undefined;
  const span = headingTextRange(ctx.parsed.text, heading);
  return span.end > span.start ? { heading, index, mode: 'text', span } : undefined;
}

const refuse = (refused: string): RenameRefusal => ({ refused });

export const headingRenameProvider: RenameProvider = {
  name: 'heading-rename',
  ready: linksReady,
  prepare(ctx, offset) {
    const t = targetAt(ctx, offset);
    return t && { range: ctx.range(t.span), placeholder: ctx.parsed.text.slice(t.span.start, t.span.end) };
  },
  rename(ctx, offset, newName) {
    const t = targetAt(ctx, offset);
    if (!t || !inSite(ctx)) return undefined;
    const name = newName.trim();
    if (name === '' || /[\r\n]/.test(name)) return refuse('A heading is one line of text.');
    if (t.mode === 'id' && validId(name) !== name) return refuse(`\`${name}\` is not an id Hugo reads: use letters, digits, \`-\`, \`_\`, \`:\` and \`.\` only.`);
    return renameHeading(ctx, t, name);
  },
};

function renameHeading(ctx: SiteDocumentContext, t: Target, name: string): PathEdits | RenameRefusal {
  const text = ctx.parsed.text;
  const renamed = text.slice(0, t.span.start) + name + text.slice(t.span.end);
  const before = ctx.parsed.markdown.headings;
  const after = parseDocument(renamed, ctx.catalog).markdown.headings;
  if (after.length !== before.length) return refuse('The new text would change the page\'s headings, not rename one.');
  // Every id that changes: the renamed heading's, and those a `-1` suffix moves to or from.
  const changes = new Map<string, string>();
  for (let i = 0; i < before.length; i++) if (before[i]!.id !== after[i]!.id && !changes.has(before[i]!.id)) changes.set(before[i]!.id, after[i]!.id);
  const newId = after[t.index]!.id;
  if (t.mode === 'id' && after.filter((h) => h.id === newId).length > 1) return refuse(`This page already has a heading with the id \`${newId}\`.`);
  const otherAnchors = pageFacts(ctx.site).anchorsFromText(ctx.path, text, ctx.parsed).ids;
  for (const id of changes.values()) {
    if (otherAnchors.has(id) && !before.some((h) => h.id === id)) return refuse(`This page already has an anchor \`${id}\` (in its HTML or a boilerplate it includes).`);
  }

  const edits = new Map<string, TextEdit[]>();
  const push = (path: string, e: TextEdit): void => {
    const list = edits.get(path) ?? [];
    if (!list.some((x) => sameEdit(x, e))) list.push(e);
    edits.set(path, list);
  };
  push(ctx.path, { range: ctx.range(t.span), newText: name });
  renameLinks(ctx, pageKeys(ctx.site, ctx.path), changes, push);
  if (ctx.location.lang === DEFAULT_LANGUAGE) {
    const refusal = renameInTranslations(ctx, changes, push);
    if (refusal) return refusal;
  }
  return edits;
}

type Push = (path: string, edit: TextEdit) => void;

/** Rewrites the `#fragment` of every link to one of the page's `keys` whose fragment is a changed id. */
function renameLinks(ctx: SiteDocumentContext, keys: ReadonlySet<string>, changes: ReadonlyMap<string, string>, push: Push): void {
  for (const link of linksToPage(ctx.site, keys, null, ctx)) {
    const fragment = link.target.kind === 'page' ? link.target.fragment : undefined;
    const to = fragment === undefined ? undefined : changes.get(fragment);
    const edit = to === undefined ? undefined : fragmentEdit(link, to);
    if (edit) push(link.source, edit);
  }
}

/** The same anchors in each translation of the page, and the links to them. */
function renameInTranslations(ctx: SiteDocumentContext, changes: ReadonlyMap<string, string>, push: Push): RenameRefusal | undefined {
  const { site } = ctx;
  for (const lang of site.layout.languages) {
    if (lang === DEFAULT_LANGUAGE) continue;
    const path = pathIn(site.layout, lang, ctx.location.relPath);
    const text = site.exists(path) ? site.readText(path) : undefined;
    if (text === undefined) continue;
    const headings = parseDocument(text, ctx.catalog).markdown.headings;
    const at = positionsOf(text);
    const range = (s: OffsetRange) => ({ start: at(s.start), end: at(s.end) });
    const renamedHere = new Map<string, string>();
    for (const [from, to] of changes) {
      const h = headings.find((x) => x.id === from);
      if (!h) continue;
      if (headings.some((x) => x.id === to)) return refuse(`The ${lang} translation already has a heading with the id \`${to}\`.`);
      if (h.idRange) push(path, { range: range(h.idRange), newText: to });
      else {
        // An untranslated heading: its automatic id is the old English one; pin the new id.
        const end = headingTextRange(text, h).end;
        push(path, { range: range({ start: end, end }), newText: ` {#${to}}` });
      }
      renamedHere.set(from, to);
    }
    if (renamedHere.size > 0) renameLinks(ctx, pageKeys(site, path), renamedHere, push);
  }
  return undefined;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.newText === b.newText && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}
