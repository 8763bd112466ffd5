import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { PLAN_MOVE_PAGE_REQUEST, type PlanMovePageResult } from '../../server/protocol';
import { LspTestClient } from '../support/lspClient';
import { rangeOf, SAMPLE_SITE } from '../support/fixtures';

const EGRESS = 'content/en/blog/2018/egress-monitoring-access-control/index.md';
const ZH_EGRESS = 'content/zh/blog/2018/egress-monitoring-access-control/index.md';
const ADAPTER = 'content/en/blog/2017/adapter-model/index.md';
const ZH_ADAPTER = 'content/zh/blog/2017/adapter-model/index.md';
/** A page of the copy that links to the heading from elsewhere, root-relative and relative. */
const LINKER = 'content/en/blog/2019/linker.md';
const LINKER_TEXT = '---\ntitle: Linker\n---\nSee [before](/blog/2018/egress-monitoring-access-control/#before-you-begin) and [rel](../../2018/egress-monitoring-access-control/#before-you-begin).\n';

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

describe('rename, references and page moves over the protocol', () => {
  let client: LspTestClient;
  let site: string;
  let init: InitializeResult;
  const read = (rel: string): string => fs.readFileSync(path.join(site, rel), 'utf8');
  const uri = (rel: string): string => client.uri(path.join(site, rel));

  before(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-rename-'));
    fs.cpSync(path.join(SAMPLE_SITE, 'content'), path.join(site, 'content'), { recursive: true });
    fs.writeFileSync(path.join(site, LINKER), LINKER_TEXT);
    client = new LspTestClient();
    init = await client.initialize(site);
    await client.request('istio/indexStatus', { wait: true });
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('announces rename with prepare, references and the file renames it takes part in', () => {
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
    assert.equal(init.capabilities.referencesProvider, true);
    assert.deepEqual(init.capabilities.workspace?.fileOperations?.willRename, { filters: [{ pattern: { glob: '**/content/**' } }] });
  });

  it('prepareRename: the heading text (automatic id) or its {#id}; nothing elsewhere', async () => {
    const en = read(EGRESS);
    const enUri = await client.open(path.join(site, EGRESS), en);
    assert.deepEqual(await client.request('textDocument/prepareRename', { textDocument: { uri: enUri }, position: { line: 52, character: 8 } }), {
      range: lineRange(52, 3, 19),
      placeholder: 'Before you begin',
    });
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri: enUri }, position: { line: 53, character: 2 } }), null);
    const zh = read(ZH_EGRESS);
    const zhUri = await client.open(path.join(site, ZH_EGRESS), zh);
    assert.deepEqual(await client.request('textDocument/prepareRename', { textDocument: { uri: zhUri }, position: { line: 34, character: 4 } }), {
      range: lineRange(34, 9, 25),
      placeholder: 'before-you-begin',
    });
    await client.close(zhUri);
    await client.close(enUri);
  });

  it('rename of a heading: exact edits in the page, the pages linking to it, and the translation relying on its id', async () => {
    const en = read(EGRESS);
    const enUri = await client.open(path.join(site, EGRESS), en);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: enUri }, position: { line: 52, character: 8 }, newName: 'Prerequisites' });
    assert.deepEqual(edit, {
      changes: {
        [enUri]: [
          { range: lineRange(52, 3, 19), newText: 'Prerequisites' },
          { range: lineRange(66, 20, 36), newText: 'prerequisites' },
        ],
        [uri(LINKER)]: [
          { range: lineRange(3, 58, 74), newText: 'prerequisites' },
          { range: lineRange(3, 131, 147), newText: 'prerequisites' },
        ],
        [uri(ZH_EGRESS)]: [
          { range: lineRange(34, 9, 25), newText: 'prerequisites' },
          { range: lineRange(42, 21, 37), newText: 'prerequisites' },
        ],
      },
    });
    // What the client applies: the zh heading keeps matching the English id.
    assert.equal(read(ZH_EGRESS).split('\n')[34]!.slice(9, 25), 'before-you-begin');
    await client.close(enUri);
  });

  it('refuses an id Hugo would not read, with a message the editor shows', async () => {
    const zh = read(ZH_EGRESS);
    const zhUri = await client.open(path.join(site, ZH_EGRESS), zh);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: zhUri }, position: { line: 34, character: 12 }, newName: 'two words' }),
      (e: Error & { code?: number }) => e.code === -32803 && /not an id Hugo reads/.test(e.message),
    );
    await client.close(zhUri);
  });

  it('references: on a heading, on a page title, and on a link', async () => {
    const en = read(EGRESS);
    const enUri = await client.open(path.join(site, EGRESS), en);
    const onHeading = await client.request<Location[]>('textDocument/references', { textDocument: { uri: enUri }, position: { line: 52, character: 8 }, context: { includeDeclaration: false } });
    assert.deepEqual(onHeading, [
      { uri: enUri, range: lineRange(66, 19, 36) },
      { uri: uri(LINKER), range: lineRange(3, 13, 74) },
      { uri: uri(LINKER), range: lineRange(3, 86, 147) },
    ]);
    const adapter = read(ADAPTER);
    const adapterUri = await client.open(path.join(site, ADAPTER), adapter);
    const onTitle = await client.request<Location[]>('textDocument/references', { textDocument: { uri: adapterUri }, position: { line: 1, character: 10 }, context: { includeDeclaration: true } });
    const links = [0, 1, 2].map((i) => ({ uri: enUri, range: rangeOf(en, '/blog/2017/adapter-model/', i) }));
    assert.deepEqual(onTitle, [{ uri: adapterUri, range: lineRange(1, 7, 26) }, ...links]);
    assert.deepEqual(links.map((l) => l.range.start.line), [79, 281, 293]);
    const onLink = await client.request<Location[]>('textDocument/references', { textDocument: { uri: enUri }, position: { line: 79, character: 30 }, context: { includeDeclaration: false } });
    assert.deepEqual(onLink, links);
    await client.close(adapterUri);
    await client.close(enUri);
  });

  it('willRenameFiles of a bundle folder: links in every page follow and the old URL joins the aliases', async () => {
    const edit = await client.request<WorkspaceEdit>('workspace/willRenameFiles', {
      files: [{ oldUri: uri('content/en/blog/2017/adapter-model'), newUri: uri('content/en/blog/2017/mixer-adapter-model') }],
    });
    const en = read(EGRESS);
    const at = (i: number): Range => rangeOf(en, '/blog/2017/adapter-model/', i);
    assert.deepEqual(edit, {
      changes: {
        [uri(ADAPTER)]: [
          { range: lineRange(8, 36, 36), newText: '\n    - /blog/2017/adapter-model/' },
          { range: lineRange(33, 10, 46), newText: '/blog/2017/mixer-adapter-model/machine.svg' },
        ],
        [uri(EGRESS)]: [0, 1, 2].map((i) => ({ range: at(i), newText: '/blog/2017/mixer-adapter-model/' })),
      },
    });
  });

  it('istio/planMovePage: the folder of every language version, or why not', async () => {
    const plan = await client.request<PlanMovePageResult>(PLAN_MOVE_PAGE_REQUEST.method, { uri: uri(ZH_ADAPTER), url: '/zh/blog/2017/mixer-adapters/' });
    assert.deepEqual(plan, {
      renames: [
        { oldUri: uri('content/en/blog/2017/adapter-model'), newUri: uri('content/en/blog/2017/mixer-adapters') },
        { oldUri: uri('content/zh/blog/2017/adapter-model'), newUri: uri('content/zh/blog/2017/mixer-adapters') },
      ],
    });
    const refused = await client.request<PlanMovePageResult>(PLAN_MOVE_PAGE_REQUEST.method, { uri: uri(ADAPTER), url: '/blog/2023/istiocon-china/' });
    assert.deepEqual(refused, { error: '`content/en/blog/2023/istiocon-china` already exists.' });
  });
});
