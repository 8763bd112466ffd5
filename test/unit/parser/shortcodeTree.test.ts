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

  // Hugo 0.131 builds these (test/hugo/closingTags.test.ts): its parser closes the innermost open shortcode at each
  // closing tag, whatever the name, once a shortcode of that name has appeared on the page.
  it('pairs swapped closing tags by position, as Hugo does, with a warning and no build failure', () => {
    const text = '{{< tip >}}\n{{< text bash >}}\n$ ls\n{{< /tip >}}\n{{< /text >}}';
    const t = tree(text);
    assert.deepEqual(
      t.problems.map((p) => [p.code, slice(text, p.range), p.rename && slice(text, p.rename.range), p.rename?.name]),
      [
        ['shortcode.closing-order', '{{< /tip >}}', 'tip', 'text'],
        ['shortcode.closing-order', '{{< /text >}}', 'text', 'tip'],
      ],
    );
    const [tip] = t.roots;
    assert.equal(tip!.open.name, 'tip');
    assert.equal(slice(text, tip!.close!.range), '{{< /text >}}');
    assert.deepEqual(tip!.children.map((c) => [c.open.name, slice(text, c.close!.range)]), [['text', '{{< /tip >}}']]);
  });

  it('pairs three closing tags in the wrong order by position: only the ones naming another shortcode are reported', () => {
    const text = '{{< tabset >}}{{< tab name="A" >}}{{< tip >}}\nx\n{{< /tabset >}}{{< /tab >}}{{< /tip >}}';
    assert.deepEqual(
      tree(text).problems.map((p) => [p.code, p.name, p.rename?.name]),
      [
        ['shortcode.closing-order', 'tabset', 'tip'],
        ['shortcode.closing-order', 'tip', 'tabset'],
      ],
    );
  });

  it('keeps the name-based errors where Hugo fails: a closing tag missing, or one naming a shortcode not seen yet', () => {
    const missing = '{{< tip >}}\n{{< text bash >}}\n$ ls\n{{< /tip >}}';
    assert.deepEqual(tree(missing).problems.map((p) => [p.code, slice(missing, p.range)]), [['shortcode.mismatched-closing', '{{< text bash >}}']]);
    const unseen = '{{< tip >}}\nx\n{{< /warning >}}';
    assert.deepEqual(tree(unseen).problems.map((p) => p.code), ['shortcode.stray-closing', 'shortcode.unclosed']);
  });
});
