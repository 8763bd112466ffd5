import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionItemTag } from 'vscode-languageserver-types';
import { findParam, paramLabel, type ShortcodeInfo, type ShortcodeParamInfo } from '../../catalog/shortcodeCatalog';
import type { DocumentContext } from '../documentContext';
import type { CompletionProvider } from '../feature';
import { tagContext, type NameContext, type ParamContext, type ValueContext } from './completionContext';
import { paramDocs, shortcodeDocs } from './docs';
import { appliesTo, tagAt } from './lookup';
import { openShortcodes } from './openShortcodes';
import { shortcodeUsageRank } from './usageTally';
import { valueCandidates } from './values';

const DEPRECATED: CompletionItemTag = 1;

/**
 * Completion inside shortcode tags: names after `{{<` (snippets that fill required parameters and the closing tag),
 * the innermost open shortcode after `{{< /`, unused parameters with their docs, and parameter values.
 * `link=` values are the images-and-links feature's.
 */
export const shortcodeCompletion: CompletionProvider = {
  name: 'shortcode-completion',
  // Names are ranked by how many tags of each the site's pages have: about 5 ms to count on istio.io's size.
  prepare(site) {
    shortcodeUsageRank(site);
  },
  complete(ctx, _position, offset) {
    if (!appliesTo(ctx)) return undefined;
    // Hugo does not expand shortcodes in the frontmatter (an unclosed one is still being written: the body follows).
    const fm = ctx.parsed.frontmatter;
    if (fm?.closed && offset < fm.range.end) return undefined;
    const tc = tagContext(ctx.parsed.text, offset);
    if (!tc) return undefined;
    switch (tc.kind) {
      case 'name':
        return nameItems(ctx, tc);
      case 'closing-name':
        return closingItems(ctx, tc);
      case 'param':
        return paramItems(ctx, tc);
      case 'value':
        return valueItems(ctx, tc);
    }
  },
};

function edit(ctx: DocumentContext, start: number, end: number, newText: string): { range: ReturnType<DocumentContext['range']>; newText: string } {
  return { range: ctx.range({ start, end }), newText };
}

/** The item's sort key: its group, then its place by site usage (the unused alphabetically after the used). */
function sortKey(info: ShortcodeInfo, usage: ReadonlyMap<string, number>): string {
  const rank = usage.get(info.name);
  return `${sortGroup(info)}${rank === undefined ? '9999' : String(rank).padStart(4, '0')}${info.name}`;
}

function sortGroup(info: ShortcodeInfo): string {
  if (info.status === 'deprecated') return '4';
  if (info.origin === 'hugo') return '3';
  if (info.status === 'unused') return '2';
  return '1';
}

function nameItems(ctx: DocumentContext, tc: NameContext): CompletionItem[] {
  const items: CompletionItem[] = [];
  const close = tc.delimiter === '%' ? '%}}' : '>}}';
  const lead = tc.spaced ? '' : ' ';
  // A complete tag whose name is being changed keeps its parameters; a tag being written gets the whole snippet.
  const full = tc.closersEnd !== undefined || !hasCompleteTag(ctx, tc.tagStart);
  const end = tc.closersEnd ?? tc.replaceEnd;
  // The innermost open shortcode can be closed right here: `{{< /tip >}}`.
  const open = openShortcodes(ctx, tc.tagStart).at(-1);
  if (open && tc.prefix === '' && full) {
    items.push({
      label: `/${open}`,
      kind: CompletionItemKind.Keyword,
      detail: `close \`${open}\``,
      sortText: '0',
      filterText: `/${open}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: edit(ctx, tc.replaceStart, end, escapeSnippet(`${lead}/${open} ${close}`)),
    });
  }
  const fullRange = ctx.range({ start: tc.replaceStart, end: full ? end : tc.replaceEnd });
  const usage = ctx.site ? shortcodeUsageRank(ctx.site) : new Map<string, number>();
  for (const name of ctx.catalog.names()) {
    const info = ctx.catalog.get(name)!;
    const body = full ? `${lead}${snippetFor(info, tc.delimiter)}` : escapeSnippet(`${lead}${name}`);
    items.push({
      label: name,
      kind: info.inner ? CompletionItemKind.Module : CompletionItemKind.Function,
      detail: info.description.length > 80 ? info.description.slice(0, 77) + '…' : info.description,
      documentation: { kind: MarkupKind.Markdown, value: shortcodeDocs(info, ctx.caches) },
      sortText: sortKey(info, usage),
      filterText: name,
      ...(info.status === 'deprecated' ? { tags: [DEPRECATED] } : {}),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: fullRange, newText: body },
    });
  }
  return items;
}

/** Whether the document already has a finished tag (`… >}}`) starting at `tagStart`. */
function hasCompleteTag(ctx: DocumentContext, tagStart: number): boolean {
  const tag = tagAt(ctx.parsed, tagStart);
  return tag !== undefined && tag.range.start === tagStart && !tag.unterminated;
}

/** The snippet after `{{< `: the catalog's, or the name with its required parameters, the closer, and the closing tag. */
export function snippetFor(info: ShortcodeInfo, delimiter: '<' | '%'): string {
  const close = delimiter === '%' ? '%}}' : '>}}';
  if (info.snippet && delimiter === '<') return info.snippet;
  let n = 1;
  const parts = [escapeSnippet(info.name)];
  for (const p of info.params ?? []) {
    if (!p.required) continue;
    parts.push(p.name !== undefined && p.position === undefined ? `${p.name}="\${${n++}}"` : `\${${n++}:${paramLabel(p)}}`);
  }
  const openTag = `${parts.join(' ')} ${close}`;
  if (!info.inner) return openTag;
  const closing = delimiter === '%' ? `{{% /${info.name} %}}` : `{{< /${info.name} >}}`;
  return info.ownLines || info.name === 'text' ? `${openTag}\n$0\n${closing}` : `${openTag}$0${closing}`;
}

/** Every item is an LSP snippet (insertTextFormat 2): literal text escapes `$` and `\\` (a `}` is literal outside placeholders). */
function escapeSnippet(s: string): string {
  return s.replace(/[$\\]/g, (c) => `\\${c}`);
}

function closingItems(ctx: DocumentContext, tc: NameContext): CompletionItem[] {
  const close = tc.delimiter === '%' ? '%}}' : '>}}';
  const open = openShortcodes(ctx, tc.tagStart);
  const end = tc.closersEnd ?? tc.replaceEnd;
  const withCloser = tc.closersEnd !== undefined || !hasCompleteTag(ctx, tc.tagStart);
  return open
    .reverse()
    .map((name, i) => ({
      label: name,
      kind: CompletionItemKind.Keyword,
      detail: i === 0 ? 'the innermost open shortcode' : 'an enclosing open shortcode',
      sortText: String(i).padStart(3, '0'),
      filterText: name,
      preselect: i === 0,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: edit(ctx, tc.replaceStart, end, escapeSnippet(withCloser ? `${name} ${close}` : name)),
    }));
}

function paramItems(ctx: DocumentContext, tc: ParamContext): CompletionItem[] {
  const info = ctx.catalog.get(tc.name);
  if (!info) return [];
  const fullTag = ctx.parsed.shortcodes.tags.find((t) => t.range.start === tc.tagStart);
  const used = new Set<string>();
  let named = false;
  let positional = false;
  // Typing over the name of a `name="value"` already there (`ca‸ption="…"`): rename it, keep its value.
  const renaming = /^[ \t]*=/.test(ctx.parsed.text.slice(tc.replaceEnd, tc.replaceEnd + 20));
  for (const p of [...tc.params, ...(fullTag?.params ?? [])]) {
    if (p.valueRange.start === tc.replaceStart && p.name === undefined) continue; // the word being typed
    if (p.nameRange?.start === tc.replaceStart) continue; // the name being typed over
    if (p.name !== undefined) {
      used.add(p.name);
      named = true;
    } else {
      positional = true;
    }
  }
  const items: CompletionItem[] = [];
  const gap = gapBeforeCloser(ctx, tc.replaceEnd);
  // Hugo cannot mix named and positional values: offer only the kind already in use.
  if (!named) {
    const pos = findParam(info, undefined, tc.position);
    if (pos) for (const item of valueItemsFor(ctx, tc, info, pos, undefined, '0')) items.push(item);
  }
  if (!positional) {
    const params = info.params ?? [];
    for (const p of params) {
      if (p.name === undefined || used.has(p.name)) continue;
      items.push({
        label: p.name,
        kind: CompletionItemKind.Property,
        detail: p.required ? 'required' : p.kind,
        documentation: { kind: MarkupKind.Markdown, value: paramDocs(info, p) },
        sortText: `${p.required ? '1' : '2'}${String(params.indexOf(p)).padStart(2, '0')}`,
        filterText: p.name,
        insertTextFormat: renaming ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
        textEdit: edit(ctx, tc.replaceStart, tc.replaceEnd, renaming ? p.name : `${p.name}="$1"${gap}`),
        command: !renaming && (p.kind === 'path' || p.values?.length || isDynamic(p)) ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
      });
    }
  }
  return items;
}

/**
 * A space when the tag's closer follows at once: the editor auto-closed `{{< text` into `{{< text>}}`, and the item
 * must give `{{< text bash >}}` as the site writes its tags, not `{{< text bash>}}`.
 */
function gapBeforeCloser(ctx: DocumentContext, end: number): string {
  return /^[>%]\}/.test(ctx.parsed.text.slice(end, end + 2)) ? ' ' : '';
}

function isDynamic(p: ShortcodeParamInfo): boolean {
  return p.kind === 'syntax' || p.kind === 'boilerplate' || p.kind === 'glossary-term' || p.kind.startsWith('tab-');
}

function valueItems(ctx: DocumentContext, tc: ValueContext): CompletionItem[] {
  const info = ctx.catalog.get(tc.name);
  if (!info) return [];
  const p = findParam(info, tc.param, tc.position);
  if (!p) return [];
  return valueItemsFor(ctx, tc, info, p, tc.quote, '0');
}

function valueItemsFor(
  ctx: DocumentContext,
  tc: ParamContext | ValueContext,
  info: ShortcodeInfo,
  p: ShortcodeParamInfo,
  quote: '"' | '`' | undefined,
  group: string,
): CompletionItem[] {
  const candidates = valueCandidates(ctx, tc, info, p);
  // Inside quotes the closing quote separates the value from `>}}`; a bare value needs the space itself.
  const gap = quote === undefined ? gapBeforeCloser(ctx, tc.replaceEnd) : '';
  return candidates.map((c, i) => {
    // A bare value with a space needs quotes; a value typed inside quotes keeps them.
    const needsQuotes = quote === undefined && (/[\s"=]/.test(c.value) || c.value === '');
    const written = needsQuotes ? `"${c.value.replace(/"/g, '\\"')}"` : c.value;
    return {
      label: c.label ?? c.value,
      kind: CompletionItemKind.Value,
      detail: c.detail,
      documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
      sortText: `${group}${String(i).padStart(4, '0')}`,
      filterText: needsQuotes ? written : c.value,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: edit(ctx, tc.replaceStart, tc.replaceEnd, escapeSnippet(written + gap)),
    };
  });
}
