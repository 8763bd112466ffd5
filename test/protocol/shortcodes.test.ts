import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Hover, Location, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SAMPLE_SITE, sample } from '../support/fixtures';
import { LspTestClient, serverForSuite } from '../support/lspClient';
import { completionItems } from '../support/completionItems';

const POST = 'content/en/blog/2023/istiocon-china/index.md';
const PROXY = 'content/en/blog/2020/proxy-cert/index.md';

describe('shortcodes over stdio', () => {
  const client = serverForSuite(SAMPLE_SITE);

  it('completes every site shortcode after `{{< ` in a real post, as snippets with text edits', async () => {
    const text = `${sample(POST)}\n{{< `;
    const uri = await client().open(path.join(SAMPLE_SITE, POST), text);
    const line = text.split('\n').length - 1;
    const result = await client().request<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 4 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    // Sent as VS Code's client reads it: the range all items replace, and their snippet format, said once.
    assert.ok(!Array.isArray(result));
    assert.deepEqual(result.itemDefaults, { editRange: { start: { line, character: 4 }, end: { line, character: 4 } }, insertTextFormat: 2 });
    assert.deepEqual(result.items.filter((i) => i.textEdit !== undefined).map((i) => i.label), []);
    const items = completionItems(result);
    for (const name of ['image', 'text', 'tabset', 'tab', 'gloss', 'boilerplate', 'tip', 'warning', 'quote', 'checkmark_icon']) {
      assert.ok(items.some((i) => i.label === name), name);
    }
    const image = items.find((i) => i.label === 'image')!;
    assert.equal(image.insertTextFormat, 2);
    assert.deepEqual((image.textEdit as TextEdit).range, { start: { line, character: 4 }, end: { line, character: 4 } });
    await client().close(uri);
  });

  it('sends completion items without documentation and gives it back on completionItem/resolve', async () => {
    const text = `${sample(POST)}\n{{< `;
    const uri = await client().open(path.join(SAMPLE_SITE, POST), text);
    const position = { line: text.split('\n').length - 1, character: 4 };
    const list = async (): Promise<CompletionItem[]> => {
      const result = await client().request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position });
      return completionItems(result);
    };
    const items = await list();
    assert.ok(items.length > 50, `${items.length} items`);
    assert.deepEqual(items.filter((i) => i.documentation !== undefined).map((i) => i.label), []);
    const image = items.find((i) => i.label === 'image')!;
    const resolved = await client().request<CompletionItem>('completionItem/resolve', image);
    assert.match((resolved.documentation as MarkupContent).value, /^\*\*image\*\*/);
    // Everything else is as sent, but the marker the server found the documentation by.
    const { documentation: _docs, ...rest } = resolved;
    const { data: _data, ...sent } = image;
    assert.deepEqual(rest, sent);
    // Only the last few lists are kept: an item of an old list resolves to itself, without documentation.
    for (let i = 0; i < 4; i++) await list();
    const old = await client().request<CompletionItem>('completionItem/resolve', image);
    assert.equal(old.documentation, undefined);
    assert.equal(old.label, 'image');
    await client().close(uri);
  });

  it('sends the documentation with the list to a client that does not resolve it (Neovim\'s omnifunc)', async () => {
    // No `completionItem.resolveSupport` among its capabilities, as Neovim 0.7 says.
    const plain = new LspTestClient({ capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
    try {
      await plain.initialize(SAMPLE_SITE);
      const text = `${sample(POST)}\n{{< `;
      const uri = await plain.open(path.join(SAMPLE_SITE, POST), text);
      const position = { line: text.split('\n').length - 1, character: 4 };
      const result = await plain.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position });
      // Nor does it say it applies a list's item defaults: each item carries its own edit.
      assert.ok(Array.isArray(result));
      const items = completionItems(result);
      const image = items.find((i) => i.label === 'image');
      assert.match((image?.documentation as MarkupContent | undefined)?.value ?? '', /^\*\*image\*\*/);
      assert.equal(image?.data, undefined);
      assert.equal(image?.insertTextFormat, 2);
      assert.deepEqual((image?.textEdit as TextEdit | undefined)?.range, { start: position, end: position });
    } finally {
      assert.equal(await plain.stop(), 0);
    }
  });

  it('after every shape of auto-closed characters, the accepted item leaves exactly one `>}}`', async () => {
    // The 35 shapes of the issue: `{{< ` then nothing, `>}}`, `}}`, `>}` or `}` (what VS Code's auto-closing may leave),
    // for five shortcodes; plus `{{<>}`
    // and `{{< ti}`. Each edit is applied as the client would, and the page must equal the one typed without closers.
    const base = sample(POST);
    const applied = async (typed: string, cursorBack: number, label: string): Promise<string> => {
      const text = `${base}\n${typed}`;
      const uri = await client().open(path.join(SAMPLE_SITE, POST), text);
      const d = TextDocument.create(uri, 'markdown', 1, text);
      const result = await client().request<CompletionItem[] | CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: d.positionAt(text.length - cursorBack),
      });
      await client().close(uri);
      const items = completionItems(result);
      const item = items.find((i) => i.label === label);
      assert.ok(item, `${label} after ${typed}`);
      const edit = item.textEdit as TextEdit;
      const inserted = edit.newText
        .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}|\$\d+/g, '')
        .replace(/\\([$\\}])/g, '$1');
      return text.slice(0, d.offsetAt(edit.range.start)) + inserted + text.slice(d.offsetAt(edit.range.end));
    };
    for (const label of ['tip', 'image', 'text', 'tabset', 'warning']) {
      const clean = await applied('{{< ', 0, label);
      const added = clean.slice(base.length);
      assert.equal(added.split('>}}').length, added.split('{{<').length, `${label}: one >}} per tag in ${JSON.stringify(added)}`);
      assert.doesNotMatch(added, />\}\}[}>]/, label);
      for (const closers of ['>}}', '}}', '>}', '}']) {
        assert.equal(await applied(`{{< ${closers}`, closers.length, label), clean, `{{< ${closers}`);
      }
      assert.equal(await applied('{{<>}', 2, label), clean, '{{<>}');
    }
    assert.equal(await applied('{{< ti}', 1, 'tip'), await applied('{{< ', 0, 'tip'), '{{< ti}');
  });

  it('hovers a boilerplate name with its first lines, and goes to its file', async () => {
    const text = sample(PROXY);
    const uri = await client().open(path.join(SAMPLE_SITE, PROXY), text);
    const d = TextDocument.create(uri, 'markdown', 1, text);
    const position = d.positionAt(text.indexOf('experimental-feature-warning') + 4);
    const hover = await client().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.match((hover!.contents as MarkupContent).value, /The following information describes an experimental feature/);
    const def = await client().request<Location | null>('textDocument/definition', { textDocument: { uri }, position });
    assert.equal(def!.uri, client().uri(path.join(SAMPLE_SITE, 'content/en/boilerplates/experimental-feature-warning.md')));
    await client().close(uri);
  });

  it('publishes an image caption ending with a period, and fixes it', async () => {
    const text = sample(POST).replace('caption="IstioCon China 2023, Welcome"', 'caption="IstioCon China 2023, Welcome."');
    const uri = await client().open(path.join(SAMPLE_SITE, POST), text);
    const p = await client().waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.source, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['image.caption-period', 'istio', 1, 22, 13, 42],
    ]);
    const actions = await client().request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: p.diagnostics[0]!.range,
      context: { diagnostics: p.diagnostics, only: ['quickfix'] },
    });
    assert.equal(actions[0]!.title, 'Remove the trailing period');
    const edits = actions[0]!.edit!.changes![uri]!;
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits), sample(POST));
    await client().close(uri);
  });

  it('knows a shortcode as soon as the site adds its template to layouts/shortcodes/', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-shortcodes-'));
    try {
      const page = path.join(root, 'content/en/blog/2025/banner/index.md');
      fs.mkdirSync(path.dirname(page), { recursive: true });
      fs.mkdirSync(path.join(root, 'layouts/shortcodes'), { recursive: true });
      const text = '---\ntitle: Banner\n---\n\n{{< banner color="red" >}}\nHello.\n{{< /banner >}}\n';
      fs.writeFileSync(page, text);
      // A site outside the workspace folders is no site (issue 22): the user opens this one.
      await client().addWorkspaceFolder(root);
      const uri = await client().open(page, text);
      const before = await client().waitForDiagnostics(uri);
      assert.ok(before.diagnostics.some((d) => d.code === 'shortcode.unknown'));

      const template = path.join(root, 'layouts/shortcodes/banner.html');
      fs.writeFileSync(template, '<div style="color: {{ .Get "color" }}">{{ .Inner }}</div>');
      await client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client().uri(template), type: 1 }] });
      const after = await client().waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'shortcode.unknown'));
      assert.deepEqual(after.diagnostics.filter((d) => String(d.code).startsWith('shortcode.')), []);
      await client().close(uri);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
