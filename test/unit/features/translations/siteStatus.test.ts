import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listTranslations } from '../../../../server/engine/features/translations/siteStatus';
import { SiteIndex } from '../../../../server/engine/site/siteIndex';
import { readLayout } from '../../../../server/engine/site/siteLayout';
import { MEM_ROOT, memorySite } from '../../../support/fixtures';

describe('site translation listing', () => {
  it('lists, per language, the English pages without a version and the pages without an English one', async () => {
    const fs = memorySite();
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
    await site.scan({ sliceMs: 1e9, pause: () => Promise.resolve() });
    const listing = listTranslations(site);
    assert.equal(listing.sourceLang, 'en');
    assert.equal(listing.sourcePages, 35);
    const [uk, zh] = listing.languages;
    assert.deepEqual(
      zh!.missing.map((m) => [m.relPath, m.draft]),
      [
        ['blog/2020/istio-sds-gloo/index.md', true],
        ['blog/2021/istio-community-meetup-china/index.md', false],
        ['blog/2021/simple-vms/index.md', false],
      ],
    );
    assert.deepEqual(zh!.withoutSource.map((w) => w.relPath), ['blog/2021/istiomeetups-china/index.md']);
    assert.equal(zh!.pairs.length, 32);
    assert.deepEqual(uk!.withoutSource, []);
    assert.deepEqual(
      uk!.pairs.map((p) => p.relPath),
      [
        'blog/2024/ambient-reaches-beta/index.md',
        'blog/2024/authz-policy-with-kyverno/index.md',
        'blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md',
        'blog/2025/istio-at-kubecon-eu/index.md',
        'blog/2025/steering-election/index.md',
        'blog/_index.md',
        'docs/reference/glossary/data-plane.md',
        'docs/reference/glossary/index.md',
      ],
    );
    assert.equal(uk!.missing.length, 35 - 8);
  });
});
