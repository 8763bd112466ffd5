import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanShortcodes } from '../../../server/engine/parser/shortcodes';
import { sample } from '../../support/fixtures';
import { REVISION_TAGS_PROLOGUE_BODY } from '../../support/realPages';

const slice = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

describe('shortcode scanner', () => {
  it('reads a multi-line image opener with named, quoted params (en blog/2023/istiocon-china)', () => {
    const text = sample('content/en/blog/2023/istiocon-china/index.md');
    const { tags, problems } = scanShortcodes(text);
    assert.deepEqual(problems, []);
    const first = tags[0]!;
    assert.equal(first.name, 'image');
    assert.equal(first.kind, 'open');
    assert.equal(slice(text, first.range), '{{< image link="./group-pic.jpg"\n    caption="IstioCon China 2023"\n    >}}');
    assert.deepEqual(
      first.params.map((p) => [p.name, p.value, slice(text, p.valueRange), slice(text, p.innerRange)]),
      [
        ['link', './group-pic.jpg', '"./group-pic.jpg"', './group-pic.jpg'],
        ['caption', 'IstioCon China 2023', '"IstioCon China 2023"', 'IstioCon China 2023'],
      ],
    );
    assert.equal(slice(text, first.params[0]!.nameRange!), 'link');
  });

  it('reads bare and quoted positional params', () => {
    const text = '{{< text bash json >}}\n$ x\n{{< /text >}}\n{{< boilerplate "experimental-feature-warning" >}}';
    const { tags } = scanShortcodes(text);
    assert.deepEqual(
      tags.map((t) => [t.kind, t.name, t.params.map((p) => [p.index, p.value, p.quote ?? null])]),
      [
        ['open', 'text', [[0, 'bash', null], [1, 'json', null]]],
        ['close', 'text', []],
        ['open', 'boilerplate', [[0, 'experimental-feature-warning', '"']]],
      ],
    );
  });

  it('reads tags without spaces: {{<gloss>}}Envoy{{</gloss>}} (en blog/2019/performance-best-practices)', () => {
    const text = sample('content/en/blog/2019/performance-best-practices/index.md');
    const { tags } = scanShortcodes(text);
    const gloss = tags.filter((t) => t.name === 'gloss');
    assert.deepEqual(gloss.map((t) => [t.kind, slice(text, t.range)]).slice(0, 2), [
      ['open', '{{<gloss>}}'],
      ['close', '{{</gloss>}}'],
    ]);
  });

  it('skips escaped examples {{</* … */>}} and records them', () => {
    const text = 'Use {{</* image link="./x.png" */>}} like this. {{< tip >}}\nx\n{{< /tip >}}';
    const { tags, escaped } = scanShortcodes(text);
    assert.deepEqual(tags.map((t) => t.name), ['tip', 'tip']);
    assert.deepEqual(escaped.map((r) => slice(text, r)), ['{{</* image link="./x.png" */>}}']);
  });

  it('reads the {{% %}} delimiter', () => {
    const text = '{{% involve_block title="Join" %}}\ntext\n{{% /involve_block %}}';
    const { tags, problems } = scanShortcodes(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(tags.map((t) => [t.kind, t.delimiter, t.name]), [
      ['open', '%', 'involve_block'],
      ['close', '%', 'involve_block'],
    ]);
  });

  it('reads {{< gloss="cni" >}} as gloss with a positional "cni", as Hugo does', () => {
    const { tags, problems } = scanShortcodes('{{< gloss="cni" >}}CNI{{< /gloss >}}');
    assert.deepEqual(problems, []);
    assert.equal(tags[0]!.name, 'gloss');
    assert.deepEqual(tags[0]!.params.map((p) => [p.name, p.index, p.value]), [[undefined, 0, 'cni']]);
  });

  it('reports the single-brace {< image … >}} of zh blog/2018/aws-nlb line 36 with its exact span', () => {
    const text = sample('content/zh/blog/2018/aws-nlb/index.md');
    const { problems } = scanShortcodes(text);
    const line36 = text.split('\n')[35]!;
    const lineStart = text.split('\n').slice(0, 35).join('\n').length + 1;
    const bad = problems.find((p) => p.code === 'shortcode.malformed-delimiter' && p.range.start >= lineStart && p.range.start < lineStart + line36.length);
    assert.ok(bad, JSON.stringify(problems));
    assert.equal(slice(text, bad.range), '{< image width="80%" link="./createpolicystart.png" caption="Create a new policy" >}}');
    assert.equal(bad.range.start - lineStart, 4);
  });

  it('reports the stray brace of {{{< image … >}} (zh blog/2018/aws-nlb line 40) and still reads the tag', () => {
    const text = sample('content/zh/blog/2018/aws-nlb/index.md');
    const { problems, tags } = scanShortcodes(text);
    const lineStart = text.split('\n').slice(0, 39).join('\n').length + 1;
    const stray = problems.find((p) => p.range.start === lineStart + 4);
    assert.ok(stray);
    assert.equal(stray.message.includes('stray'), true);
    assert.ok(tags.some((t) => t.range.start === lineStart + 5 && t.name === 'image'));
  });

  it('reports an opener that runs into the next tag as unterminated, with the range up to the name', () => {
    const text = '{{< image link="./a.png"\n\n{{< tip >}}\nx\n{{< /tip >}}';
    const { tags, problems } = scanShortcodes(text);
    assert.deepEqual(problems.map((p) => [p.code, slice(text, p.range)]), [['shortcode.unterminated', '{{< image']]);
    assert.deepEqual(tags.map((t) => [t.name, t.unterminated]), [['image', true], ['tip', false], ['tip', false]]);
  });

  it('reports an unterminated tag at the end of the file', () => {
    const text = 'text {{< text bash';
    const { problems } = scanShortcodes(text);
    assert.deepEqual(problems.map((p) => [p.code, slice(text, p.range)]), [['shortcode.unterminated', '{{< text']]);
  });

  it('reports an unterminated string without running past the tag', () => {
    const text = '{{< image link="./a.png caption="x" >}}\n{{< tip >}}\ny\n{{< /tip >}}';
    const { problems, tags } = scanShortcodes(text);
    assert.ok(problems.some((p) => p.code === 'shortcode.unterminated-string'), JSON.stringify(problems));
    assert.ok(tags.some((t) => t.name === 'tip'));
  });

  it('reports a missing name', () => {
    const text = 'a {{< >}} b';
    const { problems } = scanShortcodes(text);
    assert.deepEqual(problems.map((p) => [p.code, slice(text, p.range)]), [['shortcode.missing-name', '{{< >}}']]);
  });

  it('reports a tag closed with a single brace', () => {
    const text = '{{< istioctl >} x';
    const { problems } = scanShortcodes(text);
    assert.deepEqual(problems.map((p) => [p.code, slice(text, p.range)]), [['shortcode.malformed-delimiter', '>}']]);
  });

  it('reads a self-closing tag', () => {
    const { tags } = scanShortcodes('{{< tip />}}');
    assert.equal(tags[0]!.selfClosing, true);
  });

  it('scans 10,000 shortcodes and binary junk linearly, without throwing', () => {
    const many = '{{< image link="./a.png" caption="x" >}}\n'.repeat(10_000);
    const started = Date.now();
    assert.equal(scanShortcodes(many).tags.length, 10_000);
    const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('') + '{{<"{{< "'.repeat(5000);
    scanShortcodes(junk);
    // Generous bound: catches quadratic behaviour, not machine speed.
    assert.ok(Date.now() - started < 5000);
  });

  // content/en/boilerplates/revision-tags-prologue.md on istio.io, as written. Hugo 0.131 builds it, and the caption
  // shows `{{< istio_full_version_revision >}}` as written (test/hugo/shortcodeTags.test.ts).
  const PROLOGUE = `---\n---\n${REVISION_TAGS_PROLOGUE_BODY}`;

  it('reads a quoted parameter to its closing quote, a shortcode in it included, as Hugo does (revision-tags-prologue.md)', () => {
    const { tags, problems } = scanShortcodes(PROLOGUE);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      tags.map((t) => [t.name, slice(PROLOGUE, t.range).split('\n').length]),
      [
        ['image', 4],
        ['istio_full_version_revision', 1],
      ],
    );
    const caption = tags[0]!.params.find((p) => p.name === 'caption')!;
    assert.equal(caption.value, 'Namespace labels unchanged but now all namespaces pointed to {{< istio_full_version_revision >}}');
    assert.equal(caption.unterminated, false);
  });

  it('reads `>}}`, `{{%` and a backslash-escaped quote inside quotes, and a backtick value across lines, as text', () => {
    const text = '{{< image caption="a >}} b {{% c %}} \\" d" alt=`x\n{{< y >}}` >}} after';
    const { tags, problems } = scanShortcodes(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(tags[0]!.params.map((p) => [p.name, p.value]), [
      ['caption', 'a >}} b {{% c %}} " d'],
      ['alt', 'x\n{{< y >}}'],
    ]);
    assert.equal(slice(text, tags[0]!.range), text.slice(0, -' after'.length));
  });

  it('ends a "…" value at its line end, as Hugo does ("unterminated quoted string"), and still finds the tag end', () => {
    const text = '{{< image caption="a\nb" >}}\n{{< tip >}}\nx\n{{< /tip >}}';
    const { tags, problems } = scanShortcodes(text);
    assert.deepEqual(problems.map((p) => [p.code, slice(text, p.range)]), [['shortcode.unterminated-string', '"a']]);
    assert.deepEqual(tags.map((t) => t.name), ['image', 'tip', 'tip']);
  });

  it('reports a single-brace tag whose parameters are on the next lines, at its first line, with the `{` fix (en blog/2017/adapter-model)', () => {
    const page = sample('content/en/blog/2017/adapter-model/index.md');
    const at = page.indexOf('{{< image width="60%"\n    link="/blog/2017/adapter-model/machine.svg"');
    assert.ok(at > 0);
    const text = page.slice(0, at) + page.slice(at + 1);
    const bad = scanShortcodes(text).problems.filter((p) => p.code === 'shortcode.malformed-delimiter');
    assert.deepEqual(
      bad.map((p) => [slice(text, p.range), text.slice(0, p.range.start).split('\n').length, p.fix]),
      [
        [
          '{< image width="60%"\n    link="/blog/2017/adapter-model/machine.svg"\n    caption="Attribute Machine"\n    >}}',
          33,
          { title: 'Write `{{<`', range: { start: at, end: at }, newText: '{' },
        ],
      ],
    );
  });

  it('does not take a `{<` whose `>}}` comes after a blank line as a tag', () => {
    const text = 'a {< b\nc\n\nd >}} e';
    assert.deepEqual(scanShortcodes(text).problems, []);
  });
});
