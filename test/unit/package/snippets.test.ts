import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../server/engine/languageService';
import { doc, MEM_ROOT, memorySite } from '../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
type Snippet = { prefix: string; description: string; body: string[] };
const snippets: Record<string, Snippet> = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/istio.code-snippets'), 'utf8'));

/** What VS Code inserts when you accept the snippet and keep every default: placeholders → their text, choices → the first. */
function expand(body: string[], now: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const vars: Record<string, string> = { CURRENT_YEAR: String(now.getFullYear()), CURRENT_MONTH: two(now.getMonth() + 1), CURRENT_DATE: two(now.getDate()) };
  let text = body.join('\n');
  let prev = '';
  while (prev !== text) {
    prev = text;
    text = text
      .replace(/\$\{(\d+):([^{}]*)\}/g, '$2')
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{([A-Z_]+)\}/g, (_, v: string) => vars[v] ?? '')
      .replace(/\$\d+/g, '');
  }
  return text.replace(/\\\$/g, '$');
}

function diagnostics(rel: string, text: string, extra: Record<string, string> = {}) {
  const fs = memorySite({ ...extra, [rel]: text });
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  return service.diagnostics(`${MEM_ROOT}/${rel}`, doc(`${MEM_ROOT}/${rel}`, text)).diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
}

describe('snippets (snippets/istio.code-snippets)', () => {
  it('are the documented set, each with a prefix and a description', () => {
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix).sort(), ['istio-image', 'istio-post', 'istio-quote', 'istio-tabset', 'istio-text', 'istio-tip', 'istio-warning']);
    for (const s of Object.values(snippets)) assert.ok(s.description.length > 10, s.prefix);
  });

  it('istio-post: a blog post dated today, in its year folder, that the server finds valid', () => {
    const now = new Date();
    const text = expand(snippets['New istio.io blog post frontmatter']!.body, now);
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    assert.ok(text.includes(`publishdate: ${today}\n`), text);
    assert.match(text, /^---\ntitle: "Title"\ndescription: One sentence that ends with a period\.\n/);
    assert.deepEqual(diagnostics(`content/en/blog/${now.getFullYear()}/new-post/index.md`, text), []);
  });

  it('every body snippet, inserted with its defaults into a post, gives no diagnostic', () => {
    const head = '---\ntitle: "Snippets"\ndescription: Every snippet once.\npublishdate: 2025-06-02\nattribution: "A (B)"\nkeywords: [istio]\n---\n\n';
    const bodies = Object.values(snippets).filter((s) => s.prefix !== 'istio-post').map((s) => expand(s.body, new Date()));
    const rel = 'content/en/blog/2025/snippets/index.md';
    const text = head + bodies.join('\n\nSome text.\n\n') + '\n';
    assert.ok(text.includes('{{< tabset category-name="config-api" >}}') && text.includes('{{< image width="75%" link="./image.png" caption="Caption" >}}'));
    // the image the image snippet points at exists in the bundle
    assert.deepEqual(diagnostics(rel, text, { 'content/en/blog/2025/snippets/image.png': '' }), []);
  });
});
