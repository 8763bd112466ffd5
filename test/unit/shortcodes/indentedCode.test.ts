// Missed fault 7 of issue 21: a figure indented by 4 spaces outside a list is a Markdown code block, which Hugo prints
// inside <pre><code> while the preview draws the figure. test/hugo/codeBlocks.test.ts compares the rule with Hugo.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { readFixes } from '../../../server/engine/features/quickFix';
import { rangeOf, sample } from '../../support/fixtures';
import { diagnose, edit } from './harness';

const POST = 'content/en/blog/2023/istiocon-china/index.md';
/** The real tag of the post (line 15), as an author who indents it by 4 writes it. */
const TAG = '{{< image link="./group-pic.jpg"\n    caption="IstioCon China 2023"\n    >}}';
const INDENTED = '    {{< image link="./group-pic.jpg"\n        caption="IstioCon China 2023"\n        >}}';

const indentedCode = (rel: string, text: string) => diagnose(rel, text).filter((d) => d.code === 'shortcode.indented-code');

describe('a block shortcode in an indented code block', () => {
  it('warns on a figure indented by 4 spaces after a blank line outside a list, with a fix that unindents it', () => {
    const text = edit(sample(POST), TAG, INDENTED);
    const ds = indentedCode(POST, text);
    assert.deepEqual(
      ds.map((d) => [d.severity, d.range]),
      [[DiagnosticSeverity.Warning, rangeOf(text, INDENTED.trimStart())]],
    );
    const fix = readFixes(ds[0]!.data)[0]!;
    const document = TextDocument.create('x:', 'markdown', 1, text);
    const fixed = TextDocument.applyEdits(document, fix.edits.map((e) => ({ range: e.range!, newText: e.newText })));
    assert.equal(fixed, sample(POST));
  });

  it('is quiet on the real post, on a tag continuing a paragraph, and on one indented by 2', () => {
    assert.deepEqual(indentedCode(POST, sample(POST)), []);
    const continued = edit(sample(POST), `ecosystem.\n\n${TAG}`, `ecosystem.\n${INDENTED}`);
    assert.deepEqual(indentedCode(POST, continued), []);
    assert.deepEqual(indentedCode(POST, edit(sample(POST), TAG, `  ${TAG}`)), []);
    // Only a tag that starts its line is the block's: blanks before it, but after other text, are not its indentation.
    assert.deepEqual(indentedCode(POST, edit(sample(POST), TAG, `    $ echo group    ${TAG}`)), []);
  });

  it('is quiet on the site’s own test page of tabs in lists and lists in tabs (content/en/test/tabs_and_lists)', () => {
    const rel = 'content/en/test/tabs_and_lists/index.md';
    const text = `---
title: Tabs and Lists
description: Composing tabs and lists.
skip_sitemap: true
---

{{< tabset category-name="test" >}}

{{< tab name="Three" category-value="three" >}}
1. Simple text in a list in a tab

    A paragraph

    {{< warning >}}
    Warning in a list in a tab
    {{< /warning >}}

    And another

1. Second bullet

1. Third bullet
{{< /tab >}}

{{< tab name="Five" category-value="five" >}}
1. Simple text in a list in a tab

    {{< text plain >}}
    Text block in a list in a tab
    {{< /text >}}

{{< /tab >}}

{{< /tabset >}}
`;
    assert.deepEqual(indentedCode(rel, text), []);
  });

  it('warns on a text block 4 spaces deeper than its list item (8 spaces under "1. ")', () => {
    // content/en/docs/ambient/install/helm/all-in-one/index.md, its first step with the block indented once too often.
    const rel = 'content/en/docs/ambient/install/helm/all-in-one/index.md';
    const text = `---
title: Install with Helm (simple)
description: Install Istio with support for ambient mode with Helm using a single chart.
---

1. Configure the Helm repository:

        {{< text syntax=bash snip_id=configure_helm >}}
        $ helm repo add istio https://istio-release.storage.googleapis.com/charts
        $ helm repo update
        {{< /text >}}
`;
    const ds = indentedCode(rel, text);
    assert.deepEqual(ds.map((d) => d.message), [
      "Indented by 4 or more spaces past its list item's text, this line is a Markdown code block: Hugo prints the `text` inside `<pre><code>`. Take the indentation off.",
    ]);
    // The fix leaves the block at 4 spaces, the list item's content as the site indents it (and a multiple of 4).
    const fix = readFixes(ds[0]!.data)[0]!;
    assert.equal(fix.title, 'Remove 4 spaces of indentation');
    assert.equal(fix.edits.length, 4);
  });
});
