import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { serverForSuite } from '../support/lspClient';
import { SAMPLE_SITE, lc, rangeOf, sample } from '../support/fixtures';
import { completionItems } from '../support/completionItems';

const REL = 'content/en/blog/2023/istiocon-china/index.md';

describe('frontmatter over stdio', () => {
  const client = serverForSuite(SAMPLE_SITE);

  it('completes a key inside the frontmatter with a text edit and its description', async () => {
    const text = sample(REL).replace('keywords: [Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]\n', 'keywords: [Istio]\nsoc\n');
    const uri = await client().open(path.join(SAMPLE_SITE, REL), text);
    const result = await client().request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 6, character: 3 },
    });
    const items = completionItems(result);
    const item = items.find((i) => i.label === 'social_image');
    assert.ok(item, JSON.stringify(items.map((i) => i.label)));
    assert.deepEqual(item.textEdit, { range: lc(7, 1, 7, 4), newText: 'social_image: ' });
    // The description comes when the editor shows the item (completionItem/resolve), not with the list.
    assert.equal(item.documentation, undefined);
    const resolved = await client().request<CompletionItem>('completionItem/resolve', item);
    assert.match((resolved.documentation as MarkupContent).value, /same page bundle/);
    assert.ok(!items.some((i) => i.label === 'title'), 'keys already present are not offered');
    await client().close(uri);
  });

  it('publishes the description-period error with its range, then a quick fix that adds the period', async () => {
    // Another post than the completion test's, so no late notification of that one can be mistaken for this one's.
    const rel = 'content/en/blog/2023/istio-at-kubecon-eu/index.md';
    const text = sample(rel).replace('at the RAI in Amsterdam.', 'at the RAI in Amsterdam');
    const uri = await client().open(path.join(SAMPLE_SITE, rel), text);
    const p = await client().waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
    const value = 'A quick recap of Istio at KubeCon Europe, at the RAI in Amsterdam';
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.source, d.severity, d.range]),
      [['frontmatter.description-period', 'istio', 1, rangeOf(text, value)]],
    );
    const actions = await client().request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: p.diagnostics[0]!.range,
      context: { diagnostics: p.diagnostics },
    });
    const end = rangeOf(text, value).end;
    assert.deepEqual(
      actions.map((a) => [a.title, a.edit?.changes?.[uri]]),
      [['Add `.` at the end of the description', [{ range: { start: end, end }, newText: '.' }]]],
    );
    const hover = await client().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
    assert.match((hover!.contents as MarkupContent).value, /^\*\*`publishdate`\*\* · required in a blog post/);
    await client().close(uri);
  });
});
