import { Commands } from '../../../server/protocol';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { commandUri, englishL10n, renderStatusReport, type L10n } from '../../../client/src/translations/statusReportHtml';

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
  missing: [{ path: 'blog/2021/simple-vms/index.md', sourceUri: 'file:///site/content/en/blog/2021/simple-vms/index.md', targetUri: 'file:///site/content/zh/blog/2021/simple-vms/index.md', title: 'Simple VMs <& more>', section: 'blog' as const }],
  stale: [
    {
      path: 'blog/2024/ambient-reaches-beta/index.md',
      uri: 'file:///site/content/zh/blog/2024/ambient-reaches-beta/index.md',
      sourceUri: 'file:///site/content/en/blog/2024/ambient-reaches-beta/index.md',
      translationCommit: { hash: 'a'.repeat(40), date: '2024-05-14', subject: 'zh: translate' },
      sourceCommits: [{ hash: 'b'.repeat(40), date: '2024-05-20', subject: 'Fix "typo"' }],
      section: 'blog' as const,
    },
  ],
};

describe('translation status report (HTML)', () => {
  it('links each stale translation to a diff of its source since the translation\u2019s last commit', () => {
    const html = renderStatusReport({ ...base, git: { available: true, repoRoot: 'file:///site', head: 'c'.repeat(40) }, languages: [zhStale] });
    const diff = commandUri(Commands.diffSource, {
      sourceUri: 'file:///site/content/en/blog/2024/ambient-reaches-beta/index.md',
      commit: 'a'.repeat(40),
      title: 'blog/2024/ambient-reaches-beta/index.md (en): since 2024-05-14',
    });
    assert.ok(html.includes(`href="${diff.replace(/&/g, '&#38;').replace(/'/g, '&#39;')}"`), 'diff link');
    assert.ok(html.includes('Fix &#34;typo&#34;'), 'commit subjects are escaped');
    assert.ok(html.includes('Simple VMs &#60;&#38; more&#62;'), 'titles are escaped');
    const create = commandUri(Commands.createTranslation, { uri: 'file:///site/content/en/blog/2021/simple-vms/index.md', lang: 'zh' });
    assert.ok(html.includes(`href="${create.replace(/'/g, '&#39;')}"`), 'create link');
    assert.ok(html.includes('<h3>Stale (1) <span class="muted">· 31 up to date</span></h3>'));
  });

  it('says why the stale column is empty without git, and still lists what is missing', () => {
    const html = renderStatusReport({ ...base, git: { available: false, reason: 'the site is not inside a git repository.' }, languages: [{ ...zhStale, stale: [], upToDate: 0 }] });
    assert.ok(html.includes('The stale column is empty: the site is not inside a git repository.'));
    assert.ok(html.includes('<td>32</td><td>staleness unknown</td><td data-count="zh">1</td><td>1</td><td data-count="zh blog">1</td><td data-count="zh docs">0</td>'));
    assert.ok(
      html.includes(
        '<h3>Missing (<span data-count="zh">1</span>)</h3><details class="group section" open><summary><strong>blog</strong> (<span data-group-count>1</span>)</summary>' +
          '<details class="group" open><summary>blog/2021 (<span data-group-count>1</span>)</summary><ul><li class="item" data-section="blog" data-missing="zh" data-text="blog/2021/simple-vms/index.md simple vms &#60;&#38; more&#62;">',
      ),
    );
    assert.ok(!html.includes('<h3>Stale'));
  });

  it('is shown in the display language: every text of the report comes from the l10n bundle', () => {
    const bundle = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const notInBundle: string[] = [];
    // As vscode.l10n.t with the zh-cn bundle loaded: the translation, or the English text when there is none.
    const zh: L10n = {
      t: (message, ...args) => {
        if (!(message in bundle)) notInBundle.push(message);
        return englishL10n.t(bundle[message] ?? message, ...args);
      },
    };
    const links: unknown[] = [];
    const link = (command: string, args: unknown): string => {
      links.push(args);
      return commandUri(command, args);
    };
    const withGit = renderStatusReport({ ...base, git: { available: true, repoRoot: 'file:///site', head: 'c'.repeat(40) }, languages: [zhStale] }, { l10n: zh, lang: 'zh-cn', link });
    const withoutGit = renderStatusReport(
      { ...base, git: { available: false, code: 'untrusted', reason: 'the workspace is not trusted (English, from the server).' }, languages: [{ ...zhStale, stale: [], upToDate: 0 }] },
      { l10n: zh, lang: 'zh-cn' },
    );
    assert.deepEqual(notInBundle, []);
    assert.ok(withGit.startsWith('<!DOCTYPE html>\n<html lang="zh-cn">'));
    assert.ok(withGit.includes('<title>翻译状态</title>') && withGit.includes('<h1>翻译状态</h1>'));
    assert.ok(withGit.includes('<p>35 个 en 页面（源语言）。</p>'));
    assert.ok(withGit.includes('<td>32</td><td>1 篇过期</td><td data-count="zh">1</td><td>1</td>'));
    assert.ok(withGit.includes('<h3>过期（1） <span class="muted">· 31 篇是最新的</span></h3>'));
    assert.ok(withGit.includes('<summary>1 个提交</summary>'));
    assert.ok(withGit.includes('<h3>缺失（<span data-count="zh">1</span>）</h3>'));
    assert.ok(withGit.includes('<h3>没有对应的 en 原文（1）</h3>'));
    assert.ok(withGit.includes('<code>scripts/lsync.sh</code>') && withGit.includes('<code>cccccccccc</code>'));
    // The diff editor's title, passed in the link, is translated too.
    assert.ok(links.some((l) => (l as { title?: string }).title === 'blog/2024/ambient-reaches-beta/index.md（en）：2024-05-14 以来'));
    // The server's reason is English; its code says it in the display language.
    assert.ok(withoutGit.includes('<p class="warn">“过期”一栏为空：工作区不受信任，而 git 可能执行仓库自身配置中指定的命令，因此没有运行 git。信任此工作区后即可看到过期的译文。是否过期要从 git 历史中读取'));
    assert.ok(withoutGit.includes('<td>32</td><td>无法判断是否过期</td>'));
    for (const code of ['no-git', 'dubious-ownership', 'not-a-repository', 'no-commits'] as const) {
      const html = renderStatusReport({ ...base, git: { available: false, code, reason: 'English' }, languages: [] }, { l10n: zh });
      assert.doesNotMatch(html, /English/, code);
    }
    assert.ok(renderStatusReport({ ...base, git: { available: false, code: 'no-commits', reason: 'x' }, languages: [] }, { l10n: zh }).includes('该 git 仓库还没有任何提交。'));
    assert.deepEqual(notInBundle, []);
    // No English sentence is left (the English default renders "Missing (1)").
    for (const html of [withGit, withoutGit]) assert.doesNotMatch(html.replace(/<[^>]*>/g, ' '), /\b(?:Stale|Missing|Translation Status|up to date|show changes|create)\b/);
  });

  it('groups missing pages by section, hides test pages and drafts, and has the filter, toggles and export with a nonce', () => {
    const zh = {
      ...zhStale,
      stale: [],
      missing: [
        ...zhStale.missing,
        { path: 'test/sample/index.md', sourceUri: 'file:///s/t', targetUri: 'file:///s/u', section: 'other' as const, hidden: 'test' as const },
        { path: 'news/releases/1.2.x/index.md', sourceUri: 'file:///s/n', targetUri: 'file:///s/m', section: 'news' as const, draft: true, hidden: 'draft' as const },
      ],
    };
    const r = { ...base, git: { available: false as const, reason: 'x' }, languages: [zh] };
    const html = renderStatusReport(r, { nonce: 'n0nce' });
    assert.ok(html.includes(`script-src 'nonce-n0nce';`) && html.includes('<script nonce="n0nce">'));
    assert.ok(html.includes('<input type="search" id="filter"'));
    // Counts shown by default leave the hidden pages out: blog 1, news 0, other 0; the toggle says how many wait.
    assert.ok(html.includes('value="blog" checked> blog (<span data-count="blog">1</span>)'));
    assert.ok(html.includes('value="news" checked> news (<span data-count="news">0</span>)'));
    assert.ok(html.includes('<input type="checkbox" id="show-hidden"> Show test pages and drafts (2)'));
    assert.ok(html.includes('<button type="button" data-export="markdown">Export as Markdown</button>'));
    // The heading's count is the language's, which the script recounts with the filter (hidden pages left out).
    assert.ok(html.includes('<h3>Missing (<span data-count="zh">1</span>)</h3>'));
    assert.ok(html.includes('<li class="item" data-section="other" data-missing="zh" data-text="test/sample/index.md " data-hidden="test" hidden>'));
    assert.ok(html.includes('<details class="group section" open hidden><summary><strong>news</strong> (<span data-group-count>0</span>)'));
    // Without a nonce (no script may run) there are no controls and no script.
    const plain = renderStatusReport(r);
    assert.ok(!plain.includes('<script') && !plain.includes('id="filter"') && !plain.includes('script-src'));
  });
});

