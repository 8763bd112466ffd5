import type { Position } from 'vscode-languageserver-types';

/**
 * Offset ↔ position for a text whose lines all end in `\n`, with the same answers as `TextDocument.positionAt` and
 * `offsetAt`.
 * Why: checking a whole site converts a few offsets in nearly every page, and the document finds its line starts a
 * character at a time (7 µs for an average page); `indexOf` finds them in 2 µs.
 */
export class LineIndex {
  private constructor(
    private readonly starts: readonly number[],
    private readonly length: number,
  ) {}

  /** `undefined` when the text holds a `\r`: `\r\n` and a lone `\r` are line breaks the document handles itself. */
  static of(text: string): LineIndex | undefined {
    if (text.includes('\r')) return undefined;
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return new LineIndex(starts, text.length);
  }

  /** `TextDocument.offsetAt`: a position past its line's end is that line's end (before its `\n`). */
  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.length;
    if (position.line < 0) return 0;
    const lineStart = this.starts[position.line]!;
    if (position.character <= 0) return lineStart;
    const last = position.line + 1 >= this.starts.length;
    const next = last ? this.length : this.starts[position.line + 1]!;
    const offset = Math.min(lineStart + position.character, next);
    // The document steps back over line breaks: a line other than the last ends in exactly one `\n`.
    return !last && offset === next && offset > lineStart ? offset - 1 : offset;
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.length), 0);
    // The last line starting at or before `at`.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: at - this.starts[line]! };
  }
}
