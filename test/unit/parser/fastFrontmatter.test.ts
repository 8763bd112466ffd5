import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fastFrontmatter } from '../../../server/engine/parser/fastFrontmatter';
import { parseFrontmatter, type Frontmatter } from '../../../server/engine/parser/frontmatter';
import { sample, sampleFiles } from '../../support/fixtures';
import { fuzzIterations, fuzzSeed } from '../../support/mutate';
import { Prng } from '../../support/prng';

/** Everything a feature can read from a Frontmatter, as plain data (value nodes by their span and value). */
function view(fm: Frontmatter | undefined): unknown {
  if (!fm) return undefined;
  return {
    range: fm.range,
    openRange: fm.openRange,
    contentRange: fm.contentRange,
    closed: fm.closed,
    entries: fm.entries.map((e) => ({
      key: e.key,
      keyRange: e.keyRange,
      valueRange: e.valueRange,
      value: e.value,
      rawValue: e.rawValue,
      node: e.valueNode ? { range: e.valueNode.range, json: e.valueNode.toJSON() as unknown } : undefined,
    })),
    byKey: [...fm.byKey.keys()],
    data: fm.data,
    problems: fm.problems,
    yaml: fm.yaml ? { errors: fm.yaml.errors.map((e) => e.message), range: fm.yaml.contents?.range } : undefined,
  };
}

function same(text: string, label: string): void {
  assert.deepEqual(view(parseFrontmatter(text)), view(parseFrontmatter(text, { fast: false })), label);
}

const FRONTMATTER_LINES = [
  'title: Plain title', 'title: "Quoted: title"', "title: 'single'", 'title: It\'s', 'description: Ends with a period.', 'publishdate: 2023-06-22',
  'publishdate: 2022-09-07T08:00:00-06:00', 'last_update: 2019-1-5', 'target_release: 1.10', 'target_release: 1.8.0', 'weight: 10', 'weight: 010',
  'weight: 0x1F', 'draft: true', 'draft: yes', 'draft: off', 'y: 1', 'n:', 'subtitle:', 'subtitle: ', 'subtitle: ~', 'keywords: [istio, traffic, "a b"]',
  "keywords: ['x', y]", 'keywords: []', 'keywords: [a,b,]', 'keywords: [yes, 1.5]', 'aliases:', '  - /blog/x.html', '- /docs/y', '    - deep',
  'attribution: "Name (Company); Translated by X"', 'title: a # comment', '# comment', 'title: multi', '  line', 'linkTitle: x', 'linktitle: y',
  'title: "esc \\" quote"', 'title: [unclosed', 'key with space: v', '"quoted key": v', 'title: &a anchor', 'other: *a', 'title: !!str 1', 'x: |',
  '  block', 'icon: blog', 'twitter: istiomesh', 'list_by_publishdate: true', 'outputs: [html, rss]', 'title: 中文标题', 'title: Тема', 'title: a:b',
  'title: url http://x', 'title: -dash', 'title: 5 things', 'tab:\there', '', '', 'title: 2017 Posts', 'title: 1.5 release', 'weight: 1_000',
  'v: 1e3', 'v: .5', 'v: 12:30', 'v: 2001-12-14 21:59:43.10 -5', 'v: 2001-12-14t21:59:43.10-05:00', 'v: 2001-12-14T21:59:43Z', 'title: 2023-06-22 recap',
  'v: 0', 'v: -1', 'v: +5', 'v: 0.0', 'v: 1.', 'v: 99999999999999999999', 'title: a  ', 'title:   spaced', 'keywords: [ a , b ]', 'keywords: [a b, c]',
  'keywords: [2017 posts]', 'keywords: ["x, y"]', 'keywords: [1, 2]', 'keywords: [on]', 'title: "x"y', "title: 'a''b'", 'title: null', 'title: Null value',
  '  - "quoted item"', '  - 2023-01-01', '  -', 'aliases: x', '---', '...', 'title: ä', 'Title: x', 'title: [a]', 'title: {a: b}', 'title: x:',
];

describe('frontmatter fast path', () => {
  it('gives exactly what the YAML library gives on every page of the sample site, and takes the fast path on most', () => {
    let fast = 0;
    const pages = sampleFiles().filter((f) => f.endsWith('.md'));
    for (const rel of pages) {
      const text = sample(rel);
      same(text, rel);
      const fm = parseFrontmatter(text, { fast: false });
      if (fm?.closed && fastFrontmatter(text.slice(fm.contentRange.start, fm.contentRange.end), fm.contentRange.start)) fast++;
    }
    assert.ok(fast >= pages.length * 0.9, `fast path on ${fast} of ${pages.length} pages`);
  });

  it(`agrees with the YAML library on ${fuzzIterations(3000)} random frontmatters (seed ${fuzzSeed()})`, () => {
    const rng = new Prng(fuzzSeed());
    for (let i = 0; i < fuzzIterations(3000); i++) {
      const lines: string[] = [];
      const n = 1 + rng.int(8);
      for (let k = 0; k < n; k++) lines.push(rng.pick(FRONTMATTER_LINES));
      const text = `---\n${lines.join('\n')}\n---\nbody\n`;
      same(text, JSON.stringify(text));
    }
  });
});
