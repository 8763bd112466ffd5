// The make-lint findings the server shows between an edit and their next check (server/src/validationQueue.ts):
// placed on the new text by the common prefix and suffix of the two texts, at exact ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { carryAcrossEdit, changedSpan } from '../../../server/engine/diagnostics/carryAcrossEdit';
import { Prng } from '../../support/prng';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const finding = (word: string, range: Range): Diagnostic => ({ range, message: `unknown word ${word}`, code: 'spelling.unknown-word', data: { word } });
const words = (ds: readonly Diagnostic[]): Array<[string, Range]> => ds.map((d) => [(d.data as { word: string }).word, d.range]);

// Line 1: "Meshify" at 0-7; line 2: "Podify" at 4-10; line 3: "Nodeify" at 0-7.
const BEFORE = 'Intro line.\nMeshify the pods.\nand Podify them.\nNodeify all.\n';
const FINDINGS = [finding('Meshify', r(1, 0, 1, 7)), finding('Podify', r(2, 4, 2, 10)), finding('Nodeify', r(3, 0, 3, 7))];

describe('changedSpan', () => {
  it('is the span between the common prefix and the common suffix', () => {
    assert.deepEqual(changedSpan('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(changedSpan('abc', 'abXc'), { start: 2, oldEnd: 2, newEnd: 3 });
    assert.deepEqual(changedSpan('abXc', 'abc'), { start: 2, oldEnd: 3, newEnd: 2 });
    assert.equal(changedSpan('same', 'same'), undefined);
  });

  it('never lets the prefix and the suffix overlap (a repeated letter typed)', () => {
    // "aa" → "aaa": the prefix takes both letters, the suffix none of them.
    assert.deepEqual(changedSpan('aa', 'aaa'), { start: 2, oldEnd: 2, newEnd: 3 });
    assert.deepEqual(changedSpan('aaa', 'aa'), { start: 2, oldEnd: 3, newEnd: 2 });
  });

  it('finds the span a character-by-character scan finds, on long texts edited anywhere (its blocks of 256)', () => {
    const scan = (before: string, after: string): ReturnType<typeof changedSpan> => {
      if (before === after) return undefined;
      const shorter = Math.min(before.length, after.length);
      let start = 0;
      while (start < shorter && before[start] === after[start]) start++;
      let suffix = 0;
      while (suffix < shorter - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
      return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
    };
    const rng = new Prng(15);
    // Few letters: long runs repeat, so the suffix often could overlap the prefix (the room limit matters).
    const text = (n: number): string => Array.from({ length: n }, () => rng.pick(['a', 'b', '\n', 'é'])).join('');
    let edits = 0;
    for (let i = 0; i < 400; i++) {
      const before = text(rng.int(3) === 0 ? rng.int(600) : 256 * (1 + rng.int(4)) + rng.int(3) - 1);
      // Cut at a block boundary, near one or anywhere, then remove and insert a few characters.
      const cut = rng.chance(0.5) ? Math.min(before.length, 256 * rng.int(4) + rng.int(3) - 1) : rng.int(before.length + 1);
      const at = Math.max(0, cut);
      const after = before.slice(0, at) + text(rng.int(4)) + before.slice(Math.min(before.length, at + rng.int(4)));
      if (after !== before) edits++;
      assert.deepEqual(changedSpan(before, after), scan(before, after), `${i}: ${JSON.stringify([before.length, at, after.length])}`);
    }
    assert.ok(edits > 300, `${edits} edits`);
  });
});

describe('carryAcrossEdit', () => {
  it('keeps what is before a line inserted, and moves what is after it down a line', () => {
    const after = BEFORE.replace('and Podify', 'A new line.\nand Podify');
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, after)), [
      ['Meshify', r(1, 0, 1, 7)],
      ['Podify', r(3, 4, 3, 10)],
      ['Nodeify', r(4, 0, 4, 7)],
    ]);
  });

  it('moves what follows on the edited line by the characters typed', () => {
    const after = BEFORE.replace('and Podify', 'also and Podify');
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, after)), [
      ['Meshify', r(1, 0, 1, 7)],
      ['Podify', r(2, 9, 2, 15)],
      ['Nodeify', r(3, 0, 3, 7)],
    ]);
    // A word typed just before it, with its space: the finding's word is the same.
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, BEFORE.replace('and Podify', 'and so Podify')))[1], ['Podify', r(2, 7, 2, 13)]);
    // Just after it, after a space.
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, BEFORE.replace('Podify them', 'Podify all of them')))[1], ['Podify', r(2, 4, 2, 10)]);
  });

  it('drops the finding the edit changes, and the one it touches', () => {
    // Inside the word.
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, BEFORE.replace('Podify', 'Podiffy'))).map(([w]) => w), ['Meshify', 'Nodeify']);
    // Right after it (typing on at the end of the word changes the word).
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, BEFORE.replace('Podify them', 'Podifyx them'))).map(([w]) => w), ['Meshify', 'Nodeify']);
    // Right before it.
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, BEFORE.replace('and Podify', 'and xPodify'))).map(([w]) => w), ['Meshify', 'Nodeify']);
    // The space after it deleted: the word runs into the next one.
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, BEFORE.replace('Podify them', 'Podifythem'))).map(([w]) => w), ['Meshify', 'Nodeify']);
  });

  it('moves what is after a deletion up, and drops what was deleted', () => {
    const after = BEFORE.replace('and Podify them.\n', '');
    assert.deepEqual(words(carryAcrossEdit(FINDINGS, BEFORE, after)), [
      ['Meshify', r(1, 0, 1, 7)],
      ['Nodeify', r(2, 0, 2, 7)],
    ]);
  });

  it('carries the rest of a finding unchanged, and everything when the text is the same', () => {
    const after = 'New first line.\n' + BEFORE;
    const [moved] = carryAcrossEdit([FINDINGS[0]!], BEFORE, after);
    assert.deepEqual(moved, { ...FINDINGS[0]!, range: r(2, 0, 2, 7) });
    assert.deepEqual(carryAcrossEdit(FINDINGS, BEFORE, BEFORE), FINDINGS);
  });
});
