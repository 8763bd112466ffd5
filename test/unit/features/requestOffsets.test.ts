import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, LanguageService } from '../../../server/engine';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { SAMPLE_SITE } from '../../support/fixtures';

/**
 * A request converts its position through the parse's line index, which the check has built: the document finds its
 * own line starts at its first conversion, a character at a time, and that made the first completion in a large page
 * wait for the whole page (6–7 ms over stdio on the bench's 63 KB page, 3.8 ms without). This counts the document's
 * conversions while the editor's requests run on a real post, after its check.
 */
test('requests in an open page (completion, hover, definition, rename, headings) never ask the document to convert', async () => {
  const rel = 'content/en/blog/2019/data-plane-setup/index.md';
  const file = path.join(SAMPLE_SITE, rel);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(!text.includes('\r'), 'a text with `\\r` is converted by the document itself');
  const service = new LanguageService({ fs: new NodeFileSystem(), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  try {
    const document = TextDocument.create(`file://${file}`, 'markdown', 1, text);
    const conversions: string[] = [];
    for (const name of ['offsetAt', 'positionAt'] as const) {
      const own = document[name].bind(document) as (x: never) => unknown;
      Object.defineProperty(document, name, { value: (x: never) => (conversions.push(name), own(x)) });
    }
    service.openDocument(file, document);
    await service.contentLocation(file);
    await service.indexStatus({ wait: true });
    service.diagnostics(file, document, DEFAULT_SETTINGS);
    conversions.length = 0;
    // Where an author asks: in a shortcode tag, a link's target and its text, a heading, the frontmatter.
    const at = (needle: string, delta = 0): Position => {
      const i = text.indexOf(needle);
      assert.ok(i >= 0, needle);
      return TextDocument.create('x:', 'markdown', 1, text).positionAt(i + delta);
    };
    const places = [at('{{< ', 4), at('](', 3), at('\n## ', 4), at('title: ', 7)];
    for (const p of places) {
      assert.ok(service.completions(file, document, p, DEFAULT_SETTINGS).length >= 0);
      service.hover(file, document, p, DEFAULT_SETTINGS);
      service.definition(file, document, p, DEFAULT_SETTINGS);
      service.prepareRename(file, document, p, DEFAULT_SETTINGS);
    }
    assert.ok(service.completions(file, document, places[0]!, DEFAULT_SETTINGS).length > 10, 'shortcode names are offered');
    // The headings request (side-by-side translation scrolling) converts its headings' offsets the same way.
    const headings = service.headings(file, document);
    const lines = text.split('\n');
    assert.ok(headings.length > 3);
    for (const h of headings) assert.match(lines[h.line]!, new RegExp(`^#{${h.level}} `), `line ${h.line}`);
    assert.deepEqual(conversions, []);
  } finally {
    service.dispose();
  }
});
