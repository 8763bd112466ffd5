import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../../server/engine/languageService';
import { exportStatus, hiddenReason, isShown, orderLanguages, pageSection } from '../../../../server/engine/features/translations/statusView';
import type { LanguageStatus, TranslationStatusResult } from '../../../../server/engine/features/translations/types';
import { MEM_ROOT, memorySite } from '../../../support/fixtures';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };
const page = (title: string, extra = ''): string => `---\ntitle: ${title}\ndescription: A page.\n${extra}---\n\nText.\n`;

describe('Translation Status: sections, hidden pages, language order and export', () => {
  it('puts a page in the section of its first folder, and hides test/ pages and drafts', () => {
    assert.deepEqual(
      ['blog/2021/x/index.md', 'docs/ops/a.md', 'news/releases/1.2.x/announcing-1.2/index.md', 'about/faq.md', '_index.md', 'blogs/x.md'].map(pageSection),
      ['blog', 'docs', 'news', 'other', 'other', 'other'],
    );
    assert.deepEqual([hiddenReason('test/sample/index.md', false), hiddenReason('blog/x.md', true), hiddenReason('blog/x.md', false)], ['test', 'draft', undefined]);
  });

  it('orders languages most translated first (hidden pages not counted), the open page\u2019s language before all', () => {
    const missing = (n: number, hidden = 0): LanguageStatus['missing'] => [
      ...Array.from({ length: n }, (_, i) => ({ path: `blog/${i}.md`, sourceUri: '', targetUri: '', section: 'blog' as const })),
      ...Array.from({ length: hidden }, (_, i) => ({ path: `test/${i}.md`, sourceUri: '', targetUri: '', section: 'other' as const, hidden: 'test' as const })),
    ];
    // es: 10 of 1,130; uk: 496 of 1,120, with 302 hidden test pages it would be last; zh: 1,048 of 1,120.
    const langs = [
      { lang: 'es', translated: 10, missing: missing(1120) },
      { lang: 'uk', translated: 496, missing: missing(624, 302) },
      { lang: 'zh', translated: 1048, missing: missing(72) },
    ];
    assert.deepEqual(orderLanguages(langs).map((l) => l.lang), ['zh', 'uk', 'es']);
    assert.deepEqual(orderLanguages(langs, 'es').map((l) => l.lang), ['es', 'zh', 'uk']);
    assert.deepEqual(orderLanguages(langs, 'en').map((l) => l.lang), ['zh', 'uk', 'es']);
  });

  it('filters by text (path or title, any case), by section, and shows hidden pages only when asked', () => {
    const draft = { path: 'blog/2020/sds/index.md', title: 'Gloo SDS', section: 'blog' as const, hidden: 'draft' as const };
    const doc = { path: 'docs/ops/deployment/index.md', title: 'Deployment Models', section: 'docs' as const };
    assert.deepEqual([isShown(draft), isShown(draft, { showHidden: true }), isShown(doc)], [false, true, true]);
    assert.deepEqual([isShown(doc, { query: 'MODELS' }), isShown(doc, { query: 'ops/dep' }), isShown(doc, { query: 'gloo' })], [true, true, false]);
    assert.deepEqual([isShown(doc, { sections: ['blog'] }), isShown(doc, { sections: ['docs', 'news'] })], [false, true]);
  });

  it('groups the site\u2019s report: sections and hidden reasons on each page, the open page\u2019s language first', async () => {
    const fs = memorySite({
      'content/en/test/sample/index.md': page('A test page'),
      'content/en/news/releases/1.20.x/announcing-1.20/index.md': page('Announcing 1.20'),
      'content/en/about/community.md': page('Community', 'draft: true\n'),
    });
    const service = new LanguageService({ fs, scan: noPause });
    const fromUk = await service.translationStatus(`${MEM_ROOT}/content/uk/blog/_index.md`, { trusted: false });
    const fromEn = await service.translationStatus(MEM_ROOT, { trusted: false });
    service.dispose();
    // zh has 32 of the 35 English pages, uk 8: zh first, unless the report is asked from a uk page.
    assert.deepEqual([fromEn?.openLang, fromEn?.languages.map((l) => l.lang)], [undefined, ['zh', 'uk']]);
    assert.deepEqual([fromUk?.openLang, fromUk?.languages.map((l) => l.lang)], ['uk', ['uk', 'zh']]);
    const zh = fromEn!.languages[0]!;
    assert.deepEqual(
      zh.missing.map((m) => [m.path, m.section, m.hidden]),
      [
        ['about/community.md', 'other', 'draft'],
        ['blog/2020/istio-sds-gloo/index.md', 'blog', 'draft'],
        ['blog/2021/istio-community-meetup-china/index.md', 'blog', undefined],
        ['blog/2021/simple-vms/index.md', 'blog', undefined],
        ['news/releases/1.20.x/announcing-1.20/index.md', 'news', undefined],
        ['test/sample/index.md', 'other', 'test'],
      ],
    );
  });

  const report: TranslationStatusResult = {
    siteRoot: 'file:///site',
    sourceLang: 'en',
    sourcePages: 4,
    git: { available: true, repoRoot: 'file:///site', head: 'c'.repeat(40) },
    languages: [
      {
        lang: 'zh',
        translated: 1,
        upToDate: 0,
        uncommitted: [],
        withoutSource: [],
        stale: [
          {
            path: 'docs/setup/index.md',
            uri: 'file:///site/content/zh/docs/setup/index.md',
            sourceUri: 'file:///site/content/en/docs/setup/index.md',
            title: 'Setup | install',
            translationCommit: { hash: 'a'.repeat(40), date: '2024-05-14', subject: 'zh' },
            sourceCommits: [{ hash: 'b'.repeat(40), date: '2024-05-20', subject: 'Fix' }],
            section: 'docs',
          },
        ],
        missing: [
          { path: 'blog/2021/x/index.md', sourceUri: '', targetUri: '', title: 'Say "hi", world', section: 'blog' },
          { path: 'news/y.md', sourceUri: '', targetUri: '', section: 'news' },
          { path: 'test/z.md', sourceUri: '', targetUri: '', title: 'Test', section: 'other', hidden: 'test' },
        ],
      },
    ],
  };

  it('exports Markdown for a tracking issue: counts per section, then task lists grouped by section', () => {
    assert.equal(
      exportStatus(report, 'markdown'),
      [
        '# Translation status',
        '',
        '4 en pages (the source language).',
        '',
        '| language | translated | stale | missing blog | missing docs | missing news | missing other |',
        '|---|---|---|---|---|---|---|',
        '| zh | 1 | 1 | 1 | 0 | 1 | 0 |',
        '',
        '## zh',
        '',
        '### Stale (1)',
        '',
        '#### docs (1)',
        '',
        '- [ ] `docs/setup/index.md` Setup \\| install (1 source commits since 2024-05-14)',
        '',
        '### Missing (2)',
        '',
        '#### blog (1)',
        '',
        '- [ ] `blog/2021/x/index.md` Say "hi", world',
        '',
        '#### news (1)',
        '',
        '- [ ] `news/y.md`',
        '',
      ].join('\n'),
    );
    // What the reader filtered is what is exported.
    assert.match(exportStatus(report, 'markdown', { sections: ['news'], showHidden: true }), /\| zh \| 1 \| 0 \| 0 \| 0 \| 1 \| 0 \|/);
  });

  it('exports CSV, one row per page, quoted as RFC 4180 says', () => {
    assert.equal(
      exportStatus(report, 'csv', { showHidden: true }),
      [
        'language,status,section,path,title,draft,source commits since',
        'zh,stale,docs,docs/setup/index.md,Setup | install,,1',
        'zh,missing,blog,blog/2021/x/index.md,"Say ""hi"", world",,',
        'zh,missing,news,news/y.md,,,',
        'zh,missing,other,test/z.md,Test,,',
        '',
      ].join('\r\n'),
    );
  });
});
