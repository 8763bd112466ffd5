import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontmatter } from '../../../server/engine/parser/frontmatter';
import { sample } from '../../support/fixtures';

const slice = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

describe('frontmatter parser', () => {
  it('gives exact key and value spans on a real post (en blog/2023/istiocon-china)', () => {
    const text = sample('content/en/blog/2023/istiocon-china/index.md');
    const fm = parseFrontmatter(text)!;
    assert.ok(fm.closed);
    assert.deepEqual(fm.problems, []);
    assert.deepEqual(
      fm.entries.map((e) => e.key),
      ['title', 'description', 'publishdate', 'attribution', 'keywords'],
    );
    const title = fm.byKey.get('title')!;
    assert.equal(slice(text, title.keyRange), 'title');
    assert.equal(slice(text, title.valueRange), '"IstioCon China 2023 wrap-up"');
    assert.equal(title.value, 'IstioCon China 2023 wrap-up');
    const keywords = fm.byKey.get('keywords')!;
    assert.equal(slice(text, keywords.valueRange), '[Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]');
    assert.deepEqual(keywords.value, ['Istio Day', 'IstioCon', 'Istio', 'conference', 'KubeCon', 'CloudNativeCon']);
    assert.equal(slice(text, fm.openRange), '---');
    assert.ok(text.slice(0, fm.range.end).endsWith('---'));
  });

  it('keeps target_release as YAML reads it, with the raw text for the quote-it check', () => {
    const fm = parseFrontmatter('---\ntitle: x\ntarget_release: 1.10\n---\n')!;
    const tr = fm.byKey.get('target_release')!;
    assert.equal(tr.value, 1.1);
    assert.equal(tr.rawValue, '1.10');
  });

  it('accepts the empty frontmatter of boilerplates', () => {
    const fm = parseFrontmatter(sample('content/en/boilerplates/experimental-feature-warning.md'))!;
    assert.ok(fm.closed);
    assert.deepEqual(fm.entries, []);
    assert.deepEqual(fm.problems, []);
    assert.deepEqual(fm.contentRange, { start: 4, end: 4 });
  });

  it('returns undefined for a file with no frontmatter', () => {
    assert.equal(parseFrontmatter('# Title\n\ntext\n'), undefined);
    assert.equal(parseFrontmatter(''), undefined);
  });

  it('reports an unterminated frontmatter on the opening fence', () => {
    const fm = parseFrontmatter('---\ntitle: x\n\nbody text\n')!;
    assert.equal(fm.closed, false);
    assert.deepEqual(
      fm.problems.map((p) => [p.code, p.range]),
      [['frontmatter.unterminated', { start: 0, end: 3 }]],
    );
  });

  it('reports a quote that is never closed from the opening quote to the last line with content, not on the closing fence', () => {
    const text = '---\ntitle: "unterminated\ndescription: x.\n---\n';
    const fm = parseFrontmatter(text)!;
    assert.equal(fm.problems[0]?.code, 'frontmatter.yaml-syntax');
    assert.equal(slice(text, fm.problems[0]!.range), '"unterminated\ndescription: x.');
    assert.match(fm.problems[0]!.message, /quote/i);
  });

  it('reports a key indented under a plain value on the misindented line, once', () => {
    const text = '---\ntitle: x\n  description: y\n---\n';
    const fm = parseFrontmatter(text)!;
    assert.deepEqual(fm.problems.map((p) => [p.code, slice(text, p.range)]), [['frontmatter.yaml-syntax', 'description: y']]);
  });

  it('leaves the stack trace limit as it was, after a YAML fault too (it is 0 during the parse)', () => {
    const limit = Error.stackTraceLimit;
    try {
      // A value of its own, so that an earlier test that left 0 behind cannot hide it.
      Error.stackTraceLimit = 17;
      assert.equal(parseFrontmatter('---\ntitle: x\n  description: y\n---\n')!.problems[0]?.code, 'frontmatter.yaml-syntax');
      assert.equal(Error.stackTraceLimit, 17);
      parseFrontmatter('---\ntitle: x\n---\n');
      assert.equal(Error.stackTraceLimit, 17);
    } finally {
      Error.stackTraceLimit = limit;
    }
  });

  it('reports a frontmatter that is not a map', () => {
    const fm = parseFrontmatter('---\n- a\n- b\n---\n')!;
    assert.deepEqual(fm.problems.map((p) => p.code), ['frontmatter.not-a-map']);
  });

  it('reports duplicate keys case-insensitively (Hugo keys are)', () => {
    const text = '---\nlinkTitle: a\nlinktitle: b\n---\n';
    const fm = parseFrontmatter(text)!;
    assert.deepEqual(fm.problems.map((p) => [p.code, slice(text, p.range)]), [['frontmatter.duplicate-key', 'linktitle']]);
    assert.equal(fm.byKey.get('linktitle')!.value, 'a');
  });

  it('gives an empty value span after the colon for `subtitle:`', () => {
    const text = '---\nsubtitle:\ntitle: x\n---\n';
    const fm = parseFrontmatter(text)!;
    const sub = fm.byKey.get('subtitle')!;
    assert.equal(sub.value, null);
    assert.equal(sub.valueRange.start, text.indexOf('subtitle:') + 'subtitle:'.length);
    assert.equal(sub.valueRange.end, sub.valueRange.start);
  });

  it('handles CRLF line endings', () => {
    const text = '---\r\ntitle: x\r\n---\r\nbody\r\n';
    const fm = parseFrontmatter(text)!;
    assert.ok(fm.closed);
    assert.equal(fm.byKey.get('title')!.value, 'x');
  });

  it('survives tabs, anchors, alias bombs and huge values without throwing', () => {
    const bomb = '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n';
    for (const text of ['---\n\ttitle: x\n---\n', bomb, `---\ntitle: ${'x'.repeat(1_000_000)}\n---\n`, '---\n\u0000\u0001: x\n---\n']) {
      const fm = parseFrontmatter(text);
      assert.ok(fm);
    }
    assert.ok(parseFrontmatter(bomb)!.problems.some((p) => p.code === 'frontmatter.yaml-syntax'));
  });
});
