/**
 * Heading ids exactly as Hugo makes them: Goldmark's ATX heading parser with block attributes on
 * (`[markup.goldmark.parser.attribute] block = true`) and Hugo's `autoHeadingIDType = "github"` generator.
 * Every rule here was checked against Hugo 0.131 by test/hugo/headingIds.test.ts; the Go functions named in the
 * comments are the ones this mirrors (goldmark parser/atx_heading.go and parser/attribute.go, Hugo
 * markup/goldmark/autoid.go).
 */
import type { OffsetRange } from './offsetRange';

export interface HeadingContent {
  /** The heading's inline source, as Goldmark keeps it: closing `#`s and a valid attribute block removed. */
  readonly text: string;
  /** The id a valid attribute block sets (`{#id}`, `{.c #id}`, `{id="id"}`); the last one wins. */
  readonly explicitId: string | undefined;
  /** Span of the explicit id's value in `content`, when written as `#id`. */
  readonly idSpan: OffsetRange | undefined;
  /**
   * A trailing `{#…}` that Goldmark does not accept as attributes (`{#am-i-impacted?}`, `{#sidecar=mode}`): Hugo
   * prints it as text and the heading gets its automatic id. Span in `content`.
   */
  readonly literalAttributes: OffsetRange | undefined;
}

/** Go's util.IsSpace. */
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
/** Go's util.IsPunct: ASCII punctuation. */
const isPunct = (c: string): boolean => /^[!-/:-@[-`{-~]$/.test(c);
/** Characters of an id or class written as `#id` / `.class` (goldmark parseAttribute). */
const isIdChar = (c: string): boolean => !isSpace(c) && (!isPunct(c) || c === '_' || c === '-' || c === ':' || c === '.');

interface Attributes {
  /** Index just past the closing `}`. */
  readonly end: number;
  readonly id: string | undefined;
  readonly idSpan: OffsetRange | undefined;
}

/** The length of `s` without its trailing spaces and tabs. By hand: `/[ \t]+$/` backtracks over every run of blanks
 * that is not at the end, quadratic on a heading with a long run of spaces inside it. */
function trimmedEnd(s: string): number {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 0x20 || s.charCodeAt(e - 1) === 0x09)) e--;
  return e;
}

function skipSpaces(s: string, p: number): number {
  while (p < s.length && isSpace(s[p])) p++;
  return p;
}

/** goldmark ParseAttributes from `s[p] === '{'`: `undefined` when the block is not valid attribute syntax. */
function parseAttributes(s: string, p: number): Attributes | undefined {
  p = skipSpaces(s, p);
  if (s[p] !== '{') return undefined;
  p++;
  let id: string | undefined;
  let idSpan: OffsetRange | undefined;
  for (;;) {
    p = skipSpaces(s, p);
    if (p >= s.length) return undefined;
    if (s[p] === '}') return { end: p + 1, id, idSpan };
    const c = s[p]!;
    if (c === '#' || c === '.') {
      let q = p + 1;
      while (q < s.length && isIdChar(s[q]!)) q++;
      if (c === '#') {
        id = s.slice(p + 1, q);
        idSpan = { start: p + 1, end: q };
      }
      p = q;
    } else {
      const name = /^[A-Za-z_:][A-Za-z0-9_.:-]*/.exec(s.slice(p, p + 256));
      if (!name) return undefined;
      p = skipSpaces(s, p + name[0].length);
      if (s[p] !== '=') return undefined;
      p = skipSpaces(s, p + 1);
      const value = readValue(s, p);
      if (!value) return undefined;
      if (name[0] === 'id') {
        id = value.text;
        idSpan = undefined;
      }
      p = value.end;
    }
    p = skipSpaces(s, p);
    if (s[p] === ',') p++;
  }
}

/** An attribute value: a quoted string (with `\` escapes) or a bare word, number or boolean. */
function readValue(s: string, p: number): { text: string; end: number } | undefined {
  if (s[p] === '"') {
    let q = p + 1;
    let text = '';
    while (q < s.length && s[q] !== '"') {
      if (s[q] === '\\' && q + 1 < s.length) q++;
      text += s[q];
      q++;
    }
    return q < s.length ? { text, end: q + 1 } : undefined;
  }
  let q = p;
  while (q < s.length && /[A-Za-z0-9._:#-]/.test(s[q]!)) q++;
  return q > p ? { text: s.slice(p, q), end: q } : undefined;
}

/**
 * Splits an ATX heading's content (the text after the opening `#`s and their spaces, up to the line end) as
 * Goldmark does: a closing sequence followed by attributes (`## T ## {#x}`), else the closing sequence removed and
 * the LAST `{` of what remains tried as an attribute block (goldmark parseLastLineAttributes).
 */
export function splitHeading(content: string): HeadingContent {
  const stop = trimmedEnd(content);
  // `## Title ## {#id}`: a space, a run of #s, then attributes (Goldmark checks this form first).
  for (let j = 0; j < stop; j++) {
    if (content[j] === '\\' && j + 1 < stop && isPunct(content[j + 1]!)) {
      j++;
      continue;
    }
    if (isSpace(content[j]) && content[j + 1] === '#') {
      let k = j + 1;
      while (k < stop && content[k] === '#') k++;
      const attrs = parseAttributes(content, k);
      if (attrs && content.slice(attrs.end, stop).trim() === '') {
        return { text: content.slice(0, j), explicitId: attrs.id, idSpan: attrs.idSpan, literalAttributes: undefined };
      }
      break;
    }
  }
  // The closing sequence: #s at the end, preceded by a space (or making up the whole content).
  let end = stop;
  let i = stop - 1;
  while (i >= 0 && content[i] === '#') i--;
  if (i !== stop - 1 && (i < 0 || isSpace(content[i]))) end = i + 1;
  const text = content.slice(0, end);
  // The last `{` decides, whether or not it parses (each one tried overwrites the previous result).
  let last = -1;
  for (let j = 0; j < text.length; j++) {
    if (text[j] === '\\') {
      if (text[j + 1] === '{') j++;
      continue;
    }
    if (text[j] === '{') last = j;
  }
  if (last >= 0) {
    const attrs = parseAttributes(text, last);
    if (attrs && text.slice(attrs.end).trim() === '') {
      return { text: text.slice(0, last), explicitId: attrs.id, idSpan: attrs.idSpan, literalAttributes: undefined };
    }
    // Not attributes, or attributes with text after them: printed as written, the id never applied.
    if (/^\{[ \t]*#/.test(text.slice(last))) {
      return { text, explicitId: undefined, idSpan: undefined, literalAttributes: { start: last, end: trimmedEnd(text) } };
    }
  }
  return { text, explicitId: undefined, idSpan: undefined, literalAttributes: undefined };
}

/**
 * Hugo's `github` auto id of a heading's inline SOURCE (not its rendered text: `[a link](/docs/x/)` gives
 * `a-linkdocsx`): trimmed; letters and decimal digits lower-cased, `_` kept, `-` and white space become `-`,
 * everything else dropped; an empty result is `heading`.
 */
export function githubId(source: string): string {
  let out = '';
  for (const ch of source.trim()) {
    if (ch === '-' || /\s/u.test(ch)) out += '-';
    else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) {
      const lower = ch.toLowerCase();
      // Go lowers one rune to one rune; JavaScript may return two for a few letters (İ).
      out += [...lower].length === 1 ? lower : ch;
    }
  }
  return out === '' ? 'heading' : out;
}

/**
 * Hugo's id factory for one page: explicit ids are taken as written; an automatic id already in use gets the first
 * free `-1`, `-2`… suffix.
 */
export class HeadingIds {
  private readonly used = new Set<string>();
  /** Per base id, the suffix to try next: suffixes below it are taken for good (ids are never released), so a page of
   * 100,000 equal headings costs linear time, not a scan from `-1` for each. */
  private readonly nextSuffix = new Map<string, number>();

  explicit(id: string): string {
    this.used.add(id);
    return id;
  }

  automatic(base: string): string {
    let id = base;
    if (this.used.has(id)) {
      let i = this.nextSuffix.get(base) ?? 1;
      while (this.used.has(`${base}-${i}`)) i++;
      id = `${base}-${i}`;
      this.nextSuffix.set(base, i + 1);
    }
    this.used.add(id);
    return id;
  }
}

/** A valid id for what an author wrote in an unparsed `{#…}`: the characters Goldmark refuses become `-`. */
export function validId(written: string): string {
  return [...written]
    .map((c) => (isIdChar(c) ? c : '-'))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}
