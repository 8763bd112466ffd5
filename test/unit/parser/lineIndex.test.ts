import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/engine/parser/lineIndex';
import { sample, sampleFiles } from '../../support/fixtures';

/** Every offset of `text` (and a few outside it) converts as the document converts it. */
function agrees(text: string, label: string): void {
  const lines = LineIndex.of(text);
  assert.ok(lines, label);
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
  for (let offset = -2; offset <= text.length + 2; offset++) assert.deepEqual(lines.positionAt(offset), doc.positionAt(offset), `${label} @${offset}`);
  // Every position on every line (and past its end, before the first line, after the last) converts back alike.
  for (let line = -1; line <= doc.lineCount + 1; line++) {
    const width = line >= 0 && line < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) - doc.offsetAt({ line, character: 0 }) : 2;
    for (let character = -1; character <= width + 2; character++) assert.equal(lines.offsetAt({ line, character }), doc.offsetAt({ line, character }), `${label} ${line}:${character}`);
  }
}

describe('line index', () => {
  it('gives TextDocument.positionAt\'s position for every offset, and offsetAt\'s offset for every position, of every page of the sample site', () => {
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) agrees(sample(rel), rel);
  });

  it('agrees on empty texts, blank lines and a text ending without a line break', () => {
    for (const text of ['', '\n', '\n\n\n', 'a', 'a\nb', 'a\n\nb\n', '中文\n😀 x\n']) agrees(text, JSON.stringify(text));
  });

  it('leaves a text with carriage returns to the document', () => {
    assert.equal(LineIndex.of('a\r\nb'), undefined);
    assert.equal(LineIndex.of('a\rb'), undefined);
  });
});
