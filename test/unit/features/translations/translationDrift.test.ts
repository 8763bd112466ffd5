import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { imageKey } from '../../../../server/engine/features/translations/driftFacts';
import { LanguageService } from '../../../../server/engine/languageService';
import { doc, lc, MEM_ROOT, memorySite, rangeOf, sample, sampleFiles } from '../../../support/fixtures';
import { cataloged } from '../../diagnostics/cataloged';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };

function drift(rel: string, text?: string, overrides: Record<string, string | null> = {}) {
  const fs = memorySite(text === undefined ? overrides : { ...overrides, [rel]: text });
  const service = new LanguageService({ fs, scan: noPause });
  const path = `${MEM_ROOT}/${rel}`;
  const result = cataloged(service.diagnostics(path, doc(path, text ?? sample(rel))), rel);
  return { diagnostics: result.diagnostics.filter((d) => String(d.code).startsWith('translation.')), dependencies: result.dependencies };
}

const ZH_BETA = 'content/zh/blog/2024/ambient-reaches-beta/index.md';

describe('translation drift diagnostics', () => {
  it('reports only genuine drift on the sample site, as information', () => {
    const found: string[] = [];
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      for (const d of drift(rel).diagnostics) {
        assert.equal(d.severity, DiagnosticSeverity.Information, `${rel}: ${d.message}`);
        found.push(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${(d.data as { id?: string; image?: string }).id ?? (d.data as { image: string }).image}`);
      }
    }
    assert.deepEqual(found, [
      // uk retitled the anchors of four headings ("AuthorizationPolicy" → "authorization-policy", "Simple rule" → "simple-rules").
      'content/uk/blog/2024/authz-policy-with-kyverno/index.md:77:46 translation.heading-id-not-in-source deploy-an-istio-authorization-policy',
      'content/uk/blog/2024/authz-policy-with-kyverno/index.md:108:64 translation.heading-id-not-in-source add-the-label-to-enforce-the-policy',
      'content/uk/blog/2024/authz-policy-with-kyverno/index.md:263:22 translation.heading-id-not-in-source simple-rules',
      'content/uk/blog/2024/authz-policy-with-kyverno/index.md:332:29 translation.heading-id-not-in-source changing-returned-body',
      'content/uk/blog/2025/steering-election/index.md:56:36 translation.heading-id-not-in-source community-elections',
      // The malformed `{< image … >}}` on line 36 is printed as text, so zh shows one image fewer than en.
      'content/zh/blog/2018/aws-nlb/index.md:1:1 translation.image-missing blog/2018/aws-nlb/createpolicystart.png',
      'content/zh/blog/2019/introducing-istio-operator/index.md:54:26 translation.heading-id-not-in-source install-with-Istio',
      'content/zh/blog/2019/performance-best-practices/index.md:54:18 translation.heading-id-not-in-source Istio-1-2-performance',
      // Not zh blog/2021/better-external-authz:470 `{##test-the-opa-policy}`: Goldmark reads an empty id, then the id
      // `test-the-opa-policy`, which wins and matches the English heading (test/hugo/headingIds.test.ts).
      'content/zh/blog/2022/get-started-ambient/index.md:231:14 translation.heading-id-not-in-source l7-authorization-policies',
      'content/zh/blog/2022/get-started-ambient/index.md:368:9 translation.heading-id-not-in-source what-is-next',
    ]);
  });

  it('warns on a publishdate that differs from the source, on the value, with the source value for a fix', () => {
    const text = sample(ZH_BETA).replace('publishdate: 2024-05-13', 'publishdate: 2024-05-14');
    const [d, ...rest] = drift(ZH_BETA, text).diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual([d!.code, d!.severity, d!.source, d!.range], ['translation.publishdate-differs', DiagnosticSeverity.Warning, 'istio', rangeOf(text, '2024-05-14')]);
    const { fixes, ...facts } = d!.data as { fixes: unknown };
    assert.deepEqual(facts, { sourceValue: '2024-05-13', source: `${MEM_ROOT}/content/en/blog/2024/ambient-reaches-beta/index.md` });
    // The fix replaces the diagnostic's own range (no range of its own): see the code action below.
    assert.deepEqual(fixes, [{ title: "Use the source's publishdate (2024-05-13)", edits: [{ newText: '2024-05-13' }], isPreferred: true }]);
  });

  it('offers to take the source publishdate, from the diagnostic data alone', () => {
    const text = sample(ZH_BETA).replace('publishdate: 2024-05-13', 'publishdate: 2024-05-14');
    const [d] = drift(ZH_BETA, text).diagnostics;
    const path = `${MEM_ROOT}/${ZH_BETA}`;
    const service = new LanguageService({ fs: memorySite(), scan: noPause });
    const actions = service.codeActions(path, doc(path, text), d!.range, [d!]);
    assert.deepEqual(actions, [
      {
        title: "Use the source's publishdate (2024-05-13)",
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [`file://${path}`]: [{ range: rangeOf(text, '2024-05-14'), newText: '2024-05-13' }] } },
      },
    ]);
  });

  it('flags an image the source does not show, on its link, and the source\u2019s images the translation lacks', () => {
    const rel = 'content/zh/blog/2023/istiocon-china/index.md';
    const text = sample(rel).replace('{{< image link="./group-pic.jpg"', '{{< image link="./group-pic-zh.jpg"');
    const ds = drift(rel, text).diagnostics;
    assert.deepEqual(
      ds.map((d) => [d.code, d.range, d.data]),
      [
        ['translation.image-not-in-source', rangeOf(text, './group-pic-zh.jpg'), { image: 'blog/2023/istiocon-china/group-pic-zh.jpg', source: `${MEM_ROOT}/content/en/blog/2023/istiocon-china/index.md` }],
        ['translation.image-missing', lc(1, 1, 1, 4), { image: 'blog/2023/istiocon-china/group-pic.jpg', link: './group-pic.jpg', source: `${MEM_ROOT}/content/en/blog/2023/istiocon-china/index.md` }],
      ],
    );
  });

  it('flags a {#id} the source has no heading for, ignoring case, and accepts the source\u2019s auto ids', () => {
    const text = sample(ZH_BETA) + '\n## 什么是 Ambient{#What-Is-Ambient}\n\n## 下一步{#whats-next-for-ambient}\n';
    const en = sample('content/en/blog/2024/ambient-reaches-beta/index.md') + "\n## What is ambient?\n\n## What's next\n";
    const ds = drift(ZH_BETA, text, { 'content/en/blog/2024/ambient-reaches-beta/index.md': en }).diagnostics;
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['translation.heading-id-not-in-source', rangeOf(text, 'whats-next-for-ambient')]]);
  });

  it('is quiet on English pages and on translations without a source, and depends on the source file', () => {
    assert.deepEqual(drift('content/en/blog/2024/ambient-reaches-beta/index.md').diagnostics, []);
    const orphan = drift('content/zh/blog/2021/istiomeetups-china/index.md');
    assert.deepEqual(orphan.diagnostics, []);
    // Creating the English page later re-checks the translation.
    assert.ok(orphan.dependencies.has(`${MEM_ROOT}/content/en/blog/2021/istiomeetups-china/index.md`));
    assert.ok(drift(ZH_BETA).dependencies.has(`${MEM_ROOT}/content/en/blog/2024/ambient-reaches-beta/index.md`));
  });

  it('compares image links the way the image shortcode resolves them, in every language', () => {
    assert.equal(imageKey('./arch.svg', 'en', 'blog/2017/adapter-model'), 'blog/2017/adapter-model/arch.svg');
    assert.equal(imageKey('arch.svg', 'zh', 'blog/2017/adapter-model'), 'blog/2017/adapter-model/arch.svg');
    assert.equal(imageKey('../arch.svg', 'zh', 'blog/2017/adapter-model'), 'blog/2017/adapter-model/arch.svg');
    assert.equal(imageKey('/zh/blog/2017/adapter-model/arch.svg', 'zh', 'blog/2017/adapter-model'), 'blog/2017/adapter-model/arch.svg');
    assert.equal(imageKey('/blog/2017/adapter-model/arch.svg', 'en', 'blog/2017/adapter-model'), 'blog/2017/adapter-model/arch.svg');
    assert.equal(imageKey('https://example.com/a.png', 'uk', 'blog/2024'), 'https://example.com/a.png');
  });
});
