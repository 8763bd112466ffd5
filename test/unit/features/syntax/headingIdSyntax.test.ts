// heading.invalid-id: a `{#…}` Hugo prints on the page. The lines are quoted from published istio.io pages; what Hugo
// does with each is proven by test/hugo/headingIds.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../../server/engine/languageService';
import { readFixes } from '../../../../server/engine/features/quickFix';
import { doc, MEM_ROOT, memorySite, rangeOf, sampleFiles } from '../../../support/fixtures';

const REL = 'content/zh/blog/2022/page/index.md';

function check(body: string, rel = REL) {
  const text = `---\ntitle: T\n---\n\n${body}`;
  const fs = memorySite({ [rel]: text });
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const path = `${MEM_ROOT}/${rel}`;
  return { text, ds: service.diagnostics(path, doc(path, text)).diagnostics.filter((d) => d.code === 'heading.invalid-id') };
}

describe('heading.invalid-id', () => {
  it('reports a {#id} with a `?` (zh: 我受到影响了吗？{#am-i-impacted?}) at the braces, with the id Hugo really gives', () => {
    const { text, ds } = check('## 我受到影响了吗？{#am-i-impacted?}\n');
    assert.equal(ds.length, 1);
    assert.deepEqual(ds[0]!.range, rangeOf(text, '{#am-i-impacted?}'));
    assert.match(ds[0]!.message, /`我受到影响了吗am-i-impacted`/);
    const [fix] = readFixes(ds[0]!.data);
    assert.equal(fix!.title, 'Use the id `am-i-impacted`');
    assert.deepEqual(fix!.edits, [{ range: rangeOf(text, '{#am-i-impacted?}'), newText: '{#am-i-impacted}' }]);
  });

  it('fixes `=`, a `?` and spaces to valid ids', () => {
    for (const [written, id] of [
      ['{#sidecar=mode}', 'sidecar-mode'],
      ['{#Why-Istio?}', 'Why-Istio'],
      ['{#Bookinfo sample application security fixes}', 'Bookinfo-sample-application-security-fixes'],
    ] as const) {
      const { ds } = check(`## Heading ${written}\n`);
      assert.equal(readFixes(ds[0]!.data)[0]!.edits[0]!.newText, `{#${id}}`, written);
    }
  });

  it('reports an id followed by text, without a fix', () => {
    const { text, ds } = check('## Title {#z} trailing\n');
    assert.deepEqual(ds[0]!.range, rangeOf(text, '{#z} trailing'));
    assert.deepEqual(readFixes(ds[0]!.data), []);
  });

  it('is quiet on valid ids, class blocks, escaped braces and the doubled `#` Hugo accepts', () => {
    const { ds } = check('## A {#a}\n\n## B {.foo #bar}\n\n## C \\{#c}\n\n### 测试 OPA 策略  {##test-the-opa-policy}\n\n## D {id="d"}\n');
    assert.deepEqual(ds, []);
  });

  it('finds nothing on the sample of the real site', () => {
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      const fs = memorySite({});
      const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
      const path = `${MEM_ROOT}/${rel}`;
      const text = fs.readText(path) ?? '';
      assert.ok(text.length > 0, rel);
      assert.deepEqual(service.diagnostics(path, doc(path, text)).diagnostics.filter((d) => d.code === 'heading.invalid-id'), [], rel);
    }
  });
});
