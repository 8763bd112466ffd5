// Which `>` lines Hugo renders as `<blockquote>` (what `make lint` rejects in the built site), compared with the
// engine's `lint.blockquote`: at the top level, indented, after a paragraph, in lists, in code, and on the `>}}` line
// of a tag written with one brace (which Hugo prints as text). Each candidate line carries a marker `qN`.
//
// The `text` and `warning` templates are STAND-INS: `text` prints its .Inner in a <pre> as istio.io's does, and
// `warning` renders its content as Markdown; they are not the real templates.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService, MemoryFileSystem } from '../../server/engine';
import { buildSite, type HugoBuild } from './lib/hugo';

const TEMPLATES = {
  'layouts/shortcodes/text.html': '<pre>{{ .Inner }}</pre>',
  'layouts/shortcodes/warning.html': '<aside class="callout warning">{{ trim .Inner " \\n" | markdownify }}</aside>',
};

const PAGE = `---
title: Quotes
---

> q1 at the left

   > q2 three spaces in

Paragraph.

    > q3 four spaces after a blank line

A paragraph
    > q4 four spaces continuing it

A paragraph
> q5 interrupting it

1. A list item

    > q6 in the list item

1. Another

        > q7 four past the list item's text

- A dash item

  > q8 in the dash item

- Another

      > q9 four past the dash item's text

> > q10 nested

\`\`\`
> q11 in a fence
\`\`\`

{{< text syntax=plain >}}
> q12 in a text block
{{< /text >}}

{{< warning >}}
> q13 in a warning
{{< /warning >}}

A tag with one brace: {< image link="x.png"
    caption="c"
    >}} q14

\t> q15 a tab in

Text.
`;

const MARKERS = [...PAGE.matchAll(/\bq(\d+)\b/g)].map((m) => `q${m[1]}`);

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

/** Whether the marker's text sits inside a `<blockquote>` of Hugo's output. */
function inQuote(html: string, marker: string): boolean {
  const at = html.search(new RegExp(`\\b${marker}\\b`));
  assert.ok(at >= 0, `Hugo printed ${marker}`);
  const before = html.slice(0, at);
  return (before.match(/<blockquote>/g) ?? []).length > (before.match(/<\/blockquote>/g) ?? []).length;
}

test('blockquotes: the engine reports exactly the `>` lines Hugo renders as <blockquote>', async () => {
  const build = buildSite({ ...TEMPLATES, 'content/en/quotes/index.md': PAGE });
  builds.push(build);
  assert.ok(build.ok, build.log);
  const html = build.output('quotes/index.html') ?? '';

  const fs = new MemoryFileSystem();
  const path = '/site/content/en/quotes/index.md';
  fs.write('/site/hugo.toml', '');
  fs.write(path, PAGE);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const reported = new Set<string>();
  try {
    await service.siteOf(path)!.summarized();
    const document = TextDocument.create(`file://${path}`, 'markdown', 1, PAGE);
    for (const d of service.diagnostics(path, document).diagnostics) {
      if (d.code !== 'lint.blockquote') continue;
      for (const m of PAGE.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)).matchAll(/\bq\d+\b/g)) reported.add(m[0]);
    }
  } finally {
    service.dispose();
  }
  assert.deepEqual(
    MARKERS.map((m) => `${m} → ${reported.has(m) ? 'quote' : 'not a quote'}`),
    MARKERS.map((m) => `${m} → ${inQuote(html, m) ? 'quote' : 'not a quote'}`),
  );
});
