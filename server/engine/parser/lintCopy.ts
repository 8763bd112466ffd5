/**
 * The page as istio.io's `scripts/lint_site.sh` hands it to `mdspell`, `mdl` and its grep rules: the script copies
 * `content/<lang>` and runs `sed -E` edits on every `.md`, line by line, in the order of `LINT_SEDS` below:
 * `{{< text …>}}` → ```` ```plain ````, `{{< mermaid …>}}` → ```` ```mermaid ````, `{{< /text …>}}` and
 * `{{< /mermaid …>}}` → ```` ``` ````, `url="…"` → `URL`, `link="…"` → `LINK`, and a heading's `{#anchor}` removed (on
 * any line starting with `#`, code or not).
 *
 * Every `.*` is greedy: `{{< text` runs to the last `>}}` of the line and `url="` to its last `"`. A line never gains
 * or loses a line break, so a position in the copy maps back to the same line of the page.
 */

export interface LintCopy {
  /** The edited page, with exactly the page's lines. */
  readonly text: string;
  /** An offset in the copy → the offset in the page (a position inside replaced text → where the replacement starts). */
  toOriginal(offset: number): number;
}

interface Sed {
  readonly pattern: RegExp;
  /** `$1` in the replacement is the first group, as `\1` in sed. */
  readonly replacement: string;
  /**
   * The text the pattern's `.*` must find after `open` for any match. When it is not on the line after the first
   * `open`, no match exists, and the line is passed over: the regular expression would otherwise retry from every
   * later `open` (or every backtracking position) and take quadratic time on a line of openers with no closer.
   */
  readonly open: string;
  readonly close: string;
}

// Each pattern is the script's, in JavaScript syntax; with one greedy `.*` JavaScript's backtracking picks the same
// match as sed's leftmost-longest rule.
export const LINT_SEDS: readonly Sed[] = [
  { pattern: /\{\{< text .*>\}\}/g, replacement: '```plain', open: '{{< text ', close: '>}}' },
  { pattern: /\{\{< mermaid .*>\}\}/g, replacement: '```mermaid', open: '{{< mermaid ', close: '>}}' },
  { pattern: /\{\{< \/text .*>\}\}/g, replacement: '```', open: '{{< /text ', close: '>}}' },
  { pattern: /\{\{< \/mermaid .*>\}\}/g, replacement: '```', open: '{{< /mermaid ', close: '>}}' },
  { pattern: /url=".*"/g, replacement: 'URL', open: 'url="', close: '"' },
  { pattern: /link=".*"/g, replacement: 'LINK', open: 'link="', close: '"' },
  { pattern: /(^#.*\S) *\{#.*\} */g, replacement: '$1', open: '{#', close: '}' },
];

/** A cheap test that a line may need an edit at all (most lines need none). */
const MAY_EDIT = /\{\{< |url="|link="|^#/;

export function lintCopy(page: string): LintCopy {
  const lines = page.split('\n');
  const copyLines: string[] = [];
  /** For an edited line: the page column of each column of the copy's line (one more entry for its end). */
  const maps = new Map<number, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!MAY_EDIT.test(line)) {
      copyLines.push(line);
      continue;
    }
    const edited = editLine(line);
    copyLines.push(edited.text);
    if (edited.cols) maps.set(i, edited.cols);
  }
  const text = copyLines.join('\n');
  if (maps.size === 0) return { text, toOriginal: (o) => o };

  const copyStarts = lineStarts(copyLines);
  const pageStarts = lineStarts(lines);
  return {
    text,
    toOriginal(offset) {
      const line = lineOf(copyStarts, offset);
      const col = offset - copyStarts[line]!;
      const cols = maps.get(line);
      return pageStarts[line]! + (cols ? cols[Math.min(col, cols.length - 1)]! : col);
    },
  };
}

/** One line through every edit; `cols` is set only when something changed. */
function editLine(line: string): { text: string; cols: number[] | undefined } {
  let text = line;
  let cols: number[] | undefined;
  for (const sed of LINT_SEDS) {
    const at = text.indexOf(sed.open);
    if (at < 0 || text.lastIndexOf(sed.close) < at + sed.open.length) continue;
    sed.pattern.lastIndex = 0;
    const m = sed.pattern.exec(text);
    // Every pattern's `.*` (or `^`) makes a second match on the same line impossible once the first is replaced.
    if (!m) continue;
    // Plain loops, not Array.from and spreads: they were most of the copy's cost (it runs on every page).
    if (!cols) {
      cols = new Array<number>(text.length + 1);
      for (let k = 0; k <= text.length; k++) cols[k] = k;
    }
    const replacement = sed.replacement === '$1' ? m[1]! : sed.replacement;
    const start = m.index;
    const end = start + m[0].length;
    // Kept text (`$1` is the match's own start) keeps its columns; inserted text maps to where the match began.
    const next: number[] = cols.slice(0, start);
    const matchStart = cols[start]!;
    for (let k = 0; k < replacement.length; k++) next.push(sed.replacement === '$1' ? cols[start + k]! : matchStart);
    for (let k = end; k < cols.length; k++) next.push(cols[k]!);
    cols = next;
    text = text.slice(0, start) + replacement + text.slice(end);
  }
  return { text, cols };
}

function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
