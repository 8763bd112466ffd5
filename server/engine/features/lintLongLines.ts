/**
 * Over-long lines and the make-lint checks. mdspell's Markdown parser (markdown-spellcheck 1.3 over marked 0.3) and
 * the mdl rules reproduced in `style/` use patterns such as `\{\{.*\}\}` and `<[^>\s]+:\/\/[^>]*>`, which retry from
 * every opener of a line: their time grows with the square of a line's length (a 100 KB line of `{{<` took over a
 * minute; the real tools take as long in `make lint`). No real page comes near (istio.io's longest line is under
 * 2,000 characters), so on a longer line the editor's make-lint checks do less, and say so, rather than stall:
 * spelling leaves the line out and the style rules read its start only. Work then stays linear: a bounded cost per
 * line.
 */
export const MAX_CHECKED_LINE = 5_000;
/** What the style rules read of an over-long line: its indentation, block marker and first words. */
export const STYLE_KEPT = 200;

/** A line of the lint copy longer than MAX_CHECKED_LINE, as [start, end) offsets in it (end before the `\n`). */
export type LongLine = readonly [number, number];

export function longLines(text: string, max = MAX_CHECKED_LINE): LongLine[] {
  const out: LongLine[] = [];
  for (let start = 0; ; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > max) out.push([start, end]);
    if (nl < 0) return out;
    start = nl + 1;
  }
}

/** `text` with each long line's characters replaced by spaces: offsets and line breaks unchanged. */
export function blanked(text: string, lines: readonly LongLine[]): string {
  return rebuilt(text, lines, (s, e) => ' '.repeat(e - s));
}

/**
 * `text` with each long line cut to its first `keep` characters, without the blanks the cut may leave at its end
 * (mdl would take them for trailing spaces): line numbers unchanged.
 */
export function truncated(text: string, lines: readonly LongLine[], keep = STYLE_KEPT): string {
  return rebuilt(text, lines, (s) => text.slice(s, s + keep).replace(/[ \t]+$/, ''));
}

function rebuilt(text: string, lines: readonly LongLine[], replace: (start: number, end: number) => string): string {
  if (!lines.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of lines) {
    parts.push(text.slice(at, s), replace(s, e));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
