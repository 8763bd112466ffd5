import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/engine/languageService';
import type { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { doc, MEM_ROOT, memorySite, rangeOf, sample } from '../../support/fixtures';

const EGRESS = 'content/en/blog/2018/egress-monitoring-access-control/index.md';
const ZH_EGRESS = 'content/zh/blog/2018/egress-monitoring-access-control/index.md';
const LINKER = 'content/en/blog/2019/linker.md';
const LINKER_TEXT = '---\ntitle: Linker\n---\nSee [before](/blog/2018/egress-monitoring-access-control/#before-you-begin) and [rel](../../2018/egress-monitoring-access-control/?v=1#before-you-begin).\n';

async function site(overrides: Record<string, string | null> = {}): Promise<{ service: LanguageService; fs: MemoryFileSystem }> {
  const fs = memorySite({ [LINKER]: LINKER_TEXT, ...overrides });
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  await service.siteOf(`${MEM_ROOT}/${EGRESS}`)!.summarized();
  return { service, fs };
}

const uri = (rel: string): string => `file://${MEM_ROOT}/${rel}`;

/** The position of the `occurrence`-th `needle` in the text, plus `shift` characters. */
function at(text: string, needle: string, shift = 0, occurrence = 0): Position {
  const r = rangeOf(text, needle, occurrence).start;
  return { line: r.line, character: r.character + shift };
}

/** Each edit of a file of the sample as `[line text before, line text after]`: readable and exact. */
function applied(edit: WorkspaceEdit | undefined, texts: Record<string, string>): Record<string, Array<[string, string]>> {
  const out: Record<string, Array<[string, string]>> = {};
  for (const [u, edits] of Object.entries(edit?.changes ?? {})) {
    const rel = u.slice(`file://${MEM_ROOT}/`.length);
    const lines = (texts[rel] ?? sample(rel)).split('\n');
    const byLine = new Map<number, TextEdit[]>();
    for (const e of edits) {
      assert.equal(e.range.start.line, e.range.end.line, 'every edit is inside one line');
      byLine.set(e.range.start.line, [...(byLine.get(e.range.start.line) ?? []), e]);
    }
    out[rel] = [...byLine].map(([line, es]) => {
      let after = lines[line]!;
      for (const e of [...es].sort((a, b) => b.range.start.character - a.range.start.character)) after = after.slice(0, e.range.start.character) + e.newText + after.slice(e.range.end.character);
      return [lines[line]!, after];
    });
  }
  return out;
}

describe('rename of a heading', () => {
  it('prepares the text of a heading with an automatic id, and the id of one with an explicit id', async () => {
    const { service } = await site();
    const en = sample(EGRESS);
    const p = await service.prepareRename(`${MEM_ROOT}/${EGRESS}`, doc(`${MEM_ROOT}/${EGRESS}`, en), at(en, '## Before you begin', 1));
    assert.deepEqual(p, { range: rangeOf(en, 'Before you begin'), placeholder: 'Before you begin' });
    const zh = sample(ZH_EGRESS);
    const q = service.prepareRename(`${MEM_ROOT}/${ZH_EGRESS}`, doc(`${MEM_ROOT}/${ZH_EGRESS}`, zh), at(zh, '开始之前', 1));
    assert.deepEqual(q, { range: rangeOf(zh, 'before-you-begin'), placeholder: 'before-you-begin' });
    // Not a heading; a heading whose id holds a shortcode (numbered in build order by Hugo).
    assert.equal(service.prepareRename(`${MEM_ROOT}/${EGRESS}`, doc(`${MEM_ROOT}/${EGRESS}`, en), { line: 60, character: 3 }), undefined);
    const odd = '---\ntitle: x\n---\n## Using {{< istioctl >}}\n';
    assert.equal(service.prepareRename(`${MEM_ROOT}/content/en/blog/x.md`, doc(`${MEM_ROOT}/content/en/blog/x.md`, odd), { line: 3, character: 5 }), undefined);
  });

  it('renames the text, every link to the anchor in every language, and the id the translation relies on', async () => {
    const { service } = await site();
    const en = sample(EGRESS);
    const edit = await service.rename(`${MEM_ROOT}/${EGRESS}`, doc(`${MEM_ROOT}/${EGRESS}`, en), at(en, 'Before you begin'), 'Prerequisites');
    assert.ok(edit && !('refused' in edit));
    assert.deepEqual(applied(edit, { [LINKER]: LINKER_TEXT }), {
      [EGRESS]: [
        ['## Before you begin', '## Prerequisites'],
        ['[Before you begin](#before-you-begin) section, enabled HTTP traffic to _edition.cnn.com_, and configured that traffic', '[Before you begin](#prerequisites) section, enabled HTTP traffic to _edition.cnn.com_, and configured that traffic'],
      ],
      [LINKER]: [
        [
          'See [before](/blog/2018/egress-monitoring-access-control/#before-you-begin) and [rel](../../2018/egress-monitoring-access-control/?v=1#before-you-begin).',
          'See [before](/blog/2018/egress-monitoring-access-control/#prerequisites) and [rel](../../2018/egress-monitoring-access-control/?v=1#prerequisites).',
        ],
      ],
      [ZH_EGRESS]: [
        ['## 开始之前{#before-you-begin}', '## 开始之前{#prerequisites}'],
        [sample(ZH_EGRESS).split('\n')[42]!, sample(ZH_EGRESS).split('\n')[42]!.replace('(#before-you-begin)', '(#prerequisites)')],
      ],
    });
  });

  it('pins the new id on a translation whose heading is still untranslated, and renames links to the translation', async () => {
    const uk = '---\ntitle: Ук\n---\n## Before you begin\n\nДив. [тут](#before-you-begin).\n';
    const ukLinker = '---\ntitle: Л\n---\n[x](/uk/blog/2018/egress-monitoring-access-control/#before-you-begin)\n';
    const { service } = await site({ 'content/uk/blog/2018/egress-monitoring-access-control/index.md': uk, 'content/uk/blog/l.md': ukLinker });
    const en = sample(EGRESS);
    const edit = await service.rename(`${MEM_ROOT}/${EGRESS}`, doc(`${MEM_ROOT}/${EGRESS}`, en), at(en, 'Before you begin'), 'Prerequisites');
    assert.ok(edit && !('refused' in edit));
    const got = applied(edit, { 'content/uk/blog/2018/egress-monitoring-access-control/index.md': uk, 'content/uk/blog/l.md': ukLinker, [LINKER]: LINKER_TEXT });
    assert.deepEqual(got['content/uk/blog/2018/egress-monitoring-access-control/index.md'], [
      ['## Before you begin', '## Before you begin {#prerequisites}'],
      ['Див. [тут](#before-you-begin).', 'Див. [тут](#prerequisites).'],
    ]);
    assert.deepEqual(got['content/uk/blog/l.md'], [['[x](/uk/blog/2018/egress-monitoring-access-control/#before-you-begin)', '[x](/uk/blog/2018/egress-monitoring-access-control/#prerequisites)']]);
  });

  it('follows the -1, -2 suffixes an automatic id moves', async () => {
    const page = '---\ntitle: T\n---\n## Setup\n\n## Install\n\n## Install\n\n[a](#setup) [b](#install) [c](#install-1)\n';
    const { service } = await site({ 'content/en/blog/t.md': page });
    const path = `${MEM_ROOT}/content/en/blog/t.md`;
    const edit = await service.rename(path, doc(path, page), { line: 3, character: 4 }, 'Install');
    assert.ok(edit && !('refused' in edit));
    assert.deepEqual(applied(edit, { 'content/en/blog/t.md': page })['content/en/blog/t.md'], [
      ['## Setup', '## Install'],
      ['[a](#setup) [b](#install) [c](#install-1)', '[a](#install) [b](#install-1) [c](#install-2)'],
    ]);
  });

  it('renames only the translation when the rename starts there', async () => {
    const { service } = await site();
    const zh = sample(ZH_EGRESS);
    const edit = await service.rename(`${MEM_ROOT}/${ZH_EGRESS}`, doc(`${MEM_ROOT}/${ZH_EGRESS}`, zh), at(zh, 'before-you-begin', 2), 'prep');
    assert.ok(edit && !('refused' in edit));
    assert.deepEqual(Object.keys(edit.changes ?? {}), [uri(ZH_EGRESS)]);
  });

  it('refuses an id Hugo would not read, an id already on the page, and a heading that would stop being one', async () => {
    const { service } = await site();
    const zh = sample(ZH_EGRESS);
    const zhDoc = doc(`${MEM_ROOT}/${ZH_EGRESS}`, zh);
    const pos = at(zh, 'before-you-begin', 2);
    assert.match(((await service.rename(`${MEM_ROOT}/${ZH_EGRESS}`, zhDoc, pos, 'two words')) as { refused: string }).refused, /not an id Hugo reads/);
    assert.match(((await service.rename(`${MEM_ROOT}/${ZH_EGRESS}`, zhDoc, pos, 'use-case')) as { refused: string }).refused, /already has a heading with the id `use-case`/);
    const en = sample(EGRESS);
    assert.match(((await service.rename(`${MEM_ROOT}/${EGRESS}`, doc(`${MEM_ROOT}/${EGRESS}`, en), at(en, 'Before you begin'), 'a\nb')) as { refused: string }).refused, /one line/);
  });
});

describe('references', () => {
  it('lists the links to a heading from every page, the heading first when asked', async () => {
    const { service } = await site();
    const en = sample(EGRESS);
    const refs = await service.references(`${MEM_ROOT}/${EGRESS}`, doc(`${MEM_ROOT}/${EGRESS}`, en), at(en, 'Before you begin', 3), true);
    assert.deepEqual(refs, [
      { uri: uri(EGRESS), range: rangeOf(en, 'Before you begin') },
      { uri: uri(EGRESS), range: rangeOf(en, '#before-you-begin') },
      { uri: uri(LINKER), range: rangeOf(LINKER_TEXT, '/blog/2018/egress-monitoring-access-control/#before-you-begin') },
      { uri: uri(LINKER), range: rangeOf(LINKER_TEXT, '../../2018/egress-monitoring-access-control/?v=1#before-you-begin') },
    ]);
  });

  it('lists every page linking to a page from its title or from a link to it, and the pages using an image', async () => {
    const { service } = await site();
    const adapter = 'content/en/blog/2017/adapter-model/index.md';
    const text = sample(adapter);
    const fromTitle = await service.references(`${MEM_ROOT}/${adapter}`, doc(`${MEM_ROOT}/${adapter}`, text), at(text, 'Mixer Adapter Model'), false);
    const egress = sample(EGRESS);
    assert.deepEqual(fromTitle, [0, 1, 2].map((i) => ({ uri: uri(EGRESS), range: rangeOf(egress, '/blog/2017/adapter-model/', i) })));
    const fromLink = await service.references(`${MEM_ROOT}/${EGRESS}`, doc(`${MEM_ROOT}/${EGRESS}`, egress), at(egress, '/blog/2017/adapter-model/', 3), true);
    assert.deepEqual(fromLink, [{ uri: uri(adapter), range: rangeOf(text, 'Mixer Adapter Model') }, ...fromTitle]);
    const image = await service.references(`${MEM_ROOT}/${adapter}`, doc(`${MEM_ROOT}/${adapter}`, text), at(text, 'machine.svg'), false);
    assert.deepEqual(image, [{ uri: uri(adapter), range: rangeOf(text, '/blog/2017/adapter-model/machine.svg') }]);
  });

  it('on a link\'s #fragment, lists the links to that heading; kept current when a page changes on disk', async () => {
    const { service, fs } = await site();
    const path = `${MEM_ROOT}/${LINKER}`;
    const onFragment = await service.references(path, doc(path, LINKER_TEXT), at(LINKER_TEXT, '#before-you-begin', 3), false);
    assert.equal(onFragment.length, 3);
    fs.write(`${MEM_ROOT}/content/en/blog/2019/other.md`, '---\ntitle: O\n---\n[o](/blog/2018/egress-monitoring-access-control/#before-you-begin)\n');
    service.fileChanged(`${MEM_ROOT}/content/en/blog/2019/other.md`, 'created');
    const after = await service.references(path, doc(path, LINKER_TEXT), at(LINKER_TEXT, '#before-you-begin', 3), false);
    assert.deepEqual(after.map((l) => l.uri), [uri(EGRESS), uri('content/en/blog/2019/linker.md'), uri('content/en/blog/2019/linker.md'), uri('content/en/blog/2019/other.md')]);
  });
});
