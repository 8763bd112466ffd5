import type { OffsetRange } from './offsetRange';
import type { ParsedDocument } from './parsedDocument';
import { nodeSpan, type ShortcodeNode } from './shortcodeTree';

/**
 * A stretch of Markdown that Goldmark renders as one document: the page body, or the content of a `tab`, which the
 * site's `tabset` template passes through `strip_indent` (the first line's indentation, 4 to 16 spaces, comes off
 * every line) and `markdownify`.
 */
export interface MarkdownRegion {
  readonly start: number;
  readonly end: number;
  /** Spaces removed from the start of every line before Goldmark reads it. */
  readonly strip: number;
}

/** How Goldmark reads one line of a region. */
export interface LineBlock {
  readonly lineStart: number;
  /** Leading spaces as written (before the region's strip). */
  readonly indent: number;
  /** The line is in an indented code block: printed inside `<pre><code>`. */
  readonly code: boolean;
  /** The indentation, as written, at which the line would belong to its container (the page, or a list item) as text. */
  readonly column: number;
}

const LIST_MARKER = /^([-+*]|\d{1,9}[.)])( +|$)/;
const FENCE = /^(`{3,}|~{3,})/;

/**
 * Which lines of `region` Goldmark puts in an indented code block: a line indented by 4 or more past its container's
 * content column (0 at the top, the text's column in a list item) that does not continue a paragraph. A subset of
 * CommonMark's block rules: list items open and close by indentation, a paragraph (or an HTML or quote line) may be
 * continued by an indented line, fenced code is skipped. Each of `atoms` (the region's top-level shortcodes, which
 * Hugo replaces by one placeholder before Goldmark runs) counts as text on the line where it starts, however many
 * lines it spans.
 */
export function markdownLineBlocks(text: string, region: MarkdownRegion, atoms: readonly OffsetRange[]): LineBlock[] {
  const out: LineBlock[] = [];
  const sorted = [...atoms].sort((a, b) => a.start - b.start);
  let atom = 0;
  const items: number[] = [];
  let inCode = false;
  let paragraph = false;
  let blank = true;
  let fence: string | undefined;
  let at = region.start;
  while (at < region.end) {
    // The logical line runs to the first newline outside a shortcode.
    let end = at;
    for (;;) {
      while (atom < sorted.length && sorted[atom]!.end <= end) atom++;
      const nl = text.indexOf('\n', end);
      const stop = nl < 0 || nl > region.end ? region.end : nl;
      const a = sorted[atom];
      if (a && a.start < stop && a.end > stop) {
        end = a.end;
        continue;
      }
      end = stop;
      break;
    }
    const raw = text.slice(at, end > at && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    let indent = 0;
    while (indent < raw.length && raw.charCodeAt(indent) === 0x20) indent++;
    const stripped = Math.min(indent, region.strip);
    const i = indent - stripped;
    const lineStart = at;
    at = end + 1;

    // The line's first character after its spaces: a printable ASCII one means it is not blank (no trimmed copy is
    // made), and each pattern below starts with one of a few such characters. A third of a keystroke's indented-code
    // check on the largest page went to the copies and patterns of lines these tests now skip.
    const first = raw.charCodeAt(indent);
    const printable = first > 0x20 && first < 0x7f;
    if (indent === raw.length || (!printable && raw.trim() === '')) {
      blank = true;
      paragraph = false;
      continue;
    }
    if (fence) {
      if ((first === 0x60 || first === 0x7e || !printable) && FENCE.exec(raw.trimStart())?.[1]?.startsWith(fence[0]!)) fence = undefined;
      out.push({ lineStart, indent, code: false, column: indent });
      continue;
    }
    // Close the list items this line is not inside (a paragraph's lazy continuation stays).
    while (items.length > 0 && i < items[items.length - 1]! && !(paragraph && !blank)) items.pop();
    const base = items.length > 0 ? items[items.length - 1]! : 0;
    const rel = i - base;
    const column = base + stripped;
    if (inCode && rel >= 4) {
      out.push({ lineStart, indent, code: true, column });
      blank = false;
      continue;
    }
    inCode = false;
    if (rel >= 4 && !paragraph) {
      inCode = true;
      out.push({ lineStart, indent, code: true, column });
      blank = false;
      continue;
    }
    out.push({ lineStart, indent, code: false, column });
    const content = raw.slice(indent);
    const marker = rel < 4 && (first === 0x2d || first === 0x2b || first === 0x2a || (first >= 0x30 && first <= 0x39)) ? LIST_MARKER.exec(content) : null;
    const fenceOpen = rel < 4 && (first === 0x60 || first === 0x7e) ? FENCE.exec(content) : null;
    if (marker) {
      const spaces = marker[2]!.length;
      const rest = content.slice(marker[0].length);
      // The item's text starts after the marker and its spaces (one space when five or more, or when it is empty).
      items.push(i + marker[1]!.length + (spaces >= 5 || rest.trim() === '' ? 1 : spaces));
      paragraph = rest.trim() !== '';
    } else if (fenceOpen) {
      fence = fenceOpen[1];
      paragraph = false;
    } else if (rel < 4 && ((first === 0x23 && /^#{1,6}(\s|$)/.test(content)) || ((first === 0x2d || first === 0x2a || first === 0x5f) && /^([-*_])( *\1){2,} *$/.test(content)))) {
      // A heading or a thematic break: nothing continues it.
      paragraph = false;
    } else {
      paragraph = true;
    }
    blank = false;
  }
  return out;
}

/**
 * `markdownLineBlocks` of `region` by line start, its atoms being `nodes` (each from its opening tag to the end of its
 * closing one, which Hugo replaces by one placeholder).
 */
export function lineBlocksByStart(text: string, region: MarkdownRegion, nodes: readonly ShortcodeNode[]): ReadonlyMap<number, LineBlock> {
  return new Map(markdownLineBlocks(text, region, nodes.map(nodeSpan)).map((l) => [l.lineStart, l]));
}

const bodies = new WeakMap<ParsedDocument, ReadonlyMap<number, LineBlock>>();

/**
 * The lines of the page's body as Goldmark reads them (`lineBlocksByStart` of the body, its top-level shortcodes the
 * atoms), made once per parse: the indented-code and blockquote checks both read them.
 */
export function bodyLineBlocks(parsed: ParsedDocument): ReadonlyMap<number, LineBlock> {
  let lines = bodies.get(parsed);
  if (!lines) {
    lines = lineBlocksByStart(parsed.text, { start: parsed.bodyStart, end: parsed.text.length, strip: 0 }, parsed.tree.roots);
    bodies.set(parsed, lines);
  }
  return lines;
}
