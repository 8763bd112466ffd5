import type { ShortcodeTag } from '../../parser/shortcodes';
import type { DocumentContext } from '../documentContext';
import type { Fix } from '../quickFix';

/**
 * The fix of an unclosed shortcode: inserts `{{< /name >}}` where it most likely ends: after the next word when it is
 * used inline (`{{< gloss >}}term`), otherwise on its own line at the end of the following paragraph, or before the
 * closing tag of the enclosing shortcode, with the opening tag's indentation.
 */
export function closingTagFix(ctx: DocumentContext, tag: ShortcodeTag): Fix {
  const text = ctx.parsed.text;
  const closing = tag.delimiter === '%' ? `{{% /${tag.name} %}}` : `{{< /${tag.name} >}}`;
  const lineStart = text.lastIndexOf('\n', tag.range.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, tag.range.start))![0];
  let lineEnd = text.indexOf('\n', tag.range.end);
  if (lineEnd < 0) lineEnd = text.length;
  const rest = text.slice(tag.range.end, lineEnd);
  const info = ctx.catalog.get(tag.name);

  let ins: Insertion;
  if (rest.trim() !== '' && !info?.ownLines) {
    const word = /^\s*[^\s{]+/.exec(rest);
    ins = { offset: tag.range.end + (word ? word[0].length : 0), newText: closing };
  } else {
    ins = blockInsertion(text, lineEnd, indent + closing);
  }
  return {
    title: `Insert the closing tag ${closing}`,
    edits: [{ range: ctx.range({ start: ins.offset, end: ins.offset }), newText: ins.newText }],
    isPreferred: true,
  };
}

interface Insertion {
  readonly offset: number;
  readonly newText: string;
}

/** Where the closing line goes, scanning the lines after the tag. */
function blockInsertion(text: string, from: number, closingLine: string): Insertion {
  // The file's own line ends: editors other than VS Code do not convert an inserted `\n` in a CRLF file.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let seen = false;
  let at = from + 1;
  while (at <= text.length && from < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    const trimmed = line.trim();
    if (/^\{\{[<%]\s*\//.test(trimmed)) return { offset: at, newText: `${closingLine}${eol}${eol}` };
    if (trimmed === '' && seen) return { offset: at, newText: `${closingLine}${eol}` };
    if (trimmed !== '') seen = true;
    if (end >= text.length) break;
    at = end + 1;
  }
  return { offset: text.length, newText: `${text.endsWith('\n') ? '' : eol}${closingLine}${eol}` };
}
