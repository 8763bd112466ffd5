// The style check against the real `mdl` (Ruby markdownlint 0.12, Debian ruby-mdl), run as `make lint` runs it: on
// the script's copy (real sed), `mdl --ignore-front-matter --style mdl.rb .`. Findings are compared as mdl prints
// them (`line MDxxx`); the engine's diagnostics carry that line in `data.mdlLine` and sit on the page's own line.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { engine, hasTool, realMdl, samplePages, scriptCopy } from './harness';

const POST = 'content/en/blog/2020/proxy-cert/index.md';
const base = samplePages(['en'])[POST]!;
/** A real post with a fault planted after its first paragraph (line 10 is `{{< boilerplate … >}}`). */
const planted = (fault: string): string => base.replace('\n\nIstio sidecars obtain', `\n\n${fault}\n\nIstio sidecars obtain`);

/** One page per rule of mdl.rb, each with its fault, and the hard cases, each a page of its own. */
const PAGES: Record<string, string> = {
  md001: planted('## Section\n\n#### Too deep'),
  md002: base.replace('---\n\n{{< boilerplate', '---\n\n# Top\n\n{{< boilerplate'),
  md003: planted('## Atx\n\nSetext\n------'),
  md004: planted('* one\n* two\n\n- three'),
  md005: planted('* one\n * two'),
  md006: planted(' * indented list'),
  md007: planted('* one\n  * two'),
  md009: planted('Trailing spaces here   \nand more.'),
  md010: planted('A\thard tab.'),
  md011: planted('A (reversed)[link] here.'),
  md012: planted('One.\n\n\nTwo.'),
  md018: planted('##No space'),
  md019: planted('##  Two spaces'),
  md020: planted('## Closed##'),
  md021: planted('##  Closed  ##'),
  md022: planted('## Heading\nText right after.'),
  md023: planted('Text\n  ## Indented heading'),
  md024: planted('## Same\n\nText.\n\n## Same'),
  md025: '---\ntitle: x\n---\n# One\n\n# Two\n',
  md026: planted('## Heading ends with a colon:'),
  md027: planted('>  Two spaces after the marker.'),
  md028: planted('> one\n\n> two'),
  md029: planted('1. one\n2. two'),
  md031: planted('Text\n{{< text bash >}}\n$ ls\n{{< /text >}}\nMore.'),
  md034: planted('See https://example.com for more.'),
  md035: planted('---\n\nText.\n\n***'),
  md036: planted('**Bold as a heading**'),
  md037: planted('Some * spaced * emphasis.'),
  md038: planted('A code span `ls ` with a space.'),
  md039: planted('A [ link](https://example.com) with a space.'),
  md040: planted('```\nno language\n```'),
  md047: base.trimEnd(),
  // Hard cases: what the script's edits and the site's habits put in front of mdl.
  'hard-text-in-list': planted('1.  Step one:\n\n    {{< text bash >}}\n    $ kubectl get pods\n    {{< /text >}}\n\n1.  Step two.'),
  'hard-shortcodes': planted('{{< image width="75%" link="./x.png" caption="A caption, with https://example.com" >}}\n\n{{< tip >}}\nA tip.\n{{< /tip >}}'),
  'hard-tabs-in-text-block': planted('{{< text yaml >}}\nkey:\n\tvalue: 1\n{{< /text >}}'),
  'hard-cjk': planted('## 中文标题：\n\n中文段落，含有 `code` 和链接 [文档](/zh/docs/)。'),
  'hard-code-spans': planted('Use `https://example.com` or ``a ` b`` and ` lone backtick.'),
  'hard-urls': planted('<https://example.com> and [https://example.com](https://example.com) and ![alt](https://example.com/x.png).'),
  'hard-heading-ids': planted('## Section {#section}\n\nText.\n\n### Deeper {#deeper}'),
  'hard-blank-after-frontmatter': '---\ntitle: x\n---\nText   \n',
  // Fences whose closer is shorter, of the other character, or missing (the block scan asks for a closer only when a
  // later line can be one), and one properly closed after them.
  // Headers repeated in every form kramdown reads (ATX, closed ATX, setext, in a list, in a quote, after an escape):
  // MD024 now puts each text in a set in line order instead of comparing every pair.
  'repeated-headers': planted('## Same\n\nText.\n\n## Same ##\n\nSame\n----\n\n- item\n\n  ## Same\n\n> ## Same\n\n## Other\n\n## \\## Same\n\n# Same\n\n## Other #'),
  'nested-header-punctuation': planted('> ## Quoted ends with a colon:\n\n- item\n\n  ## Listed ends with a period.\n\n## Top ends with a question?'),
  'hard-unclosed-fences': planted('~~~~ yaml\na: 1\n~~~\n\nText after a shorter closer.\n\n```bash\n$ ls\n~~~\n\n````bash\n$ ls\n````\n\nText.') + '\n```\nNo closer after this one.\n',
};

/**
 * Known differences, each with its reason: `page line MDxxx` on the side that has it. An entry not seen is itself a
 * failure, so this list cannot go stale.
 */
const KNOWN: Record<string, string> = {};

describe('style: the engine against the real mdl', () => {
  let dir = '';
  let pages: Record<string, string> = {};
  before(() => {
    // A missing oracle fails the layer, with the way to install it (npm test installs it first).
    assert.ok(hasTool('mdl'), 'mdl is not installed: run scripts/install-editor-tools.sh (Debian package ruby-mdl)');
    pages = { ...samplePages(['en', 'zh']) };
    for (const [name, text] of Object.entries(PAGES)) pages[`content/en/blog/2099/${name}/index.md`] = text;
    dir = scriptCopy(pages);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports what mdl reports, page by page, line by line', () => {
    const real = realMdl(dir);
    const ours = engine(pages);
    const diff: string[] = [];
    const seenKnown = new Set<string>();
    for (const rel of Object.keys(pages)) {
      const want = new Set(real.get(rel) ?? []);
      const got = new Set(
        (ours.get(rel) ?? []).filter((d) => d.code.startsWith('style.')).map((d) => `${(d.data as { mdlLine: number }).mdlLine} ${d.code.slice(6).toUpperCase()}`),
      );
      for (const f of want) if (!got.has(f)) (KNOWN[`${rel} ${f}`] ? seenKnown.add(`${rel} ${f}`) : diff.push(`${rel}: mdl only: ${f}`));
      for (const f of got) if (!want.has(f)) (KNOWN[`${rel} ${f}`] ? seenKnown.add(`${rel} ${f}`) : diff.push(`${rel}: engine only: ${f}`));
    }
    for (const k of Object.keys(KNOWN)) if (!seenKnown.has(k)) diff.push(`known difference no longer seen: ${k}`);
    assert.deepEqual(diff, []);
  });

  it('finds every planted fault (mdl does too)', () => {
    const real = realMdl(dir);
    const missing = Object.keys(PAGES)
      .filter((n) => n.startsWith('md'))
      .filter((n) => !(real.get(`content/en/blog/2099/${n}/index.md`) ?? []).some((f) => f.endsWith(` ${n.toUpperCase()}`)));
    assert.deepEqual(missing, []);
  });

  it('reports nothing on the published sample pages (en and zh), as mdl', () => {
    const real = realMdl(dir);
    const onSample = [...real.keys()].filter((k) => !k.includes('/2099/'));
    assert.deepEqual(onSample, []);
  });
});
