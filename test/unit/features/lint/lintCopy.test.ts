import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintCopy } from '../../../../server/engine/parser/lintCopy';

/** Each case is a real line of istio.io content and what `scripts/lint_site.sh`'s `sed -E` edits leave of it. */
describe('the page as make lint edits it (lintCopy)', () => {
  const cases: [string, string][] = [
    ['{{< text yaml >}}', '```plain'],
    ['{{< text bash >}}', '```plain'],
    ['    {{< text syntax="bash" outputis="yaml" >}}', '    ```plain'],
    ['{{< /text >}}', '```'],
    ['{{< mermaid >}}', '```mermaid'],
    ['{{< /mermaid >}}', '```'],
    ['    link="./latency_p50.png"', '    LINK'],
    // Greedy: from the first `link="` to the line's last `"`, the caption with it.
    ['{{< image width="75%" link="./adapters.svg" caption="Istio adapters" >}}', '{{< image width="75%" LINK >}}'],
    ['{{< image link="https://example.com/x.png" ratio="50%" >}}', '{{< image LINK >}}'],
    ['{{< quote caption="a" url="https://example.com" >}}', '{{< quote caption="a" URL >}}'],
    ['## 出口流量管控的其它解决方案 {#alternative-solutions-for-egress-traffic-control}', '## 出口流量管控的其它解决方案'],
    ['## Before you begin {#before-you-begin}  ', '## Before you begin'],
    // Not a heading anchor: no `#` at the start of the line.
    ['See [this](#before-you-begin) {#x}', 'See [this](#before-you-begin) {#x}'],
    // A comment in a text block is a line starting with `#` too: sed does not know it is code.
    ['# Set the value {#y}', '# Set the value'],
    ['{{< text_import file="x.yaml" syntax="yaml" >}}', '{{< text_import file="x.yaml" syntax="yaml" >}}'],
    ['{{< text syntax="bash" >}} $ echo hi {{< /text >}}', '```plain'],
  ];
  for (const [line, edited] of cases) {
    it(`edits ${JSON.stringify(line)}`, () => assert.equal(lintCopy(line).text, edited));
  }

  it('keeps every line break, so lines match the page line for line', () => {
    const page = '---\ntitle: x\n---\n\n{{< text yaml >}}\na: b\n{{< /text >}}\r\n## H {#h}\n';
    const copy = lintCopy(page).text;
    assert.equal(copy, '---\ntitle: x\n---\n\n```plain\na: b\n```\r\n## H\n');
    assert.equal(copy.split('\n').length, page.split('\n').length);
  });

  it('maps offsets in the copy back to the page', () => {
    const page = 'intro\n{{< image width="75%" link="./a.svg" caption="c" >}} tail https://x\n';
    const c = lintCopy(page);
    const inCopy = c.text.indexOf('https://x');
    assert.equal(c.toOriginal(inCopy), page.indexOf('https://x'));
    // Inside the replacement: where the replaced text began.
    assert.equal(c.toOriginal(c.text.indexOf('LINK') + 2), page.indexOf('link="'));
    assert.equal(c.toOriginal(c.text.indexOf('intro')), 0);
  });
});
