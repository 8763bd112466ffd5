import { lastStartingAtOrBefore, type OffsetRange } from './offsetRange';
import { NextIndex, NextMatch } from './textScan';

/** One parameter of a shortcode tag: named (`link="./a.png"`) or positional (`bash`, `"alpha"`). */
export interface ShortcodeParam {
  /** The parameter name for `name=value`; undefined for a positional parameter. */
  readonly name: string | undefined;
  readonly nameRange: OffsetRange | undefined;
  /** Position among the positional parameters (0-based); -1 for a named one. */
  readonly index: number;
  /** The value with quotes removed and `\"` unescaped. */
  readonly value: string;
  /** The span of the value as written, quotes included. */
  readonly valueRange: OffsetRange;
  /** The span of the value without its quotes. */
  readonly innerRange: OffsetRange;
  readonly quote: '"' | '`' | undefined;
  /** A quoted value whose closing quote is missing. */
  readonly unterminated: boolean;
}

/** A shortcode tag: `{{< name params >}}`, `{{% name %}}` or a closing `{{< /name >}}`. */
export interface ShortcodeTag {
  readonly kind: 'open' | 'close';
  readonly name: string;
  readonly nameRange: OffsetRange;
  readonly delimiter: '<' | '%';
  /** From the first `{` to the last `}` (or to where the tag stops, when unterminated). */
  readonly range: OffsetRange;
  readonly params: readonly ShortcodeParam[];
  /** `{{< name />}}`. */
  readonly selfClosing: boolean;
  /** No `>}}` before the next tag or the end of the file. */
  readonly unterminated: boolean;
}

export type ShortcodeProblemCode =
  | 'shortcode.unterminated'
  | 'shortcode.missing-name'
  | 'shortcode.malformed-delimiter'
  | 'shortcode.unterminated-string'
  | 'shortcode.unterminated-comment';

export interface ShortcodeProblem {
  readonly code: ShortcodeProblemCode;
  readonly message: string;
  readonly range: OffsetRange;
  /** The obvious repair, when there is one: `newText` replaces `range`. */
  readonly fix?: { readonly title: string; readonly range: OffsetRange; readonly newText: string };
}

export interface ShortcodeScan {
  readonly tags: readonly ShortcodeTag[];
  // Escaped examples ({{</* … */>}}): literal text, not shortcodes.
  readonly escaped: readonly OffsetRange[];
  readonly problems: readonly ShortcodeProblem[];
}

const NAME = /[A-Za-z_][\w-]*(?:\/[A-Za-z_][\w-]*)*/y;
const TAG_START = /\{\{[<%]/g;
/**
 * `{< image … >}}`: a single opening brace, which Hugo prints as literal text (zh blog/2018/aws-nlb), on one line or
 * with its parameters on the next ones (`{< image width="60%"` then `link=…` lines, then `>}}`), up to a blank line.
 * No two quantifiers may take the same characters: `\s*\/?\s*` and `[\w-]*[^\n{}]*?` (as this was written first)
 * backtracked quadratically over a long run of spaces or of letters. Each attempt stops at the next `{` or `}`, so the
 * attempts from successive `{<` never cover the same text.
 */
const SINGLE_BRACE_AT = /\{<\s*(?:\/\s*)?[A-Za-z_][\w-]*(?![\w-])(?:[^\n{}]|\n(?![ \t]*\r?\n))*?>\}\}/y;
/** `{{{< image … >}}`: a stray brace before a valid tag, printed as a literal `{`. */
const TRIPLE_BRACE = /\{\{\{[<%]/g;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Finds every shortcode tag in `text` (frontmatter excluded by the caller passing `from`).
 * Linear in the text size; never throws. Shortcodes inside `{{< text >}}` bodies are included:
 * Hugo processes them too.
 */
export function scanShortcodes(text: string, from = 0): ShortcodeScan {
  const tags: ShortcodeTag[] = [];
  const escaped: OffsetRange[] = [];
  const problems: ShortcodeProblem[] = [];
  const ends = new TagEnds(text);

  TAG_START.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TAG_START.exec(text))) {
    const start = m.index;
    const delimiter = text[start + 2] as '<' | '%';
    const close = delimiter === '<' ? '>}}' : '%}}';
    let p = skipSpace(text, start + 3);

    if (text.startsWith('/*', p)) {
      const end = ends.commentEnd(p + 2, close);
      if (end < 0) {
        problems.push({
          code: 'shortcode.unterminated-comment',
          message: `This escaped shortcode example is never closed with \`*/${close}\`.`,
          range: { start, end: Math.min(text.length, start + 3) },
        });
        TAG_START.lastIndex = start + 3;
      } else {
        escaped.push({ start, end });
        TAG_START.lastIndex = end;
      }
      continue;
    }

    let kind: 'open' | 'close' = 'open';
    if (text[p] === '/') {
      kind = 'close';
      p = skipSpace(text, p + 1);
    }
    NAME.lastIndex = p;
    const nm = NAME.exec(text);
    if (!nm) {
      const stop = ends.tagEnd(p, close);
      problems.push({
        code: 'shortcode.missing-name',
        message: 'A shortcode tag needs a name right after `{{<`.',
        range: { start, end: stop.end },
      });
      TAG_START.lastIndex = Math.max(stop.end, start + 3);
      continue;
    }
    const name = nm[0];
    const nameRange = { start: p, end: p + name.length };
    p = nameRange.end;

    const parsed = parseParams(text, p, close, problems, ends);
    const tag: ShortcodeTag = {
      kind,
      name,
      nameRange,
      delimiter,
      range: { start, end: parsed.end },
      params: parsed.params,
      selfClosing: parsed.selfClosing,
      unterminated: parsed.unterminated,
    };
    tags.push(tag);
    if (parsed.unterminated) {
      problems.push({
        code: 'shortcode.unterminated',
        message: `The shortcode tag \`${name}\` is not closed with \`${close}\`.`,
        range: { start, end: nameRange.end },
      });
    } else if (parsed.badClose) {
      problems.push({
        code: 'shortcode.malformed-delimiter',
        message: `The shortcode tag \`${name}\` ends with \`${close.slice(0, 2)}\` instead of \`${close}\`.`,
        range: parsed.badClose,
        fix: { title: `Write \`${close}\``, range: parsed.badClose, newText: close },
      });
    }
    TAG_START.lastIndex = Math.max(parsed.end, start + 3);
  }

  findMalformedOpeners(text, from, problems);
  return { tags, escaped, problems };
}

function findMalformedOpeners(text: string, from: number, problems: ShortcodeProblem[]): void {
  // Same matches as the regex `(^|[^{])(\{<…)…>\}\}` run from `from`, found by indexOf: the regex alone tried
  // every position of the text. A `{<` qualifies when it starts the text, or when the character before it is not
  // `{` and lies at or after the search position.
  let searchFrom = from;
  let at = text.indexOf('{<', from);
  while (at >= 0) {
    const qualifies = at === 0 ? searchFrom === 0 : at - 1 >= searchFrom && text.charCodeAt(at - 1) !== 0x7b;
    let m: RegExpExecArray | null = null;
    if (qualifies) {
      SINGLE_BRACE_AT.lastIndex = at;
      m = SINGLE_BRACE_AT.exec(text);
    }
    if (m) {
      const end = at + m[0].length;
      problems.push({
        code: 'shortcode.malformed-delimiter',
        message: 'This tag starts with `{<` instead of `{{<`: Hugo prints it as plain text.',
        range: { start: at, end },
        fix: { title: 'Write `{{<`', range: { start: at, end: at }, newText: '{' },
      });
      searchFrom = end;
      at = text.indexOf('{<', searchFrom);
    } else {
      at = text.indexOf('{<', at + 1);
    }
  }
  let m: RegExpExecArray | null;
  TRIPLE_BRACE.lastIndex = from;
  while ((m = TRIPLE_BRACE.exec(text))) {
    problems.push({
      code: 'shortcode.malformed-delimiter',
      message: 'A stray `{` before this shortcode is printed as plain text.',
      range: { start: m.index, end: m.index + 1 },
      fix: { title: 'Remove the stray `{`', range: { start: m.index, end: m.index + 1 }, newText: '' },
    });
  }
}

interface ProblemSink {
  push(problem: ShortcodeProblem): void;
}

interface ParamParse {
  params: ShortcodeParam[];
  end: number;
  selfClosing: boolean;
  unterminated: boolean;
  badClose: OffsetRange | undefined;
}

function parseParams(text: string, p: number, close: string, allProblems: ShortcodeProblem[], ends: TagEnds): ParamParse {
  const params: ShortcodeParam[] = [];
  // Hugo stops at a tag's first bad value; what follows a missing quote is not worth a finding of its own.
  const problems: ProblemSink = {
    push(problem) {
      if (!reported) allProblems.push(problem);
      reported = true;
    },
  };
  let reported = false;
  let positional = 0;
  const n = text.length;
  for (;;) {
    p = skipSpace(text, p);
    if (p >= n) return { params, end: n, selfClosing: false, unterminated: true, badClose: undefined };
    if (text.startsWith(close, p)) return { params, end: p + 3, selfClosing: false, unterminated: false, badClose: undefined };
    if (text[p] === '/') {
      const q = skipSpace(text, p + 1);
      if (text.startsWith(close, q)) return { params, end: q + 3, selfClosing: true, unterminated: false, badClose: undefined };
    }
    if (text.startsWith('{{', p)) {
      // The next tag starts before this one ended.
      return { params, end: p, selfClosing: false, unterminated: true, badClose: undefined };
    }
    if (text[p] === close[0] && text[p + 1] === '}') {
      // `>}` with a single brace: treat as the end, report the bad delimiter.
      return { params, end: p + 2, selfClosing: false, unterminated: false, badClose: { start: p, end: p + 2 } };
    }
    if (text[p] === '=') {
      // `{{< gloss="cni" >}}`: Hugo ignores the `=` and reads "cni" as positional.
      p++;
      continue;
    }

    const first = readValue(text, p, close, problems, ends);
    let q = first.end;
    if (first.quote === undefined && text[q] === '=') {
      const valueStart = skipSpace(text, q + 1);
      const value = readValue(text, valueStart, close, problems, ends);
      params.push({
        name: first.value,
        nameRange: { start: p, end: first.end },
        index: -1,
        value: value.value,
        valueRange: { start: valueStart, end: value.end },
        innerRange: value.inner,
        quote: value.quote,
        unterminated: value.unterminated,
      });
      q = value.end;
    } else {
      params.push({
        name: undefined,
        nameRange: undefined,
        index: positional++,
        value: first.value,
        valueRange: { start: p, end: first.end },
        innerRange: first.inner,
        quote: first.quote,
        unterminated: first.unterminated,
      });
    }
    if (q <= p) q = p + 1; // always make progress
    p = q;
  }
}

interface ValueRead {
  value: string;
  end: number;
  inner: OffsetRange;
  quote: '"' | '`' | undefined;
  unterminated: boolean;
}

function readValue(text: string, p: number, close: string, problems: ProblemSink, ends: TagEnds): ValueRead {
  const c = text[p];
  if (c === '"' || c === '`') {
    // As Hugo's lexer reads it: a "…" value runs to its closing quote (`\"` escapes one) and may not cross a line end;
    // a `…` value runs to its closing backtick, lines included. Anything in between is text, `>}}` and `{{< … >}}`
    // too (revision-tags-prologue.md's caption holds `{{< istio_full_version_revision >}}`, which Hugo prints as is).
    const q = c === '"' ? ends.closingQuote(p + 1) : ends.closingBacktick(p + 1);
    if (q >= 0) {
      const raw = text.slice(p + 1, q);
      return { value: c === '"' ? raw.replace(/\\"/g, '"') : raw, end: q + 1, inner: { start: p + 1, end: q }, quote: c, unterminated: false };
    }
    // No closing quote: Hugo fails here. The value is taken to end where the tag or the next one starts (or the line,
    // for "…"), so that the tag's own end is still found and one missing quote is one finding.
    const stop = ends.valueStop(p + 1, close, c === '"');
    const value = text.slice(p + 1, stop);
    problems.push({
      code: 'shortcode.unterminated-string',
      message: `This value has no closing \`${c}\`.`,
      range: { start: p, end: stop },
    });
    return { value: c === '"' ? value.replace(/\\"/g, '"') : value, end: stop, inner: { start: p + 1, end: stop }, quote: c, unterminated: true };
  }
  let q = p;
  while (q < text.length) {
    const code = text.charCodeAt(q);
    if (isSpace(code) || text[q] === '=' || text[q] === '"' || text.startsWith(close, q) || text.startsWith('{{', q)) break;
    if (text[q] === '/' && text.startsWith(close, skipSpace(text, q + 1))) break;
    q++;
  }
  return { value: text.slice(p, q), end: q, inner: { start: p, end: q }, quote: undefined, unterminated: false };
}

function skipSpace(text: string, p: number): number {
  while (p < text.length && isSpace(text.charCodeAt(p))) p++;
  return p;
}

// Where escaped examples and broken tags end. Every `{{</*` and every tag without a name used to search the rest of
// the text for its end, so a page of `{{</*` with no `*/>}}` (or of `{{<`) was scanned once per opener; the next
// occurrences are remembered instead.
const COMMENT_END_ANGLE = /\*\/[ \t\n\r]*>\}\}/g;
const COMMENT_END_PERCENT = /\*\/[ \t\n\r]*%\}\}/g;

class TagEnds {
  private readonly text: string;
  private readonly comment = new Map<string, NextMatch>();
  private readonly closer = new Map<string, NextIndex>();
  private readonly open: NextIndex;

  private readonly quote: NextIndex;
  private readonly backtick: NextIndex;
  private readonly lineEnd: NextIndex;

  constructor(text: string) {
    this.text = text;
    this.open = new NextIndex(text, '{{');
    this.quote = new NextIndex(text, '"');
    this.backtick = new NextIndex(text, '`');
    this.lineEnd = new NextIndex(text, '\n');
  }

  /** The `"` that closes a value opened before `p` (one after a backslash is escaped), or -1 when a line end comes first. */
  closingQuote(p: number): number {
    const line = this.lineEnd.next(p);
    for (let q = this.quote.next(p); q >= 0 && (line < 0 || q < line); q = this.quote.next(q + 1)) {
      if (this.text.charCodeAt(q - 1) !== 0x5c) return q;
    }
    return -1;
  }

  /** The backtick that closes a raw value opened before `p`, or -1. */
  closingBacktick(p: number): number {
    return this.backtick.next(p);
  }

  /** Where a value without its closing quote is taken to end: at the tag's end, the next tag, or (for `"`) the line end. */
  valueStop(p: number, close: string, atLineEnd: boolean): number {
    let stop = this.text.length;
    for (const at of [this.closerAt(p, close), this.open.next(p), atLineEnd ? this.lineEnd.next(p) : -1]) if (at >= 0 && at < stop) stop = at;
    return stop;
  }

  private closerAt(p: number, close: string): number {
    let closer = this.closer.get(close);
    if (!closer) {
      closer = new NextIndex(this.text, close);
      this.closer.set(close, closer);
    }
    return closer.next(p);
  }

  // The end of the first `*/ >}}` (spaces allowed before the closer) at or after `p`, or -1.
  commentEnd(p: number, close: string): number {
    // `close` is `>}}` or `%}}`; the pattern has no nested quantifier, so each attempt costs the spaces it crosses.
    let finder = this.comment.get(close);
    if (!finder) {
      finder = new NextMatch(this.text, close === '>}}' ? COMMENT_END_ANGLE : COMMENT_END_PERCENT);
      this.comment.set(close, finder);
    }
    const star = finder.next(p);
    return star < 0 ? -1 : skipSpace(this.text, star + 2) + 3;
  }

  /** Where a tag without a name stops: after its closer, or at the next tag, whichever comes first. */
  tagEnd(p: number, close: string): { end: number } {
    const nextClose = this.closerAt(p, close);
    const nextOpen = this.open.next(p);
    if (nextClose >= 0 && (nextOpen < 0 || nextClose < nextOpen)) return { end: nextClose + 3 };
    return { end: nextOpen >= 0 ? nextOpen : Math.min(this.text.length, p + 1) };
  }
}

/**
 * The tag whose text holds `offset`, its end excluded (the shortcode features' `tagAt` includes it, for a cursor right
 * after `>}}`): the last tag starting at or before `offset`, by binary search, since `scanShortcodes` hands its tags
 * over in document order and never overlapping (each scan resumes at the end of the tag before). For rules that ask
 * once per match of a pattern: going through every tag each time made a page of such matches quadratic.
 */
export function tagHolding(tags: readonly ShortcodeTag[], offset: number): ShortcodeTag | undefined {
  const last = lastStartingAtOrBefore(tags, offset, (t) => t.range.start);
  return last && offset < last.range.end ? last : undefined;
}
