import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/engine/languageService';
import { doc, MEM_ROOT, memorySite, rangeOf } from '../../support/fixtures';
import { REVISION_TAGS_PROLOGUE_BODY } from '../../support/realPages';
import { cataloged } from '../diagnostics/cataloged';

function check(rel: string, text: string) {
  const service = new LanguageService({ fs: memorySite({ [rel]: text }), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const path = `${MEM_ROOT}/${rel}`;
  return cataloged(service.diagnostics(path, doc(path, text)), rel).diagnostics;
}

// content/en/boilerplates/revision-tags-prologue.md on istio.io (zh and uk have the same caption). Hugo 0.131 builds it
// and prints the caption's tag as written (test/hugo/shortcodeTags.test.ts).
const REL = 'content/en/boilerplates/revision-tags-prologue.md';
const PROLOGUE = `---\n---\n${REVISION_TAGS_PROLOGUE_BODY}`;

describe('a shortcode inside a quoted parameter', () => {
  it('is no tag-structure error on revision-tags-prologue.md, but a warning on the caption, where Hugo prints it as written', () => {
    const ds = check(REL, PROLOGUE).filter((d) => String(d.code).startsWith('shortcode.'));
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.range, d.message]),
      [
        [
          'shortcode.in-parameter',
          DiagnosticSeverity.Warning,
          rangeOf(PROLOGUE, '{{< istio_full_version_revision >}}'),
          'Hugo does not run a shortcode inside a quoted parameter: `{{< istio_full_version_revision >}}` is printed as written in `caption` of `image`.',
        ],
      ],
    );
  });

  it('names a positional parameter, and finds a `{{%` tag and an unclosed `{{<` too', () => {
    const text = '---\ntitle: T\ndescription: D.\n---\n\n{{< boilerplate "a {{% b %}}" >}}\n\n{{< image link="./a.png" caption="x {{< y" >}}\n';
    const ds = check('content/en/docs/p/index.md', text).filter((d) => d.code === 'shortcode.in-parameter');
    assert.deepEqual(
      ds.map((d) => [d.range, d.message]),
      [
        [rangeOf(text, '{{% b %}}'), 'Hugo does not run a shortcode inside a quoted parameter: `{{% b %}}` is printed as written in parameter 1 of `boilerplate`.'],
        [rangeOf(text, '{{< y'), 'Hugo does not run a shortcode inside a quoted parameter: `{{< y` is printed as written in `caption` of `image`.'],
      ],
    );
  });
});
