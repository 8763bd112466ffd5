import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type IstioSettings } from '../../../server/engine';
import { quickFixProvider } from '../../../server/engine/features/codeActions';
import { readFixes } from '../../../server/engine/features/quickFix';
import { LanguageService } from '../../../server/engine/languageService';
import type { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { doc, lc, MEM_ROOT, memorySite, rangeOf, sample, sampleFiles } from '../../support/fixtures';
import { cataloged } from '../diagnostics/cataloged';

const LINK_CODE = /^(image|link)\./;

async function serviceFor(overrides: Record<string, string | null> = {}): Promise<{ service: LanguageService; fs: MemoryFileSystem }> {
  const fs = memorySite(overrides);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  await service.siteOf(`${MEM_ROOT}/content/en/blog/_index.md`)!.scan();
  return { service, fs };
}

function run(service: LanguageService, rel: string, text = sample(rel), settings: IstioSettings = DEFAULT_SETTINGS) {
  const path = `${MEM_ROOT}/${rel}`;
  return cataloged(service.diagnostics(path, doc(path, text), settings), rel);
}

function linkDiagnostics(service: LanguageService, rel: string, text?: string, settings?: IstioSettings): Diagnostic[] {
  return run(service, rel, text, settings).diagnostics.filter((d) => LINK_CODE.test(String(d.code)));
}

/**
 * What a diagnostic's quick fixes offer: the texts that replace its range (the edits carry no range of their own, so
 * they replace the diagnostic's), or the file a command copies; `undefined` without fixes.
 */
function offered(d: Diagnostic): unknown {
  const fixes = readFixes(d.data);
  if (fixes.length === 0) return undefined;
  const copy = fixes.find((f) => f.command)?.command?.arguments?.[0];
  if (copy) return { copy };
  assert.ok(fixes.every((f) => f.edits.length === 1 && f.edits[0]!.range === undefined), JSON.stringify(fixes));
  return { replacements: fixes.map((f) => f.edits[0]!.newText) };
}

const summary = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.severity, d.range, offered(d)]);

const KUBECON_NA = 'content/en/blog/2023/istio-at-kubecon-na/index.md';
const ISTIOCON = 'content/en/blog/2023/istiocon-china/index.md';
const ZH_ISTIOCON = 'content/zh/blog/2023/istiocon-china/index.md';

describe('image and link diagnostics on the sample site', () => {
  it('reports nothing on any page of the sample (an excerpt: pages that are not checked out are not reported)', async () => {
    const { service } = await serviceFor();
    const found: string[] = [];
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      for (const d of linkDiagnostics(service, rel)) found.push(`${rel}:${d.range.start.line + 1} ${d.code}`);
    }
    assert.deepEqual(found, []);
  });

  it('in a full checkout (with hugo.toml) the same sample reports its links to pages outside the excerpt as errors', async () => {
    const { service } = await serviceFor({ 'hugo.toml': '' });
    const rel = 'content/en/blog/2023/istio-graduates-within-cncf/index.md';
    const text = sample(rel);
    assert.deepEqual(summary(linkDiagnostics(service, rel)), [
      ['link.page-not-found', DiagnosticSeverity.Error, rangeOf(text, '/news/releases/1.18.x/announcing-1.18/#ambient-mesh'), undefined],
      ['link.page-not-found', DiagnosticSeverity.Error, rangeOf(text, '/about/ecosystem/'), undefined],
      ['link.page-not-found', DiagnosticSeverity.Error, rangeOf(text, '/blog/2022/istio-accepted-into-cncf/'), undefined],
    ]);
  });

  it('switches between excerpt and full checkout when a hugo.toml appears or goes, without a re-scan', async () => {
    const { service, fs } = await serviceFor();
    const rel = 'content/en/blog/2023/istio-graduates-within-cncf/index.md';
    assert.deepEqual(linkDiagnostics(service, rel).map((d) => d.code), []);
    fs.write(`${MEM_ROOT}/hugo.toml`, 'defaultContentLanguage = "en"\n');
    assert.deepEqual(service.fileChanged(`${MEM_ROOT}/hugo.toml`, 'created'), { recheckAll: true });
    assert.deepEqual(linkDiagnostics(service, rel).map((d) => d.code), ['link.page-not-found', 'link.page-not-found', 'link.page-not-found']);
    fs.delete(`${MEM_ROOT}/hugo.toml`);
    service.fileChanged(`${MEM_ROOT}/hugo.toml`, 'deleted');
    assert.deepEqual(linkDiagnostics(service, rel).map((d) => d.code), []);
    // Other files at the root are not the site's configuration.
    assert.deepEqual(service.fileChanged(`${MEM_ROOT}/README.md`, 'changed'), { recheckAll: false });
  });

  it('resolves the pitfalls: bare http-to-gateway.svg is local, /zh/ absolute images, uk unprefixed links, ../slug links', async () => {
    const { service } = await serviceFor({ 'hugo.toml': '', 'content/en/blog/2024/l7-policy-with-opa/index.md': '---\ntitle: OPA\n---\n', 'content/uk/blog/2024/l7-policy-with-opa/index.md': '---\ntitle: OPA\n---\n' });
    assert.deepEqual(linkDiagnostics(service, 'content/en/blog/2018/egress-monitoring-access-control/index.md').filter((d) => d.code !== 'link.page-not-found'), []);
    assert.deepEqual(linkDiagnostics(service, 'content/zh/blog/2017/adapter-model/index.md').filter((d) => d.code !== 'link.page-not-found'), []);
    const uk = linkDiagnostics(service, 'content/uk/blog/2024/authz-policy-with-kyverno/index.md');
    assert.ok(!uk.some((d) => d.message.includes('l7-policy-with-opa')), JSON.stringify(uk));
    assert.ok(!uk.some((d) => d.code === 'link.missing-language-prefix'));
  });
});

describe('image checks', () => {
  it('a missing image is an error on its link, with the bundle file it probably means', async () => {
    const { service } = await serviceFor();
    const text = sample(ISTIOCON).replace('link="./users-engaging.jpg"', 'link="./users-engagin.jpg"');
    assert.deepEqual(summary(linkDiagnostics(service, ISTIOCON, text)), [
      ['image.not-found', DiagnosticSeverity.Error, rangeOf(text, 'users-engagin.jpg'), { replacements: ['users-engaging.jpg'] }],
    ]);
  });

  it('a name that exists only with another letter case is an error (works on macOS, breaks on Linux)', async () => {
    const { service } = await serviceFor();
    const text = sample(ISTIOCON).replace('link="./users-engaging.jpg"', 'link="./Users-Engaging.jpg"');
    const [d, ...rest] = linkDiagnostics(service, ISTIOCON, text);
    assert.deepEqual(rest, []);
    assert.deepEqual([d!.code, d!.severity, d!.range, offered(d!)], ['image.wrong-case', DiagnosticSeverity.Error, rangeOf(text, 'Users-Engaging.jpg'), { replacements: ['users-engaging.jpg'] }]);
  });

  it('an image missing in a translation but present in the English bundle offers to copy it', async () => {
    const { service } = await serviceFor({ 'content/zh/blog/2023/istiocon-china/group-pic.jpg': null });
    const text = sample(ZH_ISTIOCON);
    const ds = linkDiagnostics(service, ZH_ISTIOCON, text);
    assert.deepEqual(summary(ds), [
      [
        'image.not-translated',
        DiagnosticSeverity.Error,
        rangeOf(text, './group-pic.jpg'),
        { copy: { source: `${MEM_ROOT}/content/en/blog/2023/istiocon-china/group-pic.jpg`, target: `${MEM_ROOT}/content/zh/blog/2023/istiocon-china/group-pic.jpg` } },
      ],
    ]);
    const path = `${MEM_ROOT}/${ZH_ISTIOCON}`;
    const actions = service.codeActions(path, doc(path, text), ds[0]!.range, ds);
    assert.deepEqual(
      actions.map((a) => [a.title, a.command?.command, a.command?.arguments]),
      [['Copy group-pic.jpg from the English bundle', 'istio.copyFile', [{ source: `${MEM_ROOT}/content/en/blog/2023/istiocon-china/group-pic.jpg`, target: `${MEM_ROOT}/content/zh/blog/2023/istiocon-china/group-pic.jpg` }]]],
    );
  });

  it('an absolute image link in a translation must carry its language: /zh/…', async () => {
    const { service } = await serviceFor();
    const rel = 'content/zh/blog/2017/adapter-model/index.md';
    const text = sample(rel).replace('link="/zh/blog/2017/adapter-model/machine.svg"', 'link="/blog/2017/adapter-model/machine.svg"');
    assert.notEqual(text, sample(rel));
    const ds = linkDiagnostics(service, rel, text);
    assert.deepEqual(summary(ds), [['image.missing-language-prefix', DiagnosticSeverity.Error, rangeOf(text, '/blog/2017/adapter-model/machine.svg'), { replacements: ['/zh/blog/2017/adapter-model/machine.svg'] }]]);
  });

  it('an external image without ratio is an error; with ratio it is allowed', async () => {
    const { service } = await serviceFor();
    const base = sample(ISTIOCON);
    const text = base.replace('link="./users-engaging.jpg"', 'link="https://example.com/users.jpg"');
    assert.deepEqual(summary(linkDiagnostics(service, ISTIOCON, text)), [['image.external-without-ratio', DiagnosticSeverity.Error, rangeOf(text, 'https://example.com/users.jpg'), undefined]]);
    const withRatio = base.replace('link="./users-engaging.jpg"', 'ratio="56.25%" link="https://example.com/users.jpg"');
    assert.deepEqual(linkDiagnostics(service, ISTIOCON, withRatio), []);
  });

  it('with ratio a missing local image is only a warning: the template does not check it, the page shows it broken', async () => {
    const { service } = await serviceFor();
    const text = sample(ISTIOCON).replace('link="./users-engaging.jpg"', 'ratio="50%" link="./nothing-like-it.jpg"');
    assert.deepEqual(summary(linkDiagnostics(service, ISTIOCON, text)), [['image.not-found', DiagnosticSeverity.Warning, rangeOf(text, './nothing-like-it.jpg'), undefined]]);
  });

  it('a Markdown image resolves against the bundle and suggests a file with another extension', async () => {
    const { service } = await serviceFor();
    const rel = 'content/en/blog/2021/simple-vms/index.md';
    const text = sample(rel).replace('![Virtual Machine Traffic Flow](./traffic-flow.png)', '![Virtual Machine Traffic Flow](./traffic-flow.svg)');
    const ds = linkDiagnostics(service, rel, text).filter((d) => d.code !== 'link.page-not-found');
    assert.deepEqual(summary(ds), [['image.not-found', DiagnosticSeverity.Error, rangeOf(text, 'traffic-flow.svg'), { replacements: ['traffic-flow.png'] }]]);
  });

  it('a link to a bundle file that is missing is an error', async () => {
    const { service } = await serviceFor();
    const text = sample(ISTIOCON) + '\nSee the [slides](./talk.pdf).\n';
    assert.deepEqual(summary(linkDiagnostics(service, ISTIOCON, text)), [['link.file-not-found', DiagnosticSeverity.Error, rangeOf(text, './talk.pdf'), undefined]]);
  });

  it('records the images it looked at, present or not, as dependencies', async () => {
    const { service } = await serviceFor();
    const text = sample(ISTIOCON).replace('link="./users-engaging.jpg"', 'link="./users-engagin.jpg"');
    const deps = run(service, ISTIOCON, text).dependencies;
    assert.ok(deps.has(`${MEM_ROOT}/content/en/blog/2023/istiocon-china/users-engagin.jpg`));
    assert.ok(deps.has(`${MEM_ROOT}/content/en/blog/2023/istiocon-china/group-pic.jpg`));
  });

  it('re-checks from the index after the image is deleted and restored, without re-scanning', async () => {
    const { service, fs } = await serviceFor();
    const image = `${MEM_ROOT}/content/en/blog/2023/istiocon-china/users-engaging.jpg`;
    assert.deepEqual(linkDiagnostics(service, ISTIOCON), []);
    fs.delete(image);
    service.fileChanged(image, 'deleted');
    assert.deepEqual(linkDiagnostics(service, ISTIOCON).map((d) => [d.code, d.range]), [['image.not-found', lc(43, 11, 43, 31)]]);
    fs.write(image, '');
    service.fileChanged(image, 'created');
    assert.deepEqual(linkDiagnostics(service, ISTIOCON), []);
  });
});

describe('page and anchor checks', () => {
  it('a missing page is an error in a full checkout (with a Hugo config), with the page of the same slug it probably means', async () => {
    const { service } = await serviceFor({ 'hugo.toml': 'baseURL = "https://istio.io"\n' });
    const text = sample(KUBECON_NA).replace('[IstioCon China 2023](/blog/2023/istiocon-china/)', '[IstioCon China 2023](/blog/2022/istiocon-china/)');
    const ds = linkDiagnostics(service, KUBECON_NA, text);
    assert.deepEqual(summary(ds), [['link.page-not-found', DiagnosticSeverity.Error, rangeOf(text, '/blog/2022/istiocon-china/'), { replacements: ['/blog/2023/istiocon-china/'] }]]);
  });

  it('a missing page is not reported in an excerpt of the site (no Hugo config): it may just not be checked out', async () => {
    const { service } = await serviceFor();
    const text = sample(KUBECON_NA).replace('(/blog/2023/istiocon-china/)', '(/blog/2023/nowhere/)');
    assert.deepEqual(linkDiagnostics(service, KUBECON_NA, text), []);
  });

  it('records every file that could hold a linked page as a dependency, including missing ones', async () => {
    const { service } = await serviceFor();
    const deps = run(service, KUBECON_NA).dependencies;
    for (const f of ['blog/2023/istiocon-china/index.md', 'blog/2023/istiocon-china/_index.md', 'blog/2023/istiocon-china.md']) {
      assert.ok(deps.has(`${MEM_ROOT}/content/en/${f}`), f);
    }
  });

  it('an alias of a page is a valid target', async () => {
    const { service } = await serviceFor({ 'hugo.toml': '' });
    const text = sample(KUBECON_NA).replace('(/blog/2023/istiocon-china/)', '(/blog/mixer-adapter-model.html)');
    assert.deepEqual(linkDiagnostics(service, KUBECON_NA, text).filter((d) => d.range.start.line === 10), []);
  });

  it('a page URL with capitals is an error: Hugo serves lower-case URLs', async () => {
    const { service } = await serviceFor({ 'hugo.toml': '' });
    const text = sample(KUBECON_NA).replace('(/blog/2023/istiocon-china/)', '(/blog/2023/IstioCon-China/#x)');
    const ds = linkDiagnostics(service, KUBECON_NA, text).filter((d) => d.range.start.line === 10);
    assert.deepEqual(summary(ds), [['link.page-wrong-case', DiagnosticSeverity.Error, rangeOf(text, '/blog/2023/IstioCon-China/#x'), { replacements: ['/blog/2023/istiocon-china/#x'] }]]);
  });

  it('a fragment must be a heading of the target page (auto id or explicit {#id}); the range is the fragment', async () => {
    const { service } = await serviceFor();
    const ok = sample(KUBECON_NA).replace('(/blog/2023/istiocon-china/)', '(/blog/2017/adapter-model/#handlers-configuring-adapters)');
    assert.deepEqual(linkDiagnostics(service, KUBECON_NA, ok).filter((d) => d.range.start.line === 10), []);
    const text = sample(KUBECON_NA).replace('(/blog/2023/istiocon-china/)', '(/blog/2017/adapter-model/#handlers-configuring-adapter)');
    const ds = linkDiagnostics(service, KUBECON_NA, text).filter((d) => d.range.start.line === 10);
    const withParen = rangeOf(text, 'handlers-configuring-adapter)');
    const fragment = { start: withParen.start, end: { line: withParen.end.line, character: withParen.end.character - 1 } };
    assert.deepEqual(summary(ds), [['link.anchor-not-found', DiagnosticSeverity.Warning, fragment, { replacements: ['handlers-configuring-adapters'] }]]);
  });

  it('a zh page keeps English anchors through {#id}: #before-you-begin resolves, a typo does not', async () => {
    const { service } = await serviceFor();
    const rel = 'content/zh/blog/2018/egress-monitoring-access-control/index.md';
    assert.deepEqual(linkDiagnostics(service, rel).filter((d) => d.code === 'link.anchor-not-found'), []);
    const text = sample(rel).replace('(#before-you-begin)', '(#before-you-begn)');
    const ds = linkDiagnostics(service, rel, text).filter((d) => d.code === 'link.anchor-not-found');
    assert.deepEqual(summary(ds), [['link.anchor-not-found', DiagnosticSeverity.Warning, rangeOf(text, 'before-you-begn'), { replacements: ['before-you-begin'] }]]);
  });

  it('past 50,000 compared heading ids, a broken anchor is still reported, without a suggestion', async () => {
    // 1,000 headings and 60 links to a misspelt id: the first 50 are compared with every id (50,000), the rest not.
    const { service } = await serviceFor();
    const rel = 'content/en/blog/2024/many-headings/index.md';
    const headings = Array.from({ length: 1000 }, (_, i) => `## Heading ${i}\n`).join('\n');
    const text = `---\ntitle: Many headings\n---\n\n${headings}\n${'See [the heading](#heading-99x).\n\n'.repeat(60)}`;
    const ds = linkDiagnostics(service, rel, text).filter((d) => d.code === 'link.anchor-not-found');
    assert.equal(ds.length, 60);
    const suggested = ds.map((d) => readFixes(d.data).length > 0);
    assert.deepEqual(suggested, [...Array<boolean>(50).fill(true), ...Array<boolean>(10).fill(false)]);
    assert.match(ds[0]!.message, /Did you mean `#heading-99`\?/);
    assert.doesNotMatch(ds[59]!.message, /Did you mean/);
  });

  it('glossary anchors are the terms of the glossary bundle (urlize(title))', async () => {
    const { service } = await serviceFor();
    const rel = 'content/uk/docs/reference/glossary/data-plane.md';
    assert.deepEqual(linkDiagnostics(service, rel).filter((d) => d.code === 'link.anchor-not-found'), []);
  });

  it('a zh page linking an English page without /zh/ is an error when the zh page exists, with the prefix as fix', async () => {
    const { service } = await serviceFor();
    const rel = 'content/zh/blog/2023/istio-at-kubecon-na/index.md';
    const text = sample(rel).replace('(/zh/blog/2023/istiocon-china/)', '(/blog/2023/istiocon-china/)');
    const ds = linkDiagnostics(service, rel, text).filter((d) => d.code === 'link.missing-language-prefix');
    assert.deepEqual(summary(ds), [['link.missing-language-prefix', DiagnosticSeverity.Error, rangeOf(text, '/blog/2023/istiocon-china/'), { replacements: ['/zh/blog/2023/istiocon-china/'] }]]);
    const path = `${MEM_ROOT}/${rel}`;
    const [action] = service.codeActions(path, doc(path, text), ds[0]!.range, ds);
    assert.equal(action!.title, 'Link to the translation: /zh/blog/2023/istiocon-china/');
    assert.deepEqual(action!.edit!.changes![`file://${path}`], [{ range: rangeOf(text, '/blog/2023/istiocon-china/'), newText: '/zh/blog/2023/istiocon-china/' }]);
  });

  it('without a zh page the unprefixed link is a warning (the lint rejects it, but the prefixed page does not exist yet)', async () => {
    const { service } = await serviceFor();
    const rel = 'content/zh/blog/2023/istio-at-kubecon-na/index.md';
    const text = sample(rel).replace('(/zh/blog/2023/istiocon-china/)', '(/blog/2021/istio-community-meetup-china/)');
    const ds = linkDiagnostics(service, rel, text).filter((d) => d.code === 'link.missing-language-prefix');
    assert.deepEqual(ds.map((d) => d.severity), [DiagnosticSeverity.Warning]);
  });

  it('https://istio.io/latest/… links become root-relative (and /zh/ in zh pages)', async () => {
    const { service } = await serviceFor();
    const en = sample(KUBECON_NA).replace('(/blog/2023/istiocon-china/)', '(https://istio.io/latest/blog/2023/istiocon-china/)');
    assert.deepEqual(summary(linkDiagnostics(service, KUBECON_NA, en).filter((d) => d.range.start.line === 10)), [
      ['link.absolute-istio-url', DiagnosticSeverity.Warning, rangeOf(en, 'https://istio.io/latest/blog/2023/istiocon-china/'), { replacements: ['/blog/2023/istiocon-china/'] }],
    ]);
    const rel = 'content/zh/blog/2023/istio-at-kubecon-na/index.md';
    const zh = sample(rel).replace('(/zh/blog/2023/istiocon-china/)', '(https://istio.io/latest/blog/2023/istiocon-china/)');
    assert.deepEqual(offered(linkDiagnostics(service, rel, zh).find((d) => d.code === 'link.absolute-istio-url')!), { replacements: ['/zh/blog/2023/istiocon-china/'] });
  });

  it('homepage, www and definition links pass, as they pass the site lint (`\\(https://istio.io/(?!v[0-9]\\.[0-9]/|archive/)`)', async () => {
    const { service } = await serviceFor();
    // Real lines of istio.io: "(https://istio.io)" and "(https://www.istio.io)" homepage links.
    const en = `${sample(KUBECON_NA)}\nSee [Istio](https://istio.io) and [the site](https://www.istio.io), [docs](https://www.istio.io/latest/docs/).\n\n[ref]: https://istio.io/latest/docs/\n\nOld [1.6 docs](https://istio.io/v1.6/docs/) and [archive](https://istio.io/archive/).\n`;
    assert.deepEqual(linkDiagnostics(service, KUBECON_NA, en).filter((d) => d.code === 'link.absolute-istio-url'), []);
  });
});

describe('escape hatches', () => {
  const broken = () => sample(ISTIOCON).replace('link="./users-engaging.jpg"', 'link="./users-engagin.jpg"');

  it('istio.links.ignore globs skip matching targets', async () => {
    const { service } = await serviceFor();
    const settings = { ...DEFAULT_SETTINGS, links: { ignore: ['*engagin*'] } };
    assert.deepEqual(linkDiagnostics(service, ISTIOCON, broken(), settings), []);
    const other = { ...DEFAULT_SETTINGS, links: { ignore: ['/docs/**'] } };
    assert.equal(linkDiagnostics(service, ISTIOCON, broken(), other).length, 1);
  });

  it('<!-- istio-ignore-next-line --> silences the next line; with codes, only those codes', async () => {
    const { service } = await serviceFor();
    const all = broken().replace('{{< image width="75%"\n    link="./users-engagin.jpg"', '<!-- istio-ignore-next-line -->\n{{< image width="75%" link="./users-engagin.jpg"');
    assert.ok(all.includes('<!-- istio-ignore-next-line -->\n{{< image width="75%" link="./users-engagin.jpg"'), 'the test text was rewritten');
    assert.deepEqual(linkDiagnostics(service, ISTIOCON, all), []);
    const byArea = all.replace('istio-ignore-next-line -->', 'istio-ignore-next-line image -->');
    assert.deepEqual(linkDiagnostics(service, ISTIOCON, byArea), []);
    const other = all.replace('istio-ignore-next-line -->', 'istio-ignore-next-line link.page-not-found -->');
    assert.deepEqual(linkDiagnostics(service, ISTIOCON, other).map((d) => d.code), ['image.not-found']);
  });
});

describe('link quick fixes', () => {
  it('offer each replacement with a title saying what it does, the first preferred, on the range the client sends', async () => {
    const { service } = await serviceFor({ 'hugo.toml': '' });
    const path = `${MEM_ROOT}/${KUBECON_NA}`;
    const actions = (from: string, to: string) => {
      const text = sample(KUBECON_NA).replace(from, to);
      const ds = linkDiagnostics(service, KUBECON_NA, text).filter((d) => d.range.start.line === 10);
      // The client sends the diagnostic back moved (the user typed above it): the fix follows it.
      const moved = ds.map((d) => ({ ...d, range: { start: { ...d.range.start, line: 11 }, end: { ...d.range.end, line: 11 } } }));
      return service.codeActions(path, doc(path, text), moved[0]!.range, moved).map((a) => [a.title, a.isPreferred, a.edit!.changes![`file://${path}`]!.map((e) => [e.range.start.line, e.newText])]);
    };
    assert.deepEqual(actions('(/blog/2023/istiocon-china/)', '(/blog/2023/IstioCon-China/)'), [['Fix the letter case: /blog/2023/istiocon-china/', true, [[11, '/blog/2023/istiocon-china/']]]]);
    assert.deepEqual(actions('(/blog/2023/istiocon-china/)', '(https://istio.io/latest/blog/2023/istiocon-china/)'), [
      ['Make the link root-relative: /blog/2023/istiocon-china/', true, [[11, '/blog/2023/istiocon-china/']]],
    ]);
    assert.deepEqual(actions('(/blog/2023/istiocon-china/)', '(/blog/2017/adapter-model/#handlers-configuring-adapter)'), [
      ['Change the anchor to #handlers-configuring-adapters', true, [[11, 'handlers-configuring-adapters']]],
    ]);
    assert.deepEqual(actions('(/blog/2023/istiocon-china/)', '(/blog/2022/istiocon-china/)'), [['Replace with /blog/2023/istiocon-china/', true, [[11, '/blog/2023/istiocon-china/']]]]);
  });
});

describe('link quick fixes from mangled data', () => {
  it('use only the well-formed fixes of data a client sent back changed, and never throw', async () => {
    const { service } = await serviceFor();
    const path = `${MEM_ROOT}/${ISTIOCON}`;
    const d = doc(path, sample(ISTIOCON));
    const replace = (newText: unknown) => ({ title: `Replace with ${String(newText)}`, edits: [{ newText }], isPreferred: true });
    const copy = (args: unknown[], command = 'istio.copyFile') => ({ title: 'Copy a.png from the English bundle', edits: [], command: { title: 'Copy file', command, arguments: args } });
    svcActions(service, path, d, { fixes: 'group-pic.jpg' }, []);
    svcActions(service, path, d, { fixes: [replace('group-pic.jpg'), replace(3), null, 'x'] }, ['Replace with group-pic.jpg']);
    svcActions(service, path, d, { fixes: [{ ...replace('a.png'), edits: [{ newText: 'a.png' }, { range: { start: 1 }, newText: 'b' }] }] }, []);
    svcActions(service, path, d, { fixes: [copy([{ source: 1, target: '/x' }])] }, []);
    svcActions(service, path, d, { fixes: [copy([{ source: '/a.png', target: '/b.png' }], 'workbench.action.terminal.sendSequence')] }, []);
    svcActions(service, path, d, { fixes: [{ title: 'Nothing', edits: [] }] }, []);
    svcActions(service, path, d, { fixes: [copy([{ source: '/a.png', target: '/b.png' }])] }, ['Copy a.png from the English bundle']);
  });
});

function svcActions(service: LanguageService, path: string, d: ReturnType<typeof doc>, data: unknown, titles: string[]): void {
  const range = lc(1, 1, 1, 4);
  const diagnostic: Diagnostic = { range, message: 'x', source: 'istio', code: 'image.not-found', data };
  // Through the provider itself, not the engine's guard, so an exception fails the test.
  const ctx = service.context(path, d);
  assert.deepEqual(quickFixProvider.actions(ctx, range, [diagnostic]).map((a) => a.title), titles);
}
