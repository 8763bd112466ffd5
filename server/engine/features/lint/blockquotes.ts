import type { Diagnostic } from 'vscode-languageserver-types';
import { bodyLineBlocks, type LineBlock } from '../../parser/codeBlocks';
import { tagHolding } from '../../parser/shortcodes';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';

const QUOTE_LINE = /^([ \t]*)> ?/;

/** The width of leading white space, a tab reaching the next multiple of 4 as in CommonMark. */
function widthOf(indent: string): number {
  let w = 0;
  for (const c of indent) w = c === '\t' ? w + 4 - (w % 4) : w + 1;
  return w;
}

/**
 * Whether Goldmark reads the `>` of a line of the page's own Markdown as a quote marker: not in an indented code
 * block, and at most 3 columns past its container's text (the page, or a list item). Four or more past it, the line
 * continues a paragraph (the `    >}}` of a tag written with one brace, which Hugo prints as text) or is code.
 * Lines inside a shortcode's content are not the page's own blocks: there any `>` counts, as before.
 */
function quoteMarker(block: LineBlock | undefined, indent: string): boolean {
  return !block || (!block.code && widthOf(indent) - block.column <= 3);
}

/**
 * A Markdown `>` blockquote renders as `<blockquote>`, and the script fails the built site on that word ("Ensure
 * content only uses {{< tip >}}, {{< warning >}}, {{< idea >}}, and {{< quote >}} instead of block quotes"). Lines of
 * code (text blocks, fences, indented code), of the frontmatter, of a shortcode tag written over several lines
 * (`    >}}`) and lines indented 4 or more past their container are not quotes (test/hugo/blockquotes.test.ts holds
 * this to Hugo's output). One finding per quote, with fixes to `{{< quote >}}` and `{{< tip >}}`.
 */
export function blockquoteDiagnostics(ctx: DocumentContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { text, nonMarkdown, markdown } = ctx.parsed;
  if (!/(^|\n)[ \t]*>/.test(text)) return out;
  // A binary search: scanning every tag for each `>` line made a page of quoted tags quadratic (3.3 s at 400 KB).
  const inTag = (offset: number): boolean => tagHolding(ctx.parsed.shortcodes.tags, offset) !== undefined;
  // The page's own lines as Goldmark reads them; a top-level shortcode is one piece of text where it starts.
  const blocks = bodyLineBlocks(ctx.parsed);
  // The fixes' line ends, once per page (asked per quote, it read the page again for each: a page of quotes is many).
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let at = ctx.parsed.bodyStart;
  let quote: { start: number; end: number; indent: string; lines: string[] } | undefined;
  const flush = (): void => {
    // Past the cap a quote is counted, not built: its two fixes copy the whole quote.
    if (quote && !ctx.tally?.countPastCap('lint.blockquote', quote.start)) out.push(quoteDiagnostic(ctx, quote, eol));
    quote = undefined;
  };
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).replace(/\r$/, '');
    const m = QUOTE_LINE.exec(line);
    const marker = m ? at + m[1]!.length : -1;
    if (m && !nonMarkdown.find(marker) && !markdown.fences.find(marker) && !inTag(marker) && quoteMarker(blocks.get(at), m[1]!)) {
      if (quote && m[1] === quote.indent) {
        quote.end = at + line.length;
        quote.lines.push(line.slice(m[0].length));
      } else {
        flush();
        quote = { start: marker, end: at + line.length, indent: m[1]!, lines: [line.slice(m[0].length)] };
      }
    } else flush();
    at = end + 1;
  }
  flush();
  return out;
}

function quoteDiagnostic(ctx: DocumentContext, q: { start: number; end: number; indent: string; lines: string[] }, eol: string): Diagnostic {
  const lineStart = q.start - q.indent.length;
  const range = ctx.range({ start: lineStart, end: q.end });
  const body = q.lines.map((l) => (l === '' ? '' : q.indent + l)).join(eol);
  // The site's callouts must span several lines ("Shortcode must span muliple lines"): tags on their own lines.
  const wrap = (name: string): string => `${q.indent}{{< ${name} >}}${eol}${body}${eol}${q.indent}{{< /${name} >}}`;
  return diagnostic(ctx, { start: q.start, end: q.end }, 'lint.blockquote', 'Fails `make lint`: a `>` blockquote renders as `<blockquote>`, which the site\'s lint rejects. Use `{{< quote >}}` (or `{{< tip >}}`, `{{< warning >}}`, `{{< idea >}}`).', {
    fixes: [
      { title: 'Make it a {{< quote >}}', edits: [{ range, newText: wrap('quote') }], isPreferred: true },
      { title: 'Make it a {{< tip >}}', edits: [{ range, newText: wrap('tip') }] },
    ],
  });
}
