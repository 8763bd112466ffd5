import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { TranslationsResult } from '../../server/protocol';
import { LspTestClient } from '../support/lspClient';

const PAGE = '---\ntitle: Post\npublishdate: 2024-01-01\n---\n\nText.\n';

/** The error code a request is answered with, or `undefined` when it succeeds. */
async function errorCode(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    assert.ok(e instanceof ResponseError, String(e));
    return e.code;
  }
}

function site(root: string, pages: readonly string[]): void {
  for (const rel of pages) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), PAGE);
  }
}

describe('LSP life cycle over stdio', () => {
  let tmp: string;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'istio-lifecycle-')));
    site(path.join(tmp, 'ws/site'), ['content/en/blog/2024/post/index.md', 'content/zh/blog/2024/_index.md']);
    fs.writeFileSync(path.join(tmp, 'ws/site/content/en/blog/2024/post/pic.png'), 'pic');
    site(path.join(tmp, 'elsewhere/site'), ['content/en/blog/2024/other/index.md']);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('answers a request before initialize with ServerNotInitialized (-32002)', async () => {
    const client = new LspTestClient();
    try {
      const hover = client.request('textDocument/hover', { textDocument: { uri: pathToFileURL(path.join(tmp, 'x.md')).href }, position: { line: 0, character: 0 } });
      assert.equal(await errorCode(hover), -32002);
      await client.initialize(path.join(tmp, 'ws'));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('after shutdown, refuses requests with InvalidRequest (-32600) and executes no command', async () => {
    const client = new LspTestClient();
    await client.initialize(path.join(tmp, 'ws'));
    const content = path.join(tmp, 'ws/site/content');
    const source = path.join(content, 'en/blog/2024/post/pic.png');
    const target = path.join(content, 'zh/blog/2024/pic.png');
    const exited = new Promise<number | null>((resolve) => client.proc.once('exit', resolve));
    try {
      await client.request('shutdown', undefined);
      assert.equal(await errorCode(client.request('workspace/executeCommand', { command: 'istio.copyFile', arguments: [{ source, target }] })), -32600);
      assert.ok(!fs.existsSync(target), 'the copy was not made');
      assert.equal(await errorCode(client.request('textDocument/hover', { textDocument: { uri: pathToFileURL(source).href }, position: { line: 0, character: 0 } })), -32600);
      assert.equal(await errorCode(client.request('shutdown', undefined)), -32600);
      await client.notify('exit', undefined);
      assert.equal(await exited, 0);
    } finally {
      // A failed assertion must not leave the server running (the runner would wait for it forever).
      if (client.proc.exitCode === null) client.proc.kill();
      client.connection.dispose();
    }
  });

  it('answers a request the client cancelled before its work started with RequestCancelled (-32800)', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize(path.join(tmp, 'ws'));
      const file = path.join(tmp, 'ws/site/content/en/blog/2024/post/index.md');
      const uri = await client.open(file, PAGE);
      await client.waitForDiagnostics(uri);
      // The server's next look at the settings waits for this gate, so the cancellation surely arrives meanwhile,
      // as when the client's answer is slow or an edit comes in.
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (open = resolve));
      client.connection.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
        await gate;
        return p.items.map(() => null);
      });
      await client.notify('workspace/didChangeConfiguration', { settings: {} });
      const source = new CancellationTokenSource();
      // Taken at once: the server may refuse the request as soon as it reads it, if the cancellation came along.
      const code = errorCode(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }, source.token));
      source.cancel();
      await new Promise((resolve) => setTimeout(resolve, 200));
      open();
      assert.equal(await code, -32800);
      // The next request, not cancelled, is answered.
      assert.equal(await errorCode(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } })), undefined);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('finds no site outside the workspace folders: no translations, no copy there, until the folder is opened', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize(path.join(tmp, 'ws'));
      const other = path.join(tmp, 'elsewhere/site/content/en/blog/2024/other/index.md');
      const ask = (): Promise<TranslationsResult | null> => client.request<TranslationsResult | null>('istio/translations', { uri: pathToFileURL(other).href });
      assert.equal(await ask(), null);
      const copy = await client.request<{ copied: boolean }>('workspace/executeCommand', {
        command: 'istio.copyFile',
        arguments: [{ source: other, target: path.join(tmp, 'elsewhere/site/content/en/blog/2024/other/copy.md') }],
      });
      assert.equal(copy.copied, false);
      assert.ok(!fs.existsSync(path.join(tmp, 'elsewhere/site/content/en/blog/2024/other/copy.md')));
      await client.addWorkspaceFolder(path.join(tmp, 'elsewhere'));
      assert.equal((await ask())?.lang, 'en');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('the copy fix writes nothing through a folder that is a symbolic link out of content/', async () => {
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside, { recursive: true });
    fs.symlinkSync(outside, path.join(tmp, 'ws/site/content/zh/blog/2024/post'));
    const client = new LspTestClient();
    try {
      await client.initialize(path.join(tmp, 'ws'));
      const result = await client.request<{ copied: boolean; message: string }>('workspace/executeCommand', {
        command: 'istio.copyFile',
        arguments: [{ source: path.join(tmp, 'ws/site/content/en/blog/2024/post/pic.png'), target: path.join(tmp, 'ws/site/content/zh/blog/2024/post/pic.png') }],
      });
      assert.equal(result.copied, false);
      assert.match(result.message, /symbolic link leads outside/);
      assert.deepEqual(fs.readdirSync(outside), []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
