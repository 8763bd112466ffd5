import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BracketMatcher } from '../../../server/engine/parser/markdown';
import { sample, sampleFiles } from '../../support/fixtures';
import { Prng } from '../../support/prng';

/** The openers both passes give for `closes` (`]` positions, increasing), asked in order on one matcher each. */
function openers(text: string, from: number, closes: readonly number[]): { jump: number[]; walk: number[] } {
  const jumping = new BracketMatcher(text, from);
  const walking = new BracketMatcher(text, from, true);
  return { jump: closes.map((c) => jumping.openerOf(c)), walk: closes.map((c) => walking.openerOf(c)) };
}

function closesIn(text: string, from: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(']', from); i >= 0; i = text.indexOf(']', i + 1)) out.push(i);
  return out;
}

describe('link text brackets: the indexOf jumps against the character walk', () => {
  it('finds the same `[` for every `](` of every sample page', () => {
    let compared = 0;
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      const text = sample(rel);
      if (text.includes('\r')) continue;
      const closes: number[] = [];
      for (let i = text.indexOf(']('); i >= 0; i = text.indexOf('](', i + 2)) closes.push(i);
      const { jump, walk } = openers(text, 0, closes);
      assert.deepEqual(jump, walk, rel);
      compared += closes.length;
    }
    assert.ok(compared > 500, `only ${compared} links compared`);
  });

  it('finds the same `[` on 3,000 random texts of brackets, escapes and line ends, asked at every `]` or some', () => {
    const rng = new Prng(20261207);
    const alphabet = ['[', ']', '[', ']', '\\', '\n', '\n', 'a', ' ', '(', ')'];
    let found = 0;
    for (let n = 0; n < 3000; n++) {
      const length = 1 + rng.int(n % 10 === 0 ? 5000 : 80);
      let text = '';
      // Long runs of letters reach past MAX_LINK_TEXT (2,000 characters) now and then.
      for (let i = 0; i < length; i++) text += rng.chance(0.002) ? 'x'.repeat(rng.int(2500)) : rng.pick(alphabet);
      const from = rng.chance(0.3) ? rng.int(text.length) : 0;
      const every = closesIn(text, from);
      const some = every.filter(() => rng.chance(0.3));
      for (const closes of [every, some]) {
        const { jump, walk } = openers(text, from, closes);
        assert.deepEqual(jump, walk, JSON.stringify({ text: text.length < 300 ? text : `${text.length} chars`, from, closes }));
        found += jump.filter((o) => o >= 0).length;
      }
    }
    assert.ok(found > 10_000, `only ${found} openers found: the texts are too rarely links`);
  });

  it('answers the cases the walk was written for, exactly', () => {
    const at = (text: string): number[] => {
      const { jump, walk } = openers(text, 0, closesIn(text, 0));
      assert.deepEqual(jump, walk, text);
      return jump;
    };
    // Nested brackets balance; an escaped bracket is text; an empty line ends the search.
    assert.deepEqual(at('[a [b] c](x)'), [3, 0]);
    assert.deepEqual(at('[a \\[ b](x)'), [0]);
    assert.deepEqual(at('[a \\] b](x)'), [0, 0]);
    assert.deepEqual(at('[a\n\nb](x)'), [-1]);
    assert.deepEqual(at('[a\nb](x)'), [0]);
    assert.deepEqual(at(`[${'a'.repeat(2000)}](x)`), [-1]);
    assert.deepEqual(at(`[${'a'.repeat(1998)}](x)`), [0]);
  });
});
