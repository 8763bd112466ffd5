import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCatalog } from '../../../server/engine/catalog/shortcodeCatalog';
import { buildShortcodeTree } from '../../../server/engine/parser/shortcodeTree';
import { scanShortcodes } from '../../../server/engine/parser/shortcodes';
import { sample } from '../../support/fixtures';

const catalog = builtInCatalog();
const tree = (text: string) => buildShortcodeTree(scanShortcodes(text).tags, (n) => catalog.get(n)?.inner);
const slice = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

describe('shortcode tree', () => {
  it('nests the 7 tabsets of en blog/2021/better-external-authz without problems', () => {
    const t = tree(sample('content/en/blog/2021/better-external-authz/index.md'));
    assert.deepEqual(t.problems, []);
    const tabsets = t.all.filter((n) => n.open.name === 'tabset');
    assert.equal(tabsets.length, 7);
    for (const ts of tabsets) {
      assert.ok(ts.close);
      assert.ok(ts.children.every((c) => c.open.name === 'tab' && c.parent === ts));
    }
  });

  it('pairs a text block and records its inner span', () => {
    const text = '{{< text bash >}}\n$ kubectl get pods\n{{< /text >}}';
    const t = tree(text);
    assert.equal(slice(text, t.roots[0]!.inner!), '\n$ kubectl get pods\n');
  });

  it('reports an unclosed paired shortcode on its opening tag', () => {
    const text = 'x\n{{< warning >}}\nBe careful.\n';
    const t = tree(text);
    assert.deepEqual(t.problems.map((p) => [p.code, slice(text, p.range), p.name]), [['shortcode.unclosed', '{{< warning >}}', 'warning']]);
  });

  it('reports a tag left open inside another one as mismatched', () => {
    const text = '{{< tabset >}}\n{{< tab name="A" >}}\nx\n{{< /tabset >}}';
    const t = tree(text);
    assert.deepEqual(t.problems.map((p) => [p.code, slice(text, p.range)]), [['shortcode.mismatched-closing', '{{< tab name="A" >}}']]);
  });

  it('reports a stray closing tag', () => {
    const text = 'x {{< /tip >}}';
    assert.deepEqual(tree(text).problems.map((p) => [p.code, slice(text, p.range)]), [['shortcode.stray-closing', '{{< /tip >}}']]);
  });

  it('reports a closing tag for a shortcode without inner content', () => {
    const text = '{{< image link="./a.png" >}}{{< /image >}}';
    assert.deepEqual(tree(text).problems.map((p) => [p.code, slice(text, p.range)]), [['shortcode.closing-not-allowed', '{{< /image >}}']]);
  });

  it('treats an unknown shortcode as paired only when a closing tag follows', () => {
    const paired = tree('{{< myblock >}}x{{< /myblock >}}');
    assert.deepEqual(paired.problems, []);
    assert.ok(paired.roots[0]!.close);
    const single = tree('{{< mything >}} text');
    assert.deepEqual(single.problems, []);
  });
});
