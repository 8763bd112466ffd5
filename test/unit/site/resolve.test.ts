import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageUrl, resolveBundleReference, resolveImageLink, resolveLink } from '../../../server/engine/site/resolve';
import { locate, readLayout } from '../../../server/engine/site/siteLayout';
import { MEM_ROOT, memorySite } from '../../support/fixtures';

const fs = memorySite();
const layout = readLayout(fs, MEM_ROOT);
const C = `${MEM_ROOT}/content`;

function at(rel: string) {
  const loc = locate(layout, `${C}/${rel}`);
  if (!loc) throw new Error(`not in the site: ${rel}`);
  return loc;
}

const enPost = at('en/blog/2023/istiocon-china/index.md');
const zhPost = at('zh/blog/2023/istiocon-china/index.md');
const ukPost = at('uk/blog/2024/authz-policy-with-kyverno/index.md');
const enLeaf = at('en/blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md');

describe('resolution rules: the URL of a page', () => {
  it('a bundle is served at its folder, English at the root', () => {
    assert.equal(pageUrl(enPost), '/blog/2023/istiocon-china/');
  });
  it('a translation is served under its language', () => {
    assert.equal(pageUrl(zhPost), '/zh/blog/2023/istiocon-china/');
  });
  it('a leaf page name.md is served one level deeper, at /name/', () => {
    assert.equal(pageUrl(enLeaf), '/blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do/');
  });
  it('a section _index.md is served at its folder', () => {
    assert.equal(pageUrl(at('en/blog/2018/_index.md')), '/blog/2018/');
  });
});

describe('resolution rules: {{< image link=… >}}', () => {
  const file = (path: string) => ({ kind: 'file', path, staticUrl: undefined });
  it('./x means the page bundle folder', () => {
    assert.deepEqual(resolveImageLink(layout, enPost, './users-engaging.jpg'), file(`${C}/en/blog/2023/istiocon-china/users-engaging.jpg`));
  });
  it('a bare name means the bundle folder too', () => {
    assert.deepEqual(resolveImageLink(layout, enPost, 'users-engaging.jpg'), file(`${C}/en/blog/2023/istiocon-china/users-engaging.jpg`));
  });
  it('../x also means the bundle folder (the template strips ../ for leaf pages, whose URL is one level deeper)', () => {
    assert.deepEqual(resolveImageLink(layout, enPost, '../users-engaging.jpg'), file(`${C}/en/blog/2023/istiocon-china/users-engaging.jpg`));
  });
  it('a translation resolves relative links in its own language folder', () => {
    assert.deepEqual(resolveImageLink(layout, zhPost, './users-engaging.jpg'), file(`${C}/zh/blog/2023/istiocon-china/users-engaging.jpg`));
  });
  it('/abs in an English page means content/en/abs', () => {
    assert.deepEqual(resolveImageLink(layout, at('en/blog/2017/adapter-model/index.md'), '/blog/2017/adapter-model/machine.svg'), file(`${C}/en/blog/2017/adapter-model/machine.svg`));
  });
  it('/abs in a translation means content/abs, so it carries the language: /zh/…', () => {
    const zh = at('zh/blog/2017/adapter-model/index.md');
    assert.deepEqual(resolveImageLink(layout, zh, '/zh/blog/2017/adapter-model/machine.svg'), file(`${C}/zh/blog/2017/adapter-model/machine.svg`));
    // Without the prefix the template looks in content/blog/…, which never exists.
    assert.deepEqual(resolveImageLink(layout, zh, '/blog/2017/adapter-model/machine.svg'), file(`${C}/blog/2017/adapter-model/machine.svg`));
  });
  it('http:// and https:// are external', () => {
    assert.deepEqual(resolveImageLink(layout, enPost, 'https://example.com/a.png'), { kind: 'external' });
    assert.deepEqual(resolveImageLink(layout, enPost, 'http://example.com/a.png'), { kind: 'external' });
  });
  it('a name that begins with "http" is a local file (the template tests for the scheme)', () => {
    const loc = at('en/blog/2018/egress-monitoring-access-control/index.md');
    assert.deepEqual(resolveImageLink(layout, loc, 'http-to-gateway.svg'), file(`${C}/en/blog/2018/egress-monitoring-access-control/http-to-gateway.svg`));
  });
  it('a leaf page name.md resolves against its folder (.File.Dir)', () => {
    assert.deepEqual(resolveImageLink(layout, enLeaf, './a.png'), file(`${C}/en/blog/2024/a.png`));
  });
  it('a link built by a shortcode or an empty one is not resolved', () => {
    assert.deepEqual(resolveImageLink(layout, enPost, '{{< github_file >}}/a.png'), { kind: 'skip', reason: 'shortcode' });
    assert.deepEqual(resolveImageLink(layout, enPost, ''), { kind: 'skip', reason: 'empty' });
  });
});

describe('resolution rules: Markdown images, social_image and bundle files', () => {
  it('![alt](./x.png) is relative to the bundle', () => {
    const loc = at('en/blog/2021/simple-vms/index.md');
    assert.deepEqual(resolveBundleReference(layout, loc, './traffic-flow.png'), { kind: 'file', path: `${C}/en/blog/2021/simple-vms/traffic-flow.png`, staticUrl: undefined });
  });
  it('social_image: name is relative to the bundle', () => {
    const loc = at('zh/blog/2025/istio-at-kubecon-eu/index.md');
    assert.deepEqual(resolveBundleReference(layout, loc, 'istioday-welcome.jpg'), { kind: 'file', path: `${C}/zh/blog/2025/istio-at-kubecon-eu/istioday-welcome.jpg`, staticUrl: undefined });
  });
  it('[slides](./talk.pdf) is a bundle file, not a page', () => {
    assert.deepEqual(resolveLink(layout, enPost, './talk.pdf'), { kind: 'file', path: `${C}/en/blog/2023/istiocon-china/talk.pdf`, staticUrl: undefined, fragment: undefined });
  });
  it('a root-relative file may also be served from the static folders (its URL path is kept for them)', () => {
    assert.deepEqual(resolveLink(layout, enPost, '/img/logo.svg'), { kind: 'file', path: `${C}/en/img/logo.svg`, staticUrl: '/img/logo.svg', fragment: undefined });
    assert.deepEqual(resolveLink(layout, enPost, '/zh/talks/a.pdf'), { kind: 'file', path: `${C}/zh/talks/a.pdf`, staticUrl: '/zh/talks/a.pdf', fragment: undefined });
  });
  it('a percent-encoded path is decoded before the file lookup, as the server does', () => {
    // content/en/blog/2023/ada-logics-security-assessment/index.md
    const target = './Istio%20audit%20report%20-%20ADA%20Logics%20-%202023-01-30%20-%20v1.0.pdf';
    assert.deepEqual(resolveLink(layout, enPost, target), {
      kind: 'file',
      path: `${C}/en/blog/2023/istiocon-china/Istio audit report - ADA Logics - 2023-01-30 - v1.0.pdf`,
      staticUrl: undefined,
      fragment: undefined,
    });
  });
});

describe('resolution rules: page links', () => {
  const page = (lang: string, urlPath: string, fragment?: string) => {
    const root = `${C}/${lang}`;
    return {
      kind: 'page',
      lang,
      urlPath,
      fragment,
      candidates: [`${root}/${urlPath}/index.md`, `${root}/${urlPath}/_index.md`, `${root}/${urlPath}.md`, `${root}/${urlPath}/index.html`, `${root}/${urlPath}/_index.html`, `${root}/${urlPath}.html`],
    };
  };
  it('/blog/… is an English page: bundle index.md, section _index.md or leaf name.md', () => {
    assert.deepEqual(resolveLink(layout, enPost, '/blog/2023/istio-at-kubecon-eu/'), page('en', 'blog/2023/istio-at-kubecon-eu'));
  });
  it('the trailing slash is optional', () => {
    assert.deepEqual(resolveLink(layout, zhPost, '/zh/news/releases/1.2.x/announcing-1.2'), page('zh', 'news/releases/1.2.x/announcing-1.2'));
  });
  it('/zh/… is a zh page', () => {
    assert.deepEqual(resolveLink(layout, zhPost, '/zh/docs/ops/deployment/architecture/'), page('zh', 'docs/ops/deployment/architecture'));
  });
  it('an unprefixed link in a uk page points at the English page', () => {
    assert.deepEqual(resolveLink(layout, ukPost, '/docs/tasks/security/authorization/'), page('en', 'docs/tasks/security/authorization'));
  });
  it('../slug is relative to the page URL (a sibling post), in the page language', () => {
    assert.deepEqual(resolveLink(layout, at('en/blog/2024/authz-policy-with-kyverno/index.md'), '../l7-policy-with-opa'), page('en', 'blog/2024/l7-policy-with-opa'));
    assert.deepEqual(resolveLink(layout, ukPost, '../l7-policy-with-opa'), page('uk', 'blog/2024/l7-policy-with-opa'));
  });
  it('#id is a heading of the same page; /page/#id a heading of another', () => {
    assert.deepEqual(resolveLink(layout, enPost, '#before-you-begin'), { kind: 'anchor', fragment: 'before-you-begin' });
    assert.deepEqual(resolveLink(layout, enPost, '/blog/2024/steering-results/#proposed-changes-to-election-timing'), page('en', 'blog/2024/steering-results', 'proposed-changes-to-election-timing'));
  });
  it('https://istio.io/vX.Y/ and /archive/ are outside the content tree', () => {
    assert.deepEqual(resolveLink(layout, enPost, 'https://istio.io/v1.6/docs/reference/config/policy-and-telemetry/templates/'), { kind: 'skip', reason: 'outside-tree' });
    assert.deepEqual(resolveLink(layout, enPost, 'https://istio.io/archive/'), { kind: 'skip', reason: 'outside-tree' });
    assert.deepEqual(resolveLink(layout, enPost, '/v1.6/docs/'), { kind: 'skip', reason: 'outside-tree' });
  });
  it('https://istio.io/latest/… is a site page written absolute (the lint wants it root-relative)', () => {
    assert.deepEqual(resolveLink(layout, enPost, 'https://istio.io/latest/docs/setup/'), { kind: 'istio-absolute', rootRelative: '/docs/setup/' });
    assert.deepEqual(resolveLink(layout, enPost, 'https://istio.io/docs/setup/'), { kind: 'istio-absolute', rootRelative: '/docs/setup/' });
  });
  it('preliminary.istio.io is a forbidden host; other sites and mailto: are not checked', () => {
    assert.deepEqual(resolveLink(layout, enPost, 'https://preliminary.istio.io/latest/docs/'), { kind: 'forbidden-host', host: 'preliminary.istio.io' });
    assert.deepEqual(resolveLink(layout, enPost, 'https://events.istio.io/'), { kind: 'skip', reason: 'external' });
    assert.deepEqual(resolveLink(layout, enPost, 'mailto:a@b.c'), { kind: 'skip', reason: 'external' });
  });
  it('an alias with .html is a page URL, not a file', () => {
    assert.equal(resolveLink(layout, enPost, '/blog/mixer-adapter-model.html').kind, 'page');
  });
});
