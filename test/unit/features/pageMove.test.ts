import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { addAliasEdit } from '../../../server/engine/features/links/aliasEdit';
import { relativeUrl } from '../../../server/engine/features/links/rewriteTarget';
import { LanguageService } from '../../../server/engine/languageService';
import { MEM_ROOT, memorySite, sample } from '../../support/fixtures';

const C = `${MEM_ROOT}/content`;
const EGRESS = 'content/en/blog/2018/egress-monitoring-access-control/index.md';
const ZH_EGRESS = 'content/zh/blog/2018/egress-monitoring-access-control/index.md';
const ADAPTER = 'content/en/blog/2017/adapter-model/index.md';
const ZH_ADAPTER = 'content/zh/blog/2017/adapter-model/index.md';

async function site(overrides: Record<string, string | null> = {}): Promise<LanguageService> {
  const service = new LanguageService({ fs: memorySite(overrides), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  await service.siteOf(`${C}/en/blog/_index.md`)!.summarized();
  return service;
}

/** The changed lines of each file, `[before, after]`, from the sample's text or `texts`. */
function applied(edit: WorkspaceEdit | undefined, texts: Record<string, string> = {}): Record<string, Array<[string, string]>> {
  const out: Record<string, Array<[string, string]>> = {};
  for (const [u, edits] of Object.entries(edit?.changes ?? {})) {
    const rel = u.slice(`file://${MEM_ROOT}/`.length);
    const lines = (texts[rel] ?? sample(rel)).split('\n');
    const byLine = new Map<number, TextEdit[]>();
    for (const e of edits) byLine.set(e.range.start.line, [...(byLine.get(e.range.start.line) ?? []), e]);
    out[rel] = [...byLine].map(([line, es]) => {
      let after = lines[line]!;
      for (const e of [...es].sort((a, b) => b.range.start.character - a.range.start.character)) after = after.slice(0, e.range.start.character) + e.newText + after.slice(e.range.end.character);
      return [lines[line]!, after];
    });
  }
  return out;
}

describe('moving pages', () => {
  it('a bundle folder renamed: links and image links follow, and the old URL becomes an alias', async () => {
    const service = await site();
    const edit = await service.filesMoved([{ from: `${C}/en/blog/2017/adapter-model`, to: `${C}/en/blog/2017/mixer-adapter-model` }]);
    const egress = sample(EGRESS).split('\n');
    assert.deepEqual(applied(edit), {
      [ADAPTER]: [
        ['    - /blog/mixer-adapter-model.html', '    - /blog/mixer-adapter-model.html\n    - /blog/2017/adapter-model/'],
        ['    link="/blog/2017/adapter-model/machine.svg"', '    link="/blog/2017/mixer-adapter-model/machine.svg"'],
      ],
      [EGRESS]: [79, 281, 293].map((i) => [egress[i]!, egress[i]!.replace('(/blog/2017/adapter-model/)', '(/blog/2017/mixer-adapter-model/)')]),
    });
  });

  it('every language moved at once: each language\'s links follow its own page', async () => {
    const service = await site();
    const plan = await service.planPageMove(`${C}/en/blog/2017/adapter-model/index.md`, '/blog/2017/mixer-adapters/');
    assert.deepEqual(plan, {
      moves: [
        { from: `${C}/en/blog/2017/adapter-model`, to: `${C}/en/blog/2017/mixer-adapters` },
        { from: `${C}/zh/blog/2017/adapter-model`, to: `${C}/zh/blog/2017/mixer-adapters` },
      ],
    });
    const edit = await service.filesMoved('moves' in plan ? plan.moves : []);
    const got = applied(edit);
    assert.deepEqual(Object.keys(got).sort(), [ADAPTER, EGRESS, ZH_ADAPTER, ZH_EGRESS]);
    assert.deepEqual(got[ZH_ADAPTER], [
      ['    - /zh/blog/mixer-adapter-model.html', '    - /zh/blog/mixer-adapter-model.html\n    - /zh/blog/2017/adapter-model/'],
      ['    link="/zh/blog/2017/adapter-model/machine.svg"', '    link="/zh/blog/2017/mixer-adapters/machine.svg"'],
    ]);
    assert.deepEqual(
      got[ZH_EGRESS]!.map(([, after]) => after.match(/\(\/zh\/blog\/2017\/[^)]*\)/)![0]),
      ['(/zh/blog/2017/mixer-adapters/)', '(/zh/blog/2017/mixer-adapters/)'],
    );
  });

  it('relative links: from outside to the moved page, and from the moved page to pages that stay', async () => {
    const inside = '---\ntitle: In\n---\n[up](../../2017/adapter-model/) ![d](./d.svg) [same](#x) [abs](/blog/2019/out/)\n\n{{< image link="./d.svg" caption="d" >}}\n';
    const outside = '---\ntitle: Out\n---\n[to](../../2018/inside/) [img](../../2018/inside/d.svg) [full](https://istio.io/latest/blog/2018/inside)\n';
    const service = await site({ 'content/en/blog/2018/inside/index.md': inside, 'content/en/blog/2018/inside/d.svg': '', 'content/en/blog/2019/out/index.md': outside });
    const edit = await service.filesMoved([{ from: `${C}/en/blog/2018/inside`, to: `${C}/en/blog/deep/er/moved` }]);
    const texts = { 'content/en/blog/2018/inside/index.md': inside, 'content/en/blog/2019/out/index.md': outside };
    assert.deepEqual(applied(edit, texts), {
      'content/en/blog/2018/inside/index.md': [
        ['---', 'aliases:\n    - /blog/2018/inside/\n---'],
        ['[up](../../2017/adapter-model/) ![d](./d.svg) [same](#x) [abs](/blog/2019/out/)', '[up](../../../2017/adapter-model/) ![d](./d.svg) [same](#x) [abs](/blog/2019/out/)'],
      ],
      'content/en/blog/2019/out/index.md': [
        [
          '[to](../../2018/inside/) [img](../../2018/inside/d.svg) [full](https://istio.io/latest/blog/2018/inside)',
          '[to](../../deep/er/moved/) [img](../../deep/er/moved/d.svg) [full](https://istio.io/latest/blog/deep/er/moved)',
        ],
      ],
    });
  });

  it('a single-file page renamed, and the Move Page plan\'s refusals', async () => {
    const leaf = 'content/en/blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md';
    const linker = '---\ntitle: L\n---\n[x](/blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do)\n';
    const service = await site({ 'content/en/blog/2019/l.md': linker });
    const edit = await service.filesMoved([{ from: `${MEM_ROOT}/${leaf}`, to: `${C}/en/blog/2024/stuff-to-do.md` }]);
    assert.deepEqual(applied(edit, { 'content/en/blog/2019/l.md': linker }), {
      'content/en/blog/2019/l.md': [['[x](/blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do)', '[x](/blog/2024/stuff-to-do)']],
      [leaf]: [['---', 'aliases:\n    - /blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do/\n---']],
    });
    const plan = await service.planPageMove(`${MEM_ROOT}/${leaf}`, 'blog/2024/stuff');
    assert.deepEqual(plan, { moves: ['en', 'uk', 'zh'].map((l) => ({ from: `${C}/${l}/${leaf.slice('content/en/'.length)}`, to: `${C}/${l}/blog/2024/stuff.md` })) });
    assert.deepEqual(await service.planPageMove(`${C}/en/blog/2017/adapter-model/index.md`, '/blog/2023/istiocon-china/'), { refused: '`content/en/blog/2023/istiocon-china` already exists.' });
    assert.match(((await service.planPageMove(`${C}/en/blog/2017/adapter-model/index.md`, '/blog/Two Words/')) as { refused: string }).refused, /not a page URL/);
    assert.match(((await service.planPageMove(`${C}/en/blog/2017/adapter-model/index.md`, '/blog/2017/adapter-model/sub')) as { refused: string }).refused, /inside its own folder/);
  });

  it('nothing to do for a move outside the content tree', async () => {
    const service = await site();
    assert.equal(await service.filesMoved([{ from: `${MEM_ROOT}/layouts/x`, to: `${MEM_ROOT}/layouts/y` }]), undefined);
  });
});

describe('the pieces', () => {
  it('relative URLs between folders', () => {
    assert.equal(relativeUrl('/blog/2018/a/', '/blog/2019/b/'), '../../2019/b/');
    assert.equal(relativeUrl('/blog/2018/a/', '/blog/2018/a/x.svg'), 'x.svg');
    assert.equal(relativeUrl('/blog/2018/a/', '/blog/'), '../../');
    assert.equal(relativeUrl('/a/', '/a/'), './');
  });

  it('adds an alias in the style of the frontmatter, once', () => {
    const apply = (t: string): string => {
      const e = addAliasEdit(t, '/new/');
      return e ? t.slice(0, e.range.start) + e.newText + t.slice(e.range.end) : '(unchanged)';
    };
    assert.equal(apply('---\ntitle: X\naliases:\n  - /a\n---\n'), '---\ntitle: X\naliases:\n  - /a\n  - /new/\n---\n');
    assert.equal(apply('---\ntitle: X\naliases: [/a]\n---\n'), '---\ntitle: X\naliases: [/a, /new/]\n---\n');
    assert.equal(apply('---\ntitle: X\naliases: []\n---\n'), '---\ntitle: X\naliases: [/new/]\n---\n');
    assert.equal(apply('---\ntitle: X\naliases: /a\n---\n'), '---\ntitle: X\naliases:\n    - /a\n    - /new/\n---\n');
    assert.equal(apply('---\r\ntitle: X\r\n---\r\n'), '---\r\ntitle: X\r\naliases:\r\n    - /new/\r\n---\r\n');
    assert.equal(apply('---\ntitle: X\naliases:\n    - /NEW\n---\n'), '(unchanged)');
    assert.equal(apply('no frontmatter\n'), '(unchanged)');
  });
});
