import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentLink, Hover, MarkupContent } from 'vscode-languageserver-types';
import { LspTestClient } from '../support/lspClient';
import { SAMPLE_SITE } from '../support/fixtures';
import { completionItems } from '../support/completionItems';

/** A throwaway copy of the sample site: these tests delete and create files in it. */
function tempSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-links-'));
  fs.cpSync(path.join(SAMPLE_SITE, 'content'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));

describe('images and links over the protocol', () => {
  let client: LspTestClient;
  let site: string;

  before(async () => {
    site = tempSite();
    client = new LspTestClient();
    await client.initialize(site);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('answers document links, hover and completion for an image of an open post', async () => {
    const post = path.join(site, 'content/en/blog/2023/istiocon-china/index.md');
    const text = fs.readFileSync(post, 'utf8');
    const uri = await client.open(post, text);
    await client.waitForDiagnostics(uri);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.ok(links.some((l) => l.target === client.uri(path.join(site, 'content/en/blog/2023/istiocon-china/users-engaging.jpg'))));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('./users-engaging.jpg'));
    const character = lines[line]!.indexOf('users-engaging');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.match((hover.contents as MarkupContent).value, /\*\*users-engaging\.jpg\*\* — empty file \(0 bytes\)/);
    const items = completionItems(await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: character + 3 } }));
    assert.ok(items.some((i) => i.label === 'users-engaging.jpg'));
    await client.close(uri);
  });

  it('reports an image deleted on disk in an open post, and clears it when the image is restored', async () => {
    const post = path.join(site, 'content/en/blog/2023/istiocon-china/index.md');
    const image = path.join(site, 'content/en/blog/2023/istiocon-china/users-engaging.jpg');
    const text = fs.readFileSync(post, 'utf8');
    const uri = await client.open(post, text);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.every((d) => d.severity !== 1));

    fs.rmSync(image);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(image), type: 3 }] });
    const broken = await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('image.not-found'));
    const d = broken.diagnostics.find((x) => x.code === 'image.not-found')!;
    const line = text.split('\n').findIndex((l) => l.includes('users-engaging.jpg'));
    const col = text.split('\n')[line]!.indexOf('./users-engaging.jpg');
    assert.deepEqual(d.range, { start: { line, character: col }, end: { line, character: col + './users-engaging.jpg'.length } });
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'istio');

    fs.writeFileSync(image, '');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(image), type: 1 }] });
    await client.waitForDiagnostics(uri, (p) => !codes(p.diagnostics).includes('image.not-found'));
    await client.close(uri);
  });

  it('re-checks a post when the bundle folder it links to is deleted as one folder event', async () => {
    // A full checkout: missing pages are errors there (in an excerpt they are not reported).
    fs.writeFileSync(path.join(site, 'hugo.toml'), '');
    const post = path.join(site, 'content/en/blog/2023/istio-at-kubecon-na/index.md');
    const target = path.join(site, 'content/en/blog/2023/istiocon-china');
    const moved = path.join(site, 'istiocon-china.moved');
    const uri = await client.open(post, fs.readFileSync(post, 'utf8'));
    const before = await client.waitForDiagnostics(uri);
    assert.ok(!before.diagnostics.some((d) => d.code === 'link.page-not-found' && d.message.includes('istiocon-china')));

    fs.renameSync(target, moved);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(target), type: 3 }] });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'link.page-not-found' && d.message.includes('/blog/2023/istiocon-china/')));

    fs.renameSync(moved, target);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(target), type: 1 }] });
    await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'link.page-not-found' && d.message.includes('istiocon-china')));
    await client.close(uri);
  });

  it('copies an image a translation lacks from the English bundle through the quick fix command, never overwriting', async () => {
    const post = path.join(site, 'content/zh/blog/2023/istiocon-china/index.md');
    const zhImage = path.join(site, 'content/zh/blog/2023/istiocon-china/users-engaging.jpg');
    const enImage = path.join(site, 'content/en/blog/2023/istiocon-china/users-engaging.jpg');
    fs.writeFileSync(enImage, 'english bytes');
    fs.rmSync(zhImage);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(zhImage), type: 3 }] });
    const uri = await client.open(post, fs.readFileSync(post, 'utf8'));
    const broken = await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('image.not-translated'));
    const d = broken.diagnostics.find((x) => x.code === 'image.not-translated')!;

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const copy = actions.find((a) => a.command?.command === 'istio.copyFile');
    assert.ok(copy, `a copy action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(copy.title, 'Copy users-engaging.jpg from the English bundle');
    assert.deepEqual(copy.command!.arguments, [{ source: enImage.replace(/\\/g, '/'), target: zhImage.replace(/\\/g, '/') }]);

    const result = await client.request<{ copied: boolean }>('workspace/executeCommand', { command: 'istio.copyFile', arguments: copy.command!.arguments });
    assert.equal(result.copied, true);
    assert.equal(fs.readFileSync(zhImage, 'utf8'), 'english bytes');
    // The server re-checks at once, without waiting for the watcher.
    await client.waitForDiagnostics(uri, (p) => !codes(p.diagnostics).includes('image.not-translated'));

    fs.writeFileSync(zhImage, 'translated bytes');
    const again = await client.request<{ copied: boolean }>('workspace/executeCommand', { command: 'istio.copyFile', arguments: copy.command!.arguments });
    assert.equal(again.copied, false);
    assert.equal(fs.readFileSync(zhImage, 'utf8'), 'translated bytes');

    const outside = await client.request<{ copied: boolean }>('workspace/executeCommand', {
      command: 'istio.copyFile',
      arguments: [{ source: enImage, target: path.join(site, 'stolen.jpg') }],
    });
    assert.equal(outside.copied, false);
    assert.equal(fs.existsSync(path.join(site, 'stolen.jpg')), false);
    await client.close(uri);
  });
});
