import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../../../../server/engine/languageService';
import { mergeSettings } from '../../../../server/engine/settings';
import { readFixes } from '../../../../server/engine/features/quickFix';
import { doc, MEM_ROOT, memorySite, rangeOf, sample, sampleFiles } from '../../../support/fixtures';

const POST = 'content/en/blog/2020/proxy-cert/index.md';

function lint(rel: string, text?: string, settings: unknown = {}): Diagnostic[] {
  const fs = memorySite(text === undefined ? {} : { [rel]: text });
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const path = `${MEM_ROOT}/${rel}`;
  return service.diagnostics(path, doc(path, text ?? sample(rel)), mergeSettings(settings)).diagnostics.filter((d) => String(d.code).startsWith('lint.'));
}

function applyFix(text: string, d: Diagnostic, index = 0): string {
  const fix = readFixes(d.data)[index];
  assert.ok(fix, 'a fix');
  const t = doc('/x.md', text);
  // The lint fixes always carry their ranges (an edit without one replaces the diagnostic's own range).
  const edits = fix.edits.map((e) => ({ range: e.range ?? d.range, newText: e.newText })).sort((a, b) => t.offsetAt(b.range.start) - t.offsetAt(a.range.start));
  let out = text;
  for (const e of edits) out = out.slice(0, t.offsetAt(e.range.start)) + e.newText + out.slice(t.offsetAt(e.range.end));
  return out;
}

describe('make lint grep rules', () => {
  it('find nothing on the published sample site, uk included when named', () => {
    const found: string[] = [];
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      for (const d of lint(rel, undefined, { lint: { languages: ['en', 'zh', 'uk'] } })) found.push(`${rel}:${d.range.start.line + 1} ${d.code}`);
    }
    assert.deepEqual(found, []);
  });

  it('reports GitHub URLs of istio/istio, in a text block too, with a fix to the site shortcode', () => {
    const base = sample(POST);
    const text = base.replace('{{< github_blob >}}/manifests', 'https://github.com/istio/istio/blob/release-1.6/manifests') + '\n{{< text bash >}}\n$ kubectl apply -f https://raw.githubusercontent.com/istio/istio/master/samples/sleep/sleep.yaml\n{{< /text >}}\n';
    const ds = lint(POST, text);
    assert.deepEqual(ds.map((d) => [d.code, d.range.start]), [
      ['lint.github-url', rangeOf(text, 'https://github.com/istio/istio/blob/').start],
      ['lint.github-url', rangeOf(text, 'https://raw.githubusercontent.com').start],
    ]);
    assert.ok(applyFix(text, ds[0]!).includes('[Prometheus example application]({{< github_blob >}}/manifests/charts/'));
    assert.ok(applyFix(text, ds[1]!).includes('$ kubectl apply -f {{< github_file >}}/samples/sleep/sleep.yaml'));
  });

  it('reports an absolute istio.io link the link check lets through (/v1.10/), and leaves the rest to it', () => {
    const text = sample(POST) + '\nSee [old](https://istio.io/v1.10/docs/) and [new](https://istio.io/latest/docs/) and [v](https://istio.io/v1.6/docs/).\n';
    const ds = lint(POST, text);
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['lint.absolute-istio-url', rangeOf(text, 'https://istio.io/v1.10/docs/')]]);
  });

  it('reports preliminary.istio.io in a text block', () => {
    const text = sample(POST) + '\n{{< text plain >}}\n(https://preliminary.istio.io/x)\n{{< /text >}}\n';
    assert.deepEqual(lint(POST, text).map((d) => d.code), ['lint.preliminary-url']);
  });

  it('reports ``` fences with a fix to a text block of the site syntax', () => {
    const text = sample(POST) + '\n```sh\n$ kubectl get pods\n```\n\n```yml\na: b\n```\n';
    const ds = lint(POST, text);
    assert.deepEqual(ds.map((d) => d.code), Array(4).fill('lint.code-fence'));
    assert.ok(applyFix(text, ds[0]!).endsWith('\n{{< text bash >}}\n$ kubectl get pods\n{{< /text >}}\n\n```yml\na: b\n```\n'));
    assert.ok(applyFix(text, ds[2]!).endsWith('\n{{< text yaml >}}\na: b\n{{< /text >}}\n'));
  });

  it('reports “ in English pages only', () => {
    const en = sample(POST) + '\nHe said “hello” there.\n';
    const ds = lint(POST, en);
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['lint.curly-quote', rangeOf(en, '“')]]);
    assert.ok(applyFix(en, ds[0]!).endsWith('He said "hello" there.\n'));
    const zhRel = 'content/zh/blog/2020/proxy-cert/index.md';
    assert.deepEqual(lint(zhRel, sample(zhRel) + '\n“引用”\n'), []);
  });

  it('reports a > blockquote with a fix to {{< quote >}}, and not the >}} of a tag over several lines', () => {
    const text = sample(POST) + '\n> Quoted line one\n> line two\n\nAfter.\n';
    const ds = lint(POST, text);
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['lint.blockquote', rangeOf(text, '> Quoted line one\n> line two')]]);
    assert.ok(applyFix(text, ds[0]!).endsWith('\n{{< quote >}}\nQuoted line one\nline two\n{{< /quote >}}\n\nAfter.\n'));
    assert.deepEqual(lint('content/en/blog/2019/performance-best-practices/index.md'), []);
  });

  it('does not report a > four columns past its container: the >}} of a tag with one brace, indented code, a tab', () => {
    // The faults Hugo prints as text or code (test/hugo/blockquotes.test.ts), next to a quote in a list item that it renders.
    const text = sample(POST) + '\nA tag with one brace: {< image link="x.png"\n    caption="c"\n    >}}\n\nPara.\n\n    > code\n\n\t> tab\n\n1. Item\n\n    > in the item\n';
    assert.deepEqual(lint(POST, text).map((d) => [d.code, d.range]), [['lint.blockquote', rangeOf(text, '> in the item')]]);
  });

  it('checks uk pages only when istio.lint.languages names uk', () => {
    const rel = 'content/uk/blog/2024/authz-policy-with-kyverno/index.md';
    const text = sample(rel) + '\n```\nx\n```\n';
    assert.deepEqual(lint(rel, text), []);
    assert.equal(lint(rel, text, { lint: { languages: ['en', 'zh', 'uk'] } }).length, 2);
  });
});
