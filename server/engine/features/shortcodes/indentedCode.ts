import type { Diagnostic } from 'vscode-languageserver-types';
import type { PreviewKind } from '../../catalog/shortcodeCatalog';
import { bodyLineBlocks, lineBlocksByStart, type LineBlock, type MarkdownRegion } from '../../parser/codeBlocks';
import { nodeSpan, type ShortcodeNode } from '../../parser/shortcodeTree';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import type { DiagnosticRule } from '../feature';
import type { Fix, FixEdit } from '../quickFix';
import { appliesTo } from './lookup';

/** Shortcodes that render a block (a figure, a callout, a code block…): inside `<pre><code>` they break the page. */
const BLOCK_KINDS: ReadonlySet<PreviewKind> = new Set(['figure', 'callout', 'tabset', 'text', 'boilerplate', 'centered', 'diagram']);

/**
 * A block shortcode on a line that Goldmark reads as an indented code block: `    {{< image … >}}` after a blank line
 * outside a list (or 4 spaces deeper than its list item's text). Hugo prints the figure inside `<pre><code>`, while
 * the preview draws it; the fix takes the indentation off. Checked at the page's top level and in tabs, whose content
 * the site's `tabset` template renders as Markdown of its own after `strip_indent`; inside other shortcodes the result
 * depends on their templates, so it is not checked there.
 */
export const indentedCodeRule: DiagnosticRule = {
  name: 'indented-code',
  check(ctx) {
    if (!appliesTo(ctx)) return [];
    const { parsed } = ctx;
    const out: Diagnostic[] = [];
    checkRegion(ctx, { start: parsed.bodyStart, end: parsed.text.length, strip: 0 }, parsed.tree.roots, out, () => bodyLineBlocks(parsed));
    for (const node of parsed.tree.all) {
      if (node.open.name !== 'tab' || !node.close || !node.inner) continue;
      const region = tabRegion(parsed.text, node.inner.start, node.inner.end);
      checkRegion(ctx, region, node.children, out, () => lineBlocksByStart(parsed.text, region, node.children));
    }
    return out;
  },
};

/** `lineBlocks`: the region's lines as Goldmark reads them (asked only when a block shortcode starts a line). */
function checkRegion(ctx: DocumentContext, region: MarkdownRegion, nodes: readonly ShortcodeNode[], out: Diagnostic[], lineBlocks: () => ReadonlyMap<number, LineBlock>): void {
  const text = ctx.parsed.text;
  const candidates = nodes.filter((n) => {
    const kind = ctx.catalog.get(n.open.name)?.preview;
    return kind !== undefined && BLOCK_KINDS.has(kind) && onlyBlanksBefore(text, n.open.range.start);
  });
  if (candidates.length === 0) return;
  const lines = lineBlocks();
  for (const node of candidates) {
    const line = lines.get(lineStartOf(text, node.open.range.start));
    if (!line?.code) continue;
    // The site indents a list item's content by 4 (`1. ` is 3 wide): the fix keeps to multiples of 4, which `text`
    // blocks need too.
    const target = Math.ceil(line.column / 4) * 4;
    const by = line.indent - target;
    const where =
      line.column === region.strip
        ? region.strip > 0
          ? `by ${line.indent - region.strip} spaces past the first line of its tab`
          : `by ${line.indent} spaces after a blank line outside a list`
        : `by 4 or more spaces past its list item's text`;
    out.push(
      diagnostic(
        ctx,
        node.open.range,
        'shortcode.indented-code',
        `Indented ${where}, this line is a Markdown code block: Hugo prints the \`${node.open.name}\` inside \`<pre><code>\`. Take the indentation off.`,
        { fixes: [unindentFix(ctx, nodeSpan(node), by)] },
      ),
    );
  }
}

/** The lines of the tag (and of its content, up to its closing tag), each with up to `by` leading spaces removed. */
function unindentFix(ctx: DocumentContext, span: { start: number; end: number }, by: number): Fix {
  const text = ctx.parsed.text;
  const edits: FixEdit[] = [];
  for (let at = lineStartOf(text, span.start); at <= span.end; ) {
    const spaces = /^ */.exec(text.slice(at, at + by))![0].length;
    if (spaces > 0) edits.push({ range: ctx.range({ start: at, end: at + spaces }), newText: '' });
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return { title: `Remove ${by} spaces of indentation`, edits, isPreferred: true };
}

/**
 * A tab's content as the `tabset` template hands it to `markdownify`: newlines trimmed at both ends, then the first
 * line's indentation (16, 12, 8 or 4 spaces, else none) removed from every line (`partials/strip_indent.html`).
 */
function tabRegion(text: string, start: number, end: number): MarkdownRegion {
  let s = start;
  while (s < end && (text[s] === '\n' || text[s] === '\r')) s++;
  const first = /^ */.exec(text.slice(s, Math.min(end, s + 16)))![0].length;
  const strip = first >= 16 ? 16 : first >= 12 ? 12 : first >= 8 ? 8 : first >= 4 ? 4 : 0;
  return { start: s, end, strip };
}

/**
 * Whether only spaces and tabs stand between `offset` and the start of its line. Read backwards from `offset`, so a
 * tag after other text costs one character: finding the line's start first cost the whole line for each tag, and a
 * page of tags on one line took seconds (test/support/worstCases.ts, "block shortcodes on one line").
 */
function onlyBlanksBefore(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i--;
  return i < 0 || text.charCodeAt(i) === 0x0a;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
