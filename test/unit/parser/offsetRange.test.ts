import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anyContains, contains, type OffsetRange } from '../../../server/engine/parser/offsetRange';

describe('anyContains: a binary search over sorted ranges, ends included', () => {
  it('answers as `some(contains)` at every offset of random sorted, touching and empty ranges', () => {
    // A fixed generator: the same cases on every run.
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let inside = 0;
    for (let round = 0; round < 300; round++) {
      const ranges: OffsetRange[] = [];
      // Gaps of 0 make ranges touch (one's end is the next one's start); lengths of 0 make empty ranges.
      for (let at = next(3), n = next(12); ranges.length < n; ) {
        const end = at + next(4);
        ranges.push({ start: at, end });
        at = end + next(3);
      }
      for (let offset = -1; offset <= (ranges.at(-1)?.end ?? 0) + 1; offset++) {
        const expected = ranges.some((r) => contains(r, offset));
        assert.equal(anyContains(ranges, offset), expected, `${JSON.stringify(ranges)} at ${offset}`);
        if (expected) inside++;
      }
    }
    assert.ok(inside > 500, `${inside} offsets inside: not vacuous`);
  });
});
