// The spelling check against the real mdspell (npm markdown-spellcheck 1.3.1, its bin), run as `make lint` runs it:
// on the script's copy (real sed), `mdspell --en-us --ignore-acronyms --ignore-numbers --no-suggestions --report`
// with the site's `.spelling` in the folder it runs in. Findings are compared as `line word`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { engine, realMdspell, samplePages, scriptCopy } from './harness';

const POST = 'content/en/blog/2020/proxy-cert/index.md';
const base = samplePages(['en'])[POST]!;
const planted = (text: string): string => base.replace('\n\nIstio sidecars obtain', `\n\n${text}\n\nIstio sidecars obtain`);

const PAGES: Record<string, string> = {
  // A swapped-letter word in a real post, at its line.
  typo: base.replace('the secret discovery service', 'the secret discovery sevrice'),
  'typo-in-heading': planted('## Configuraiton of the mesh {#configuration}'),
  'typo-in-list': planted('1.  Frist step.\n\n    * Nested itme.'),
  'in-text-block': planted('{{< text bash >}}\n$ kubectl get pods --namespase foo\n{{< /text >}}'),
  'in-link-attribute': planted('{{< image width="50%" link="./mispeled-file.png" caption="A captoin" >}}'),
  'in-code-span': planted('Run `kubectl aplpy` and then the [linnk text](https://example.com/pathh).'),
  'acronyms-numbers': planted('The APIS and 3rd 10th 1.2.3 1.x releases, ABCs, HTTP2 and v1alpha3.'),
  'apostrophes-hyphens': planted("Istio's mesh, the mesh’s proxies, well-known sidecar-injektion and 'quoted' words."),
  'spelling-file-case': planted('Kubernetes, kubernetes and KUBERNETES; Envoy, envoy, ENVOY.'),
  'cjk-mixed': planted('中文段落里有 Englsh 单词和 `code`。'),
  'html-and-entities': planted('<span class="x">Spann texxt</span> &nbsp; &amp; done.'),
  'table': planted('| Colum | Other |\n|---|---|\n| valeu | x |'),
  'heading-anchor': planted('## Section {#sectoin-anchor}'),
  // Many replacements of each kind the tracker makes (code spans, `{{…}}`, `{%…%}`, tags, entities), side by side and
  // line after line, with misspelt words between them: each word's line comes from the tracker's offsets.
  'many-replacements': planted(
    'Sume wordz {{% tip %}} heer {{% /tip %}} and `code` thenn {{ x }} moar {%x%}qwerty <b>bolld</b> &amp; zzxq.\n'.repeat(40) +
      '\nTxet with `a` and ``b`` and {{< tip >}}xyzzy{{< /tip >}}{{% /tip %}}{{% /tip %}} <i>itallic</i> {% raw %} {{ y }}\n'.repeat(40),
  ),
};

/** Known differences (`page line word` → reason); one not seen any more fails the test. */
const KNOWN: Record<string, string> = {};

describe('spelling: the engine against the real mdspell', () => {
  let dir = '';
  let pages: Record<string, string> = {};
  before(() => {
    pages = { ...samplePages(['en', 'zh']) };
    for (const [name, text] of Object.entries(PAGES)) pages[`content/en/blog/2099/${name}/index.md`] = text;
    dir = scriptCopy(pages);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the words mdspell reports, page by page, line by line', () => {
    const real = realMdspell(dir, Object.keys(pages));
    const ours = engine(pages);
    const diff: string[] = [];
    const seen = new Set<string>();
    for (const rel of Object.keys(pages)) {
      const want = real.get(rel) ?? [];
      const got = (ours.get(rel) ?? []).filter((d) => d.code === 'spelling.unknown-word').map((d) => `${d.line} ${(d.data as { word: string }).word}`);
      const w = new Set(want);
      const g = new Set(got);
      for (const f of w) if (!g.has(f)) (KNOWN[`${rel} ${f}`] ? seen.add(`${rel} ${f}`) : diff.push(`${rel}: mdspell only: ${f}`));
      for (const f of g) if (!w.has(f)) (KNOWN[`${rel} ${f}`] ? seen.add(`${rel} ${f}`) : diff.push(`${rel}: engine only: ${f}`));
      if (want.length !== got.length && w.size === g.size) diff.push(`${rel}: ${want.length} findings in mdspell, ${got.length} in the engine`);
    }
    for (const k of Object.keys(KNOWN)) if (!seen.has(k)) diff.push(`known difference no longer seen: ${k}`);
    assert.deepEqual(diff, []);
  });

  it('finds the planted misspelling at its line, and nothing on the published sample', () => {
    const real = realMdspell(dir, Object.keys(pages));
    const line = base.split('\n').findIndex((l) => l.includes('the secret discovery service')) + 1;
    assert.deepEqual(real.get('content/en/blog/2099/typo/index.md'), [`${line} sevrice`]);
    assert.deepEqual([...real.keys()].filter((k) => !k.includes('/2099/')), []);
  });
});
