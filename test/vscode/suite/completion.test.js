// Completion through VS Code's own command (every registered provider, as the suggest widget asks).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('completion in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
  });
  afterEach(() => h.closeAllWithoutSaving());

  it('after `{{< ` on a new line of a real post: the site\'s shortcode names (image, text, tabset)', async () => {
    const rel = 'content/en/blog/2019/data-plane-setup/index.md';
    const { uri, doc, editor } = await h.openPublished(rel);

    // A new line after the first paragraph break below the frontmatter.
    const line = doc.getText().split('\n').indexOf('', 12);
    assert.ok(line > 0);
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(line, 0), '{{< \n')));
    const labels = await h.completionLabels(uri, new vscode.Position(line, 4), ' ');
    for (const name of ['image', 'text', 'tabset']) {
      assert.ok(labels.includes(name), `completion after "{{< " offers ${name}; got ${JSON.stringify(labels.slice(0, 20))}`);
    }
  });
});
