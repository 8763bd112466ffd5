import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SAMPLE_SITE, sample } from '../support/fixtures';
import { LspTestClient } from '../support/lspClient';
import { completionItems } from '../support/completionItems';

const POST = 'content/en/blog/2023/istiocon-china/index.md';
const CURSOR = '‸';

/**
 * VS Code turns quick suggestions off in Markdown: a list opens without Ctrl+Space only on a trigger character the
 * server declares. Each place an author expects one, with the character typed last, as the client sends it.
 */
describe('completion on trigger characters, where an author expects a list', () => {
  let client: LspTestClient;
  let triggers: readonly string[] = [];
  before(async () => {
    client = new LspTestClient();
    triggers = (await client.initialize(SAMPLE_SITE)).capabilities.completionProvider?.triggerCharacters ?? [];
  });
  after(async () => {
    await client.stop();
  });

  const base = sample(POST);
  const places: ReadonlyArray<[string, string, string]> = [
    ['`{{<` (auto-closed to `{{<>}}`)', `${base}\n{{<${CURSOR}>}}`, 'image'],
    ['`{{< `', `${base}\n{{< ${CURSOR}`, 'tip'],
    ['`{{< /` inside a tip', `${base}\n{{< tip >}}\nText.\n{{< /${CURSOR}`, 'tip'],
    ['`link="`', `${base}\n{{< image link="${CURSOR}" >}}`, 'group-pic.jpg'],
    ['`](`', `${base}\nSee [the booth](${CURSOR})`, 'group-pic.jpg'],
    ['`keywords: [`', base.replace(/keywords: \[[^\]]*\]/, `keywords: [${CURSOR}]`), 'Istio'],
  ];
  for (const [where, marked, label] of places) {
    it(`after ${where}`, async () => {
      const offset = marked.indexOf(CURSOR);
      const text = marked.replace(CURSOR, '');
      const trigger = text[offset - 1]!;
      assert.ok(triggers.includes(trigger), `${JSON.stringify(trigger)} is a trigger character`);
      const uri = await client.open(path.join(SAMPLE_SITE, POST), text);
      const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: TextDocument.create(uri, 'markdown', 1, text).positionAt(offset),
        context: { triggerKind: 2, triggerCharacter: trigger },
      });
      await client.close(uri);
      const items = completionItems(result);
      assert.ok(items.some((i) => i.label === label), `${label} in ${JSON.stringify(items.slice(0, 8).map((i) => i.label))}`);
    });
  }
});
