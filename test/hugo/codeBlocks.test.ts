// Which block shortcodes land in an indented Markdown code block (`<pre><code>`), as Hugo renders them, compared with
// the engine's `shortcode.indented-code`: at the top level, in lists, and in tabs.
//
// The templates are STAND-INS: `image` prints a marked figure and `text` a marked <pre>, `warning` renders its content
// as Markdown, and `tab`/`tabset` follow istio.io's layouts/shortcodes/tab.html and tabset.html (a tab stores its
// .Inner in the parent's Scratch; the tabset strips the first line's indentation, as partials/strip_indent.html does,
// and runs `markdownify`). They are not the real templates.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService, MemoryFileSystem } from '../../server/engine';
import { buildSite, type HugoBuild } from './lib/hugo';

const TEMPLATES = {
  'layouts/shortcodes/image.html': '<figure data-m="{{ .Get "link" }}"></figure>',
  'layouts/shortcodes/text.html': '<pre data-m="{{ .Get "snip_id" }}">{{ .Inner }}</pre>',
  'layouts/shortcodes/warning.html': '<aside class="callout warning">{{ trim .Inner " \\n" | markdownify }}</aside>',
  'layouts/shortcodes/tab.html': `{{- if not (.Parent.Scratch.Get "tabs") -}}{{- .Parent.Scratch.Set "tabs" slice -}}{{- end -}}
{{- .Parent.Scratch.Add "tabs" (dict "content" .Inner) -}}`,
  'layouts/partials/strip_indent.html': `{{- $lines := split (strings.TrimRight " " (trim . "\\n")) "\\n" -}}
{{- $line0 := index $lines 0 -}}
{{- $indent := 0 -}}
{{- if hasPrefix $line0 "                " -}}{{- $indent = 16 -}}
{{- else if hasPrefix $line0 "            " -}}{{- $indent = 12 -}}
{{- else if hasPrefix $line0 "        " -}}{{- $indent = 8 -}}
{{- else if hasPrefix $line0 "    " -}}{{- $indent = 4 -}}
{{- end -}}
{{- $text := "" -}}
{{- range $line := $lines -}}
{{- if gt (len $line) $indent -}}{{- $text = printf "%s\\n%s" $text (substr $line $indent) -}}{{- else -}}{{- $text = printf "%s\\n%s" $text $line -}}{{- end -}}
{{- end -}}
{{- trim $text "\\n" | safeHTML -}}`,
  'layouts/shortcodes/tabset.html': `{{- if .Inner -}}{{- end -}}
<div class="tabset">{{- range (.Scratch.Get "tabs") -}}<div role="tabpanel">{{- partial "strip_indent.html" .content | markdownify -}}</div>{{- end -}}</div>`,
};

/** Each block tag carries a marker (`link="mN"`, `snip_id=mN`) to find it in Hugo's output. */
const PAGE = `---
title: Code blocks
---

Intro paragraph.

    {{< image link="m1" >}}

Paragraph then directly
    {{< image link="m2" >}}

1. Item

    {{< image link="m3" >}}

1. Item two

        {{< image link="m4" >}}

- dash item

    {{< image link="m5" >}}

Para.

  {{< image link="m6" >}}

Para.

    {{< text syntax=bash snip_id=m7 >}}
    $ x
    {{< /text >}}

> quote

    {{< image link="m8" >}}

## Heading
    {{< image link="m9" >}}

1. a

    - b

        {{< image link="m10" >}}

Para.

    {{< image
        link="m11"
        caption="A multi-line tag"
        >}}

{{< tabset category-name="t" >}}

{{< tab name="One" category-value="one" >}}
Tab text at the left.

    {{< image link="m12" >}}

{{< image link="m13" >}}
{{< /tab >}}

{{< /tabset >}}

1. A list with tabs

    {{< tabset category-name="u" >}}

    {{< tab name="Two" category-value="two" >}}
    Tab text in a list.

    {{< image link="m14" >}}

        {{< image link="m15" >}}
    {{< /tab >}}

    {{< /tabset >}}

{{< tabset category-name="test" >}}

{{< tab name="Three" category-value="three" >}}
1. Simple text in a list in a tab

    A paragraph

    {{< warning >}}
    Warning in a list in a tab
    {{< /warning >}}

    {{< image link="m16" >}}

1. Second bullet
{{< /tab >}}

{{< /tabset >}}
`;

const MARKERS = [...PAGE.matchAll(/(?:link="|snip_id=)(m\d+)/g)].map((m) => m[1]!);

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

/**
 * Whether the element with `data-m="<marker>"` sits inside a `<pre><code>` of Hugo's output. In a tab, whose content
 * goes through `markdownify` after the shortcodes ran, the code block even escapes the figure's HTML into text.
 */
function inCode(html: string, marker: string): boolean {
  const raw = html.indexOf(`data-m="${marker}"`);
  const at = raw >= 0 ? raw : html.indexOf(`data-m=&quot;${marker}&quot;`);
  assert.ok(at >= 0, `Hugo printed ${marker}`);
  const before = html.slice(0, at);
  return before.lastIndexOf('<pre><code>') > before.lastIndexOf('</code></pre>');
}

test('code blocks: the engine warns on exactly the block shortcodes Hugo prints inside <pre><code>', async () => {
  const build = buildSite({ ...TEMPLATES, 'content/en/blocks/index.md': PAGE });
  builds.push(build);
  assert.ok(build.ok, build.log);
  const html = build.output('blocks/index.html') ?? '';

  const fs = new MemoryFileSystem();
  const path = '/site/content/en/blocks/index.md';
  fs.write(path, PAGE);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  let warned: Set<string>;
  try {
    await service.siteOf(path)!.summarized();
    const ds = service.diagnostics(path, TextDocument.create(`file://${path}`, 'markdown', 1, PAGE)).diagnostics;
    const document = TextDocument.create('x:', 'markdown', 1, PAGE);
    warned = new Set(
      ds
        .filter((d) => d.code === 'shortcode.indented-code')
        .map((d) => /(?:link="|snip_id=)(m\d+)/.exec(PAGE.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)))?.[1] ?? '?'),
    );
  } finally {
    service.dispose();
  }
  assert.deepEqual(
    MARKERS.map((m) => `${m} → ${warned.has(m) ? 'code' : 'not code'}`),
    MARKERS.map((m) => `${m} → ${inCode(html, m) ? 'code' : 'not code'}`),
  );
});
