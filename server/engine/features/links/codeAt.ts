import type { ParsedDocument } from '../../parser/parsedDocument';

/**
 * Whether `offset` is in code, where `[text](url)` is not a link: a `{{< text >}}` body (or other non-Markdown
 * region), a fenced block, an inline code span of the line, or an HTML comment.
 */
export function inCodeAt(parsed: ParsedDocument, offset: number): boolean {
  if (parsed.nonMarkdown.has(offset) || parsed.markdown.fences.has(offset)) return true;
  const { text } = parsed;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if ((before.match(/`/g)?.length ?? 0) % 2 === 1) return true;
  // An HTML comment still open at the cursor; a `<!--` shown in a code block opens nothing.
  const comment = text.lastIndexOf('<!--', offset);
  return comment > text.lastIndexOf('-->', offset - 1) && !parsed.nonMarkdown.has(comment) && !parsed.markdown.fences.has(comment);
}
