import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, LanguageService } from '../../../server/engine';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { compactCompletions, itemDefaultsSupport } from '../../../server/src/completionList';
import { LazyDocumentation } from '../../../server/src/lazyDocumentation';
import { completionItems } from '../../support/completionItems';
import { SAMPLE_SITE } from '../../support/fixtures';

const BOTH = { editRange: true, insertTextFormat: true };
const NONE = { editRange: false, insertTextFormat: false };

/** What the editor filters and sorts by: a `filterText` equal to the label is the label. */
const asRead = (items: readonly CompletionItem[]): CompletionItem[] =>
  items.map(({ filterText, ...rest }) => (filterText === undefined || filterText === rest.label ? rest : { ...rest, filterText }));

const range = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

/** The engine's completions at `needle` (+ delta) in a real post, after its check. */
async function completionsIn(rel: string, edit: (text: string) => string, needle: string, delta: number): Promise<CompletionItem[]> {
  const file = path.join(SAMPLE_SITE, rel);
  const text = edit(fs.readFileSync(file, 'utf8'));
  const service = new LanguageService({ fs: new NodeFileSystem(), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  try {
    const document = TextDocument.create(`file://${file}`, 'markdown', 1, text);
    service.openDocument(file, document);
    await service.indexStatus({ wait: true });
    service.diagnostics(file, document, DEFAULT_SETTINGS);
    const i = text.indexOf(needle);
    assert.ok(i >= 0, needle);
    const position: Position = document.positionAt(i + delta);
    return service.completions(file, document, position, DEFAULT_SETTINGS);
  } finally {
    service.dispose();
  }
}

describe('completion lists with item defaults (completionList.ts)', () => {
  test('a `{{< ` list of a real post: one edit range and one format for all, the same items as the editor reads them, in under two thirds of the bytes', async () => {
    const rel = 'content/en/blog/2019/data-plane-setup/index.md';
    // Without their documentation, as the server sends them to VS Code (lazyDocumentation.ts).
    const items = new LazyDocumentation().strip(await completionsIn(rel, (t) => `${t}\nSee {{< \n`, 'See {{< ', 8));
    assert.ok(items.length > 50, `${items.length} items`);
    const line = fs.readFileSync(path.join(SAMPLE_SITE, rel), 'utf8').split('\n').length;
    const sent = compactCompletions(items, BOTH) as CompletionList;
    assert.ok(!Array.isArray(sent));
    assert.equal(sent.isIncomplete, false);
    assert.deepEqual(sent.itemDefaults, { editRange: range(line, 8, line, 8), insertTextFormat: 2 });
    assert.deepEqual(sent.items.filter((i) => i.textEdit !== undefined || i.insertTextFormat !== undefined || i.filterText !== undefined), []);
    // Each item's own text stays with it (an item whose text is its label sends none: the tests below).
    const image = sent.items.find((i) => i.label === 'image');
    assert.match(image?.textEditText ?? '', /^image width="\$\{1:75%\}"\n +link="\.\/\$\{2:image\.svg\}"/);
    assert.deepEqual(completionItems(sent), asRead(items));
    const bytes = (x: unknown): number => JSON.stringify(x).length;
    assert.ok(bytes(sent) < (2 / 3) * bytes(items), `${bytes(sent)} bytes against ${bytes(items)}`);
  });

  test('a client that applies no defaults gets every item with its own range and format', async () => {
    const items = await completionsIn('content/en/blog/2019/data-plane-setup/index.md', (t) => `${t}\n{{< \n`, '\n{{< \n', 5);
    const sent = compactCompletions(items, NONE);
    assert.ok(Array.isArray(sent));
    assert.deepEqual(asRead(sent), asRead(items));
    assert.ok(sent.every((i) => i.textEdit !== undefined && i.insertTextFormat === 2));
  });

  test('items with different ranges keep them; a shared format is still said once', () => {
    const items: CompletionItem[] = [
      { label: 'a', textEdit: { range: range(1, 0, 1, 2), newText: 'a' }, insertTextFormat: 2 },
      { label: 'b', textEdit: { range: range(1, 1, 1, 2), newText: 'b$0' }, insertTextFormat: 2 },
    ];
    const sent = compactCompletions(items, BOTH) as CompletionList;
    assert.deepEqual(sent.itemDefaults, { insertTextFormat: 2 });
    assert.deepEqual(sent.items, [
      { label: 'a', textEdit: { range: range(1, 0, 1, 2), newText: 'a' } },
      { label: 'b', textEdit: { range: range(1, 1, 1, 2), newText: 'b$0' } },
    ]);
    assert.deepEqual(completionItems(sent), items);
  });

  test('a shared range with mixed formats: the range once, each item its own format (none is plain text)', () => {
    const items: CompletionItem[] = [
      { label: 'a', textEdit: { range: range(2, 3, 2, 5), newText: 'a' } },
      { label: 'b', textEdit: { range: range(2, 3, 2, 5), newText: 'b ${1:x}' }, insertTextFormat: 2 },
    ];
    const sent = compactCompletions(items, BOTH) as CompletionList;
    assert.deepEqual(sent.itemDefaults, { editRange: range(2, 3, 2, 5) });
    assert.deepEqual(sent.items, [{ label: 'a' }, { label: 'b', textEditText: 'b ${1:x}', insertTextFormat: 2 }]);
    assert.deepEqual(completionItems(sent), items);
  });

  test('insert-and-replace edits that share both ranges are said once too', () => {
    const edit = (newText: string) => ({ insert: range(0, 4, 0, 6), replace: range(0, 4, 0, 9), newText });
    const items: CompletionItem[] = [
      { label: 'x', textEdit: edit('x') },
      { label: 'y', textEdit: edit('y') },
    ];
    const sent = compactCompletions(items, BOTH) as CompletionList;
    assert.deepEqual(sent.itemDefaults, { editRange: { insert: range(0, 4, 0, 6), replace: range(0, 4, 0, 9) }, insertTextFormat: 1 });
    assert.deepEqual(completionItems(sent), items.map((i) => ({ ...i, insertTextFormat: 1 })));
    // An insert-and-replace edit and a plain one over the insert range are not the same edit.
    const mixed = compactCompletions([items[0]!, { label: 'z', textEdit: { range: range(0, 4, 0, 6), newText: 'z' } }], { editRange: true, insertTextFormat: false });
    assert.ok(Array.isArray(mixed));
  });

  test('an item without a text edit (the editor picks the word) keeps the list as items, and one item stays an item', () => {
    const withInsert: CompletionItem[] = [{ label: 'a', textEdit: { range: range(0, 0, 0, 1), newText: 'a' } }, { label: 'b', insertText: 'b' }];
    assert.deepEqual(compactCompletions(withInsert, BOTH), withInsert);
    const one: CompletionItem[] = [{ label: 'a', filterText: 'a', textEdit: { range: range(0, 0, 0, 1), newText: 'a' }, insertTextFormat: 2 }];
    assert.deepEqual(compactCompletions(one, BOTH), [{ label: 'a', textEdit: { range: range(0, 0, 0, 1), newText: 'a' }, insertTextFormat: 2 }]);
  });

  test('the client capability: VS Code\'s list of defaults turns both on; none, or another list, leaves them off', () => {
    const vscodeClient = { textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } } };
    assert.deepEqual(itemDefaultsSupport(vscodeClient), BOTH);
    assert.deepEqual(itemDefaultsSupport({}), NONE);
    assert.deepEqual(itemDefaultsSupport({ textDocument: { completion: { completionList: { itemDefaults: ['editRange'] } } } }), { editRange: true, insertTextFormat: false });
  });
});
