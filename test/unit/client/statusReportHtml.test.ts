import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TranslationCommands } from '../../../client/src/translations/commandIds';
import { commandUri, renderStatusReport } from '../../../client/src/translations/statusReportHtml';

const base = {
  siteRoot: 'file:///site',
  sourceLang: 'en',
  sourcePages: 35,
};
const zhStale = {
  lang: 'zh',
  translated: 32,
  upToDate: 31,
  uncommitted: [],
  withoutSource: [{ path: 'blog/2021/istiomeetups-china/index.md', uri: 'file:///site/content/zh/blog/2021/istiomeetups-china/index.md' }],
  missing: [{ path: 'blog/2021/simple-vms/index.md', sourceUri: 'file:///site/content/en/blog/2021/simple-vms/index.md', targetUri: 'file:///site/content/zh/blog/2021/simple-vms/index.md', title: 'Simple VMs <& more>' }],
  stale: [
    {
      path: 'blog/2024/ambient-reaches-beta/index.md',
      uri: 'file:///site/content/zh/blog/2024/ambient-reaches-beta/index.md',
      sourceUri: 'file:///site/content/en/blog/2024/ambient-reaches-beta/index.md',
      translationCommit: { hash: 'a'.repeat(40), date: '2024-05-14', subject: 'zh: translate' },
      sourceCommits: [{ hash: 'b'.repeat(40), date: '2024-05-20', subject: 'Fix "typo"' }],
    },
  ],
};

describe('translation status report (HTML)', () => {
  it('links each stale translation to a diff of its source since the translation\u2019s last commit', () => {
    const html = renderStatusReport({ ...base, git: { available: true, repoRoot: 'file:///site', head: 'c'.repeat(40) }, languages: [zhStale] });
    const diff = commandUri(TranslationCommands.diffSource, {
      sourceUri: 'file:///site/content/en/blog/2024/ambient-reaches-beta/index.md',
      commit: 'a'.repeat(40),
      title: 'blog/2024/ambient-reaches-beta/index.md (en): since 2024-05-14',
    });
    assert.ok(html.includes(`href="${diff.replace(/&/g, '&#38;').replace(/'/g, '&#39;')}"`), 'diff link');
    assert.ok(html.includes('Fix &#34;typo&#34;'), 'commit subjects are escaped');
    assert.ok(html.includes('Simple VMs &#60;&#38; more&#62;'), 'titles are escaped');
    const create = commandUri(TranslationCommands.createTranslation, { uri: 'file:///site/content/en/blog/2021/simple-vms/index.md', lang: 'zh' });
    assert.ok(html.includes(`href="${create.replace(/'/g, '&#39;')}"`), 'create link');
    assert.ok(html.includes('<h3>Stale (1) <span class="muted">· 31 up to date</span></h3>'));
  });

  it('says why the stale column is empty without git, and still lists what is missing', () => {
    const html = renderStatusReport({ ...base, git: { available: false, reason: 'the site is not inside a git repository.' }, languages: [{ ...zhStale, stale: [], upToDate: 0 }] });
    assert.ok(html.includes('The stale column is empty: the site is not inside a git repository.'));
    assert.ok(html.includes('<td>32</td><td>staleness unknown</td><td>1</td><td>1</td>'));
    assert.ok(html.includes('<h3>Missing (1)</h3><details open><summary>blog/2021 (1)</summary><ul><li>'));
    assert.ok(!html.includes('<h3>Stale'));
  });
});
