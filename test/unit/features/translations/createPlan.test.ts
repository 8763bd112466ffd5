import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planTranslation, type CreatePlan } from '../../../../server/engine/features/translations/createPlan';
import { SiteIndex } from '../../../../server/engine/site/siteIndex';
import { readLayout } from '../../../../server/engine/site/siteLayout';
import { MEM_ROOT, memorySite, sample } from '../../../support/fixtures';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };

async function siteWith(overrides: Record<string, string | null> = {}): Promise<SiteIndex> {
  const fs = memorySite(overrides);
  const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
  await site.scan(noPause);
  return site;
}

const c = (rel: string): string => `${MEM_ROOT}/content/${rel}`;
const rel = (path: string): string => path.slice(`${MEM_ROOT}/content/`.length);

function plan(site: SiteIndex, path: string, lang: string): CreatePlan {
  const r = planTranslation(site, path, lang);
  assert.ok(r.ok, `expected a plan, got ${JSON.stringify(r)}`);
  return r.plan;
}

describe('create translation plan', () => {
  it('creates the page from the source text and copies every other file of the bundle', async () => {
    const site = await siteWith();
    const p = plan(site, c('en/blog/2023/istiocon-china/index.md'), 'uk');
    assert.equal(rel(p.target), 'uk/blog/2023/istiocon-china/index.md');
    // The source's text with its one heading's id (the zh page writes `## 在展会现场 {#on-the-show-floor}`); its one
    // root-relative link stays English, since uk has no page at /uk/blog/2023/istio-at-kubecon-eu/.
    const source = sample('content/en/blog/2023/istiocon-china/index.md');
    assert.equal(p.text, source.replace('\n## On the show floor\n', '\n## On the show floor {#on-the-show-floor}\n'));
    assert.notEqual(p.text, source);
    assert.deepEqual(p.changes, { links: 0, headingIds: 1 });
    assert.deepEqual(
      p.copies.map((x) => [rel(x.from), rel(x.to)]),
      [
        'ambient-l4.jpg',
        'diamond-sponsor.jpg',
        'group-pic.jpg',
        'istio-support-at-the-booth.jpg',
        'istiocon-program-committee.jpg',
        'meet-the-authors.jpg',
        'opening-keynote.jpg',
        'sponsored-keynote-google.jpg',
        'users-engaging.jpg',
      ].map((n) => [`en/blog/2023/istiocon-china/${n}`, `uk/blog/2023/istiocon-china/${n}`]),
    );
    assert.deepEqual(p.kept, []);
  });

  it('never plans to overwrite: an existing page refuses the plan, existing resources are kept', async () => {
    const site = await siteWith({ 'content/uk/blog/2023/istiocon-china/group-pic.jpg': 'a translated picture' });
    const refused = planTranslation(site, c('en/blog/2024/ambient-reaches-beta/index.md'), 'zh');
    assert.deepEqual(refused, {
      ok: false,
      reason: 'exists',
      message: 'The zh version already exists.',
      target: c('zh/blog/2024/ambient-reaches-beta/index.md'),
    });
    const p = plan(site, c('en/blog/2023/istiocon-china/index.md'), 'uk');
    assert.deepEqual(p.kept.map(rel), ['uk/blog/2023/istiocon-china/group-pic.jpg']);
    assert.ok(!p.copies.some((x) => x.to.endsWith('/group-pic.jpg')));
    assert.equal(p.copies.length, 8);
  });

  it('copies only the file for a single-file post', async () => {
    const leaf = 'blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md';
    const site = await siteWith({ [`content/uk/${leaf}`]: null });
    const p = plan(site, c(`en/${leaf}`), 'uk');
    assert.deepEqual([rel(p.from), rel(p.target), p.copies, p.kept], [`en/${leaf}`, `uk/${leaf}`, [], []]);
  });

  it('starts from the English page when asked on a translation', async () => {
    const site = await siteWith();
    const p = plan(site, c('zh/blog/2023/istiocon-china/index.md'), 'uk');
    assert.equal(rel(p.from), 'en/blog/2023/istiocon-china/index.md');
    assert.equal(p.copies[0]!.from, c('en/blog/2023/istiocon-china/ambient-l4.jpg'));
    // A zh-only post has no English page: it is its own source.
    const zhOnly = plan(site, c('zh/blog/2021/istiomeetups-china/index.md'), 'en');
    assert.equal(rel(zhOnly.from), 'zh/blog/2021/istiomeetups-china/index.md');
    assert.equal(rel(zhOnly.target), 'en/blog/2021/istiomeetups-china/index.md');
  });

  it('creates a language folder the site does not have yet (es)', async () => {
    const site = await siteWith();
    const p = plan(site, c('en/blog/2021/istio-community-meetup-china/index.md'), 'es');
    assert.equal(rel(p.target), 'es/blog/2021/istio-community-meetup-china/index.md');
  });

  it('copies a section folder\u2019s files but not the other pages beside it', async () => {
    const site = await siteWith({ 'content/en/blog/2018/banner.png': '', 'content/en/blog/2018/notes.md': '---\ntitle: notes\n---\n' });
    const p = plan(site, c('en/blog/2018/_index.md'), 'uk');
    assert.deepEqual(p.copies.map((x) => rel(x.to)), ['uk/blog/2018/banner.png']);
  });

  it('refuses what is not a page, a bad language name and the page\u2019s own language', async () => {
    const site = await siteWith();
    const reasons = [
      planTranslation(site, c('en/blog/2023/istiocon-china/group-pic.jpg'), 'uk'),
      planTranslation(site, c('en/blog/2023/istiocon-china/index.md'), 'Spanish'),
      planTranslation(site, c('en/blog/2023/istiocon-china/index.md'), 'en'),
      planTranslation(site, `${MEM_ROOT}/README.md`, 'uk'),
    ].map((r) => (r.ok ? 'ok' : r.reason));
    assert.deepEqual(reasons, ['not-a-page', 'bad-language', 'same-language', 'not-content']);
  });
});
