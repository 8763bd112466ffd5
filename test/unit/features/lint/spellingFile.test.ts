import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../../server/engine/languageService';
import { insertionLine, parseSpelling, wordsFor } from '../../../../server/engine/features/spelling/spellingFile';
import type { WordChecker } from '../../../../server/engine/site/spellChecker';
import { doc, MEM_ROOT, memorySite, sample } from '../../../support/fixtures';

describe('.spelling as mdspell reads it', () => {
  it('skips # lines and empty lines, trims words, and keeps file sections apart', () => {
    const f = parseSpelling('# comment\nIstio\n  Envoy  \n\n#not-a-word\n - ./en/blog/x.md\nonlyhere\n');
    assert.deepEqual(f.global, ['Istio', 'Envoy']);
    assert.deepEqual([...f.files], [['./en/blog/x.md', ['onlyhere']]]);
    assert.deepEqual(wordsFor(f, 'en', 'blog/x.md'), ['Istio', 'Envoy', 'onlyhere']);
    assert.deepEqual(wordsFor(f, 'en', 'blog/y.md'), ['Istio', 'Envoy']);
  });

  it('inserts a word where the site sorts it (as the real .spelling is: LC_ALL=C sort -f)', () => {
    const real = sample('.spelling');
    const f = parseSpelling(real);
    const lines = real.split('\n');
    const at = insertionLine(f, 'Kyvernoo');
    assert.ok(lines[at - 1]!.toUpperCase() <= 'KYVERNOO' && lines[at]!.toUpperCase() > 'KYVERNOO', `${lines[at - 1]} < Kyvernoo < ${lines[at]}`);
  });
});

/** A stand-in for mdspell: words split on spaces, correct when in a small list or the extra words. */
function fakeChecker(extra: readonly string[]): WordChecker {
  const known = new Set(['a', 'word', 'title', ...extra]);
  return {
    words: (md) => [...md.matchAll(/[A-Za-z]+/g)].map((m) => ({ word: m[0], index: m.index })),
    correct: (w) => known.has(w) || w.length < 3 || /^[A-Z]/.test(w),
    suggest: (w) => (w === 'wrod' ? ['word'] : []),
  };
}

describe('spelling diagnostics and fixes', () => {
  const rel = 'content/en/blog/2025/new/index.md';
  const text = '---\ntitle: T\n---\n\nA wrod here.\n';
  const fs = memorySite({ [rel]: text, '.spelling': 'alpha\nzulu\n' });
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() }, spelling: fakeChecker });
  const path = `${MEM_ROOT}/${rel}`;

  it('reports the word at its place, and offers the suggestion and Add to .spelling in order', () => {
    const d = service.diagnostics(path, doc(path, text)).diagnostics.filter((x) => x.code === 'spelling.unknown-word');
    assert.deepEqual(d.map((x) => [x.range.start, x.range.end]), [[{ line: 4, character: 2 }, { line: 4, character: 6 }], [{ line: 4, character: 7 }, { line: 4, character: 11 }]]);
    const actions = service.codeActions(path, doc(path, text), d[0]!.range, [d[0]!]);
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'word'", "Add 'wrod' to .spelling"]);
    assert.deepEqual(actions[1]!.edit!.changes, { 'file:///site/.spelling': [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'wrod\n' }] });
  });

  it('takes the words of .spelling, and checks no page when the adapter has no dictionary', () => {
    const fs2 = memorySite({ [rel]: text, '.spelling': 'wrod\nhere\n' });
    const s2 = new LanguageService({ fs: fs2, scan: { sliceMs: 1e9, pause: () => Promise.resolve() }, spelling: fakeChecker });
    assert.deepEqual(s2.diagnostics(path, doc(path, text)).diagnostics.filter((x) => x.code === 'spelling.unknown-word'), []);
    const s3 = new LanguageService({ fs: memorySite({ [rel]: 'A wrod.\n' }), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
    assert.deepEqual(s3.diagnostics(path, doc(path, 'A wrod.\n')).diagnostics.filter((x) => x.code === 'spelling.unknown-word'), []);
  });
});

describe('style findings on a real post', () => {
  it('puts a heading jump and trailing spaces on the page line, with the line mdl prints in data', () => {
    const postRel = 'content/en/blog/2017/adapter-model/index.md';
    const lines = sample(postRel).split('\n');
    const h = lines.findIndex((l) => l.startsWith('## '));
    lines[h] = lines[h]!.replace('## ', '#### ');
    lines[h + 2] = `${lines[h + 2]}   `;
    const text = lines.join('\n');
    const fs = memorySite({ [postRel]: text, 'mdl.rb': sample('mdl.rb') });
    const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
    const path = `${MEM_ROOT}/${postRel}`;
    const d = service.diagnostics(path, doc(path, text)).diagnostics.filter((x) => String(x.code).startsWith('style.'));
    assert.deepEqual(
      d.map((x) => [x.code, x.range.start.line + 1, x.message.split(' (')[0], x.data]),
      [
        ['style.md002', h + 1, 'MD002 First header should be a top level header', { mdlLine: h }],
        ['style.md009', h + 3, 'MD009 Trailing spaces', { mdlLine: h + 2 }],
      ],
    );
  });
});
