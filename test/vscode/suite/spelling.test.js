// "Add 'word' to .spelling" as a user gets it: a misspelt word in two open pages (en, and zh, which the site's lint
// checks against the English dictionary), the quick fix applied and `.spelling` saved, then the word is gone from
// the Problems of both pages, and `.spelling` holds it where `LC_ALL=C sort -f` puts it, nothing else changed.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const code = (d) => h.where(d)[0];
const WORD = 'Meshify';
const PAGES = ['content/en/blog/2023/istiocon-china/index.md', 'content/zh/blog/2023/istiocon-china/index.md'];
const unknown = (ds) => ds.filter((d) => code(d) === 'spelling.unknown-word' && d.message.includes(`\`${WORD}\``));

describe('spelling: Add to .spelling in the real extension host', () => {
  let spellingUri;
  let original;

  before(async () => {
    await h.activateExtension();
    spellingUri = h.siteUri('.spelling');
    original = await vscode.workspace.fs.readFile(spellingUri);
  });

  after(async () => {
    await h.closeAllWithoutSaving();
    // The site's `.spelling` as it was, for the suites after this one.
    await vscode.workspace.fs.writeFile(spellingUri, original);
  });

  it(`spelling.unknown-word on "${WORD}" in two pages; the fix adds it in order and both pages clear`, async function () {
    // Two pages, the dictionary's load and a file event: more than one step's 30 s on a loaded machine.
    this.timeout(120000);
    const opened = [];
    for (const rel of PAGES) {
      const { uri, doc, editor } = await h.openPublished(rel);
      // Spelling findings may come after the others (the dictionary loads once the first diagnostics are out).
      const found = h.waitForDiagnostics(uri, (ds) => unknown(ds).length === 1);
      const end = doc.positionAt(doc.getText().length);
      assert.ok(await editor.edit((e) => e.insert(end, `\n${WORD} the pods.\n`)));
      const [d] = unknown(await found);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.strictEqual(doc.getText(d.range), WORD);
      opened.push({ uri, d });
    }

    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', opened[0].uri, opened[0].d.range, vscode.CodeActionKind.QuickFix.value);
    const add = (actions ?? []).find((a) => a.title === `Add '${WORD}' to .spelling`);
    assert.ok(add && add.edit, `"Add '${WORD}' to .spelling" is offered; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    assert.deepStrictEqual(add.edit.entries().map(([uri]) => uri.toString()), [spellingUri.toString()], 'the fix edits .spelling only');

    const cleared = opened.map(({ uri }) => h.waitForDiagnostics(uri, (ds) => unknown(ds).length === 0, { timeoutMs: 30000 }));
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    const spellingDoc = vscode.workspace.textDocuments.find((t) => t.uri.toString() === spellingUri.toString());
    assert.ok(spellingDoc, '.spelling was edited as a document');
    assert.ok(await spellingDoc.save(), '.spelling saved');
    await Promise.all(cleared);

    // Exactly one line more, the word, between its neighbours in the file's order; every other line as it was.
    const before = Buffer.from(original).toString('utf8').split('\n');
    const after = Buffer.from(await vscode.workspace.fs.readFile(spellingUri)).toString('utf8').split('\n');
    assert.strictEqual(after.length, before.length + 1);
    const at = after.indexOf(WORD);
    assert.ok(at > 0, `${WORD} is a line of .spelling`);
    assert.deepStrictEqual([...after.slice(0, at), ...after.slice(at + 1)], before);
    const key = (w) => w.toUpperCase();
    assert.ok(key(after[at - 1]) <= key(WORD) && key(WORD) < key(after[at + 1]), `${after[at - 1]} < ${WORD} < ${after[at + 1]}`);
  });
});
