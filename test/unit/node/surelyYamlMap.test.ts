// The spelling check skips js-yaml on frontmatter the engine's fast path reads as a map: whenever it says "surely a
// map", js-yaml (3.15, markdown-spellcheck's own) must read an object. The pages themselves are compared end to end
// by mdspellWords.test.ts (the port against the library); here, blocks built to reach the fast path's edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { surelyYamlMap } from '../../../server/src/node/mdspellTokens';
import { Prng } from '../../support/prng';

/* eslint-disable @typescript-eslint/no-require-imports */
const jsYaml = require('markdown-spellcheck/node_modules/js-yaml') as { safeLoad(text: string): unknown };
/* eslint-enable @typescript-eslint/no-require-imports */

/** The library's verdict: js-yaml reads an object (`typeof`, so null counts, as in the library). */
function jsYamlObject(yaml: string): boolean {
  try {
    return typeof jsYaml.safeLoad(yaml) === 'object';
  } catch {
    return false;
  }
}

const KEYS = ['title', 'description', 'publishdate', 'attribution', 'keywords', 'aliases', 'x', 'title', 'weight', 'draft', 'Title', 'a-b', '_c', 'on', 'null'];
const VALUES = [
  'Istio 1.24', '"Quoted: with colon"', "'single'", 'plain text here.', '2024-05-14', '2024-05-14T10:00:00Z', '42', '3.14', 'true', 'no', '~', '',
  '[istio, mesh]', '[a, "b c"]', '[]', 'a: b', 'x # comment', '@at', '`tick', '-dash', 'a\tb', '"esc \\n"', "'it''s'", 'a, b', '{a: b}', '*ref',
  '&anchor x', '!tag x', '%pct', '"unterminated', '[unterminated', 'ünïcödé ✓', 'bell\u0007', 'nel\u0085', 'lone\uD800', '0x1F', '1_000', '.inf', '12:30:45',
];
const LISTS = ['\n  - /docs/a/\n  - /docs/b/', '\n- /x', '\n  - "q"', '\n  -', '\n  - a: b', '\n\t- tab'];

function randomBlock(rng: Prng): string {
  const lines: string[] = [];
  for (let n = 1 + rng.int(6); n > 0; n--) {
    const r = rng.next();
    if (r < 0.05) lines.push('');
    else if (r < 0.08) lines.push('# a comment');
    else if (r < 0.11) lines.push(`  ${rng.pick(KEYS)}: ${rng.pick(VALUES)}`);
    else if (r < 0.2) lines.push(`${rng.pick(KEYS)}:${rng.pick(LISTS)}`);
    else lines.push(`${rng.pick(KEYS)}:${rng.chance(0.05) ? '' : ' '}${rng.pick(VALUES)}`);
  }
  return lines.join(rng.chance(0.05) ? '\r\n' : '\n');
}

describe('surelyYamlMap', () => {
  it('says "surely" only where js-yaml reads an object: 20,000 random blocks', () => {
    const rng = new Prng(20261207);
    let sure = 0;
    let objects = 0;
    for (let i = 0; i < 20_000; i++) {
      const yaml = randomBlock(rng);
      const object = jsYamlObject(yaml);
      if (object) objects++;
      if (surelyYamlMap(yaml)) {
        sure++;
        assert.ok(object, JSON.stringify(yaml));
      }
    }
    // Not vacuous: the fast path answers for many blocks, and js-yaml refuses many others.
    assert.ok(sure > 1_500, `${sure} sure`);
    assert.ok(objects - sure > 2_000 && 20_000 - objects > 2_000, `${objects} objects`);
  });

  it('leaves to js-yaml what it refuses or may refuse', () => {
    for (const yaml of ['title: a\ttab', 'title: bell\u0007', 'title: x\ntitle: y', 'title: @x', '   ', '# only a comment', 'title: "a\\"b"', 'title: a\r\nx: b']) {
      assert.equal(surelyYamlMap(yaml), undefined, JSON.stringify(yaml));
    }
    assert.equal(surelyYamlMap('title: Istio 1.24\ndescription: "A page: about things."\nkeywords: [istio, mesh]\naliases:\n  - /docs/a/\n'), true);
  });
});
