// "Copy all missing files from the English bundle" over stdio: the page's source.fixAll action, run by the server,
// which copies every file, never overwrites one, and says what it did.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import { COPY_FILES_COMMAND, FIX_ALL_KIND } from '../../server/protocol';
import { LspTestClient } from '../support/lspClient';
import { SAMPLE_SITE } from '../support/fixtures';

describe('copying every file a translation lacks, over the protocol', () => {
  let client: LspTestClient;
  let site: string;

  before(async () => {
    site = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'istio-copy-all-')));
    fs.cpSync(path.join(SAMPLE_SITE, 'content'), path.join(site, 'content'), { recursive: true });
    client = new LspTestClient();
    const init = await client.initialize(site);
    const caps = init.capabilities as { codeActionProvider?: { codeActionKinds?: string[] }; executeCommandProvider?: { commands: string[] } };
    assert.deepEqual(caps.codeActionProvider?.codeActionKinds, ['quickfix', 'source.fixAll.istio']);
    assert.ok(caps.executeCommandProvider?.commands.includes(COPY_FILES_COMMAND));
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('copies the 9 images of the es IstioCon China post at once, keeps a file already there, and reports it', async () => {
    const dir = path.join(site, 'content/es/blog/2023/istiocon-china');
    fs.mkdirSync(dir, { recursive: true });
    const page = path.join(dir, 'index.md');
    const text = fs.readFileSync(path.join(site, 'content/en/blog/2023/istiocon-china/index.md'), 'utf8');
    fs.writeFileSync(page, text);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(page), type: 1 }] });
    const uri = await client.open(page, text);
    const broken = await client.waitForDiagnostics(uri, (p) => p.diagnostics.filter((d) => d.code === 'image.not-translated').length === 9);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.command?.command, a.diagnostics?.length]),
      [['Copy all 9 missing files from the English bundle', FIX_ALL_KIND, COPY_FILES_COMMAND, 9]],
    );
    assert.ok(broken.diagnostics.length >= 9);

    // A translator already put their own picture there: it must survive.
    const own = path.join(dir, 'group-pic.jpg');
    fs.writeFileSync(own, 'the es picture');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(own), type: 1 }] });
    const result = await client.request<{ copied: string[]; notCopied: { target: string; message: string }[]; message: string }>('workspace/executeCommand', {
      command: COPY_FILES_COMMAND,
      arguments: actions[0]!.command!.arguments,
    });
    assert.equal(result.copied.length, 8);
    assert.deepEqual(result.notCopied, [{ target: own, message: `${own} already exists; it was not overwritten.` }]);
    assert.equal(fs.readFileSync(own, 'utf8'), 'the es picture');
    assert.deepEqual(fs.readdirSync(dir).sort(), [
      'ambient-l4.jpg',
      'diamond-sponsor.jpg',
      'group-pic.jpg',
      'index.md',
      'istio-support-at-the-booth.jpg',
      'istiocon-program-committee.jpg',
      'meet-the-authors.jpg',
      'opening-keynote.jpg',
      'sponsored-keynote-google.jpg',
      'users-engaging.jpg',
    ]);
    assert.equal(
      result.message,
      'copied 8 of 9 files (ambient-l4.jpg, diamond-sponsor.jpg, istio-support-at-the-booth.jpg, istiocon-program-committee.jpg, meet-the-authors.jpg, ' +
        `opening-keynote.jpg, sponsored-keynote-google.jpg, users-engaging.jpg); not copied: ${own} already exists; it was not overwritten.`,
    );
    assert.deepEqual(client.shownMessages.at(-1), { type: 2, message: `Istio Authoring: ${result.message}` });
    // The server re-checks the page at once, without waiting for the watcher.
    await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'image.not-translated'));

    const outside = await client.request<{ copied: string[] }>('workspace/executeCommand', {
      command: COPY_FILES_COMMAND,
      arguments: [{ files: [{ source: path.join(dir, 'ambient-l4.jpg'), target: path.join(site, 'stolen.jpg') }] }],
    });
    assert.deepEqual(outside.copied, []);
    assert.equal(fs.existsSync(path.join(site, 'stolen.jpg')), false);
    await client.close(uri);
  });
});
