/**
 * Building blocks that keep the scanners linear in their input. A scanner that calls `text.indexOf(x, p)` once for
 * every candidate it meets rescans the rest of the text each time when `x` is absent (`[a](` repeated: every `](`
 * looked for a `)` to the end of the page), which is quadratic; these helpers remember the answer instead.
 */

/** How many of the ascending `sorted` are below `value`: the index of the first one at or above it (binary search). */
export function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Where a pattern next occurs, for scanners that ask again and again: every occurrence found is remembered, so the
 * text is searched once in all, however many times and in whatever order it is asked. `indexOf` from each candidate
 * instead rescans the rest of the text whenever the pattern is absent.
 */
abstract class Occurrences {
  /** Every occurrence that starts before `scanned`, in order. */
  private readonly found: number[] = [];
  private scanned = 0;
  private exhausted = false;
  /** The index in `found` of the last answer: scans ask in increasing order, and mostly get the same or the next. */
  private hint = 0;

  constructor(protected readonly text: string) {}

  /** The first occurrence at or after `from`, or -1 (the same answer as `indexOf`). */
  next(from: number): number {
    const found = this.found;
    while (!this.exhausted && (found.length === 0 || found[found.length - 1]! < from)) {
      const at = this.search(this.scanned);
      if (at < 0) this.exhausted = true;
      else {
        found.push(at);
        this.scanned = at + 1;
      }
    }
    if (this.answers(this.hint, from)) return found[this.hint]!;
    if (this.answers(this.hint + 1, from)) return found[++this.hint]!;
    const low = countBelow(found, from);
    if (low >= found.length) return -1;
    this.hint = low;
    return found[low]!;
  }

  private answers(k: number, from: number): boolean {
    const found = this.found;
    return k < found.length && found[k]! >= from && (k === 0 || found[k - 1]! < from);
  }

  /** The first occurrence at or after `from` in the text, or -1. */
  protected abstract search(from: number): number;
}

/** `text.indexOf(needle, from)`, remembered. */
export class NextIndex extends Occurrences {
  constructor(
    text: string,
    private readonly needle: string,
  ) {
    super(text);
  }

  protected search(from: number): number {
    return this.text.indexOf(this.needle, from);
  }
}

/** Where the first match of a global regular expression (one without nested quantifiers) at or after `from` starts. */
export class NextMatch extends Occurrences {
  constructor(
    text: string,
    private readonly re: RegExp,
  ) {
    super(text);
    if (!re.global) throw new Error('NextMatch needs a global regular expression');
  }

  protected search(from: number): number {
    this.re.lastIndex = from;
    return this.re.exec(this.text)?.index ?? -1;
  }
}

/** LSP's line ends: `\n`, `\r\n` and a lone `\r` (a file saved with classic Mac line ends). */
export function isLineEnd(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/**
 * Line ends of a text as LSP counts them (`\n`, `\r\n`, a lone `\r`), found by a forward scan in linear time.
 * `end(p)` is where the line holding `p` ends (its first line-end character, or the text's length); `after(end)`
 * is where the next line starts.
 */
export class LineEnds {
  private readonly lf: NextIndex;
  private readonly cr: NextIndex | undefined;

  constructor(private readonly text: string) {
    this.lf = new NextIndex(text, '\n');
    // Most texts have no `\r` at all: one search tells, and then only `\n` is looked for.
    this.cr = text.includes('\r') ? new NextIndex(text, '\r') : undefined;
  }

  end(from: number): number {
    const n = this.text.length;
    const lf = this.lf.next(from);
    const cr = this.cr ? this.cr.next(from) : -1;
    if (lf < 0) return cr < 0 ? n : cr;
    return cr < 0 || lf < cr ? lf : cr;
  }

  after(end: number): number {
    if (end >= this.text.length) return this.text.length;
    return this.text.charCodeAt(end) === 0x0d && this.text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
  }
}

/**
 * An empty line: two line ends in a row (`\n\n`, `\r\n\r\n`, `\r\r`…). `next(p)` is where the first of the two
 * starts, or -1. Paragraphs end there: inline code and link text never run past one.
 */
export class BlankLines {
  private readonly match: NextMatch;

  constructor(text: string) {
    this.match = new NextMatch(text, /(?:\r\n|\r(?!\n)|\n)(?:\r\n|\r(?!\n)|\n)/g);
  }

  next(from: number): number {
    return this.match.next(from);
  }
}

/** Whether `text[i]` starts the second line end of an empty line (the scan backwards meets a paragraph break). */
export function endsBlankLine(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x0a) {
    // The `\n` of a `\r\n` belongs to the line end starting at the `\r`.
    const before = text.charCodeAt(i - 1) === 0x0d ? i - 2 : i - 1;
    return before >= 0 && isLineEnd(text.charCodeAt(before));
  }
  return c === 0x0d && i > 0 && isLineEnd(text.charCodeAt(i - 1));
}

/** Every line start of `text` (0 first), with LSP's line ends. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** `s` without the spaces and tabs at its end (`trimEnd` would also take other white space). */
export function trimEndBlanks(s: string): string {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 0x20 || s.charCodeAt(e - 1) === 0x09)) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** `s` without the spaces and tabs at its start. */
export function trimStartBlanks(s: string): string {
  let b = 0;
  while (b < s.length && (s.charCodeAt(b) === 0x20 || s.charCodeAt(b) === 0x09)) b++;
  return b === 0 ? s : s.slice(b);
}

/** The line holding `offset`: where it starts and where it ends (at its line end, or the text's end). */
export function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const lf = text.indexOf('\n', offset);
  const cr = text.indexOf('\r', offset);
  const end = lf < 0 ? (cr < 0 ? text.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
  return { start, end };
}
