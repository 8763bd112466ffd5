import type { ParsedDocument } from '../../parser/parsedDocument';
import { RegionSet } from '../../parser/offsetRange';

/** A fence line, as the Markdown scanner reads it. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Fenced code blocks per parsed document. The Markdown scanner finds them too but does not expose them; a
 * completion needs them for text being typed, which is not a finished link the scanner would report.
 */
const fencesOf = new WeakMap<ParsedDocument, RegionSet>();

function fences(parsed: ParsedDocument): RegionSet {
  let set = fencesOf.get(parsed);
  if (set) return set;
  const { text } = parsed;
  const regions: Array<{ start: number; end: number }> = [];
  let fence: string | undefined;
  let fenceStart = 0;
  let lineStart = parsed.bodyStart;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const m = FENCE.exec(text.slice(lineStart, lineEnd));
    if (fence) {
      if (m && m[1]!.startsWith(fence)) {
        regions.push({ start: fenceStart, end: lineEnd });
        fence = undefined;
      }
    } else if (m) {
      fence = m[1];
      fenceStart = lineStart;
    }
    lineStart = lineEnd + 1;
  }
  if (fence) regions.push({ start: fenceStart, end: text.length + 1 });
  set = new RegionSet(regions);
  fencesOf.set(parsed, set);
  return set;
}

/**
 * Whether `offset` is in code, where `[text](url)` is not a link: a `{{< text >}}` body (or other non-Markdown
 * region), a fenced block, an inline code span of the line, or an HTML comment.
 */
export function inCodeAt(parsed: ParsedDocument, offset: number): boolean {
  if (parsed.nonMarkdown.has(offset) || fences(parsed).has(offset)) return true;
  const { text } = parsed;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if ((before.match(/`/g)?.length ?? 0) % 2 === 1) return true;
  // An HTML comment still open at the cursor; a `<!--` shown in a code block opens nothing.
  const comment = text.lastIndexOf('<!--', offset);
  return comment > text.lastIndexOf('-->', offset - 1) && !parsed.nonMarkdown.has(comment) && !fences(parsed).has(comment);
}
