// Every code the catalog says fails the build (server/data/diagnostics.json `failsBuild`, the "fails the build" column
// of docs/diagnostics.md) is checked here: the engine reports it on a page, and Hugo fails to build that page. Codes
// marked `failsDraft` (Hugo fails while reading the page) fail on a draft too; the others fail while rendering, which
// a draft never is, so a draft builds and the engine reports them as warnings.
//
// The templates are STAND-INS written after ../shared/reference/oracles.md and istio-site.md (section c, "Build-time
// checks from shortcodes and templates"): each one only makes the site's check with its message (`errorf`), it is not
// the site's template. Where the check is Hugo's own (YAML, unclosed, unknown or stray shortcodes, mixed parameters,
// a closing tag on a shortcode without .Inner), no template is involved.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CATALOG, LanguageService, MemoryFileSystem, type DiagnosticCode } from '../../server/engine';
import { buildSite, type HugoBuild } from './lib/hugo';

const TEMPLATES: Record<string, string> = {
  // The base template's description check (layouts/_default/baseof.html).
  'layouts/_default/baseof.html': `{{- with .Description -}}{{- if not (or (strings.HasSuffix . ".") (strings.HasSuffix . "。")) -}}{{- errorf "Page description doesn't end with a period (%s)" $.File.Path -}}{{- end -}}{{- end -}}
{{ block "main" . }}{{ end }}`,
  'layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}',
  'layouts/_default/list.html': '{{ define "main" }}{{ .Content }}{{ end }}',
  // image.html: the caption's period, an external image without ratio, the file checked in content/en + link (en)
  // or content + link (other languages), a relative link joined to the page's folder after one ./ or ../.
  'layouts/shortcodes/image.html': `{{- $link := .Get "link" -}}
{{- $caption := .Get "caption" -}}
{{- if and $caption (strings.HasSuffix $caption ".") }}{{ errorf "Image caption ends with a period (%s)" .Position }}{{ end -}}
{{- if or (hasPrefix $link "http://") (hasPrefix $link "https://") -}}
{{- if not (.Get "ratio") }}{{ errorf "Must specify aspect ratio for external image reference (%s)" .Position }}{{ end -}}
{{- else -}}
{{- $file := $link -}}
{{- if not (hasPrefix $link "/") -}}
{{- if hasPrefix $link "../" }}{{ $file = substr $link 3 }}{{ else if hasPrefix $link "./" }}{{ $file = substr $link 2 }}{{ end -}}
{{- $file = printf "/%s%s" (replace .Page.File.Dir "\\\\" "/") $file -}}
{{- if ne .Page.Language.Lang "en" }}{{ $file = printf "/%s%s" .Page.Language.Lang $file }}{{ end -}}
{{- end -}}
{{- $root := cond (eq .Page.Language.Lang "en") "content/en" "content" -}}
{{- if and (not (.Get "ratio")) (not (fileExists (printf "%s%s" $root $file))) }}{{ errorf "Image '%s' was not found (%s)" $file .Position }}{{ end -}}
{{- end -}}
<figure>{{ $caption }}</figure>`,
  // text.html: syntax, outputis, indentation, the bash prompt.
  'layouts/shortcodes/text.html': `{{- $syntax := cond .IsNamedParams (.Get "syntax") (.Get 0) -}}
{{- $outputis := cond .IsNamedParams (.Get "outputis") (.Get 1) -}}
{{- if not $syntax }}{{ errorf "Text block does not specify a syntax (%s)" .Position }}{{ end -}}
{{- if and $outputis (ne $syntax "bash") }}{{ errorf "Only text blocks with a bash syntax can use outputis (%s)" .Position }}{{ end -}}
{{- $first := index (split (trim .Inner "\\n") "\\n") 0 -}}
{{- $indent := sub (len $first) (len (strings.TrimLeft " " $first)) -}}
{{- if ne (mod $indent 4) 0 }}{{ errorf "Text blocks need to not be indented, or indented by a multiple of 4 spaces (%s)" .Position }}{{ end -}}
{{- if and (eq $syntax "bash") (not (hasPrefix (strings.TrimLeft " " $first) "$")) }}{{ errorf "Text block specifies a bash syntax, but the first line of the block does not start with $ (%s)" .Position }}{{ end -}}
<pre>{{ .Inner }}</pre>`,
  'layouts/shortcodes/boilerplate.html': `{{- $name := .Get 0 -}}
{{- if not $name }}{{ errorf "Missing name in boilerplate (%s)" .Position }}{{ else if not (fileExists (printf "content/%s/boilerplates/%s.md" .Page.Language.Lang $name)) }}{{ errorf "Could not find boilerplate '%s' (%s)" $name .Position }}{{ end -}}`,
  'layouts/shortcodes/gloss.html': `{{- $term := lower (trim (.Get 0 | default .Inner) " ") -}}
{{- $found := false -}}
{{- with site.GetPage "/docs/reference/glossary" }}{{ range .Resources.ByType "page" }}{{ if eq (lower .Title) $term }}{{ $found = true }}{{ end }}{{ end }}{{ end -}}
{{- if not $found }}{{ errorf "Could not find glossary entry for '%s' (%s)" $term .Position }}{{ end -}}
<span>{{ .Inner }}</span>`,
  // tab.html as the site has it: a tab needs a parent shortcode.
  'layouts/shortcodes/tab.html': '{{- if not .Parent }}{{ errorf "Missing surrounding tabset for tab (%s)" .Position }}{{ end -}}<div>{{ .Inner }}</div>',
  'layouts/shortcodes/tabset.html': '<div class="tabset">{{ .Inner }}</div>',
  // Callouts need their content on lines of its own.
  'layouts/shortcodes/tip.html': '{{- if not (in (trim .Inner " ") "\\n") }}{{ errorf "Shortcode must span muliple lines (%s)" .Position }}{{ end -}}<aside>{{ .Inner }}</aside>',
};

/** A glossary with one term, a boilerplate, an image in the English bundle of the page. */
const SITE_FILES: Record<string, string> = {
  'content/en/docs/reference/glossary/index.md': '---\ntitle: Glossary\ndescription: Terms.\nlayout: glossary\n---\n',
  'content/en/docs/reference/glossary/envoy.md': '---\ntitle: Envoy\n---\nThe proxy.\n',
  'content/en/boilerplates/index.md': '---\nheadless: true\n---\n',
  'content/en/boilerplates/alpha.md': '---\n---\nAlpha.\n',
  'content/en/blog/x/a.png': 'png',
};

interface Case {
  readonly code: DiagnosticCode;
  /** The page's text, a draft when `draft`. */
  readonly page: (draft: boolean) => string;
  /** Where the page is, under content/ (default `en/blog/x/index.md`). */
  readonly at?: string;
  /** Files beside the site's (other languages' copies). */
  readonly files?: Record<string, string>;
  /** What Hugo says (a stand-in's errorf, or Hugo's own message). */
  readonly hugo: RegExp;
}

const fm = (draft: boolean, extra = ''): string => `---\ntitle: P\ndescription: A page.\n${draft ? 'draft: true\n' : ''}${extra}---\n\n`;
const body = (text: string) => (draft: boolean) => `${fm(draft)}${text}\n`;
const ZH = 'zh/blog/x/index.md';

const CASES: readonly Case[] = [
  { code: 'frontmatter.unterminated', page: (d) => `---\ntitle: P\n${d ? 'draft: true\n' : ''}\nBody.\n`, hugo: /./ },
  { code: 'frontmatter.yaml-syntax', page: (d) => `---\ntitle: "P\n${d ? 'draft: true\n' : ''}---\n\nBody.\n`, hugo: /yaml/i },
  { code: 'frontmatter.not-a-map', page: (d) => `---\n- title\n${d ? '- draft: true\n' : ''}---\n\nBody.\n`, hugo: /unmarshal/ },
  { code: 'shortcode.unterminated', page: body('{{< tip\nNever ended.'), hugo: /unclosed shortcode action/ },
  { code: 'shortcode.unterminated-string', page: body('{{< image link="./a.png >}}'), hugo: /./ },
  { code: 'shortcode.unterminated-comment', page: body('{{</* tip >}}'), hugo: /comment must be closed/ },
  { code: 'shortcode.missing-name', page: body('{{< >}}'), hugo: /shortcode has no name/ },
  { code: 'shortcode.unclosed', page: body('{{< tip >}}\nNever closed.'), hugo: /"tip" must be closed or self-closed/ },
  // Hugo lets the inner `text` take `/tip`, and the tip is left unclosed. With both closing tags present in swapped
  // order Hugo builds, and the engine only warns (shortcode.closing-order, test/hugo/shortcodeTags.test.ts).
  { code: 'shortcode.mismatched-closing', page: body('{{< tip >}}\n{{< text bash >}}\n$ ls\n{{< /tip >}}'), hugo: /"tip" must be closed or self-closed/ },
  { code: 'shortcode.stray-closing', page: body('{{< /tip >}}'), hugo: /got closing shortcode, but none is open/ },
  { code: 'shortcode.closing-not-allowed', page: body('{{< image link="./a.png" >}}{{< /image >}}'), hugo: /does not evaluate .Inner/ },
  { code: 'shortcode.unknown', page: body('{{< imag link="./a.png" >}}'), hugo: /template for shortcode "imag" not found/ },
  { code: 'shortcode.mixed-parameters', page: body('{{< text bash snip_id=list >}}\n$ ls\n{{< /text >}}'), hugo: /Cannot mix named and positional parameters/ },
  { code: 'shortcode.missing-parameter', page: body('{{< boilerplate >}}'), hugo: /Missing name in boilerplate/ },
  { code: 'shortcode.outside-parent', page: body('{{< tab name="One" >}}\nText.\n{{< /tab >}}'), hugo: /Missing surrounding tabset for tab/ },
  { code: 'shortcode.inline-content', page: body('{{< tip >}}One line.{{< /tip >}}'), hugo: /Shortcode must span muliple lines/ },
  { code: 'text.missing-syntax', page: body('{{< text >}}\n$ ls\n{{< /text >}}'), hugo: /Text block does not specify a syntax/ },
  { code: 'text.bash-without-prompt', page: body('{{< text bash >}}\nls\n{{< /text >}}'), hugo: /does not start with \$/ },
  { code: 'text.outputis-not-bash', page: body('{{< text yaml json >}}\na: b\n{{< /text >}}'), hugo: /Only text blocks with a bash syntax can use outputis/ },
  { code: 'text.bad-indentation', page: body('  {{< text bash >}}\n  $ ls\n  {{< /text >}}'), hugo: /indented by a multiple of 4 spaces/ },
  { code: 'boilerplate.not-found', page: body('{{< boilerplate alpah >}}'), hugo: /Could not find boilerplate 'alpah'/ },
  { code: 'gloss.not-found', page: body('The {{< gloss >}}Envoys{{< /gloss >}} proxy.'), hugo: /Could not find glossary entry for 'envoys'/ },
  { code: 'image.caption-period', page: body('{{< image link="./a.png" caption="A caption." >}}'), hugo: /Image caption ends with a period/ },
  { code: 'image.not-found', page: body('{{< image link="./missing.png" >}}'), hugo: /Image '\/blog\/x\/missing.png' was not found/ },
  { code: 'image.wrong-case', page: body('{{< image link="./A.png" >}}'), hugo: /Image '\/blog\/x\/A.png' was not found/ },
  { code: 'image.not-translated', at: ZH, page: body('{{< image link="./a.png" >}}'), hugo: /Image '\/zh\/blog\/x\/a.png' was not found/ },
  {
    code: 'image.missing-language-prefix',
    at: ZH,
    files: { 'content/zh/blog/x/a.png': 'png' },
    page: body('{{< image link="/blog/x/a.png" >}}'),
    hugo: /Image '\/blog\/x\/a.png' was not found/,
  },
  { code: 'image.external-without-ratio', page: body('{{< image link="https://example.com/a.png" >}}'), hugo: /Must specify aspect ratio for external image reference/ },
  { code: 'frontmatter.description-period', page: (d) => `---\ntitle: P\ndescription: A page without its period\n${d ? 'draft: true\n' : ''}---\n\nBody.\n`, hugo: /Page description doesn't end with a period/ },
];

const HUGO_TOML = '[languages.zh]\ncontentDir = "content/zh"\n';

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

function hugo(c: Case, draft: boolean): HugoBuild {
  const b = buildSite({ 'hugo.toml': HUGO_TOML, ...TEMPLATES, ...SITE_FILES, ...c.files, [`content/${c.at ?? 'en/blog/x/index.md'}`]: c.page(draft) });
  builds.push(b);
  return b;
}

/** The severities at which the engine reports `c.code` on the page (a full checkout: hugo.toml present). */
async function engine(c: Case, draft: boolean): Promise<DiagnosticSeverity[]> {
  const fs = new MemoryFileSystem();
  fs.write('/site/hugo.toml', HUGO_TOML);
  for (const [rel, text] of Object.entries({ ...SITE_FILES, ...c.files })) fs.write(`/site/${rel}`, text);
  const path = `/site/content/${c.at ?? 'en/blog/x/index.md'}`;
  const text = c.page(draft);
  fs.write(path, text);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  try {
    await service.siteOf(path)!.summarized();
    const ds = service.diagnostics(path, TextDocument.create(`file://${path}`, 'markdown', 1, text)).diagnostics;
    return ds.filter((d) => d.code === c.code).map((d) => d.severity!);
  } finally {
    service.dispose();
  }
}

describe('what the catalog says fails the build fails Hugo’s build', () => {
  it('has a case for every code that fails the build', () => {
    assert.deepEqual(
      DIAGNOSTIC_CATALOG.filter((c) => c.failsBuild)
        .map((c) => c.code)
        .sort(),
      CASES.map((c) => c.code).sort(),
    );
  });

  for (const c of CASES) {
    const info = DIAGNOSTIC_CATALOG.find((i) => i.code === c.code)!;
    it(`${c.code}: the engine reports it and Hugo fails; on a draft, ${info.failsDraft ? 'both still' : 'Hugo builds and the engine warns'}`, async () => {
      const published = hugo(c, false);
      assert.equal(published.ok, false, `Hugo built the page:\n${c.page(false)}`);
      assert.match(published.log, c.hugo);
      assert.deepEqual(await engine(c, false), [DiagnosticSeverity.Error]);

      const draft = hugo(c, true);
      assert.equal(draft.ok, !info.failsDraft, draft.log);
      assert.deepEqual(await engine(c, true), [info.failsDraft ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning]);
    });
  }
});

describe('what the catalog says does not fail the build', () => {
  it('a frontmatter value of the wrong type or format builds (frontmatter.invalid-value is an error of the page, not of the build)', async () => {
    const c: Case = {
      code: 'frontmatter.invalid-value',
      page: () => '---\ntitle: [a, b]\ndescription: A page.\npublishdate: next week\nlast_update: 2020-13-45\nkeywords: istio\n---\n\nBody.\n',
      hugo: /./,
    };
    assert.equal(DIAGNOSTIC_CATALOG.find((i) => i.code === c.code)!.failsBuild, false);
    const b = hugo(c, false);
    assert.ok(b.ok, b.log);
    assert.ok((await engine(c, false)).length >= 2);
  });
});
