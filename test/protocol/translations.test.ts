import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PLAN_TRANSLATION_REQUEST, TRANSLATION_STATUS_REQUEST, TRANSLATIONS_REQUEST, type PlanTranslationResult, type TranslationStatusResult, type TranslationsResult } from '../../server/protocol';
import { LspTestClient, serverForSuite } from '../support/lspClient';
import { SAMPLE_SITE, sample } from '../support/fixtures';
import { GitRecorder } from '../support/gitRecorder';

const uri = (rel: string): string => pathToFileURL(path.join(SAMPLE_SITE, rel)).href;

describe('istio/translations and friends over stdio', () => {
  const client = serverForSuite(SAMPLE_SITE);

  it('lists en, uk and zh for blog/2024/ambient-reaches-beta, with titles, asked from the open zh page', async () => {
    const rel = 'content/zh/blog/2024/ambient-reaches-beta/index.md';
    await client().open(path.join(SAMPLE_SITE, rel), sample(rel));
    const r = await client().request<TranslationsResult | null>(TRANSLATIONS_REQUEST.method, { uri: uri(rel) });
    assert.deepEqual(r, {
      path: 'blog/2024/ambient-reaches-beta/index.md',
      lang: 'zh',
      sourceLang: 'en',
      kind: 'bundle',
      languages: [
        { lang: 'en', uri: uri('content/en/blog/2024/ambient-reaches-beta/index.md'), exists: true, title: "Say goodbye to your sidecars: Istio's ambient mode reaches Beta in v1.22" },
        { lang: 'uk', uri: uri('content/uk/blog/2024/ambient-reaches-beta/index.md'), exists: true, title: 'Прощавай, sidecar: Ambient режим Istio досяг бета-версії в v1.22' },
        { lang: 'zh', uri: uri(rel), exists: true, title: '告别 Sidecar：Istio 的 Ambient 模式在 v1.22 中达到 Beta 版' },
      ],
    });
  });

  it('finds blog/2021/istio-community-meetup-china only in en, without the document being open', async () => {
    const r = await client().request<TranslationsResult | null>(TRANSLATIONS_REQUEST.method, { uri: uri('content/en/blog/2021/istio-community-meetup-china/index.md') });
    assert.deepEqual(
      r?.languages.map((v) => [v.lang, v.exists, v.uri, v.title]),
      [
        ['en', true, uri('content/en/blog/2021/istio-community-meetup-china/index.md'), 'Join us at the Istio Community Meetup in China'],
        ['uk', false, uri('content/uk/blog/2021/istio-community-meetup-china/index.md'), undefined],
        ['zh', false, uri('content/zh/blog/2021/istio-community-meetup-china/index.md'), undefined],
      ],
    );
  });

  it('answers null for a file outside content/<lang>/', async () => {
    assert.equal(await client().request(TRANSLATIONS_REQUEST.method, { uri: uri('SOURCE.md') }), null);
  });

  it('plans the zh translation of the en-only meetup post, and refuses to plan over an existing page', async () => {
    const plan = await client().request<PlanTranslationResult>(PLAN_TRANSLATION_REQUEST.method, { uri: uri('content/en/blog/2021/istio-community-meetup-china/index.md'), lang: 'zh' });
    assert.deepEqual(plan, {
      ok: true,
      plan: {
        fromUri: uri('content/en/blog/2021/istio-community-meetup-china/index.md'),
        targetUri: uri('content/zh/blog/2021/istio-community-meetup-china/index.md'),
        // Its one heading keeps its English id (the zh-only post on the same meetup writes `## 日程安排{#agenda}`).
        text: sample('content/en/blog/2021/istio-community-meetup-china/index.md').replace('\n## Agenda\n', '\n## Agenda {#agenda}\n'),
        changes: { links: 0, headingIds: 1 },
        copies: fs
          .readdirSync(path.join(SAMPLE_SITE, 'content/en/blog/2021/istio-community-meetup-china'))
          .filter((n) => n !== 'index.md')
          .sort()
          .map((n) => ({ from: uri(`content/en/blog/2021/istio-community-meetup-china/${n}`), to: uri(`content/zh/blog/2021/istio-community-meetup-china/${n}`) })),
        kept: [],
      },
    });
    const refused = await client().request<PlanTranslationResult>(PLAN_TRANSLATION_REQUEST.method, { uri: uri('content/en/blog/2024/ambient-reaches-beta/index.md'), lang: 'uk' });
    assert.deepEqual(refused, {
      ok: false,
      reason: 'exists',
      message: 'The uk version already exists.',
      targetUri: uri('content/uk/blog/2024/ambient-reaches-beta/index.md'),
    });
  });

  it('plans zh for the en-only post blog/2021/simple-vms: its link carries /zh/, its 13 headings their English ids', async () => {
    const rel = 'content/en/blog/2021/simple-vms/index.md';
    const plan = await client().request<PlanTranslationResult>(PLAN_TRANSLATION_REQUEST.method, { uri: uri(rel), lang: 'zh' });
    assert.ok(plan.ok);
    assert.deepEqual(plan.plan.changes, { links: 1, headingIds: 13 });
    const source = sample(rel).split('\n');
    const changed = plan.plan.text.split('\n').flatMap((l, i) => (l === source[i] ? [] : [`${i + 1}: ${l}`]));
    assert.deepEqual(changed, [
      '14: ## Reduce Complexity {#reduce-complexity}',
      '18: Today, adding a virtual machine to your Istio service mesh involves a lot of [moving parts](/zh/docs/setup/install/virtual-machine/). You must create a Kubernetes service account, Istio workload entry and then generate configuration all before on-boarding a single virtual machine. There are also complexities to automating this, especially for auto scaling VMs. Finally you are required to expose Istiod externally to your cluster.',
      '24: ### Single Direction Traffic Flow {#single-direction-traffic-flow}',
      '30: ### Developer Access to Service Mesh {#developer-access-to-service-mesh}',
      '36: ## Decouple Envoy and Istio {#decouple-envoy-and-istio}',
      '40: ## A Simpler On-boarding Experience {#a-simpler-on-boarding-experience}',
      '52: ### Easier to Automate {#easier-to-automate}',
      '56: ### More Runtime Support {#more-runtime-support}',
      '62: ## Advanced Use Cases {#advanced-use-cases}',
      '64: ### gRPC to JSON {#grpc-to-json}',
      '70: ### Multi Direction {#multi-direction}',
      '76: ### Forwarding Proxy {#forwarding-proxy}',
      '82: ## Part 2… {#part-2}',
      '86: ### Special Thanks {#special-thanks}',
    ]);
    assert.equal(plan.plan.copies.length, 9);
  });

  it('reports the missing pages of every language for the site', async () => {
    const r = await client().request<TranslationStatusResult | null>(TRANSLATION_STATUS_REQUEST.method, { uri: pathToFileURL(SAMPLE_SITE).href });
    assert.ok(r);
    assert.deepEqual([r.siteRoot, r.sourceLang, r.sourcePages], [pathToFileURL(SAMPLE_SITE).href, 'en', 35]);
    const zh = r.languages.find((l) => l.lang === 'zh')!;
    assert.deepEqual(
      zh.missing.map((m) => [m.path, m.draft === true]),
      [
        ['blog/2020/istio-sds-gloo/index.md', true],
        ['blog/2021/istio-community-meetup-china/index.md', false],
        ['blog/2021/simple-vms/index.md', false],
      ],
    );
    assert.deepEqual(zh.withoutSource, [{ path: 'blog/2021/istiomeetups-china/index.md', uri: uri('content/zh/blog/2021/istiomeetups-china/index.md') }]);
    // Most translated first; asked from a uk page, uk comes first.
    assert.deepEqual(
      r.languages.map((l) => [l.lang, l.translated, l.missing.length]),
      [
        ['zh', 32, 3],
        ['uk', 8, 27],
      ],
    );
    const fromUk = await client().request<TranslationStatusResult | null>(TRANSLATION_STATUS_REQUEST.method, { uri: pathToFileURL(`${SAMPLE_SITE}/content/uk/blog/_index.md`).href });
    assert.deepEqual([fromUk?.openLang, fromUk?.languages.map((l) => l.lang)], ['uk', ['uk', 'zh']]);
  });
});

describe('istio/translationStatus over stdio, in a site outside git', () => {
  let client: LspTestClient;
  let root: string;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'istio-protocol-nogit-')));
    for (const rel of ['content/en/blog/2024/ambient-reaches-beta/index.md', 'content/zh/blog/2024/ambient-reaches-beta/index.md', 'content/en/blog/2021/istio-community-meetup-china/index.md']) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), sample(rel));
    }
    client = new LspTestClient();
    await client.initialize(root);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists the missing page and says why the staleness column is empty', async () => {
    const r = await client.request<TranslationStatusResult | null>(TRANSLATION_STATUS_REQUEST.method, { uri: pathToFileURL(root).href });
    assert.deepEqual(r?.git, { available: false, reason: 'the site is not inside a git repository.', code: 'not-a-repository' });
    assert.deepEqual(
      r?.languages.map((l) => [l.lang, l.translated, l.stale, l.missing.map((m) => m.path)]),
      [['zh', 1, [], ['blog/2021/istio-community-meetup-china/index.md']]],
    );
  });
});

describe('istio/translationStatus over stdio, in an untrusted workspace', () => {
  let client: LspTestClient;
  const recorder = new GitRecorder();

  before(async () => {
    // The server finds the recording git first on its PATH.
    client = new LspTestClient({ env: { ...process.env, PATH: recorder.path() } });
    await client.initialize(SAMPLE_SITE);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    recorder.dispose();
  });

  it('runs no git when the client says the workspace is not trusted, and says so in the report', async () => {
    const r = await client.request<TranslationStatusResult | null>(TRANSLATION_STATUS_REQUEST.method, { uri: pathToFileURL(SAMPLE_SITE).href, trusted: false });
    assert.deepEqual(recorder.take(), []);
    assert.deepEqual(r?.git, {
      available: false,
      code: 'untrusted',
      reason: 'the workspace is not trusted, and git can run commands named in a repository’s own configuration, so it was not run. Trust the workspace to see stale translations.',
    });
    assert.deepEqual(
      r?.languages.map((l) => [l.lang, l.translated, l.missing.length, l.stale.length, l.upToDate]),
      [
        ['zh', 32, 3, 0, 0],
        ['uk', 8, 27, 0, 0],
      ],
    );
  });

  it('runs no git for a `trusted` that is not the boolean true ("false", 0, null), which ran it before', async () => {
    for (const trusted of ['false', 0, null, 'true']) {
      const r = await client.request<TranslationStatusResult | null>(TRANSLATION_STATUS_REQUEST.method, { uri: pathToFileURL(SAMPLE_SITE).href, trusted });
      assert.deepEqual(recorder.take(), [], `trusted: ${JSON.stringify(trusted)}`);
      assert.equal(r?.git.available === false && r.git.code, 'untrusted', `trusted: ${JSON.stringify(trusted)}`);
    }
  });

  it('runs git when the client says it is trusted', async () => {
    await client.request<TranslationStatusResult | null>(TRANSLATION_STATUS_REQUEST.method, { uri: pathToFileURL(SAMPLE_SITE).href, trusted: true });
    assert.deepEqual(recorder.take().slice(0, 1), ['rev-parse --show-toplevel']);
  });
});
