import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planTranslation, type CreatePlan } from '../../../../server/engine/features/translations/createPlan';
import { builtInCatalog } from '../../../../server/engine/catalog/shortcodeCatalog';
import { parseDocument } from '../../../../server/engine/parser/parsedDocument';
import { SiteIndex } from '../../../../server/engine/site/siteIndex';
import { readLayout } from '../../../../server/engine/site/siteLayout';
import { MEM_ROOT, memorySite, sample } from '../../../support/fixtures';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };

/** The plan for `content/<from>/<rel>` in `lang` on the sample site, the `lang` version removed first. */
async function planOf(rel: string, lang: string, overrides: Record<string, string | null> = {}, from = 'en'): Promise<CreatePlan> {
  const fs = memorySite({ [`content/${lang}/${rel}`]: null, ...overrides });
  const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
  await site.scan(noPause);
  const r = planTranslation(site, `${MEM_ROOT}/content/${from}/${rel}`, lang);
  assert.ok(r.ok, JSON.stringify(r));
  return r.plan;
}

/** The lines of the plan that differ from the source, as `line: text` (1-based). */
function changedLines(plan: CreatePlan, source: string): string[] {
  const src = source.split('\n');
  const out = plan.text.split('\n');
  assert.equal(out.length, src.length, 'the plan keeps every line');
  return out.flatMap((l, i) => (l === src[i] ? [] : [`${i + 1}: ${l}`]));
}

/** Root-relative Markdown link targets and heading ids of a text, as the engine parses them. */
function linksAndIds(text: string): { links: string[]; ids: string[] } {
  const p = parseDocument(text, builtInCatalog());
  return { links: p.markdown.links.filter((l) => l.target.startsWith('/')).map((l) => l.target), ids: p.markdown.headings.map((h) => h.id) };
}

const AUTHZ = 'blog/2021/better-external-authz/index.md';

describe('the text of a new translation', () => {
  it('zh: every root-relative link gets /zh/ and every heading its English id, nothing else changes (blog/2021/better-external-authz)', async () => {
    const plan = await planOf(AUTHZ, 'zh');
    assert.deepEqual(plan.changes, { links: 9, headingIds: 10 });
    assert.deepEqual(changedLines(plan, sample(`content/en/${AUTHZ}`)), [
      '10: ## Background {#background}',
      '14: the [`DENY` action](/zh/docs/tasks/security/authorization/authz-deny/), [exclusion semantics](/zh/docs/tasks/security/authorization/authz-deny/),',
      '15: [`X-Forwarded-For` header support](/zh/docs/tasks/security/authorization/authz-ingress/), [nested JWT claim support](/zh/docs/tasks/security/authorization/authz-jwt/)',
      '24:   [low-level Envoy configuration APIs](/zh/docs/reference/config/networking/envoy-filter/) in Istio, or may not be possible',
      '29: ## Solution {#solution}',
      '31: In Istio 1.9, we have implemented extensibility into authorization policy by introducing a [`CUSTOM` action](/zh/docs/reference/config/security/authorization-policy/#AuthorizationPolicy-Action),',
      '100: The authorization policy of [`CUSTOM` action](/zh/docs/reference/config/security/authorization-policy/#AuthorizationPolicy-Action)',
      '104: The external authorization service is currently defined in the [`meshconfig` API](/zh/docs/reference/config/istio.mesh.v1alpha1/#MeshConfig-ExtensionProvider)',
      '114: ## Example with OPA {#example-with-opa}',
      '119: You can also refer to the [external authorization task](/zh/docs/tasks/security/authorization/authz-custom/) for a more',
      '122: ### Create the example OPA policy {#create-the-example-opa-policy}',
      '159: ### Deploy httpbin and OPA {#deploy-httpbin-and-opa}',
      '362: ### Define external authorizer {#define-external-authorizer}',
      '408: ### Create an AuthorizationPolicy with a CUSTOM action {#create-an-authorizationpolicy-with-a-custom-action}',
      '465: ### Test the OPA policy {#test-the-opa-policy}',
      '590: ## Summary {#summary}',
      '613: ## Acknowledgements {#acknowledgements}',
    ]);
    // Exactly the links and ids the site's zh translators wrote on the real zh page.
    const real = linksAndIds(sample(`content/zh/${AUTHZ}`));
    const planned = linksAndIds(plan.text);
    assert.deepEqual(planned.links, real.links);
    assert.deepEqual(planned.ids, real.ids);
  });

  it('zh: the image shortcode link and the aliases carry /zh/, as on the real zh page (blog/2017/adapter-model)', async () => {
    const rel = 'blog/2017/adapter-model/index.md';
    const plan = await planOf(rel, 'zh');
    const lines = plan.text.split('\n');
    const real = sample(`content/zh/${rel}`).split('\n');
    // zh line 9 and line 32, exactly.
    assert.equal(lines[8], real[8]);
    assert.equal(lines[8], '    - /zh/blog/mixer-adapter-model.html');
    assert.equal(lines[33], real[31]);
    assert.equal(lines[33], '    link="/zh/blog/2017/adapter-model/machine.svg"');
    // The istio.io link to an archived version (`/v1.6/`) stays as written.
    assert.ok(lines[30]!.includes('(https://istio.io/v1.6/docs/reference/config/policy-and-telemetry/mixer-overview/#attributes)'));
    assert.deepEqual(plan.changes, { links: 2, headingIds: 8 });
  });

  it('uk: a link gets /uk/ only where the uk page exists (with the heading its #fragment names)', async () => {
    const rel = 'blog/2023/istiocon-china/index.md';
    const kubecon = '[Istio Day Europe](/blog/2023/istio-at-kubecon-eu/)';
    const without = await planOf(rel, 'uk');
    assert.ok(without.text.includes(kubecon), 'no uk page: the English link is kept');
    assert.deepEqual(without.changes, { links: 0, headingIds: 1 });
    const ukKubecon = 'content/uk/blog/2023/istio-at-kubecon-eu/index.md';
    const withPage = await planOf(rel, 'uk', { [ukKubecon]: '---\ntitle: Istio Day\n---\n\n## Вступ {#intro}\n' });
    assert.ok(withPage.text.includes('[Istio Day Europe](/uk/blog/2023/istio-at-kubecon-eu/)'));

    const source = sample(`content/en/${rel}`).replace(kubecon, '[Istio Day Europe](/blog/2023/istio-at-kubecon-eu/#intro), [the talks](/blog/2023/istio-at-kubecon-eu/#talks)');
    const anchors = await planOf(rel, 'uk', { [`content/en/${rel}`]: source, [ukKubecon]: '---\ntitle: Istio Day\n---\n\n## Вступ {#intro}\n' });
    assert.ok(anchors.text.includes('[Istio Day Europe](/uk/blog/2023/istio-at-kubecon-eu/#intro), [the talks](/blog/2023/istio-at-kubecon-eu/#talks)'), 'the uk page has #intro but not #talks');
  });

  it('keeps links in code, text blocks and inline code, relative links, other languages and other sites', async () => {
    const rel = 'blog/2021/simple-vms/index.md';
    const body = [
      '',
      '[moved](/docs/setup/install/virtual-machine/) and [relative](../better-external-authz/) and [zh on purpose](/zh/docs/setup/) and',
      '[archive](/v1.6/docs/) and [site](https://istio.io/latest/docs/) and `[inline](/docs/setup/)` and [home](/)',
      '',
      '{{< text markdown >}}',
      '[in a text block](/docs/setup/)',
      '## Not a heading',
      '{{< image link="/blog/2021/simple-vms/traffic-flow.png" caption="x" >}}',
      '{{< /text >}}',
      '',
      '```',
      '[in a fence](/docs/setup/)',
      '# comment',
      '```',
      '',
      '[ref]: /docs/concepts/',
      '',
    ].join('\n');
    const source = `${sample(`content/en/${rel}`)}${body}`;
    const plan = await planOf(rel, 'zh', { [`content/en/${rel}`]: source });
    assert.ok(
      plan.text.endsWith(
        [
          '',
          '[moved](/zh/docs/setup/install/virtual-machine/) and [relative](../better-external-authz/) and [zh on purpose](/zh/docs/setup/) and',
          '[archive](/v1.6/docs/) and [site](https://istio.io/latest/docs/) and `[inline](/docs/setup/)` and [home](/zh/)',
          '',
          '{{< text markdown >}}',
          '[in a text block](/docs/setup/)',
          '## Not a heading',
          '{{< image link="/blog/2021/simple-vms/traffic-flow.png" caption="x" >}}',
          '{{< /text >}}',
          '',
          '```',
          '[in a fence](/docs/setup/)',
          '# comment',
          '```',
          '',
          '[ref]: /zh/docs/concepts/',
          '',
        ].join('\n'),
      ),
    );
  });

  it('a root-relative social_image and Markdown image of the bundle take the language of the copies the plan makes', async () => {
    const rel = 'blog/2021/simple-vms/index.md';
    const source = sample(`content/en/${rel}`)
      .replace('---\n', '---\nsocial_image: "/blog/2021/simple-vms/traffic-flow.png"\n')
      .replace('## Reduce Complexity', '![flow](/blog/2021/simple-vms/traffic-flow.png) ![static](/img/logo.png)\n\n## Reduce Complexity');
    const plan = await planOf(rel, 'uk', { [`content/en/${rel}`]: source });
    assert.ok(plan.text.includes('social_image: "/uk/blog/2021/simple-vms/traffic-flow.png"'));
    // A file only in static/ has one URL for every language.
    assert.ok(plan.text.includes('![flow](/uk/blog/2021/simple-vms/traffic-flow.png) ![static](/img/logo.png)'));
  });

  it('from a page with no English version into English: the zh prefix goes where the English page exists', async () => {
    const rel = 'blog/2021/istiomeetups-china/index.md';
    const source = `${sample(`content/zh/${rel}`)}\n[测试版](/zh/blog/2024/ambient-reaches-beta/) [没有](/zh/docs/not-in-english/)\n`;
    const plan = await planOf(rel, 'en', { [`content/zh/${rel}`]: source }, 'zh');
    assert.ok(plan.text.endsWith('\n[测试版](/blog/2024/ambient-reaches-beta/) [没有](/zh/docs/not-in-english/)\n'));
  });

  it('gives each heading exactly the id Hugo gives the English one: duplicates, closing #s, literal braces; never a second id', async () => {
    const rel = 'blog/2021/simple-vms/index.md';
    const source = [
      '---',
      'title: Headings',
      'aliases: [/blog/headings.html, "/blog/h2.html"]',
      '---',
      '',
      '## Setup',
      '## Setup',
      '## Kept {#my-own}',
      '### Closed ###',
      '## Am I impacted? {#am-i-impacted?}',
      '## Installing with {{< istioctl >}}',
      '## Read [the docs](/docs/setup/)',
      '#',
      '',
    ].join('\n');
    const plan = await planOf(rel, 'zh', { [`content/en/${rel}`]: source });
    assert.equal(
      plan.text,
      [
        '---',
        'title: Headings',
        'aliases: [/zh/blog/headings.html, "/zh/blog/h2.html"]',
        '---',
        '',
        '## Setup {#setup}',
        '## Setup {#setup-1}',
        '## Kept {#my-own}',
        '### Closed ### {#closed}',
        // Hugo prints the braces it cannot parse and ids the whole text; the translation keeps that id.
        '## Am I impacted? {#am-i-impacted?} {#am-i-impacted-am-i-impacted}',
        // A shortcode in the heading: Hugo's id holds a build-order counter, nothing to keep.
        '## Installing with {{< istioctl >}}',
        // The id comes from the English source, link included, before the link is rewritten.
        '## Read [the docs](/zh/docs/setup/) {#read-the-docsdocssetup}',
        '#',
        '',
      ].join('\n'),
    );
    const en = parseDocument(source, builtInCatalog()).markdown.headings.map((h) => h.id);
    const zh = parseDocument(plan.text, builtInCatalog()).markdown.headings.map((h) => h.id);
    assert.deepEqual(zh.filter((_, i) => i !== 6), en.filter((_, i) => i !== 6));
  });
  it('zh: a link broken over two lines is text to Markdown, but make lint greps its path: it gets /zh/ too (egress-monitoring-access-control)', async () => {
    // The real lines 243–244 of en blog/2018/egress-monitoring-access-control/index.md.
    const rel = 'blog/2018/egress-monitoring-access-control/index.md';
    const plan = await planOf(rel, 'zh');
    const lines = changedLines(plan, sample(`content/en/${rel}`)).filter((l) => l.startsWith('244: '));
    assert.deepEqual(lines, ["244:     (/zh/docs/tasks/traffic-management/egress/egress-gateway/#additional-security-considerations)). You don't want any tampering"]);
    // uk has no such rule: the English path stays.
    const uk = await planOf(rel, 'uk');
    assert.equal(uk.text.split('\n')[243], sample(`content/en/${rel}`).split('\n')[243]);
  });
});
