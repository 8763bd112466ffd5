import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCatalog } from '../../../server/engine/catalog/shortcodeCatalog';
import { LanguageService } from '../../../server/engine/languageService';
import { doc } from '../../support/fixtures';
import { newlangFile, newlangSite } from '../../support/newlangSite';
import { cataloged } from '../diagnostics/cataloged';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };
const ROOT = '/site';

function codes(rel: string, text: string, overrides: Record<string, string | null> = {}): string[] {
  const service = new LanguageService({ fs: newlangSite(ROOT, { [rel]: text, ...overrides }), scan: noPause });
  const path = `${ROOT}/${rel}`;
  return cataloged(service.diagnostics(path, doc(path, text)), rel).diagnostics.map((d) => `${d.code} ${d.message}`).filter((c) => c.startsWith('boilerplate.') || c.startsWith('gloss.'));
}

/** A use of the shortcode on a page, with an entry that the source language has. */
const USES: Readonly<Record<string, string>> = {
  boilerplate: '{{< boilerplate experimental-feature-warning >}}',
  gloss: '{{< gloss >}}Envoy{{< /gloss >}}',
};

describe('shortcodes that read the content of the page’s language', () => {
  const catalog = builtInCatalog();
  const readers = catalog.names().filter((n) => catalog.get(n)?.languageFolder !== undefined);

  it('are every shortcode whose parameter names a boilerplate or a glossary entry', () => {
    assert.deepEqual(readers.sort(), ['boilerplate', 'gloss']);
    for (const n of catalog.names()) {
      const kinds = (catalog.get(n)?.params ?? []).map((p) => p.kind);
      if (kinds.includes('boilerplate') || kinds.includes('glossary-term')) assert.ok(readers.includes(n), `${n} reads a language folder`);
    }
  });

  for (const name of ['boilerplate', 'gloss']) {
    it(`${name}: fails the build of a page whose language has no such folder, and is quiet where the entry exists`, () => {
      const page = `---\ntitle: Prueba\ndescription: Una prueba.\ntest: n/a\n---\n\n${USES[name]}\n`;
      const es = codes('content/es/docs/prueba/index.md', page);
      assert.equal(es.length, 1, es.join('\n'));
      assert.match(es[0]!, name === 'boilerplate' ? /^boilerplate\.not-found `content\/es\/` has no boilerplates/ : /^gloss\.not-found `content\/es\/` has no glossary/);
      assert.deepEqual(codes('content/zh/docs/prueba/index.md', page), []);
    });
  }

  it('the fixture’s es pages that use them', () => {
    assert.deepEqual(codes('content/es/blog/2020/proxy-cert/index.md', newlangFile('content/es/blog/2020/proxy-cert/index.md')), [
      'boilerplate.not-found `content/es/` has no boilerplates (`content/es/boilerplates/`): `experimental-feature-warning` cannot be found and the build fails.',
    ]);
    assert.deepEqual(codes('content/es/blog/2024/ambient-reaches-beta/index.md', newlangFile('content/es/blog/2024/ambient-reaches-beta/index.md')), [
      'gloss.not-found `content/es/` has no glossary (`content/es/docs/reference/glossary/`): `data plane` cannot be found and the build fails.',
    ]);
  });
});

describe('Create Translation into a language that cannot build the page', () => {
  it('warns before it creates the page, and not for a language that has everything', async () => {
    const service = new LanguageService({ fs: newlangSite(ROOT), scan: noPause });
    const en = `${ROOT}/content/en/blog/2020/proxy-cert/index.md`;
    const fr = await service.planTranslation(en, 'fr');
    assert.ok(fr.ok);
    assert.deepEqual(fr.plan.warnings, [
      'Hugo ignores content/fr/: the configuration has no language for it (Istio: Start a New Language… adds one).',
      '{{< boilerplate >}} fails the build: content/fr/boilerplates/ does not exist.',
    ]);
    const beta = await service.planTranslation(`${ROOT}/content/en/blog/2024/ambient-reaches-beta/index.md`, 'uk');
    assert.ok(!beta.ok, 'uk already has it');
    const gloss = await service.planTranslation(`${ROOT}/content/en/blog/2024/ambient-reaches-beta/index.md`, 'fr');
    assert.ok(gloss.ok);
    assert.deepEqual(gloss.plan.warnings?.slice(1), ['{{< gloss >}} fails the build: content/fr/docs/reference/glossary/ does not exist.']);
    // uk has a glossary, but not this boilerplate.
    const uk = await service.planTranslation(en, 'uk');
    assert.ok(uk.ok);
    assert.deepEqual(uk.plan.warnings, ['{{< boilerplate "experimental-feature-warning" >}} fails the build: content/uk/boilerplates/ has no file named "experimental-feature-warning".']);
  });
});
