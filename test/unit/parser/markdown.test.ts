import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCatalog } from '../../../server/engine/catalog/shortcodeCatalog';
import { githubId } from '../../../server/engine/parser/headingIds';
import { parseDocument } from '../../../server/engine/parser/parsedDocument';
import { sample } from '../../support/fixtures';

const catalog = builtInCatalog();
const slice = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

describe('markdown scanner', () => {
  it('reads headings with explicit {#id} in a translation (zh blog/2023/istiocon-china)', () => {
    const text = sample('content/zh/blog/2023/istiocon-china/index.md');
    const { markdown } = parseDocument(text, catalog);
    const floor = markdown.headings.find((h) => h.id === 'on-the-show-floor');
    assert.ok(floor, JSON.stringify(markdown.headings.map((h) => h.id)));
    assert.equal(floor.explicitId, true);
    assert.equal(floor.text, '在展会现场');
    assert.equal(slice(text, floor.idRange!), 'on-the-show-floor');
  });

  it('makes GitHub-style ids the way Hugo does, deduplicated', () => {
    assert.equal(githubId('On the show floor'), 'on-the-show-floor');
    assert.equal(githubId('Istio 1.22: What’s new?'), 'istio-122-whats-new');
    assert.equal(githubId('Envoy_filter and `code`'), 'envoy_filter-and-code');
    const { markdown } = parseDocument('## Setup\n\n## Setup\n\n## Set *up* [here](/x/)\n', catalog);
    // Hugo makes the id from the heading's source: a link's destination counts (test/hugo/headingIds.test.ts).
    assert.deepEqual(markdown.headings.map((h) => h.id), ['setup', 'setup-1', 'set-up-herex']);
  });

  it('finds links and images with the exact span of the destination', () => {
    const text = sample('content/en/blog/2023/istiocon-china/index.md');
    const { markdown } = parseDocument(text, catalog);
    const first = markdown.links[0]!;
    assert.equal(first.kind, 'link');
    assert.equal(first.target, '/blog/2023/istio-at-kubecon-eu/');
    assert.equal(slice(text, first.targetRange), '/blog/2023/istio-at-kubecon-eu/');
    assert.equal(first.text, 'Istio Day Europe');
    const md = parseDocument('See ![arch](./arch.png "Architecture") and [a](<./b c.pdf>).', catalog).markdown;
    assert.deepEqual(md.links.map((l) => [l.kind, l.target]), [['image', './arch.png'], ['link', './b c.pdf']]);
  });

  it('marks destinations built from shortcodes (en blog/2017/adapter-model)', () => {
    const text = sample('content/en/blog/2017/adapter-model/index.md');
    const { markdown } = parseDocument(text, catalog);
    const gh = markdown.links.find((l) => l.target.startsWith('{{< github_tree >}}'));
    assert.ok(gh);
    assert.equal(gh.hasShortcode, true);
    assert.equal(gh.target, '{{< github_tree >}}/samples/bookinfo');
  });

  it('ignores links and headings inside {{< text >}} blocks, code spans and fences', () => {
    const text = [
      '# Real',
      '{{< text bash >}}',
      '# not a heading',
      '$ echo [x](/not/a/link)',
      '{{< /text >}}',
      'Inline `[y](/no)` and [z](/yes).',
      '```',
      '[w](/fenced)',
      '```',
      '<!-- [c](/comment) -->',
    ].join('\n');
    const { markdown } = parseDocument(text, catalog);
    assert.deepEqual(markdown.headings.map((h) => h.text), ['Real']);
    assert.deepEqual(markdown.links.map((l) => l.target), ['/yes']);
  });

  it('reads reference definitions', () => {
    const { markdown } = parseDocument('[ref]: /docs/ops/ "t"\n', catalog);
    assert.deepEqual(markdown.links.map((l) => [l.kind, l.target]), [['definition', '/docs/ops/']]);
  });
});
