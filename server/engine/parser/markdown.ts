import { githubId, HeadingIds, splitHeading } from './headingIds';
import { RegionSet, type OffsetRange } from './offsetRange';

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

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
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
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const skipped = skip.find(lineStart);
    if (skipped) {
      // Jump to the first line that starts after the skipped region.
      const next = text.indexOf('\n', Math.max(skipped.end - 1, lineStart));
      lineStart = next < 0 ? n : next + 1;
      continue;
    }
    // Block syntax shows in the first character after at most three spaces; most lines are paragraphs and are
    // passed over without being sliced or matched.
    let i = lineStart;
    while (i < lineStart + 3 && text.charCodeAt(i) === 32) i++;
    const code = i < lineEnd ? text.charCodeAt(i) : -1;
    if (code !== 0x60 && code !== 0x7e && code !== 0x23 && code !== 0x5b) {
      lineStart = lineEnd + 1;
      continue;
    }
    const first = String.fromCharCode(code);
    const line = text.charCodeAt(lineEnd - 1) === 13 ? text.slice(lineStart, lineEnd - 1) : text.slice(lineStart, lineEnd);
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
      const h = first === '#' ? HEADING.exec(line) : null;
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
    lineStart = lineEnd + 1;
  }
  // `n + 1`: a cursor at the very end of an unclosed block is still in it.
  if (fence) codeRegions.push({ start: fenceStart, end: n + 1 });

  const excluded = new RegionSet([...skip.all, ...codeRegions, ...inlineCodeAndComments(text, from)]);
  scanInlineLinks(text, from, excluded, links);
  return { headings, links, fences: new RegionSet(codeRegions) };
}

function makeHeading(h: RegExpExecArray, line: string, lineStart: number, ids: HeadingIds): Heading {
  const raw = h[2] ?? '';
  // Where the content starts in the line (after the #s and their spaces).
  const contentAt = raw === '' ? line.length : line.indexOf(raw, h[1]!.length + line.indexOf('#'));
  const parts = splitHeading(raw);
  const at = (r: OffsetRange): OffsetRange => ({ start: lineStart + contentAt + r.start, end: lineStart + contentAt + r.end });
  const explicit = parts.explicitId !== undefined;
  return {
    level: h[1]!.length,
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
  return markdown
    .replace(/\{\{<\s*istioctl\s*>\}\}/g, 'istioctl')
    .replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|\b_|_\b|~~)/g, '');
}

/** Spans of inline code (`x`) and HTML comments, where brackets are not links. */
function inlineCodeAndComments(text: string, from: number): OffsetRange[] {
  const regions: OffsetRange[] = [];
  const n = text.length;
  let p = from;
  // The next comment is found once and reused until passed: searching for it from every backtick rescanned the
  // rest of a page with many code spans and no comment over and over.
  let comment = text.indexOf('<!--', p);
  while (p < n) {
    const tick = text.indexOf('`', p);
    if (comment >= 0 && comment < p) comment = text.indexOf('<!--', p);
    if (tick < 0 && comment < 0) break;
    if (comment >= 0 && (tick < 0 || comment < tick)) {
      const end = text.indexOf('-->', comment + 4);
      const stop = end < 0 ? n : end + 3;
      regions.push({ start: comment, end: stop });
      p = stop;
      continue;
    }
    let run = tick;
    while (run < n && text[run] === '`') run++;
    const width = run - tick;
    if (width >= 3 && (tick === 0 || text[tick - 1] === '\n' || /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', tick) + 1, tick)))) {
      // A fence line: handled by the line scan.
      p = run;
      continue;
    }
    const closer = findClosingTicks(text, run, width);
    if (closer < 0) {
      p = run;
      continue;
    }
    regions.push({ start: tick, end: closer + width });
    p = closer + width;
  }
  return regions;
}

function findClosingTicks(text: string, p: number, width: number): number {
  const paragraphEnd = text.indexOf('\n\n', p);
  const limit = paragraphEnd < 0 ? text.length : paragraphEnd;
  while (p < limit) {
    const t = text.indexOf('`', p);
    if (t < 0 || t >= limit) return -1;
    let run = t;
    while (run < text.length && text[run] === '`') run++;
    if (run - t === width) return t;
    p = run;
  }
  return -1;
}

/** Finds `[text](dest)` and `![alt](dest)` outside the excluded regions. */
function scanInlineLinks(text: string, from: number, excluded: RegionSet, links: MarkdownLink[]): void {
  let p = from;
  const n = text.length;
  while (p < n) {
    const open = text.indexOf('](', p);
    if (open < 0) break;
    p = open + 2;
    if (excluded.has(open)) {
      const region = excluded.find(open)!;
      p = Math.max(p, region.end);
      continue;
    }
    const textStart = findLinkTextStart(text, open, from);
    if (textStart < 0) continue;
    const isImage = textStart > 0 && text[textStart - 1] === '!';
    const dest = readDestination(text, open + 2);
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

/** The `[` that opens the link text ending at `close` (handles nested brackets, stays in the paragraph). */
function findLinkTextStart(text: string, close: number, from: number): number {
  let depth = 0;
  for (let i = close - 1; i >= from && close - i < 2000; i--) {
    const ch = text[i];
    if (ch === '\n' && text[i - 1] === '\n') return -1;
    if (ch === ']' && text[i - 1] !== '\\') depth++;
    else if (ch === '[' && text[i - 1] !== '\\') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function readDestination(text: string, p: number): { target: string; range: OffsetRange; end: number; hasShortcode: boolean } | undefined {
  const n = text.length;
  let q = p;
  while (q < n && (text[q] === ' ' || text[q] === '\t')) q++;
  if (text[q] === '<') {
    const close = text.indexOf('>', q + 1);
    if (close < 0 || text.slice(q, close).includes('\n')) return undefined;
    const end = text.indexOf(')', close);
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
      const close = text.indexOf('}}', q + 2);
      if (close < 0) return undefined;
      hasShortcode = true;
      q = close + 2;
      continue;
    }
    if (c === 0x5c) {
      q += 2; // a backslash escape
      continue;
    }
    if (c === 0x28) depth++;
    else if (c === 0x29) {
      if (depth === 0) break;
      depth--;
    } else if (c === 0x20 || c === 0x09 || c === 0x0a) break;
    q++;
  }
  const targetEnd = q;
  // Optional title: "…", '…' or (…).
  while (q < n && (text[q] === ' ' || text[q] === '\t' || text[q] === '\n')) q++;
  if (text[q] === '"' || text[q] === "'") {
    const quote = text[q]!;
    const close = text.indexOf(quote, q + 1);
    if (close < 0) return undefined;
    q = close + 1;
    while (q < n && (text[q] === ' ' || text[q] === '\t')) q++;
  }
  if (text[q] !== ')') return undefined;
  return { target: text.slice(start, targetEnd), range: { start, end: targetEnd }, end: q + 1, hasShortcode };
}
