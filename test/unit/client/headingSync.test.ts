import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchingLine } from '../../../client/src/translations/headingSync';

const h = (line: number, id: string, level = 2) => ({ line, id, level });

describe('Open Source Side by Side: the matching line in the other version', () => {
  // The translation's sections are shorter, and it has a heading the source lacks.
  const en = [h(10, 'before-you-begin'), h(40, 'install'), h(100, 'cleanup')];
  const zh = [h(8, 'before-you-begin'), h(20, 'install'), h(30, 'zh-only'), h(60, 'cleanup')];

  it('shows the heading with the same id at the top, as far into its section as the other is into its own', () => {
    assert.equal(matchingLine(en, 120, zh, 70, 40), 20);
    assert.equal(matchingLine(en, 120, zh, 70, 70), 25); // half-way through en's install: half-way to zh's next heading
    assert.equal(matchingLine(zh, 70, en, 120, 60), 100);
    assert.equal(matchingLine(en, 120, zh, 70, 0), 0);
  });

  it('matches an id written in other capitals when no id is equal', () => {
    const zhMixer = [h(150, 'access-control-by-routing', 3), h(287, 'access-control-by-Mixer-policy-checks', 3)];
    const enMixer = [h(193, 'access-control-by-routing', 3), h(352, 'access-control-by-mixer-policy-checks', 3)];
    assert.equal(matchingLine(zhMixer, 500, enMixer, 600, 287), 352);
  });

  it('leaves the other editor alone when the heading at the top has no match', () => {
    assert.equal(matchingLine(zh, 70, en, 120, 35), undefined);
  });
});
