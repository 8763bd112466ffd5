import { githubId, HeadingIds, splitHeading } from './headingIds';
import { RegionSet, type OffsetRange } from './offsetRange';
import { BlankLines, endsBlankLine, isLineEnd, LineEnds, NextIndex, NextMatch, trimEndBlanks, trimStartBlanks } from './textScan';

export interface Heading {
  readonly level: number;
  /** The heading text without `#`s and without a trailing `{#id}`. */
  readonly text: string;
  /** The explicit `{#id}`, or the GitHub-style id Hugo generates (deduplicated with `-1`, `-2`…): see headingIds.ts. */
  readonly id: string;
  readonly explicitId: boolean;
  readonly range: OffsetRange;
  /** Span of the `{#id}` attribute's id, when explicit. */
  readonly idRange: OffsetRange | undefined;
  /** A `{#…}` Hugo does not parse and prints on the page (`{#am-i-impacted?}`); the heading then has its automatic id. */
  readonly literalAttributes: OffsetRange | undefined;
  /** The automatic id holds a shortcode, which Hugo replaces with a placeholder numbered in build order. */
  readonly unstableId: boolean;
}

export interface MarkdownLink {
  readonly kind: 'link' | 'image' | 'definition';
  /** The destination as written. */
  readonly target: string;
  readonly targetRange: OffsetRange;
  /** The link's text or the image's alt text. */
  readonly text: string;
  readonly range: OffsetRange;
  /** The destination holds a shortcode (`{{< github_tree >}}/samples`), so it is only known after rendering. */
  readonly hasShortcode: boolean;
}

export interface MarkdownScan {
  readonly headings: readonly Heading[];
  readonly links: readonly MarkdownLink[];
  /** Fenced code blocks (``` or ~~~); one never closed runs to the end of the text, the end itself included. */
  readonly fences: RegionSet;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// `[^1]: …` is a footnote (Goldmark's footnote extension, on in istio.io's hugo.toml), not a link definition; `[^]:`
// (no label after the caret) and `[ ^1]:` are definitions (test/hugo/footnotes.test.ts).
const DEFINITION = /^ {0,3}\[(?!\^[^\]])([^\]]+)\]:[ \t]*(<[^>\n]*>|\S+)/;

/**
 * Scans the Markdown of a document body for headings and links, skipping `skip` regions
 * (frontmatter, `{{< text >}}` bodies, escaped shortcode examples), fenced code, inline code and HTML comments.
 */
export function scanMarkdown(text: string, from: number, skip: RegionSet): MarkdownScan {
  const headings: Heading[] = [];
  const links: MarkdownLink[] = [];
  const ids = new HeadingIds();
  const codeRegions: OffsetRange[] = [];

  let fence: string | undefined;
  let fenceStart = 0;
  let lineStart = from;
  const n = text.length;
  // Lines end at `\n`, `\r\n` or a lone `\r`, as LSP counts them: a file saved with bare `\r` is many lines, not one.
  const eol = new LineEnds(text);
  while (lineStart < n) {
    const lineEnd = eol.end(lineStart);
    const skipped = skip.find(lineStart);
    if (skipped) {
      // Jump to the first line that starts after the skipped region.
      lineStart = eol.after(eol.end(Math.max(skipped.end - 1, lineStart)));
      continue;
    }
    // Block syntax shows in the first character after at most three spaces; most lines are paragraphs and are
    // passed over without being sliced or matched.
    let i = lineStart;
    while (i < lineStart + 3 && text.charCodeAt(i) === 32) i++;
    const code = i < lineEnd ? text.charCodeAt(i) : -1;
    if (code !== 0x60 && code !== 0x7e && code !== 0x23 && code !== 0x5b) {
      lineStart = eol.after(lineEnd);
      continue;
    }
    const first = String.fromCharCode(code);
    const line = text.slice(lineStart, lineEnd);
    const fm = first === '`' || first === '~' ? FENCE.exec(line) : null;
    if (fence) {
      if (fm && fm[1]!.startsWith(fence)) {
        codeRegions.push({ start: fenceStart, end: lineEnd });
        fence = undefined;
      }
    } else if (fm) {
      fence = fm[1];
      fenceStart = lineStart;
    } else {
      const h = first === '#' ? parseHeadingLine(line) : undefined;
      if (h) headings.push(makeHeading(h, line, lineStart, ids));
      const d = first === '[' ? DEFINITION.exec(line) : null;
      if (d) {
        const raw = d[2]!;
        const offset = lineStart + line.indexOf(raw, d[0].length - raw.length);
        const target = raw.startsWith('<') ? raw.slice(1, -1) : raw;
        links.push({
          kind: 'definition',
          target,
          targetRange: { start: offset + (raw.startsWith('<') ? 1 : 0), end: offset + (raw.startsWith('<') ? raw.length - 1 : raw.length) },
          text: d[1]!,
          range: { start: lineStart, end: lineEnd },
          hasShortcode: target.includes('{{'),
        });
      }
    }
    lineStart = eol.after(lineEnd);
  }
  // `n + 1`: a cursor at the very end of an unclosed block is still in it.
  if (fence) codeRegions.push({ start: fenceStart, end: n + 1 });

  const excluded = new RegionSet(skip.all.concat(codeRegions, inlineCodeAndComments(text, from)));
  scanInlineLinks(text, from, excluded, links);
  return { headings, links, fences: new RegionSet(codeRegions) };
}

/**
 * An ATX heading line (`## Text {#id}`): its level and its text with the spaces and tabs around it removed, or
 * `undefined`. Read by hand: the regular expression it replaces backtracked over runs of spaces, cubically on a
 * line with a character `.` does not match (a lone `\r`, U+2028).
 */
function parseHeadingLine(line: string): { level: number; content: string } | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 0x20) i++;
  let j = i;
  while (line.charCodeAt(j) === 0x23) j++;
  const level = j - i;
  if (level < 1 || level > 6) return undefined;
  if (j < line.length && line.charCodeAt(j) !== 0x20 && line.charCodeAt(j) !== 0x09) return undefined;
  return { level, content: trimEndBlanks(trimStartBlanks(line.slice(j))) };
}

function makeHeading(h: { level: number; content: string }, line: string, lineStart: number, ids: HeadingIds): Heading {
  const raw = h.content;
  // Where the content starts in the line: after at most three spaces, the #s and the blanks after them.
  let contentAt = 0;
  while (line.charCodeAt(contentAt) === 0x20) contentAt++;
  while (line.charCodeAt(contentAt) === 0x23) contentAt++;
  while (line.charCodeAt(contentAt) === 0x20 || line.charCodeAt(contentAt) === 0x09) contentAt++;
  const parts = splitHeading(raw);
  const at = (r: OffsetRange): OffsetRange => ({ start: lineStart + contentAt + r.start, end: lineStart + contentAt + r.end });
  const explicit = parts.explicitId !== undefined;
  return {
    level: h.level,
    text: parts.text.trim(),
    id: parts.explicitId !== undefined ? ids.explicit(parts.explicitId) : ids.automatic(githubId(parts.text)),
    explicitId: explicit,
    range: { start: lineStart, end: lineStart + line.length },
    idRange: parts.idSpan ? at(parts.idSpan) : undefined,
    literalAttributes: parts.literalAttributes ? at(parts.literalAttributes) : undefined,
    // Hugo puts a placeholder with a build-order counter where a shortcode stands: no link can rely on such an id.
    unstableId: !explicit && /\{\{[<%]/.test(parts.text),
  };
}

/** The text a heading renders to: links, code, emphasis and shortcode tags reduced to their words. */
export function plainText(markdown: string): string {
  const s = markdown.replace(/\{\{<\s*istioctl\s*>\}\}/g, 'istioctl');
  return withoutHtmlTags(withLinkTexts(withoutShortcodeTags(s)).replace(/`+([^`]*)`+/g, '$1')).replace(/(\*\*|__|\*|\b_|_\b|~~)/g, '');
}

// The three passes below make the replacements of `/\{\{[<%][\s\S]*?[>%]\}\}/g`, `/!?\[([^\]]*)\]\([^)]*\)/g` (by
// `$1`) and `/<[^>]+>/g` by hand: each regular expression scanned the rest of the heading again from every opening
// `{{<`, `[` or `<` that had no closing after it, which is quadratic on a long heading.

function withoutShortcodeTags(s: string): string {
  const open = /\{\{[<%]/g;
  const close = new NextMatch(s, /[>%]\}\}/g);
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = open.exec(s))) {
    const c = close.next(m.index + 3);
    if (c < 0) break; // no closer after this opener, so none after any later one either
    out += s.slice(last, m.index);
    last = c + 3;
    open.lastIndex = last;
  }
  return last === 0 ? s : out + s.slice(last);
}

function withLinkTexts(s: string): string {
  const bracket = new NextIndex(s, ']');
  const paren = new NextIndex(s, ')');
  let out = '';
  let last = 0;
  let i = s.indexOf('[');
  while (i >= 0) {
    const b = bracket.next(i + 1);
    if (b < 0) break;
    if (s.charCodeAt(b + 1) !== 0x28) {
      i = s.indexOf('[', i + 1);
      continue;
    }
    const p = paren.next(b + 2);
    if (p < 0) break;
    const start = i - 1 >= last && s.charCodeAt(i - 1) === 0x21 ? i - 1 : i;
    out += s.slice(last, start) + s.slice(i + 1, b);
    last = p + 1;
    i = s.indexOf('[', last);
  }
  return last === 0 ? s : out + s.slice(last);
}

function withoutHtmlTags(s: string): string {
  const gt = new NextIndex(s, '>');
  let out = '';
  let last = 0;
  let i = s.indexOf('<');
  while (i >= 0) {
    const g = gt.next(i + 1);
    if (g < 0) break;
    if (g === i + 1) {
      i = s.indexOf('<', i + 1);
      continue;
    }
    out += s.slice(last, i);
    last = g + 1;
    i = s.indexOf('<', last);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Spans of inline code (`x`) and HTML comments, where brackets are not links. */
function inlineCodeAndComments(text: string, from: number): OffsetRange[] {
  const regions: OffsetRange[] = [];
  const n = text.length;
  // Every run of backticks, listed once, with the next run of the same width: a code span closes at the first run
  // as wide as its opener, so finding it is a look-up instead of a scan of the paragraph for each opener (which
  // was quadratic on a long paragraph of code spans, and worse with runs of many different widths).
  const runStart: number[] = [];
  const runWidth: number[] = [];
  for (let t = text.indexOf('`', from); t >= 0; ) {
    let run = t;
    while (run < n && text.charCodeAt(run) === 0x60) run++;
    runStart.push(t);
    runWidth.push(run - t);
    t = text.indexOf('`', run);
  }
  // Filled front to back by `push`: `new Array(n)` of a large n is a slow dictionary array in V8.
  const nextSameWidth: number[] = [];
  const lastOfWidth = new Map<number, number>();
  for (let k = 0; k < runStart.length; k++) {
    nextSameWidth.push(-1);
    const previous = lastOfWidth.get(runWidth[k]!);
    if (previous !== undefined) nextSameWidth[previous] = k;
    lastOfWidth.set(runWidth[k]!, k);
  }
  const paragraphs = new BlankLines(text);
  // The next comment is found once and reused until passed: searching for it from every backtick rescanned the
  // rest of a page with many code spans and no comment over and over.
  const comments = new NextIndex(text, '<!--');
  const commentEnds = new NextIndex(text, '-->');
  let p = from;
  let k = 0;
  while (p < n) {
    while (k < runStart.length && runStart[k]! < p) k++;
    const tick = k < runStart.length ? runStart[k]! : -1;
    const comment = comments.next(p);
    if (tick < 0 && comment < 0) break;
    if (comment >= 0 && (tick < 0 || comment < tick)) {
      const end = commentEnds.next(comment + 4);
      const stop = end < 0 ? n : end + 3;
      regions.push({ start: comment, end: stop });
      p = stop;
      continue;
    }
    const width = runWidth[k]!;
    const run = tick + width;
    if (width >= 3 && startsLine(text, tick)) {
      // A fence line: handled by the line scan.
      p = run;
      continue;
    }
    const paragraphEnd = paragraphs.next(run);
    const limit = paragraphEnd < 0 ? n : paragraphEnd;
    const closer = nextSameWidth[k]!;
    if (closer < 0 || runStart[closer]! >= limit) {
      p = run;
      continue;
    }
    regions.push({ start: tick, end: runStart[closer]! + width });
    p = runStart[closer]! + width;
  }
  return regions;
}

/** Whether only spaces and tabs stand between the start of the line and `at`. */
function startsLine(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) i--;
  return i === 0 || isLineEnd(text.charCodeAt(i - 1));
}

/** The link scan's memory of where things next occur, so every `](` costs the same whatever follows it. */
class DestinationScan {
  readonly gt: NextIndex;
  readonly paren: NextIndex;
  readonly braces: NextIndex;
  readonly doubleQuote: NextIndex;
  readonly singleQuote: NextIndex;
  readonly eol: LineEnds;

  constructor(readonly text: string) {
    this.gt = new NextIndex(text, '>');
    this.paren = new NextIndex(text, ')');
    this.braces = new NextIndex(text, '}}');
    this.doubleQuote = new NextIndex(text, '"');
    this.singleQuote = new NextIndex(text, "'");
    this.eol = new LineEnds(text);
  }
}

/** Finds `[text](dest)` and `![alt](dest)` outside the excluded regions. */
function scanInlineLinks(text: string, from: number, excluded: RegionSet, links: MarkdownLink[]): void {
  let p = from;
  const n = text.length;
  const brackets = new BracketMatcher(text, from);
  const scan = new DestinationScan(text);
  while (p < n) {
    const open = text.indexOf('](', p);
    if (open < 0) break;
    p = open + 2;
    if (excluded.has(open)) {
      const region = excluded.find(open)!;
      p = Math.max(p, region.end);
      continue;
    }
    const textStart = brackets.openerOf(open);
    if (textStart < 0) continue;
    const isImage = textStart > 0 && text[textStart - 1] === '!';
    const dest = readDestination(scan, open + 2);
    if (!dest) continue;
    links.push({
      kind: isImage ? 'image' : 'link',
      target: dest.target,
      targetRange: dest.range,
      text: text.slice(textStart + 1, open),
      range: { start: isImage ? textStart - 1 : textStart, end: dest.end },
      hasShortcode: dest.hasShortcode,
    });
    p = dest.end;
  }
}

/** How far back the `[` of a link text may lie: link texts are short, and a stray `]` must not look far. */
const MAX_LINK_TEXT = 2000;

/**
 * The `[` that opens the link text ending at a `]` (nested brackets balanced, `\[` and `\]` escaped, never across
 * an empty line, at most MAX_LINK_TEXT characters back). One forward pass with a stack of open brackets answers
 * for every `]` in order; looking back from each `]` instead cost up to MAX_LINK_TEXT steps per `](`.
 * The stack gives the same answer as that backward walk: the nearest `[` that no `]` in between closes.
 *
 * Only `[`, `]` and empty lines change the stack. In a text without `\r` (nearly every page) the pass jumps from one
 * to the next with `indexOf`, which searches far faster than a loop over every character: on the largest page of the
 * bench site the character loop was a fifth of a keystroke's parse. A text with `\r` is walked character by character
 * (its empty lines take three forms); `test/unit/parser/bracketMatcher.test.ts` compares the two on random texts.
 */
export class BracketMatcher {
  private readonly open: number[] = [];
  private at: number;
  /** Where the `[`s, the `]`s and the empty lines (`\n\n`) are, for a text the pass jumps through. */
  private readonly jumps: { readonly opens: NextIndex; readonly closes: NextIndex; readonly blanks: NextIndex } | undefined;

  constructor(
    private readonly text: string,
    private readonly from: number,
    /** Walk every character even without `\r` (the differential test's reference). */
    walk = false,
  ) {
    this.at = from;
    this.jumps = walk || text.includes('\r') ? undefined : { opens: new NextIndex(text, '['), closes: new NextIndex(text, ']'), blanks: new NextIndex(text, '\n\n') };
  }

  /** For `]` positions in increasing order; -1 when it closes no `[`. */
  openerOf(close: number): number {
    return this.jumps ? this.jumpTo(close, this.jumps) : this.walkTo(close);
  }

  private walkTo(close: number): number {
    const text = this.text;
    let result = -1;
    for (; this.at <= close; this.at++) {
      const i = this.at;
      const c = text.charCodeAt(i);
      if (isLineEnd(c)) {
        if (endsBlankLine(text, i)) this.open.length = 0;
      } else if (c === 0x5b || c === 0x5d) {
        result = this.bracket(i, c, close, result);
      }
    }
    return result;
  }

  private jumpTo(close: number, jumps: NonNullable<BracketMatcher['jumps']>): number {
    let result = -1;
    while (this.at <= close) {
      const at = this.at;
      // With `\n` the only line end, an empty line is `\n\n`; the stack empties at its second `\n` (`at` or later).
      const blank = jumps.blanks.next(at > 0 ? at - 1 : 0);
      const blankEnd = blank < 0 ? NONE : blank + 1;
      const i = Math.min(found(jumps.opens.next(at)), found(jumps.closes.next(at)), blankEnd);
      if (i > close) {
        this.at = close + 1;
        break;
      }
      if (i === blankEnd) this.open.length = 0;
      else result = this.bracket(i, this.text.charCodeAt(i), close, result);
      this.at = i + 1;
    }
    return result;
  }

  /** A `[` or `]` at `i`, met on the way to the `]` at `close`; returns the answer for `close` so far. */
  private bracket(i: number, c: number, close: number, result: number): number {
    const escaped = i > 0 && this.text.charCodeAt(i - 1) === 0x5c;
    if (c === 0x5b) {
      if (!escaped) this.open.push(i);
      return result;
    }
    if (!escaped) {
      const o = this.open.pop();
      return i === close ? this.within(o, close) : result;
    }
    // An escaped `\]` is no bracket for the `]`s after it, but the `](` it stands in still looks for its `[`.
    return i === close ? this.within(this.open[this.open.length - 1], close) : result;
  }

  private within(open: number | undefined, close: number): number {
    return open !== undefined && open >= this.from && close - open < MAX_LINK_TEXT ? open : -1;
  }
}

/** No further occurrence (larger than any offset). */
const NONE = Number.MAX_SAFE_INTEGER;

function found(index: number): number {
  return index < 0 ? NONE : index;
}

/** Parentheses nest this deep at most in a destination, as in markdown-it: each `](` after an unclosed one nests one more. */
const MAX_PAREN_DEPTH = 32;

function readDestination(scan: DestinationScan, p: number): { target: string; range: OffsetRange; end: number; hasShortcode: boolean } | undefined {
  const text = scan.text;
  const n = text.length;
  let q = p;
  while (q < n && (text[q] === ' ' || text[q] === '\t')) q++;
  if (text[q] === '<') {
    const close = scan.gt.next(q + 1);
    if (close < 0 || scan.eol.end(q) < close) return undefined;
    const end = scan.paren.next(close);
    if (end < 0) return undefined;
    return { target: text.slice(q + 1, close), range: { start: q + 1, end: close }, end: end + 1, hasShortcode: false };
  }
  const start = q;
  let depth = 0;
  let hasShortcode = false;
  while (q < n) {
    const c = text.charCodeAt(q);
    if (c === 0x7b && text.charCodeAt(q + 1) === 0x7b) {
      // A shortcode inside the destination: `({{< github_tree >}}/samples/httpbin)`.
      const close = scan.braces.next(q + 2);
      if (close < 0) return undefined;
      hasShortcode = true;
      q = close + 2;
      continue;
    }
    if (c === 0x5c) {
      q += 2; // a backslash escape
      continue;
    }
    if (c === 0x28) {
      if (++depth > MAX_PAREN_DEPTH) return undefined;
    } else if (c === 0x29) {
      if (depth === 0) break;
      depth--;
    } else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
    q++;
  }
  const targetEnd = q;
  // Optional title: "…", '…' or (…).
  while (q < n && (text[q] === ' ' || text[q] === '\t' || text[q] === '\n' || text[q] === '\r')) q++;
  if (text[q] === '"' || text[q] === "'") {
    const close = (text[q] === '"' ? scan.doubleQuote : scan.singleQuote).next(q + 1);
    if (close < 0) return undefined;
    q = close + 1;
    while (q < n && (text[q] === ' ' || text[q] === '\t')) q++;
  }
  if (text[q] !== ')') return undefined;
  return { target: text.slice(start, targetEnd), range: { start, end: targetEnd }, end: q + 1, hasShortcode };
}
