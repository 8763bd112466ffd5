import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calloutIcon } from '../../../client/src/preview/callouts';
import { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import MarkdownIt from 'markdown-it';
import { istioPreviewPlugin } from '../../../client/src/preview/plugin';
import { MEM_ROOT, memorySite, sample } from '../../support/fixtures';
import { errorsIn, previewMd, renderSample, slice, testHost } from './previewSupport';

describe('preview: image', () => {
  it('en 2023/istiocon-china: a multi-line tag as a figure with its caption, src relative to the page (no resource provider)', () => {
    const html = renderSample('content/en/blog/2023/istiocon-china/index.md');
    const text = sample('content/en/blog/2023/istiocon-china/index.md');
    assert.ok(text.includes('{{< image width="75%"\n    link="./opening-keynote.jpg"\n    caption="IstioCon China 2023, Welcome"\n    >}}'), 'the corpus has this multi-line tag');
    assert.equal(
      slice(html, '<figure class="istio-figure" style="width: 75%"><img src="./opening-keynote.jpg"', '</figure>'),
      '<figure class="istio-figure" style="width: 75%"><img src="./opening-keynote.jpg" alt="IstioCon China 2023, Welcome" title="IstioCon China 2023, Welcome" loading="lazy"><figcaption>IstioCon China 2023, Welcome</figcaption></figure>',
    );
    // No width: 100%, as the site's default.
    assert.ok(html.includes('<figure class="istio-figure" style="width: 100%"><img src="./group-pic.jpg" alt="IstioCon China 2023"'));
  });

  it('tells the host which files a page shows (VS Code refreshes the preview when one changes), zh /abs link included', () => {
    const fs = memorySite({});
    const shown: string[] = [];
    const host = { ...testHost(fs), showsImage: (path: string, src: string) => shown.push(`${path.slice(MEM_ROOT.length)} as ${src}`) };
    const md = new MarkdownIt({ html: true });
    istioPreviewPlugin(md, host);
    const rel = 'content/zh/blog/2017/adapter-model/index.md';
    md.render(sample(rel), { currentDocument: `${MEM_ROOT}/${rel}` });
    assert.deepEqual(shown, ['/content/zh/blog/2017/adapter-model/machine.svg as ./machine.svg']);
  });

  it('the resource provider form: the webview URL of the bundle file', () => {
    const html = renderSample('content/en/blog/2023/istiocon-china/index.md', { provider: true });
    assert.ok(html.includes('<img src="https://file+.vscode-resource.example/site/content/en/blog/2023/istiocon-china/group-pic.jpg"'));
  });

  it('an image with alt and no caption (users-engaging.jpg): alt kept, no figcaption, no title', () => {
    const html = renderSample('content/en/blog/2023/istiocon-china/index.md');
    assert.equal(
      slice(html, '<figure class="istio-figure" style="width: 75%"><img src="./users-engaging.jpg"', '</figure>'),
      '<figure class="istio-figure" style="width: 75%"><img src="./users-engaging.jpg" alt="interaction with audience" loading="lazy"></figure>',
    );
  });

  it('zh 2017/adapter-model: the /zh/… link resolves under content/zh (the site rule: content + link)', () => {
    const html = renderSample('content/zh/blog/2017/adapter-model/index.md', { provider: true });
    assert.equal(
      slice(html, '<figure class="istio-figure" style="width: 60%">', '</figure>'),
      '<figure class="istio-figure" style="width: 60%"><img src="https://file+.vscode-resource.example/site/content/zh/blog/2017/adapter-model/machine.svg" alt="Attribute Machine" title="Attribute Machine" loading="lazy"><figcaption>Attribute Machine</figcaption></figure>',
    );
  });

  it('en 2017/adapter-model: the /blog/… link resolves under content/en', () => {
    const html = renderSample('content/en/blog/2017/adapter-model/index.md', { provider: true });
    assert.ok(html.includes('<img src="https://file+.vscode-resource.example/site/content/en/blog/2017/adapter-model/machine.svg"'));
  });

  it('en 2022/get-started-ambient: a bare link (app-not-in-ambient.png) joins the page folder', () => {
    const html = renderSample('content/en/blog/2022/get-started-ambient/index.md');
    assert.ok(html.includes('<figure class="istio-figure" style="width: 75%"><img src="./app-not-in-ambient.png" alt="Applications not in the ambient mesh with plain text traffic"'));
  });

  it('a missing file still draws the figure, with a labelled note; width defaults to 100%; captions are escaped', () => {
    const text = '---\ntitle: x\n---\n\n{{< image link="../gone.png" caption="A <b>bold</b> \\"claim\\"" >}}\n';
    const html = renderSample('content/en/blog/2023/istiocon-china/index.md', { text });
    assert.equal(
      slice(html, '<figure', '</figure>'),
      '<figure class="istio-figure" style="width: 100%"><img src="./gone.png" alt="A &lt;b&gt;bold&lt;/b&gt; &quot;claim&quot;" title="A &lt;b&gt;bold&lt;/b&gt; &quot;claim&quot;" loading="lazy"><figcaption>A &lt;b&gt;bold&lt;/b&gt; &quot;claim&quot;</figcaption>' +
        '<div class="istio-error" role="note"><span class="istio-error-label">Istio preview</span> Image &#39;../gone.png&#39; was not found (looked for content/en/blog/2023/istiocon-china/gone.png).</div></figure>',
    );
  });

  it('an external image without ratio: the figure and a note; with ratio: no note', () => {
    const text = '{{< image link="https://example.com/a.png" caption="Ext" >}}\n\n{{< image ratio="50%" link="https://example.com/b.png" caption="Ext" >}}\n';
    const html = renderSample('content/en/blog/2023/istiocon-china/index.md', { text });
    assert.deepEqual(errorsIn(html), ['An external image needs `ratio`: without it the site&#39;s build fails (&quot;https://example.com/a.png&quot;).']);
    assert.ok(html.includes('<img src="https://example.com/b.png"'));
  });
});

describe('preview: callouts', () => {
  it('en 2018/aws-nlb: tip and warning as callouts with their Markdown rendered inside', () => {
    const html = renderSample('content/en/blog/2018/aws-nlb/index.md');
    assert.equal(
      slice(html, '<div class="istio-callout istio-callout-tip">', '</div></div>'),
      '<div class="istio-callout istio-callout-tip"><div class="istio-callout-label"><span class="istio-callout-icon" aria-hidden="true">' + calloutIcon('tip') + '</span>Tip</div><div class="istio-callout-body">\n' +
        '<p>This post was updated on January 16, 2019 to include some usage warnings.</p>\n</div></div>',
    );
    const warning = slice(html, '<div class="istio-callout istio-callout-warning">', '</div></div>');
    assert.ok(warning.includes('<p>Usage of AWS <code>nlb</code> on Kubernetes is an Alpha feature and not recommended for production clusters.</p>'));
    assert.ok(warning.includes('<a href="https://github.com/kubernetes/kubernetes/issues/69264">Kubernetes Bug #69264</a>'));
  });

  it('en 2023/istio-graduates-within-cncf: quote with its caption', () => {
    const text = sample('content/en/blog/2023/istio-graduates-within-cncf/index.md');
    const caption = /\{\{< quote caption="([^"]+)"/.exec(text)![1]!;
    const html = renderSample('content/en/blog/2023/istio-graduates-within-cncf/index.md');
    const quote = slice(html, '<div class="istio-callout istio-callout-quote">', `<div class="istio-quote-caption">— ${caption.replace(/'/g, '&#39;')}</div></div>`);
    assert.ok(quote.includes('<div class="istio-callout-body">\n<p>'));
  });

  it('en 2019/data-plane-setup: idea callout', () => {
    const html = renderSample('content/en/blog/2019/data-plane-setup/index.md');
    // An inline SVG in the callout's colour (emoji need a font many systems lack).
    assert.match(calloutIcon('idea'), /^<svg viewBox="0 0 16 16"[^>]*fill="currentColor"[^>]*><path d="M[^"]+"\/><\/svg>$/);
    assert.ok(html.includes('<div class="istio-callout istio-callout-idea"><div class="istio-callout-label"><span class="istio-callout-icon" aria-hidden="true">' + calloutIcon('idea') + '</span>Idea</div>'));
  });

  it('shortcodes nest inside callouts (an image in a tip)', () => {
    const text = '{{< tip >}}\nSee:\n\n{{< image link="./group-pic.jpg" caption="Group" >}}\n{{< /tip >}}\n';
    const html = renderSample('content/en/blog/2023/istiocon-china/index.md', { text });
    assert.equal(
      html,
      '<div class="istio-callout istio-callout-tip"><div class="istio-callout-label"><span class="istio-callout-icon" aria-hidden="true">' + calloutIcon('tip') + '</span>Tip</div><div class="istio-callout-body">\n' +
        '<p>See:</p>\n<figure class="istio-figure" style="width: 100%"><img src="./group-pic.jpg" alt="Group" title="Group" loading="lazy"><figcaption>Group</figcaption></figure>\n</div></div>\n',
    );
  });
});

describe('preview: inline icons', () => {
  it('en 2019/performance-best-practices: warning_icon is the warning callout\'s SVG, in running text', () => {
    const html = renderSample('content/en/blog/2019/performance-best-practices/index.md');
    assert.ok(html.includes('<p><span class="istio-icon istio-warning_icon" aria-label="warning">' + calloutIcon('warning') + '</span> Istio\'s <a href="/docs/setup/getting-started/">demo installation</a>'), html.slice(0, 3000));
  });

  it('tip_icon and idea_icon use the callout SVGs; check mark and cross are characters', () => {
    const html = renderSample('content/en/blog/2019/performance-best-practices/index.md', { text: '{{< tip_icon >}} {{< idea_icon >}} {{< checkmark_icon >}} {{< cancel_icon >}}\n' });
    assert.equal(
      html,
      '<p><span class="istio-icon istio-tip_icon" aria-label="tip">' + calloutIcon('tip') + '</span> ' +
        '<span class="istio-icon istio-idea_icon" aria-label="idea">' + calloutIcon('idea') + '</span> ' +
        '<span class="istio-icon istio-checkmark_icon" aria-label="checkmark">✔</span> ' +
        '<span class="istio-icon istio-cancel_icon" aria-label="cancel">✘</span></p>\n',
    );
  });
});

describe('preview: tabs', () => {
  it('en 2021/better-external-authz: tab bar with the names, one panel per tab with its title', () => {
    const html = renderSample('content/en/blog/2021/better-external-authz/index.md');
    assert.ok(
      html.includes(
        '<div class="istio-tabset" data-category-name="opa-deploy"><div class="istio-tab-bar" role="tablist"><button type="button" role="tab" class="istio-tab-button" data-tab-index="0" data-category-value="opa-same" aria-selected="true">Deploy OPA in the same pod</button>' +
          '<button type="button" role="tab" class="istio-tab-button" data-tab-index="1" data-category-value="opa-standalone" aria-selected="false">Deploy OPA in a separate pod</button></div>\n' +
          '<section class="istio-tab" data-tab-index="0" role="tabpanel"><div class="istio-tab-title">Deploy OPA in the same pod</div>\n',
      ),
    );
    // Seven tabsets, all of the category opa-deploy: choosing a tab in one chooses it in all (media/preview.js).
    assert.equal(html.split('<div class="istio-tabset" data-category-name="opa-deploy">').length - 1, 7);
    assert.equal(html.split('<section class="istio-tab"').length - 1, 14);
    assert.deepEqual(errorsIn(html), []);
  });

  it('text inside a tabset but outside its tabs is shown dimmed, labelled as dropped by the site', () => {
    const text = '{{< tabset category-name="x" >}}\n\nStray words.\n\n{{< tab name="One" category-value="one" >}}\nFirst.\n{{< /tab >}}\n\n{{< /tabset >}}\n';
    const html = renderSample('content/en/blog/2021/better-external-authz/index.md', { text });
    assert.equal(
      html,
      '<div class="istio-tabset" data-category-name="x"><div class="istio-tab-bar" role="tablist"><button type="button" role="tab" class="istio-tab-button" data-tab-index="0" data-category-value="one" aria-selected="true">One</button></div>\n' +
        '<div class="istio-dropped"><div class="istio-dropped-label">Not shown on istio.io: text inside a tabset but outside its tabs is dropped.</div>\n<p>Stray words.</p>\n</div>\n' +
        '<section class="istio-tab" data-tab-index="0" role="tabpanel"><div class="istio-tab-title">One</div>\n<p>First.</p>\n</section>\n</div>\n',
    );
  });

  it('a tabset indented in a list item, with an indented text block in a tab', () => {
    const text = [
      '1. Pick one:',
      '',
      '    {{< tabset category-name="install" >}}',
      '',
      '    {{< tab name="istioctl" category-value="istioctl" >}}',
      '',
      '    {{< text bash >}}',
      '    $ istioctl install',
      '    {{< /text >}}',
      '',
      '    {{< /tab >}}',
      '',
      '    {{< /tabset >}}',
      '',
    ].join('\n');
    const html = renderSample('content/en/blog/2021/better-external-authz/index.md', { text });
    assert.ok(html.startsWith('<ol>\n<li>\n<p>Pick one:</p>\n<div class="istio-tabset" data-category-name="install">'), html);
    assert.ok(
      html.includes(
        '<pre class="istio-text hljs" data-syntax="bash"><code class="language-bash"><span class="istio-command"><span class="istio-prompt" aria-hidden="true">$ </span><span data-hl="bash">istioctl install</span></span></code></pre>',
      ),
    );
    assert.deepEqual(errorsIn(html), []);
  });

  it('a tab outside any tabset: drawn, with the site\'s build error', () => {
    const html = renderSample('content/en/blog/2021/better-external-authz/index.md', { text: '{{< tab name="Alone" >}}\nText.\n{{< /tab >}}\n' });
    assert.deepEqual(errorsIn(html), ['Missing surrounding tabset for tab: the site&#39;s build fails.']);
  });
});

describe('preview: text blocks', () => {
  it('en 2019/data-plane-setup: bash with yaml output, indentation of a list item stripped', () => {
    const html = renderSample('content/en/blog/2019/data-plane-setup/index.md');
    assert.ok(
      html.includes(
        '<pre class="istio-text hljs" data-syntax="bash"><code class="language-bash"><span class="istio-command"><span class="istio-prompt" aria-hidden="true">$ </span><span data-hl="bash">kubectl -n istio-system get configmap istio-sidecar-injector -o=jsonpath=\'{.data.config}\'</span></span>\n<span class="istio-output"><span data-hl="yaml">SNIPPET from the output:\n',
      ),
    );
    // In the list: written indented by 4, shown without it.
    assert.ok(html.includes('<li>\n<p>Create <code>inject-config.yaml</code> and <code>mesh-config.yaml</code> from the configmaps</p>\n<pre class="istio-text hljs" data-syntax="bash"><code class="language-bash"><span class="istio-command"><span class="istio-prompt" aria-hidden="true">$ </span><span data-hl="bash">kubectl -n istio-system get configmap istio-sidecar-injector'));
  });

  it('continuation lines stay with their command; output without outputis is plain; named syntax= works', () => {
    const text = '{{< text syntax=bash snip_id=none >}}\n$ kubectl apply \\\n    -f x.yaml\nserviceaccount/x created\n{{< /text >}}\n\n{{< text yaml >}}\nkind: Pod\n{{< /text >}}\n';
    const html = renderSample('content/en/blog/2019/data-plane-setup/index.md', { text });
    assert.equal(
      html,
      '<pre class="istio-text hljs" data-syntax="bash"><code class="language-bash"><span class="istio-command"><span class="istio-prompt" aria-hidden="true">$ </span><span data-hl="bash">kubectl apply \\\n    -f x.yaml</span></span>\n<span class="istio-output">serviceaccount/x created</span></code></pre>\n' +
        '<pre class="istio-text hljs" data-syntax="yaml"><code class="language-yaml"><span data-hl="yaml">kind: Pod</span></code></pre>\n',
    );
  });

  it('en 2021/better-external-authz: a here-document belongs to its command (highlighted as bash, not output)', () => {
    const html = renderSample('content/en/blog/2021/better-external-authz/index.md');
    assert.ok(
      html.includes('<span class="istio-command"><span class="istio-prompt" aria-hidden="true">$ </span><span data-hl="bash">kubectl apply -f - &lt;&lt;EOF\napiVersion: v1\nkind: Service\n'),
    );
    assert.ok(html.includes('      secretName: opa-policy\nEOF</span></span></code></pre>'));
  });

  it('a mermaid diagram shows its source as a mermaid code block', () => {
    const html = renderSample('content/en/blog/2021/better-external-authz/index.md', { text: '{{< mermaid >}}\ngraph LR\n  A --> B\n{{< /mermaid >}}\n' });
    assert.equal(html, '<pre class="istio-text hljs" data-syntax="mermaid"><code class="language-mermaid"><span data-hl="mermaid">graph LR\n  A --&gt; B</span></code></pre>\n');
  });

  it('shortcodes inside are processed (github_file), escaped ones show literally, @path@ links to GitHub', () => {
    const text = '{{< text plain >}}\n{{< github_file >}}/samples/curl/curl.yaml\n{{</* tip */>}}\nsee @samples/curl/curl.yaml@\n{{< /text >}}\n';
    const html = renderSample('content/en/blog/2024/authz-policy-with-kyverno/index.md', { text });
    assert.equal(
      html,
      '<pre class="istio-text hljs" data-syntax="plain"><code class="language-plain">https://raw.githubusercontent.com/istio/istio/master/samples/curl/curl.yaml\n{{&lt; tip &gt;}}\n' +
        'see <a href="https://github.com/istio/istio/blob/master/samples/curl/curl.yaml">samples/curl/curl.yaml</a></code></pre>\n',
    );
  });
});

describe('preview: gloss', () => {
  it('en 2019/performance-best-practices: {{<gloss>}}Envoy{{</gloss>}} with its definition from the glossary as a hover', () => {
    const html = renderSample('content/en/blog/2019/performance-best-practices/index.md');
    assert.ok(
      html.includes(
        'the <span class="istio-gloss" tabindex="0" title="Envoy: The high-performance proxy that Istio uses to mediate inbound and outbound traffic for all services in the service mesh. Learn more about Envoy.">Envoy</span> proxies',
      ),
    );
  });

  it('uk 2024/ambient-reaches-beta: the localized entry (pos0) matches the uk title case-insensitively', () => {
    const html = renderSample('content/uk/blog/2024/ambient-reaches-beta/index.md');
    assert.match(html, /<span class="istio-gloss" tabindex="0" title="Панель даних: Панель даних — це частина mesh[^"]*">панелі даних<\/span>/);
  });

  it('an unknown term in a full checkout (hugo.toml at the root): a labelled error badge and the term', () => {
    const html = renderSample('content/en/blog/2019/performance-best-practices/index.md', { text: 'The {{< gloss >}}Envoys{{< /gloss >}} run.\n', overrides: { 'hugo.toml': '' } });
    assert.equal(
      html,
      '<p>The <span class="istio-error-badge" role="note"><span class="istio-error-label">Istio preview</span> No glossary term titled &quot;Envoys&quot; in content/en/docs/reference/glossary/.</span><span class="istio-gloss istio-gloss-unknown">Envoys</span> run.</p>\n',
    );
  });

  it('an unknown term in an excerpt of the site (no Hugo configuration): a note, not an error, as the server stays silent', () => {
    const html = renderSample('content/en/blog/2019/performance-best-practices/index.md', { text: 'The {{< gloss >}}Envoys{{< /gloss >}} run.\n' });
    assert.equal(
      html,
      '<p>The <span class="istio-note-badge" role="note"><span class="istio-error-label">Istio preview</span> The glossary term &quot;Envoys&quot; is not in this checkout of the site (no Hugo configuration at its root, so it is treated as an excerpt of content/).</span><span class="istio-gloss istio-gloss-unknown">Envoys</span> run.</p>\n',
    );
  });
});

describe('preview: boilerplate', () => {
  it('en 2020/proxy-cert: experimental-feature-warning inlined from content/en/boilerplates, rendered as Markdown', () => {
    const html = renderSample('content/en/blog/2020/proxy-cert/index.md');
    assert.ok(
      html.includes(
        '<div class="istio-boilerplate" title="boilerplate: experimental-feature-warning">\n<div class="istio-callout istio-callout-warning"><div class="istio-callout-label"><span class="istio-callout-icon" aria-hidden="true">' + calloutIcon('warning') + '</span>Warning</div><div class="istio-callout-body">\n<p>The following information describes an experimental feature, which is intended\nfor evaluation purposes only.</p>\n</div></div>\n</div>\n',
      ),
    );
  });

  it('a missing boilerplate: an error box in a full checkout, a note in an excerpt', () => {
    const html = renderSample('content/en/blog/2020/proxy-cert/index.md', { text: '{{< boilerplate alpah >}}\n', overrides: { 'hugo.toml': '' } });
    assert.equal(html, '<div class="istio-error" role="note"><span class="istio-error-label">Istio preview</span> Boilerplate &quot;alpah&quot; was not found in content/en/boilerplates/.</div>\n');
    const excerpt = renderSample('content/en/blog/2020/proxy-cert/index.md', { text: '{{< boilerplate alpah >}}\n' });
    assert.equal(
      excerpt,
      '<div class="istio-placeholder" role="note"><span class="istio-error-label">Istio preview</span> Boilerplate &quot;alpah&quot; is not in this checkout of the site (no Hugo configuration at its root, so it is treated as an excerpt of content/).</div>\n',
    );
  });

  it('a boilerplate including itself stops with an error box', () => {
    const html = renderSample('content/en/blog/2020/proxy-cert/index.md', {
      overrides: { 'content/en/boilerplates/loop.md': '---\n---\nBefore.\n\n{{< boilerplate loop >}}\n' },
      text: '{{< boilerplate loop >}}\n',
    });
    assert.deepEqual(errorsIn(html), ['Boilerplate &quot;loop&quot; includes itself (loop → loop).']);
    assert.ok(html.includes('<p>Before.</p>'));
  });
});

describe('preview: value shortcodes', () => {
  it('en 2017/adapter-model: [here]({{< github_tree >}}/samples/bookinfo) becomes a real link', () => {
    const html = renderSample('content/en/blog/2017/adapter-model/index.md');
    assert.ok(html.includes('<a href="https://github.com/istio/istio/tree/master/samples/bookinfo">here</a>'));
  });

  it('the branch and versions come from data/args.yml when the site has one', () => {
    const html = renderSample('content/en/blog/2022/getting-started-gtwapi/index.md', {
      overrides: { 'data/args.yml': 'source_branch_name: release-1.27\nfull_version: "1.27.3"\nk8s_gateway_api_version: "v1.3.0"\n' },
      text: '[x]({{< github_tree >}}/samples/httpbin) {{< istio_full_version >}} {{< istioctl >}}\n',
    });
    assert.equal(html, '<p><a href="https://github.com/istio/istio/tree/release-1.27/samples/httpbin">x</a> 1.27.3 istioctl</p>\n');
  });
});

describe('preview: headings', () => {
  it('zh 2018/aws-nlb: the {#english-anchor} of a translated heading is not printed', () => {
    const html = renderSample('content/zh/blog/2018/aws-nlb/index.md');
    assert.ok(html.includes('<h2>重写 Istio Ingress 服务</h2>'), html);
    assert.ok(!html.includes('{#'));
  });
});

describe('preview: frontmatter header', () => {
  it('en 2022/get-started-ambient: title, date (with time and offset) and attribution, description', () => {
    const html = renderSample('content/en/blog/2022/get-started-ambient/index.md');
    assert.ok(html.startsWith('<header class="istio-page-header"><h1 class="istio-page-title">Get Started with Istio Ambient Mesh</h1><p class="istio-page-byline">Sep 7, 2022 | '), html.slice(0, 300));
  });

  it('outside a content tree: VS Code\'s own front_matter rule decides (none here: nothing)', () => {
    const html = renderSample('content/en/blog/2022/get-started-ambient/index.md', { text: '---\ntitle: Hello\n---\n\nBody.\n' });
    assert.ok(html.startsWith('<header'));
    const outside = previewOutside('---\ntitle: Hello\n---\n\nBody.\n');
    assert.equal(outside, '<p>Body.</p>\n');
  });

  it('outside a content tree, what the preview cannot draw stays text: no istio.io error boxes in a README', () => {
    const text = '{{< nosuch >}}\n\nGo templates: {{< bogus >}} and {{< /stray >}} here.\n\n{{< tip >}}\nStill a tip.\n{{< /tip >}}\n';
    assert.equal(
      previewOutside(text),
      '<p>{{&lt; nosuch &gt;}}</p>\n<p>Go templates: {{&lt; bogus &gt;}} and {{&lt; /stray &gt;}} here.</p>\n' +
        '<div class="istio-callout istio-callout-tip"><div class="istio-callout-label"><span class="istio-callout-icon" aria-hidden="true">' + calloutIcon('tip') + '</span>Tip</div><div class="istio-callout-body">\n<p>Still a tip.</p>\n</div></div>\n',
    );
    // The same text in a page of the site: labelled boxes and badges.
    const inSite = renderSample('content/en/blog/2022/get-started-ambient/index.md', { text });
    assert.equal(errorsIn(inSite).length, 3, inSite);
  });

  it('broken YAML: an error box with the source, and the page still renders', () => {
    const html = renderSample('content/en/blog/2022/get-started-ambient/index.md', { text: '---\ntitle: "unclosed\ndate: [1,\n---\n\nBody.\n' });
    assert.match(html, /^<div class="istio-error" role="note"><span class="istio-error-label">Istio preview<\/span> The frontmatter is not valid YAML: /);
    assert.ok(html.endsWith('<p>Body.</p>\n'));
  });
});

function previewOutside(text: string): string {
  const fs = new MemoryFileSystem({ '/notes/readme.md': text });
  return previewMd(fs).render(text, { currentDocument: '/notes/readme.md' });
}
