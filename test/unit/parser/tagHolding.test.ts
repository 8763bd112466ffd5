import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCatalog } from '../../../server/engine/catalog/shortcodeCatalog';
import { parseDocument } from '../../../server/engine/parser/parsedDocument';
import { tagHolding } from '../../../server/engine/parser/shortcodes';
import { sample, sampleFiles } from '../../support/fixtures';

const catalog = builtInCatalog();

/** What the blockquote rule asked before: every tag, in turn. */
const byScan = (tags: readonly { range: { start: number; end: number } }[], offset: number) => tags.find((t) => offset >= t.range.start && offset < t.range.end);

describe('tagHolding: the tag whose text holds an offset, by binary search', () => {
  it('gives what a scan of every tag gives, at every offset of every sample page and of broken tags', () => {
    const texts = sampleFiles()
      .filter((rel) => rel.endsWith('.md'))
      .map((rel) => sample(rel));
    // Unterminated and nameless tags, adjacent tags, a tag at the very end, `>` right after `>}}`.
    texts.push('{{< a >}}{{< b >}}>{{< c x="1\n> {{< /c >}}\n{{<\n{{< d "unclosed\n{{< e >}}', '{{% f %}}{{< g');
    let tagged = 0;
    for (const text of texts) {
      const { shortcodes } = parseDocument(text, catalog);
      for (let offset = 0; offset <= text.length; offset++) {
        const expected = byScan(shortcodes.tags, offset);
        assert.equal(tagHolding(shortcodes.tags, offset), expected, `offset ${offset}`);
        if (expected) tagged++;
      }
    }
    assert.ok(tagged > 10_000, `${tagged} offsets inside tags: not vacuous`);
  });
});
