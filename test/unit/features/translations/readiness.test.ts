import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../../server/engine/languageService';
import type { LanguageReadiness } from '../../../../server/engine/features/translations/types';
import { markedStrings, readStrings } from '../../../../server/engine/features/translations/readiness';
import { newlangSite } from '../../../support/newlangSite';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };
const ROOT = '/site';

async function readiness(overrides: Record<string, string | null> = {}): Promise<Map<string, LanguageReadiness>> {
  const service = new LanguageService({ fs: newlangSite(ROOT, overrides), scan: noPause });
  const r = await service.translationStatus(ROOT, { trusted: false });
  return new Map((r?.readiness ?? []).map((x) => [x.lang, x]));
}

describe('language readiness', () => {
  it('says how far es is: no configuration, no strings, no menus, no boilerplates or glossary, and which pages fail', async () => {
    const es = (await readiness()).get('es')!;
    assert.equal(es.configured, false);
    assert.deepEqual({ ...es.strings, untranslated: es.strings?.untranslated.length }, { total: 131, translated: 0, untranslated: 131 });
    assert.equal(es.strings?.untranslated[0]?.reason, 'missing');
    assert.deepEqual(es.menus, [{ menu: 'main', entries: 0, sourceEntries: 4 }]);
    assert.deepEqual(es.boilerplates, {
      present: 0,
      needed: 3,
      missing: ['experimental-feature-warning', 'gateway-api-support', 'work-in-progress'],
      failing: [{ path: 'es/blog/2020/proxy-cert/index.md', uri: `file://${ROOT}/content/es/blog/2020/proxy-cert/index.md`, names: ['experimental-feature-warning'] }],
    });
    assert.deepEqual(es.glossary, {
      present: 0,
      used: 1,
      failing: [{ path: 'es/blog/2024/ambient-reaches-beta/index.md', uri: `file://${ROOT}/content/es/blog/2024/ambient-reaches-beta/index.md`, names: ['data plane'] }],
    });
  });

  it('counts what the other languages have', async () => {
    const r = await readiness();
    const uk = r.get('uk')!;
    assert.equal(uk.configured, true);
    // uk has the first 100 strings, 4 of them translated, and lacks the last 31.
    assert.equal(uk.strings?.translated, 4);
    assert.equal(uk.strings?.untranslated.filter((u) => u.reason === 'missing').length, 31);
    assert.deepEqual(uk.menus, [{ menu: 'main', entries: 1, sourceEntries: 4 }]);
    assert.deepEqual([uk.boilerplates.present, uk.boilerplates.needed, uk.boilerplates.missing], [1, 3, ['experimental-feature-warning', 'gateway-api-support']]);
    // The fixture's uk glossary holds one term, whose own definition glosses three it lacks.
    assert.deepEqual([uk.glossary.present, uk.glossary.used], [1, 4]);
    assert.deepEqual(uk.glossary.failing.map((f) => [f.path, f.names]), [['uk/docs/reference/glossary/data-plane.md', ['ambient', 'sidecar', 'ztunnel']]]);
    const zh = r.get('zh')!;
    assert.deepEqual([zh.strings?.translated, zh.boilerplates.present, zh.glossary.present], [12, 3, 2]);
  });

  it('counts strings marked `# TODO translate` as untranslated', () => {
    const text = '# TODO translate\n[search]\nother = "Search this site"\n\n[blog_title]\nother = "Blog"\n';
    assert.deepEqual([...markedStrings(text)], ['search']);
    assert.deepEqual([...readStrings(text, 'toml')], [['search', 'Search this site'], ['blog_title', 'Blog']]);
  });
});
