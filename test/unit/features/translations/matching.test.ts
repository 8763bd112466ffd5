import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTranslations, sourceOf } from '../../../../server/engine/features/translations/matching';
import { SiteIndex } from '../../../../server/engine/site/siteIndex';
import { readLayout } from '../../../../server/engine/site/siteLayout';
import type { MemoryFileSystem } from '../../../../server/engine/site/memoryFileSystem';
import { MEM_ROOT, memorySite } from '../../../support/fixtures';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };

async function readySite(fs: MemoryFileSystem = memorySite()): Promise<SiteIndex> {
  const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
  await site.scan(noPause);
  return site;
}

const c = (rel: string): string => `${MEM_ROOT}/content/${rel}`;
/** [lang, exists, path relative to content/] of every version. */
const table = (site: SiteIndex, path: string): [string, boolean, string][] =>
  findTranslations(site, path)!.versions.map((v) => [v.lang, v.exists, v.path.slice(`${MEM_ROOT}/content/`.length)]);

describe('translation matching', () => {
  it('pairs the same relative path under every language, with each version title', async () => {
    const site = await readySite();
    const t = findTranslations(site, c('zh/blog/2024/ambient-reaches-beta/index.md'))!;
    assert.deepEqual([t.lang, t.relPath, t.kind, t.translationKey], ['zh', 'blog/2024/ambient-reaches-beta/index.md', 'bundle', undefined]);
    assert.deepEqual(
      t.versions.map((v) => [v.lang, v.exists, v.title]),
      [
        ['en', true, "Say goodbye to your sidecars: Istio's ambient mode reaches Beta in v1.22"],
        ['uk', true, 'Прощавай, sidecar: Ambient режим Istio досяг бета-версії в v1.22'],
        ['zh', true, '告别 Sidecar：Istio 的 Ambient 模式在 v1.22 中达到 Beta 版'],
      ],
    );
  });

  it('reports a page that exists only in English as missing elsewhere, at the path it would have', async () => {
    const site = await readySite();
    assert.deepEqual(table(site, c('en/blog/2021/istio-community-meetup-china/index.md')), [
      ['en', true, 'en/blog/2021/istio-community-meetup-china/index.md'],
      ['uk', false, 'uk/blog/2021/istio-community-meetup-china/index.md'],
      ['zh', false, 'zh/blog/2021/istio-community-meetup-china/index.md'],
    ]);
    // The zh post of the same event has another slug: Hugo does not pair them, and neither do we.
    assert.deepEqual(table(site, c('zh/blog/2021/istiomeetups-china/index.md')), [
      ['en', false, 'en/blog/2021/istiomeetups-china/index.md'],
      ['uk', false, 'uk/blog/2021/istiomeetups-china/index.md'],
      ['zh', true, 'zh/blog/2021/istiomeetups-china/index.md'],
    ]);
    assert.deepEqual(sourceOf(site, c('zh/blog/2021/istiomeetups-china/index.md')), {
      path: undefined,
      candidate: c('en/blog/2021/istiomeetups-china/index.md'),
    });
  });

  it('pairs the single-file post by its file name, as a leaf', async () => {
    const site = await readySite();
    const rel = 'blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md';
    const t = findTranslations(site, c(`uk/${rel}`))!;
    assert.equal(t.kind, 'leaf');
    assert.deepEqual(table(site, c(`uk/${rel}`)), [
      ['en', true, `en/${rel}`],
      ['uk', true, `uk/${rel}`],
      ['zh', true, `zh/${rel}`],
    ]);
  });

  it('pairs pages that share a translationKey whatever their paths, and no longer pairs by path then', async () => {
    const en = 'en/blog/2021/istio-community-meetup-china/index.md';
    const zh = 'zh/blog/2021/istiomeetups-china/index.md';
    const fs = memorySite({
      [`content/${en}`]: '---\ntitle: "Join us at the Istio Community Meetup in China"\ntranslationKey: meetup-china-2021\n---\nBody.\n',
      [`content/${zh}`]: '---\ntitle: "中国首次 Istio meetup 来了!"\ntranslationKey: meetup-china-2021\n---\n正文。\n',
    });
    const site = await readySite(fs);
    const t = findTranslations(site, c(en))!;
    assert.equal(t.translationKey, 'meetup-china-2021');
    assert.deepEqual(
      t.versions.map((v) => [v.lang, v.exists, v.path.slice(`${MEM_ROOT}/content/`.length), v.byTranslationKey, v.title]),
      [
        ['en', true, en, false, 'Join us at the Istio Community Meetup in China'],
        ['uk', false, 'uk/blog/2021/istio-community-meetup-china/index.md', false, undefined],
        ['zh', true, zh, true, '中国首次 Istio meetup 来了!'],
      ],
    );
    assert.deepEqual(sourceOf(site, c(zh)), { path: c(en), candidate: c('en/blog/2021/istiomeetups-china/index.md') });
    // A page with a key and the keyless page at the same path are different pages to Hugo.
    const keyedEn = memorySite({ 'content/en/blog/2024/ambient-reaches-beta/index.md': '---\ntitle: x\ntranslationKey: beta\n---\n' });
    assert.deepEqual(table(await readySite(keyedEn), c('zh/blog/2024/ambient-reaches-beta/index.md')).map(([l, e]) => [l, e]), [
      ['en', false],
      ['uk', true],
      ['zh', true],
    ]);
  });

  it('works for a language folder the site did not have when it was opened (es)', async () => {
    const fs = memorySite();
    const site = await readySite(fs);
    assert.deepEqual(site.layout.languages, ['en', 'uk', 'zh']);
    const es = c('es/blog/2024/ambient-reaches-beta/index.md');
    fs.write(es, '---\ntitle: "Adiós a los sidecars"\npublishdate: 2024-05-13\n---\nHoy…\n');
    site.fileChanged(es, 'created');
    assert.deepEqual(
      findTranslations(site, es)!.versions.map((v) => [v.lang, v.exists, v.title]),
      [
        ['en', true, "Say goodbye to your sidecars: Istio's ambient mode reaches Beta in v1.22"],
        ['es', true, 'Adiós a los sidecars'],
        ['uk', true, 'Прощавай, sidecar: Ambient режим Istio досяг бета-версії в v1.22'],
        ['zh', true, '告别 Sidecar：Istio 的 Ambient 模式在 v1.22 中达到 Beta 版'],
      ],
    );
    // A page of a language folder the index has not heard of yet still lists its own language.
    const pt = c('pt-br/blog/2024/ambient-reaches-beta/index.md');
    fs.write(pt, '---\ntitle: "Adeus aos sidecars"\n---\n');
    assert.deepEqual(findTranslations(site, pt)!.versions.map((v) => [v.lang, v.exists]), [
      ['en', true],
      ['es', true],
      ['pt-br', true],
      ['uk', true],
      ['zh', true],
    ]);
    // Every other page now lists es too, as missing.
    assert.deepEqual(table(site, c('en/blog/2023/istiocon-china/index.md'))[1], ['es', false, 'es/blog/2023/istiocon-china/index.md']);
  });

  it('pairs bundle resources by path too, and knows nothing outside content/<lang>/', async () => {
    const site = await readySite();
    assert.deepEqual(table(site, c('en/blog/2023/istiocon-china/group-pic.jpg')).map(([l, e]) => [l, e]), [
      ['en', true],
      ['uk', false],
      ['zh', true],
    ]);
    assert.equal(findTranslations(site, `${MEM_ROOT}/layouts/shortcodes/image.html`), undefined);
    assert.equal(findTranslations(site, `${MEM_ROOT}/content/README.md`), undefined);
  });
});
