// Link resolution as the built site serves it (issue 21, cause 5 and missed faults 2 and 4): footnotes are not link
// definitions, paths are percent-decoded, output formats and static folders are files too, Markdown sources are never
// published, and a translation's aliases are not redirected. Each case quotes a real istio.io line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/engine/languageService';
import { readFixes } from '../../../server/engine/features/quickFix';
import { doc, MEM_ROOT, memorySite, rangeOf } from '../../support/fixtures';
import { ISTIO_PATH_SETTINGS } from '../../support/istioHugoToml';
import { cataloged } from '../diagnostics/cataloged';

/** The lines of istio.io's hugo.toml that decide which paths the site has (verbatim). */
const HUGO_TOML = ISTIO_PATH_SETTINGS;

/** content/en/news/_index.md */
const NEWS_INDEX = '---\ntitle: Istio News\ndescription: Timely news about the Istio project.\nlinktitle: News\nsidebar_multicard: true\nicon: bullhorn\ndecoration: pill\noutputs:\n    - html\n    - rss\n---\n';

const FULL: Record<string, string | null> = {
  'hugo.toml': HUGO_TOML,
  'static/talks/istio_talk_gluecon_2017.pdf': '',
  'generated/.keep': '',
  'content/en/news/_index.md': NEWS_INDEX,
  'content/en/docs/_index.md': '---\ntitle: Documentation\n---\n',
  // The home page of istio.io is HTML content.
  'content/en/_index.html': '---\ntitle: Istio\n---\n<div></div>\n',
  'content/en/blog/2023/ada-logics-security-assessment/Istio audit report - ADA Logics - 2023-01-30 - v1.0.pdf': '',
  'content/zh/docs/setup/upgrade/canary/index.md': '---\ntitle: 金丝雀升级\n---\n',
  // content/zh/docs/tasks/security/cert-management/plugin-ca-cert/index.md (its frontmatter)
  'content/zh/docs/tasks/security/cert-management/plugin-ca-cert/index.md':
    '---\ntitle: 插入 CA 证书\ndescription: 系统管理员如何通过根证书、签名证书和密钥来配置 Istio 的 CA。\nweight: 80\nkeywords: [security,certificates]\naliases:\n    - /zh/docs/tasks/security/plugin-ca-cert/\nowner: istio/wg-security-maintainers\ntest: yes\n---\n',
  'content/en/docs/tasks/security/cert-management/plugin-ca-cert/index.md':
    '---\ntitle: Plug in CA Certificates\naliases:\n    - /docs/tasks/security/plugin-ca-cert/\n---\n',
};

async function linkProblems(rel: string, text: string, files: Record<string, string | null> = FULL): Promise<{ ds: Diagnostic[]; hover: (needle: string) => string | undefined }> {
  const fs = memorySite(files);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const path = `${MEM_ROOT}/${rel}`;
  await service.siteOf(path)!.summarized();
  const document = doc(path, text);
  const ds = cataloged(service.diagnostics(path, document), rel).diagnostics.filter((d) => /^(link|image)\./.test(String(d.code)));
  const hover = (needle: string): string | undefined => {
    const h = service.hover(path, document, rangeOf(text, needle).start);
    const contents = h?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
  };
  return { ds, hover };
}

const page = (body: string, title = 'Page'): string => `---\ntitle: ${title}\ndescription: A page.\n---\n\n${body}\n`;
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);

describe('footnotes are not link definitions', () => {
  it('[^ibm-red-hat]: [Our Steering Committee charter](…) is a footnote whose inline link is the link', async () => {
    // content/en/blog/2024/steering-results/index.md:94
    const text = page(
      'with five companies[^ibm-red-hat] represented.\n\n[^ibm-red-hat]: [Our Steering Committee charter](https://github.com/istio/community/blob/master/steering/CHARTER.md#membership-and-voting) considers groups of companies as one, for the purposes of allocation of seats. This means we group IBM and Red Hat together as a single entity.',
    );
    assert.deepEqual((await linkProblems('content/en/blog/2024/steering-results/index.md', text)).ds, []);
    // The link inside the footnote is still checked.
    const local = text.replace('https://github.com/istio/community/blob/master/steering/CHARTER.md#membership-and-voting', '/blog/2024/nowhere/');
    assert.deepEqual(codes((await linkProblems('content/en/blog/2024/steering-results/index.md', local)).ds), ['link.page-not-found']);
  });
});

describe('the files a link may reach', () => {
  it('a percent-encoded path is decoded before the lookup: Istio%20audit%20report…pdf exists', async () => {
    // content/en/blog/2023/ada-logics-security-assessment/index.md
    const text = page('we are pleased to publish [the results of our second security audit](./Istio%20audit%20report%20-%20ADA%20Logics%20-%202023-01-30%20-%20v1.0.pdf).');
    assert.deepEqual((await linkProblems('content/en/blog/2023/ada-logics-security-assessment/index.md', text)).ds, []);
  });

  it('an output format is a file: /news/feed.xml is the RSS of news/_index.md (`outputs: [html, rss]`, baseName feed)', async () => {
    // content/en/blog/2021/patch-tuesdays/index.md
    const text = page('* [RSS](/news/feed.xml)');
    assert.deepEqual((await linkProblems('content/en/blog/2021/patch-tuesdays/index.md', text)).ds, []);
    // The home page has RSS by hugo.toml's [outputs]; a section without `outputs:` has none.
    assert.deepEqual((await linkProblems('content/en/blog/2021/patch-tuesdays/index.md', page('[all](/feed.xml)'))).ds, []);
    assert.deepEqual(codes((await linkProblems('content/en/blog/2021/patch-tuesdays/index.md', page('[docs](/docs/feed.xml)'))).ds), ['link.file-not-found']);
  });

  it('a file of a static folder (staticDir) is a link target: /talks/istio_talk_gluecon_2017.pdf', async () => {
    // content/en/news/releases/0.x/announcing-0.1/index.md
    const rel = 'content/en/news/releases/0.x/announcing-0.1/index.md';
    const text = page('View the [presentation](/talks/istio_talk_gluecon_2017.pdf) from GlueCon 2017, where Istio was unveiled.');
    assert.deepEqual((await linkProblems(rel, text)).ds, []);
    const missing = text.replace('gluecon_2017', 'gluecon_2018');
    const { ds } = await linkProblems(rel, missing);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.message]),
      [['link.file-not-found', DiagnosticSeverity.Error, 'No file `istio_talk_gluecon_2018.pdf` in `content/en/talks/` (the folder does not exist either), nor in the static folders (`static/`, `generated/`). Did you mean `istio_talk_gluecon_2017.pdf`?']],
    );
  });

  it('while a static folder is absent (generated/ is built), or outside a Hugo site root, the hover says why instead of an error', async () => {
    const rel = 'content/en/news/releases/0.x/announcing-0.1/index.md';
    const text = page('View the [presentation](/talks/istio_talk_gluecon_2018.pdf) from GlueCon 2017.');
    const noGenerated = await linkProblems(rel, text, { ...FULL, 'generated/.keep': null });
    assert.deepEqual(noGenerated.ds, []);
    assert.match(noGenerated.hover('/talks/istio_talk_gluecon_2018.pdf') ?? '', /`generated\/` is not in this checkout/);
    const excerpt = await linkProblems(rel, text, { ...FULL, 'hugo.toml': null });
    assert.deepEqual(excerpt.ds, []);
    assert.match(excerpt.hover('/talks/istio_talk_gluecon_2018.pdf') ?? '', /outside a Hugo site root/);
  });
});

describe('links the live site does not serve', () => {
  it('a link to a Markdown source file is an error, fixed to the page URL', async () => {
    // content/zh/docs/ops/configuration/telemetry/envoy-stats/index.md
    const rel = 'content/zh/docs/ops/configuration/telemetry/envoy-stats/index.md';
    const text = page('如果您基于 Envoy 建立或者维护仪表盘或者告警，**强烈建议**您在**升级 Istio\n之前**先在[金丝雀环境](/zh/docs/setup/upgrade/canary/index.md)检查统计信息。');
    const { ds } = await linkProblems(rel, text);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.range, readFixes(d.data).map((f) => f.edits[0]!.newText)]),
      [['link.markdown-source', DiagnosticSeverity.Error, rangeOf(text, '/zh/docs/setup/upgrade/canary/index.md'), ['/zh/docs/setup/upgrade/canary/']]],
    );
  });

  it("a zh link that reaches its page only through that page's alias is dead on the live site, fixed to the page's URL", async () => {
    // content/zh/blog/2020/istiod/index.md:64
    const rel = 'content/zh/blog/2020/istiod/index.md';
    const text = page('一些用户可能想在网格外部使用证书颁发机构（CA），我们有[如何执行此操作的文档](/zh/docs/tasks/security/plugin-ca-cert/)。如果您使用其他工具进行证书设置，则可以使用它代替内置CA。');
    const { ds } = await linkProblems(rel, text);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.range, readFixes(d.data).map((f) => f.edits[0]!.newText)]),
      [['link.dead-alias', DiagnosticSeverity.Error, rangeOf(text, '/zh/docs/tasks/security/plugin-ca-cert/'), ['/zh/docs/tasks/security/cert-management/plugin-ca-cert/']]],
    );
  });

  it('an English alias works (the root _redirects holds it), and so does any alias when Hugo writes alias pages', async () => {
    const en = page('we have [documentation on how to do this](/docs/tasks/security/plugin-ca-cert/).');
    assert.deepEqual((await linkProblems('content/en/blog/2020/istiod/index.md', en)).ds, []);
    const zh = page('[如何执行此操作的文档](/zh/docs/tasks/security/plugin-ca-cert/)');
    const withAliasPages = { ...FULL, 'hugo.toml': HUGO_TOML.replace('disableAliases = true', 'disableAliases = false') };
    assert.deepEqual((await linkProblems('content/zh/blog/2020/istiod/index.md', zh, withAliasPages)).ds, []);
  });
});
