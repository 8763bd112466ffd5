import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { doc, lc, MEM_ROOT, rangeOf, sample, sampleFiles } from '../../support/fixtures';
import { diagnose, edit, service } from './harness';

const POST = 'content/en/blog/2023/istiocon-china/index.md';
const SETUP = 'content/en/blog/2019/data-plane-setup/index.md';
const AUTHZ = 'content/en/blog/2021/better-external-authz/index.md';
const PROXY = 'content/en/blog/2020/proxy-cert/index.md';
const PERF = 'content/en/blog/2019/performance-best-practices/index.md';
const AMBIENT_UK = 'content/uk/blog/2024/ambient-reaches-beta/index.md';

const SEVERE = new Set<unknown>([DiagnosticSeverity.Error]);
/** A Hugo configuration at the site root: the site is a full checkout, so missing glossary terms and boilerplates count. */
const FULL = { 'hugo.toml': 'defaultContentLanguage = "en"\n' };

function only(rel: string, text: string, code: string, overrides: Record<string, string | null> = {}) {
  return diagnose(rel, text, overrides).filter((d) => d.code === code);
}

describe('shortcode diagnostics on the sample site', () => {
  it('find no error in the real site', () => {
    const found: string[] = [];
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      for (const d of diagnose(rel)) {
        if (SEVERE.has(d.severity)) found.push(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('report the glossary terms the excerpt does not include once the site is a full checkout (hugo.toml)', () => {
    const found: string[] = [];
    for (const rel of sampleFiles().filter((f) => f.includes('/glossary/'))) {
      for (const d of diagnose(rel, undefined, FULL)) {
        if (SEVERE.has(d.severity)) found.push(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
      }
    }
    // The excerpt copies only envoy.md and data-plane.md of each glossary; data-plane.md refers to three more terms.
    assert.deepEqual(found, [
      'content/en/docs/reference/glossary/data-plane.md:8:17 gloss.not-found',
      'content/en/docs/reference/glossary/data-plane.md:10:17 gloss.not-found',
      'content/en/docs/reference/glossary/data-plane.md:10:93 gloss.not-found',
      'content/uk/docs/reference/glossary/data-plane.md:8:23 gloss.not-found',
      'content/uk/docs/reference/glossary/data-plane.md:10:23 gloss.not-found',
      'content/uk/docs/reference/glossary/data-plane.md:10:97 gloss.not-found',
      'content/zh/docs/reference/glossary/data-plane.md:8:16 gloss.not-found',
      'content/zh/docs/reference/glossary/data-plane.md:11:16 gloss.not-found',
      'content/zh/docs/reference/glossary/data-plane.md:12:14 gloss.not-found',
    ]);
  });

  it('find no warning of their own in the real site either', () => {
    const found: string[] = [];
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      for (const d of diagnose(rel)) {
        if (String(d.code).startsWith('shortcode.malformed') || d.code === 'gloss.not-found') continue;
        found.push(`${rel}:${d.range.start.line + 1} ${d.code}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('shortcode.unknown: a misspelt name, with "did you mean" and the rename in its data', () => {
    const text = edit(sample(POST), '{{< image link="./group-pic.jpg"', '{{< imag link="./group-pic.jpg"');
    const [d, ...rest] = only(POST, text, 'shortcode.unknown');
    assert.equal(rest.length, 0);
    assert.deepEqual(d!.range, rangeOf(text, 'imag'));
    assert.equal(d!.severity, DiagnosticSeverity.Error);
    assert.match(d!.message, /Did you mean `image`\?/);
    assert.deepEqual((d!.data as { suggestions: string[] }).suggestions[0], 'image');
  });

  it('shortcode.unknown: not for Hugo built-ins (figure, ref, youtube) nor inline icons', () => {
    const text = sample(POST) + '\n{{< figure src="a.png" >}} {{< youtube abc >}} [x]({{< ref "/docs" >}}) {{< checkmark_icon >}}\n';
    assert.deepEqual(only(POST, text, 'shortcode.unknown'), []);
  });

  it('shortcode.deprecated: a hint with the deprecated tag', () => {
    const text = sample(POST) + '\n{{< tweet user="x" id="1" >}}\n';
    const [d] = only(POST, text, 'shortcode.deprecated');
    assert.deepEqual(d!.range, rangeOf(text, 'tweet'));
    assert.equal(d!.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(d!.tags, [DiagnosticTag.Deprecated]);
  });

  it('shortcode.unknown-parameter: a misspelt image parameter is a warning with a suggestion', () => {
    const text = edit(sample(POST), 'caption="IstioCon China 2023, Welcome"', 'captoin="IstioCon China 2023, Welcome"');
    const ds = only(POST, text, 'shortcode.unknown-parameter');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, 'captoin'), DiagnosticSeverity.Warning]]);
    assert.deepEqual((ds[0]!.data as { suggestions: string[] }).suggestions, ['caption']);
  });

  it('shortcode.unknown-parameter: a value given to a shortcode that takes none', () => {
    const rel = 'content/en/blog/2019/introducing-istio-operator/index.md';
    const text = edit(sample(rel), '{{< istioctl >}}', '{{< istioctl install >}}');
    const ds = only(rel, text, 'shortcode.unknown-parameter');
    assert.deepEqual(ds.map((d) => [d.range, d.message]), [[lc(17, 71, 17, 78), '`istioctl` takes no parameters: this value is ignored.']]);
  });

  it('shortcode.unknown-parameter: not for snip_id, the named text form, nor gloss="cni"', () => {
    const text = sample(SETUP) + '\n{{< text syntax=bash snip_id=check_pods >}}\n$ kubectl get pods\n{{< /text >}}\n\n{{< gloss="cni" >}}CNI{{< /gloss >}}\n';
    const ds = diagnose(SETUP, text).filter((d) => d.code !== 'gloss.not-found');
    assert.deepEqual(ds, []);
  });

  it('shortcode.missing-parameter: an image without link fails the build', () => {
    const text = edit(sample(POST), '{{< image link="./group-pic.jpg"\n', '{{< image\n');
    const ds = only(POST, text, 'shortcode.missing-parameter');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[lc(15, 5, 15, 10), DiagnosticSeverity.Error]]);
    assert.match(ds[0]!.message, /`link="…"`/);
  });

  it('shortcode.missing-parameter: a boilerplate without a name', () => {
    const text = edit(sample(PROXY), '{{< boilerplate experimental-feature-warning >}}', '{{< boilerplate >}}');
    assert.deepEqual(only(PROXY, text, 'shortcode.missing-parameter').map((d) => d.range), [rangeOf(text, 'boilerplate')]);
  });

  it('shortcode.mixed-parameters: positional and named values in one tag fail the build', () => {
    const text = edit(sample(SETUP), '{{< text bash >}}\n$ istioctl kube-inject', '{{< text bash snip_id=inject >}}\n$ istioctl kube-inject');
    const ds = only(SETUP, text, 'shortcode.mixed-parameters');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, 'snip_id'), DiagnosticSeverity.Error]]);
  });

  it('shortcode.outside-parent: a tab without its tabset fails the build', () => {
    let text = edit(sample(AUTHZ), '{{< tabset category-name="opa-deploy" >}}\n', '');
    text = edit(text, '{{< /tabset >}}\n', '');
    const ds = only(AUTHZ, text, 'shortcode.outside-parent');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [
      [rangeOf(text, '{{< tab name="Deploy OPA in the same pod" category-value="opa-same" >}}'), DiagnosticSeverity.Error],
      [rangeOf(text, '{{< tab name="Deploy OPA in a separate pod" category-value="opa-standalone" >}}'), DiagnosticSeverity.Error],
    ]);
    assert.match(ds[0]!.message, /Missing surrounding tabset for tab/);
  });

  it('shortcode.nested: a tabset inside a tab', () => {
    const inner = '{{< tabset >}}\n\n{{< tab name="A" >}}\n\nA.\n\n{{< /tab >}}\n\n{{< /tabset >}}\n\n';
    const text = edit(sample(AUTHZ), '{{< text bash >}}\n$ kubectl apply -f - <<EOF', `${inner}{{< text bash >}}\n$ kubectl apply -f - <<EOF`);
    const ds = only(AUTHZ, text, 'shortcode.nested');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, '{{< tabset >}}'), DiagnosticSeverity.Warning]]);
  });

  it('shortcode.dropped-content: text inside a tabset but outside its tabs', () => {
    const text = edit(sample(AUTHZ), '{{< /tab >}}\n\n{{< tab name="Deploy OPA in a separate pod"', '{{< /tab >}}\n\nChoose one of the two.\n\n{{< tab name="Deploy OPA in a separate pod"');
    const ds = only(AUTHZ, text, 'shortcode.dropped-content');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, 'Choose one of the two.'), DiagnosticSeverity.Warning]]);
  });

  it('shortcode.inline-content: a callout written on one line fails the build ("Shortcode must span muliple lines")', () => {
    const rel = 'content/en/blog/2018/aws-nlb/index.md';
    const text = edit(sample(rel), '{{< tip >}}\nThis post was updated on January 16, 2019 to include some usage warnings.\n{{< /tip >}}', '{{< tip >}}This post was updated.{{< /tip >}}');
    const ds = only(rel, text, 'shortcode.inline-content');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, '{{< tip >}}This post was updated.{{< /tip >}}'), DiagnosticSeverity.Error]]);
  });

  it('text.missing-syntax: a text block without a syntax fails the build; the fix adds bash for a $ block', () => {
    const text = edit(sample(SETUP), '{{< text bash >}}\n$ istioctl kube-inject', '{{< text >}}\n$ istioctl kube-inject');
    const ds = only(SETUP, text, 'text.missing-syntax');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[lc(106, 5, 106, 9), DiagnosticSeverity.Error]]);
    const fixes = (ds[0]!.data as { fixes: Array<{ edits: Array<{ newText: string }> }> }).fixes;
    assert.deepEqual(fixes.map((f) => f.edits[0]!.newText), [' bash']);
  });

  it('text.unknown-syntax: the real `bask` typo is only a warning, with bash suggested', () => {
    const text = edit(sample(SETUP), '{{< text bash >}}\n$ istioctl kube-inject', '{{< text bask >}}\n$ istioctl kube-inject');
    const ds = diagnose(SETUP, text);
    assert.deepEqual(ds.map((d) => [d.code, d.range, d.severity]), [['text.unknown-syntax', rangeOf(text, 'bask'), DiagnosticSeverity.Warning]]);
    assert.match(ds[0]!.message, /Did you mean `bash`/);
  });

  it('text.unknown-syntax: `syntax="bash yaml"` highlights as its first word, so it is known (istio.io uses it)', () => {
    const text = edit(sample(SETUP), '{{< text bash >}}\n$ istioctl kube-inject', '{{< text syntax="bash yaml" >}}\n$ istioctl kube-inject');
    assert.deepEqual(diagnose(SETUP, text).filter((d) => d.code === 'text.unknown-syntax'), []);
    const typo = edit(sample(SETUP), '{{< text bash >}}\n$ istioctl kube-inject', '{{< text syntax="bask yaml" >}}\n$ istioctl kube-inject');
    assert.deepEqual(diagnose(SETUP, typo).map((d) => d.code), ['text.unknown-syntax']);
  });

  it('text.bash-without-prompt: the first line of a bash block must start with $', () => {
    const text = edit(sample(SETUP), '$ istioctl kube-inject -f demo-red.yaml', 'istioctl kube-inject -f demo-red.yaml');
    const ds = only(SETUP, text, 'text.bash-without-prompt');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, 'istioctl kube-inject -f demo-red.yaml | kubectl apply -f -'), DiagnosticSeverity.Error]]);
  });

  it('text.bash-without-prompt: not for an indented first line that starts with $ (indent is stripped)', () => {
    // Real text: `{{< text bash >}}` with its content indented by 4 (data-plane-setup line 136).
    assert.deepEqual(only(SETUP, sample(SETUP), 'text.bash-without-prompt'), []);
  });

  it('text.outputis-not-bash: an output syntax on a yaml block fails the build ("Only text blocks with a bash syntax can use outputis")', () => {
    const rel = 'content/en/blog/2018/aws-nlb/index.md';
    const text = edit(sample(rel), '{{< text yaml >}}', '{{< text yaml json >}}');
    const ds = only(rel, text, 'text.outputis-not-bash');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[lc(101, 15, 101, 19), DiagnosticSeverity.Error]]);
  });

  it('text.bad-indentation: content indented by 2 spaces fails the build', () => {
    const text = edit(sample(SETUP), '    $ kubectl get pods | grep demo-red', '  $ kubectl get pods | grep demo-red');
    const ds = only(SETUP, text, 'text.bad-indentation');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[lc(136, 1, 136, 3), DiagnosticSeverity.Error]]);
  });

  it('image.caption-period: a caption ending with "." fails the build; "。" is fine', () => {
    const text = edit(sample(POST), 'caption="IstioCon China 2023, Welcome"', 'caption="IstioCon China 2023, Welcome."');
    const ds = only(POST, text, 'image.caption-period');
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, 'IstioCon China 2023, Welcome.'), DiagnosticSeverity.Error]]);
    const zh = 'content/zh/blog/2023/istiocon-china/index.md';
    const zhText = sample(zh).replace(/caption="([^"]*)"/, 'caption="$1。"');
    assert.deepEqual(only(zh, zhText, 'image.caption-period'), []);
  });

  it('boilerplate.not-found: a boilerplate missing from the page language', () => {
    const text = edit(sample(PROXY), '{{< boilerplate experimental-feature-warning >}}', '{{< boilerplate experimental-feature-warnings >}}');
    const ds = only(PROXY, text, 'boilerplate.not-found', FULL);
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, 'experimental-feature-warnings'), DiagnosticSeverity.Error]]);
  });

  it('boilerplate.not-found: a name is a prefix, as Hugo matches `<name>*`', () => {
    const text = edit(sample(PROXY), '{{< boilerplate experimental-feature-warning >}}', '{{< boilerplate experimental-feature >}}');
    assert.deepEqual(only(PROXY, text, 'boilerplate.not-found', FULL), []);
  });

  it('gloss.not-found: an inner text matching no glossary title', () => {
    const text = edit(sample(PERF), '{{<gloss>}}Envoy{{</gloss>}}', '{{<gloss>}}Envoys{{</gloss>}}');
    const ds = only(PERF, text, 'gloss.not-found', FULL);
    assert.deepEqual(ds.map((d) => [d.range, d.severity]), [[rangeOf(text, 'Envoys'), DiagnosticSeverity.Error]]);
  });

  it('gloss: the uk localized title resolves, case-insensitively; an English title does not in uk', () => {
    assert.deepEqual(only(AMBIENT_UK, sample(AMBIENT_UK), 'gloss.not-found', FULL), []);
    const text = edit(sample(AMBIENT_UK), '{{< gloss "панель даних" >}}', '{{< gloss "data plane" >}}');
    assert.deepEqual(only(AMBIENT_UK, text, 'gloss.not-found', FULL).map((d) => d.range), [rangeOf(text, 'data plane')]);
    // In an excerpt of the site the same reference is not reported: the term file may just not have been copied.
    assert.deepEqual(only(AMBIENT_UK, text, 'gloss.not-found'), []);
  });

  it('records the files a result depends on (templates, boilerplates, glossary)', () => {
    const { service: s } = service(FULL);
    const path = `${MEM_ROOT}/${PROXY}`;
    const deps = s.diagnostics(path, doc(path, sample(PROXY))).dependencies;
    assert.ok(deps.has(`${MEM_ROOT}/content/en/boilerplates/experimental-feature-warning.md`));
    assert.ok(deps.has(`${MEM_ROOT}/layouts/shortcodes/boilerplate.html`));
  });

  it('never throws on an unterminated tag at the end, thousands of shortcodes, or binary junk', () => {
    const many = '{{< gloss >}}Envoy{{< /gloss >}} {{< text bash >}}\n$ x\n{{< /text >}}\n{{< tab >}}\n'.repeat(3000);
    for (const text of ['---\ntitle: x\n---\n{{< text', '---\ntitle: x\n---\n' + many, '\u0000\uFFFD{{<\u0000"{{< /'.repeat(5000), '{{< image caption="."']) {
      const ds = diagnose('content/en/blog/2025/junk/index.md', text);
      assert.ok(ds.every((d) => d.code !== 'internal.error'), JSON.stringify(ds.find((d) => d.code === 'internal.error')));
    }
  });
});
