/** A half-open span of UTF-16 offsets into a document's text. Ranges in LSP terms are made from these lazily. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): OffsetRange {
  return { start, end };
}

export function contains(range: OffsetRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}

/**
 * The last item of `sorted` (in order of `startOf`) that starts at or before `offset`, by binary search: for look-ups
 * a rule makes once per match of a pattern, where searching the whole list each time made a page quadratic.
 */
export function lastStartingAtOrBefore<T>(sorted: readonly T[], offset: number, startOf: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let last: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = sorted[mid]!;
    if (startOf(item) <= offset) {
      last = item;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last;
}

/** Whether a range of `sorted` (in order of their starts, none overlapping) `contains` `offset`, its end included. */
export function anyContains(sorted: readonly OffsetRange[], offset: number): boolean {
  const last = lastStartingAtOrBefore(sorted, offset, (r) => r.start);
  return last !== undefined && offset <= last.end;
}

/**
 * Sorted, non-overlapping regions of a document, queried by offset in O(log n).
 * Used for the places where Markdown is not Markdown: frontmatter, code blocks, `{{< text >}}` bodies.
 */
export class RegionSet {
  private readonly regions: OffsetRange[];

  constructor(regions: readonly OffsetRange[]) {
    const sorted = regions.filter((r) => r.end > r.start);
    // Scanners hand their regions over in order: checking that costs less than sorting (and allocates nothing),
    // which matters for the hundreds of thousands of code spans of a worst-case page.
    let inOrder = true;
    for (let i = 1; i < sorted.length && inOrder; i++) inOrder = sorted[i - 1]!.start <= sorted[i]!.start;
    if (!inOrder) sorted.sort((a, b) => a.start - b.start);
    const merged: OffsetRange[] = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r.start <= last.end) {
        merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
      } else {
        merged.push(r);
      }
    }
    this.regions = merged;
  }

  /** The region holding `offset` (start inclusive, end exclusive), if any. */
  find(offset: number): OffsetRange | undefined {
    let lo = 0;
    let hi = this.regions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.regions[mid]!;
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return r;
    }
    return undefined;
  }

  has(offset: number): boolean {
    return this.find(offset) !== undefined;
  }

  get all(): readonly OffsetRange[] {
    return this.regions;
  }
}
