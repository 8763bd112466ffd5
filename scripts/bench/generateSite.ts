/**
 * Generates a site shaped like the real istio.io tree (a full checkout, `hugo.toml` at the root) from the real pages
 * of the sample site (test/fixtures/istio-sample): istio.io's page counts per language, size, links, shortcode tags,
 * aliases, glossary, boilerplates and translations, and about as many genuinely broken page links and anchor
 * warnings as the real tree has. Every page's prose is a real page's text; only its internal links are re-aimed at
 * pages of the generated site (the sample's links point at pages outside the excerpt). See docs/performance.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Prng } from '../../test/support/prng';
import catalog from '../../server/data/shortcodes.json';
import { LanguageService, MemoryFileSystem, urlize } from '../../server/engine';
import { ISTIO_DISABLE_ALIASES, ISTIO_OUTPUT_TABLES, ISTIO_STATIC_DIR } from '../../test/support/istioHugoToml';

const SAMPLE = path.resolve(__dirname, '../../test/fixtures/istio-sample');

/** The real tree's shape (istio/istio.io, measured; see ../shared/reference/istio-site.md and issue 15). */
export const REAL_SHAPE = {
  pages: { en: 1120, zh: 1048, uk: 496, es: 1 } as Record<string, number>,
  bytes: 11_800_000,
  links: 15_950,
  shortcodes: 25_470,
  brokenPageLinks: 147,
  anchorWarnings: 280,
};
/** istio.io's largest page is 63 kB. */
const LARGEST_BYTES = 64_000;
/** Share of bundle pages that keep their images (istio.io: ≈1,100 non-Markdown files beside 2,665 pages). */
const WITH_IMAGES = 0.25;
/** Share of internal links that carry a `#fragment` (the sample: about one in five). */
const ANCHOR_SHARE = 0.2;
/** Share of pages with `aliases:` (istio.io docs: 141 of 388). */
const ALIAS_SHARE = 0.3;
/** Share of links that go through an alias (old URL) instead of the page's URL. */
const ALIAS_LINK_SHARE = 0.03;
/** uk pages link the English pages unprefixed (as on istio.io); this share links uk pages with `/uk/`. */
const UK_PREFIXED = 0.15;
/** Pages that use a boilerplate (istio.io: 403 uses in 2,665 pages). */
const BOILERPLATE_SHARE = 0.15;
/** Share of external links written as plain text, and mean count of `text` blocks added a page (see pageText). */
const DROP_EXTERNAL = 0.39;
const TEXT_BLOCKS = 2.9;
const EXTERNAL_LINK = /(?<!!)\[([^\]\n]*)\]\(https?:\/\/(?!istio\.io\/latest)[^)\s]+\)/g;
const COMMANDS = ['kubectl get pods -n istio-system', 'istioctl install --set profile=demo -y', 'kubectl label namespace default istio-injection=enabled', 'istioctl analyze'];
/** Mean size of a page's body beyond its first 600 characters, tuned so that the site comes to istio.io's 11.8 MB. */
const SIZE_MEAN = 3050;

/** istio.io's boilerplate names (41 per language in en and zh; uk lacks test-0..3). */
const BOILERPLATES = [
  'security-vulnerability', 'gateway-api-support', 'trace-generation', 'work-in-progress', 'alpha', 'beta',
  'experimental-feature-warning', 'start-httpbin-service', 'start-sleep-service', 'start-curl-service', 'before-you-begin-egress',
  'gateway-api-install-crds', 'gateway-api-remove-crds', 'gateway-api-future', 'gateway-api-choose', 'ambient-alpha-warning',
  'helm-preamble', 'helm-prereqs', 'helm-hub-tag', 'istioctl-install', 'istioctl-uninstall', 'kiali-install', 'prometheus-install',
  'grafana-install', 'jaeger-install', 'zipkin-install', 'deprecated-feature-warning', 'https-strict-sni', 'dns-proxy-coverage',
  'ambient-not-supported', 'sidecar-only', 'multicluster-prereqs', 'revision-tags-preamble', 'revision-tags-middle',
  'revision-tags-prologue', 'endpoint-cleanup', 'mtls-migration', 'test-0', 'test-1', 'test-2', 'test-3',
];
/** Glossary terms (61 per language); titles match what the sample's `gloss` tags name. */
const GLOSSARY = [
  'Ambient', 'Sidecar', 'ztunnel', 'Data Plane', 'Envoy', 'Control Plane', 'Service', 'Service Mesh', 'Workload', 'Waypoint',
  'Cluster', 'Multicluster', 'Mutual TLS Authentication', 'CRDs', 'Destination', 'Identity', 'Istiod', 'Mesh', 'Namespace',
  'Network', 'Operator', 'Pod', 'Secure Naming', 'Service Consumer', 'Service Endpoint', 'Service Name', 'Service Operator',
  'Service Producer', 'Service Registry', 'Service Version', 'Source', 'Trust Domain', 'Workload ID', 'Workload Instance',
  'Workload Instance Principal', 'Workload Name', 'Workload Principal', 'Adapters', 'Attribute', 'Auto mTLS', 'Config Store',
  'Datapath', 'Downstream', 'Egress Gateway', 'Gateway', 'HBONE', 'Ingress Gateway', 'Istio Agent', 'Managed Control Plane',
  'Mesh Federation', 'Multi-Mesh', 'Primary Cluster', 'Remote Cluster', 'Revision', 'Secure Overlay', 'Service Account',
  'SPIFFE', 'Telemetry', 'Upstream', 'Virtual Service', 'Zero Trust',
];
/** uk's glossary titles are localized (the sample's uk pages write `{{< gloss "панель даних" >}}`). */
const UK_TITLES: Record<string, string> = { 'Data Plane': 'Панель даних', Cluster: 'Кластер' };

const DOCS_AREAS = ['concepts', 'setup', 'tasks', 'ops', 'examples', 'ambient', 'reference'];
/**
 * istio.io's hugo.toml, abridged: the settings that decide the site's paths are the shared verbatim fixture
 * (test/support/istioHugoToml.ts); the languages add es, which the real site does not configure yet.
 */
const HUGO_TOML = `defaultContentLanguage = "en"
languageCode = "en-us"
metaDataFormat = "yaml"
title = "Istio"
baseurl = "https://istio.io/latest"
uglyURLs = false
canonifyURLs = true
disableKinds = ["taxonomy"]
buildFuture = true
enableGitInfo = true
${ISTIO_STATIC_DIR}${ISTIO_DISABLE_ALIASES}
[languages]
  [languages.zh]
    contentDir = "content/zh"
  [languages.en]
    contentDir = "content/en"
  [languages.uk]
    contentDir = "content/uk"
  [languages.es]
    contentDir = "content/es"

[markup]
  [markup.goldmark]
    [markup.goldmark.renderer]
      unsafe = true
    [markup.goldmark.parser]
      autoHeadingIDType = "github"
      [markup.goldmark.parser.attribute]
        block = true
    [markup.goldmark.extensions]
      definitionList = true
      footnote = true
      linkify = true
      linkifyProtocol = 'https'
      strikethrough = true
      table = true
      taskList = true
      typographer = true

${ISTIO_OUTPUT_TABLES}
[related]
    threshold = 80
    [[related.indices]]
        name = "keywords"
        weight = 150
`;

export interface SiteStats {
  readonly pages: number;
  readonly bytes: number;
  readonly images: number;
  readonly faults: number;
  readonly brokenLinks: number;
  readonly badAnchors: number;
  readonly largest: string;
  readonly largestBytes: number;
}

interface Template {
  readonly rel: string;
  readonly title: string;
  readonly description: string;
  readonly frontmatter: string;
  readonly body: string;
  readonly resources: readonly string[];
  readonly weight: number;
  /** The sample's own translation of this page, per language. */
  readonly translations: Map<string, { title: string; description: string; body: string }>;
}

interface Page {
  /** Path under content/<lang>/ (the same in every language). */
  readonly rel: string;
  readonly kind: 'blog' | 'news' | 'docs' | 'section' | 'boilerplate' | 'glossary' | 'headless';
  readonly template?: Template;
  readonly keepImages: boolean;
  readonly alias?: string;
  readonly boilerplate?: string;
  /** The body's size: the template is cut after the section (`## `) that reaches it. */
  readonly size: number;
  /** `text` blocks added (see pageText). */
  readonly blocks: number;
  /** Text per language before links are re-aimed. */
  readonly texts: Map<string, string>;
}

const FM = /^---\n([\s\S]*?)\n---\n/;
const IMAGE_TAG = /\{\{<\s*image\b[\s\S]*?>\}\}\n?/g;
const MD_IMAGE = /!\[[^\]\n]*\]\(\.?\/?[^)\s]+\)/g;
const field = (fm: string, key: string): string => (new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(fm)?.[1] ?? '').replace(/^"|"$/g, '').trim();

function templates(): Template[] {
  const out: Template[] = [];
  const root = path.join(SAMPLE, 'content/en');
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md') && e.name !== '_index.md') {
        const rel = path.relative(root, full);
        if (!rel.startsWith('blog/')) continue;
        const text = fs.readFileSync(full, 'utf8');
        const fm = FM.exec(text)?.[1] ?? '';
        const translations = new Map<string, { title: string; description: string; body: string }>();
        for (const lang of ['zh', 'uk']) {
          const t = path.join(SAMPLE, 'content', lang, rel);
          if (!fs.existsSync(t)) continue;
          const tt = fs.readFileSync(t, 'utf8');
          const tfm = FM.exec(tt)?.[1] ?? '';
          translations.set(lang, { title: field(tfm, 'title'), description: field(tfm, 'description'), body: tt.replace(FM, '') });
        }
        const resources = e.name === 'index.md' ? entries.filter((r) => r.isFile() && !r.name.endsWith('.md')).map((r) => r.name) : [];
        // Favour small pages: most of istio.io's pages are short docs pages (4.4 KB on average).
        out.push({
          rel,
          title: field(fm, 'title'),
          description: field(fm, 'description') || 'A page of the site.',
          frontmatter: fm,
          body: text.replace(FM, ''),
          resources,
          weight: 1 / Math.pow(text.length, 0.35),
          translations,
        });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

function pickWeighted(rng: Prng, items: readonly Template[], total: number): Template {
  let r = rng.next() * total;
  for (const t of items) {
    r -= t.weight;
    if (r <= 0) return t;
  }
  return items[items.length - 1]!;
}

/** How many sections (a column-0 `## ` starts one) of `body` to keep for about `size` characters. */
function sectionsFor(body: string, size: number): number {
  return sectionStarts(body).findIndex((at) => at >= size) >>> 0;
}

/** `body` up to its `n`th section: a translation keeps as many sections as its English page. */
function truncate(body: string, n: number): string {
  const starts = sectionStarts(body);
  return n < starts.length ? body.slice(0, starts[n]) : body;
}

function sectionStarts(body: string): number[] {
  const out: number[] = [];
  let inText = false;
  let at = 0;
  for (const line of body.split('\n')) {
    if (/\{\{<\s*text\b/.test(line)) inText = !/\{\{<\s*\/text\s*>\}\}/.test(line);
    else if (/\{\{<\s*\/text\s*>\}\}/.test(line)) inText = false;
    if (!inText && at > 0 && /^##\s/.test(line)) out.push(at);
    at += line.length + 1;
  }
  return out;
}

/** A glossary term's file name (`Data Plane` → `data-plane`). */
const slug = (term: string): string => urlize(term);

const quote = (s: string): string => JSON.stringify(s);
const endStop = (s: string, lang: string): string => (/[.。]$/.test(s) ? s : s + (lang === 'zh' ? '。' : '.'));

/** The page's frontmatter for its section, from its template's title and description. */
function frontmatter(page: Page, lang: string, i: number): string {
  const t = page.template!;
  const tr = lang === 'en' ? undefined : t.translations.get(lang);
  const title = tr?.title || t.title;
  const description = endStop(tr?.description || t.description, lang);
  const alias = page.alias ? `aliases:\n  - ${lang === 'en' ? '' : `/${lang}`}${page.alias}\n` : '';
  if (page.kind === 'blog') {
    // The template's own frontmatter (a real blog post's), with a translated title.
    let fm = t.frontmatter.replace(/^aliases:\n(?:\s+-.*\n?)*/m, '').replace(/^title:.*$/m, `title: ${quote(title)}`);
    if (!/^description:/m.test(fm)) fm += `\ndescription: ${quote(description)}`;
    return `---\n${fm.trimEnd()}\n${alias}---\n`;
  }
  if (page.kind === 'news') {
    return `---\ntitle: ${quote(title)}\ndescription: ${quote(description)}\npublishdate: 2024-0${1 + (i % 9)}-1${i % 9}\nattribution: The Istio Team\n${alias}---\n`;
  }
  const owner = lang === 'en' ? 'owner: istio/wg-docs-maintainers\n' : '';
  return `---\ntitle: ${quote(title)}\ndescription: ${quote(description)}\nweight: ${10 + (i % 9) * 10}\nkeywords: [istio,bench]\n${owner}test: n/a\n${alias}---\n`;
}

/** The engine's own parse (through its entry), for the heading ids links may land on. */
const engine = new LanguageService({ fs: new MemoryFileSystem({}) });

/** The ids of a page's headings, as Hugo makes them. */
function headingIds(text: string): string[] {
  return engine.documentModel(text, undefined).markdown.headings.map((h) => h.id);
}

/** A copied page's headings carry their English ids (`## Title {#title}`), as translators write them on istio.io. */
function withHeadingIds(text: string): string {
  let out = text;
  const headings = engine.documentModel(text, undefined).markdown.headings;
  // From the last heading up, so that the earlier offsets stay valid.
  for (const h of [...headings].reverse()) {
    if (h.explicitId || h.literalAttributes || h.unstableId || h.level > 3) continue;
    let end = out.indexOf('\n', h.range.start);
    if (end < 0) end = out.length;
    out = `${out.slice(0, end).trimEnd()} {#${h.id}}${out.slice(end)}`;
  }
  return out;
}

const url = (rel: string): string => {
  const p = rel.replace(/(^|\/)_?index\.md$/, '').replace(/\.md$/, '');
  return p === '' ? '/' : `/${p}/`;
};

/** Internal link targets of the sample (`/docs/…`, `/zh/…`, `../slug/`, `https://istio.io/latest/…`), not files. */
const INTERNAL = /^(?:\/(?!\/)|\.\.\/|https:\/\/istio\.io\/latest\/)(?![^#?]*\.(?:png|svg|jpe?g|gif|pdf|ya?ml|txt|sh)(?:[#?]|$))/;
const LINK = /(\]\()([^)\s]+)((?:\s+"[^"]*")?\))/g;

export function generateSite(root: string, seed = 2700): SiteStats {
  const rng = new Prng(seed);
  const ts = templates();
  const total = ts.reduce((a, t) => a + t.weight, 0);
  const counts = REAL_SHAPE.pages;
  const pages: Page[] = [];
  const add = (p: Omit<Page, 'texts' | 'keepImages' | 'size' | 'blocks'> & { keepImages?: boolean }): Page => {
    // Page sizes as on istio.io: most pages short, a few long (4.4 kB on average).
    const page = { keepImages: false, size: 600 + Math.round(-Math.log(1 - rng.next()) * SIZE_MEAN), blocks: Math.floor(rng.next() * 2 * TEXT_BLOCKS), ...p, texts: new Map<string, string>() };
    pages.push(page);
    return page;
  };

  // Structure: sections, the headless boilerplate and glossary bundles.
  const sections = [
    '_index.md', 'blog/_index.md', ...[2017, 2018, 2019, 2020, 2021, 2022].map((y) => `blog/${y}/_index.md`), 'docs/_index.md',
    ...DOCS_AREAS.map((a) => `docs/${a}/_index.md`), 'news/_index.md', 'news/releases/_index.md', 'news/security/_index.md',
    'about/_index.md', 'get-involved/_index.md', 'events/_index.md',
  ];
  for (const rel of sections) add({ rel, kind: 'section', template: ts[pages.length % ts.length] });
  add({ rel: 'boilerplates/index.md', kind: 'headless' });
  for (const name of BOILERPLATES) add({ rel: `boilerplates/${name}.md`, kind: 'boilerplate' });
  add({ rel: 'docs/reference/glossary/index.md', kind: 'headless' });
  for (const term of GLOSSARY) add({ rel: `docs/reference/glossary/${slug(term)}.md`, kind: 'glossary' });

  // Content pages: blog posts (bundles), news and docs (bundles and single files), until en has its count.
  const structural = pages.length;
  for (let i = 0; pages.length < counts.en! - 1; i++) {
    const t = pickWeighted(rng, ts, total);
    const r = rng.next();
    const slug = path.basename(t.rel === 'index.md' ? t.rel : t.rel.replace(/\/index\.md$|\.md$/, '')) + `-g${i}`;
    const kind = r < 0.15 ? 'blog' : r < 0.45 ? 'news' : 'docs';
    const single = kind !== 'blog' && rng.chance(0.3);
    const dir = kind === 'blog' ? path.dirname(t.rel) : kind === 'news' ? `news/releases/1.${20 + (i % 8)}.x` : `docs/${rng.pick(DOCS_AREAS)}`;
    const rel = single ? `${dir}/${slug}.md` : `${dir}/${slug}/index.md`;
    add({
      rel,
      kind,
      template: t,
      keepImages: !single && t.resources.length > 0 && rng.chance(WITH_IMAGES),
      ...(kind !== 'blog' && rng.chance(ALIAS_SHARE) ? { alias: `/docs/old/${slug}/` } : {}),
      ...(rng.chance(BOILERPLATE_SHARE) ? { boilerplate: rng.pick(BOILERPLATES.slice(0, 30)) } : {}),
    });
  }
  const contentPages = pages.slice(structural);

  // Which pages each language has: every translation has its English page (zh: all but the last few; uk: the
  // sections, glossary, 37 boilerplates, then the newest pages; es: one page).
  const has = new Map<string, Set<Page>>();
  has.set('en', new Set(pages));
  const zh = new Set(pages.slice(0, counts.zh!));
  has.set('zh', zh);
  const uk = new Set<Page>(pages.filter((p) => p.kind !== 'boilerplate' || !p.rel.includes('/test-')));
  for (const p of [...uk].reverse()) if (uk.size > counts.uk! && p.kind !== 'section' && p.kind !== 'headless' && p.kind !== 'glossary' && p.kind !== 'boilerplate') uk.delete(p);
  has.set('uk', uk);
  has.set('es', new Set([pages[0]!]));

  // Texts, before links are re-aimed.
  for (const [lang, set] of has) {
    for (const [i, page] of pages.entries()) {
      if (!set.has(page)) continue;
      page.texts.set(lang, pageText(rng, page, lang, i));
    }
  }

  // Heading ids of every page in every language, for anchors that resolve.
  const ids = new Map<string, string[]>();
  for (const page of pages) for (const [lang, text] of page.texts) ids.set(`${lang}:${page.rel}`, headingIds(text));
  const linkable = contentPages.filter((p) => p.kind !== 'boilerplate');
  const targetIn = (lang: string): { page: Page; lang: string } => {
    const set = has.get(lang)!;
    for (;;) {
      const p = rng.pick(linkable);
      if (set.has(p)) return { page: p, lang };
    }
  };

  // Re-aim the internal links; remember each so that the faults can be planted in real links.
  interface Planted { page: Page; lang: string; index: number }
  const aimed: Planted[] = [];
  const finalTexts = new Map<string, string>();
  for (const page of pages) {
    for (const [lang, text] of page.texts) {
      let index = 0;
      const out = text
        .split('\n')
        .map((line) => {
          if (/^#{1,6}\s/.test(line)) return line;
          return line.replace(LINK, (whole, open: string, target: string, close: string) => {
            if (!INTERNAL.test(target)) return whole;
            const linkLang = lang === 'zh' ? 'zh' : lang === 'uk' && rng.chance(UK_PREFIXED) ? 'uk' : lang === 'en' && rng.chance(0.02) ? 'zh' : 'en';
            const to = targetIn(linkLang);
            const prefix = linkLang === 'en' ? '' : `/${linkLang}`;
            let href = prefix + (to.page.alias && rng.chance(ALIAS_LINK_SHARE * 10) && linkLang === 'en' ? to.page.alias : url(to.page.rel));
            const anchors = ids.get(`${linkLang}:${to.page.rel}`) ?? [];
            if (anchors.length > 0 && rng.chance(ANCHOR_SHARE)) href += `#${rng.pick(anchors)}`;
            aimed.push({ page, lang, index: index++ });
            return `${open}@@LINK${index - 1}@@${href}${close}`;
          });
        })
        .join('\n');
      finalTexts.set(`${lang}:${page.rel}`, out);
    }
  }
  // Faults: broken page links and anchors no heading has, in links chosen at random.
  const broken = new Set<string>();
  const badAnchor = new Set<string>();
  while (broken.size < REAL_SHAPE.brokenPageLinks) {
    const a = rng.pick(aimed);
    broken.add(`${a.lang}:${a.page.rel}:${a.index}`);
  }
  while (badAnchor.size < REAL_SHAPE.anchorWarnings) {
    const a = rng.pick(aimed);
    const key = `${a.lang}:${a.page.rel}:${a.index}`;
    if (!broken.has(key)) badAnchor.add(key);
  }

  let bytes = 0;
  let images = 0;
  let written = 0;
  let faults = 0;
  for (const page of pages) {
    for (const lang of page.texts.keys()) {
      const key = `${lang}:${page.rel}`;
      const text = finalTexts.get(key)!.replace(/@@LINK(\d+)@@([^)\s#]*)(#[^)\s]*)?/g, (_, n: string, href: string, anchor: string | undefined) => {
        const k = `${key}:${n}`;
        if (broken.has(k)) return href.replace(/\/([^/]+)\/$/, '/$1-removed/') + (anchor ?? '');
        if (badAnchor.has(k)) return `${href}#section-${n}-that-moved`;
        return href + (anchor ?? '');
      });
      const target = path.join(root, 'content', lang, page.rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      written++;
      bytes += Buffer.byteLength(text);
      if (page.keepImages && page.template) {
        for (const r of page.template.resources) {
          fs.writeFileSync(path.join(path.dirname(target), r), '');
          images++;
        }
      }
    }
  }
  faults += plantSyntaxFaults(root, rng, pages);

  // istio.io's largest page (63 KB): whole bodies of real English pages one after another.
  const largest = path.join(root, 'content/en/docs/reference/largest/index.md');
  const large = largestPage(ts);
  fs.mkdirSync(path.dirname(largest), { recursive: true });
  fs.writeFileSync(largest, large);
  bytes += Buffer.byteLength(large);
  written++;

  // The rest of a full checkout: hugo.toml, the shortcode templates (names only), the static dirs.
  fs.writeFileSync(path.join(root, 'hugo.toml'), HUGO_TOML);
  fs.mkdirSync(path.join(root, 'layouts/shortcodes'), { recursive: true });
  for (const name of fs.readFileSync(path.join(SAMPLE, 'layouts-shortcodes.txt'), 'utf8').split('\n').filter(Boolean)) {
    fs.writeFileSync(path.join(root, 'layouts/shortcodes', path.basename(name)), shortcodeTemplate(path.basename(name, '.html')));
  }
  // istio.io's lint files (the sample's copies): with them the make-lint checks (spelling, mdl) are on, as on istio.io.
  for (const f of ['.spelling', 'mdl.rb']) fs.copyFileSync(path.join(SAMPLE, f), path.join(root, f));
  fs.mkdirSync(path.join(root, 'static'), { recursive: true });
  fs.mkdirSync(path.join(root, 'generated'), { recursive: true });
  return { pages: written, bytes, images, faults, brokenLinks: broken.size, badAnchors: badAnchor.size, largest, largestBytes: Buffer.byteLength(large) };
}

function pageText(rng: Prng, page: Page, lang: string, i: number): string {
  if (page.kind === 'headless') {
    return page.rel.startsWith('boilerplates')
      ? '---\nheadless: true\n---\n\nThis file tells Hugo that the files in this directory tree shouldn\'t be rendered as normal pages on the site.\n'
      : `---\ntitle: Glossary\ndescription: A glossary of common Istio terms.\nweight: 30\nlayout: glossary\naliases:\n  - ${lang === 'en' ? '' : `/${lang}`}/glossary\nowner: istio/wg-docs-maintainers\ntest: n/a\n---\n`;
  }
  if (page.kind === 'boilerplate') {
    return `---\n---\n{{< warning >}}\nThis is the ${path.basename(page.rel, '.md')} boilerplate: read [the concepts](/docs/concepts/) first.\n{{< /warning >}}\n`;
  }
  if (page.kind === 'glossary') {
    const en = GLOSSARY.find((t) => slug(t) === path.basename(page.rel, '.md'))!;
    const title = lang === 'uk' ? (UK_TITLES[en] ?? en) : en;
    return `---\ntitle: ${title}\ntest: n/a\n---\n\nThe ${en} of the [service mesh](/docs/reference/glossary/#service-mesh), as the [Envoy](/docs/concepts/) proxies see it.\n`;
  }
  const t = page.template!;
  const tr = lang === 'en' ? undefined : t.translations.get(lang);
  let body = truncate(tr?.body ?? t.body, sectionsFor(t.body, page.size));
  if (!page.keepImages) body = body.replace(IMAGE_TAG, '').replace(MD_IMAGE, '');
  // Blog posts link out more, and use fewer shortcodes, than istio.io's docs and release notes: some external links
  // become plain text, and the commands docs pages show come in `text` blocks.
  body = body.replace(EXTERNAL_LINK, (whole, text: string) => (rng.chance(DROP_EXTERNAL) ? text : whole));
  const blocks = page.blocks;
  if (blocks > 0) body = body.trimEnd() + '\n\n## Check it\n' + Array.from({ length: blocks }, (_, k) => `\n{{< text bash >}}\n$ ${COMMANDS[k % COMMANDS.length]}\n{{< /text >}}\n`).join('');
  // A page copied from English and not yet translated still carries the English ids, as translators add them.
  if (lang !== 'en') body = withHeadingIds(body);
  // uk writes its localized glossary titles.
  if (lang === 'uk') body = body.replace(/\{\{< ?gloss ?>\}\}data plane/gi, '{{< gloss "панель даних" >}}data plane');
  if (page.boilerplate) body = `\n{{< boilerplate ${page.boilerplate} >}}\n${body}`;
  if (page.kind === 'section') {
    const title = page.rel === '_index.md' ? 'Istio' : path.basename(path.dirname(page.rel));
    if (page.rel.startsWith('blog/')) return `---\ntitle: ${quote(title)}\ndescription: ${quote('Posts of the Istio blog.')}\nweight: 10\n---\n`;
    return `---\ntitle: ${quote(title)}\ndescription: ${quote(`The ${title} section.`)}\nweight: 10\n---\n` + body;
  }
  // Images and sections taken out leave blank lines behind: istio.io's lint (mdl MD012) allows one at a time.
  return frontmatter(page, lang, i) + body.replace(/\n{3,}/g, '\n\n');
}

/** A few syntax faults (an unclosed callout, a broken shortcode opening), as in the real tree's history. */
function plantSyntaxFaults(root: string, rng: Prng, pages: readonly Page[]): number {
  let faults = 0;
  const kinds: Array<(t: string) => string | undefined> = [
    (t) => (t.includes('{{< /tip >}}') ? t.replace('{{< /tip >}}', '') : undefined),
    (t) => (t.includes('{{< text') ? t.replace('{{< text', '{< text') : undefined),
  ];
  for (let tries = 0; faults < 6 && tries < 1000; tries++) {
    const page = rng.pick(pages);
    const file = path.join(root, 'content/en', page.rel);
    if (page.kind !== 'docs' || !fs.existsSync(file)) continue;
    const changed = rng.pick(kinds)(fs.readFileSync(file, 'utf8'));
    if (changed === undefined) continue;
    fs.writeFileSync(file, changed);
    faults++;
  }
  return faults;
}

/**
 * A stand-in for istio.io's template of a shortcode (the corpus has only the names): what the engine reads of a
 * template (`.Get` of each parameter, `.Inner`), from the catalog in server/data/shortcodes.json.
 */
function shortcodeTemplate(name: string): string {
  const entry = (catalog.shortcodes as Record<string, { inner?: boolean; params?: Array<{ name?: string; position?: number }> }>)[name];
  if (!entry) return '<span></span>\n';
  const gets = (entry.params ?? []).flatMap((p) => [
    ...(p.position !== undefined ? [`{{ .Get ${p.position} }}`] : []),
    ...(p.name !== undefined ? [`{{ .Get ${quote(p.name)} }}`] : []),
  ]);
  return [...gets, entry.inner ? '{{ .Inner }}' : ''].join('\n') + '\n';
}

function largestPage(ts: readonly Template[]): string {
  const strip = (b: string): string => b.replace(IMAGE_TAG, '').replace(MD_IMAGE, '').replace(LINK, (w, o: string, t: string, c: string) => (INTERNAL.test(t) ? `${o}/docs/concepts/${c}` : w));
  let large = '---\ntitle: The largest page\ndescription: Long reference page made of real pages.\nweight: 10\nkeywords: [bench]\nowner: istio/wg-docs-maintainers\ntest: n/a\n---\n';
  for (let i = 0; Buffer.byteLength(large) < LARGEST_BYTES; i++) large += `\n## Part ${i + 1}\n` + strip(ts[i % ts.length]!.body);
  large = Buffer.from(large).subarray(0, LARGEST_BYTES).toString('utf8');
  large = large.slice(0, large.lastIndexOf('\n## Part')) + '\n';
  // Top up with whole small pages to come close to the size without cutting a shortcode pair in two.
  for (const body of ts.map((t) => strip(t.body)).sort((a, b) => a.length - b.length)) {
    const part = `\n## More\n${body}`;
    if (Buffer.byteLength(large) + Buffer.byteLength(part) <= LARGEST_BYTES) large += part;
  }
  return large;
}

export interface SiteShape {
  readonly pagesByLanguage: Record<string, number>;
  readonly pages: number;
  readonly bytes: number;
  readonly links: number;
  readonly shortcodes: number;
  readonly hugoToml: boolean;
}

/**
 * The shape of any site, counted the way the issue counts the real tree: Markdown pages per language and their size,
 * Markdown links (`](`), shortcode tags (openings and closings, not the escaped examples).
 */
export function measureShape(root: string): SiteShape {
  const pagesByLanguage: Record<string, number> = {};
  let bytes = 0;
  let links = 0;
  let shortcodes = 0;
  const content = path.join(root, 'content');
  for (const file of markdownFiles(content)) {
    const text = fs.readFileSync(file, 'utf8');
    const lang = path.relative(content, file).split(path.sep)[0]!;
    pagesByLanguage[lang] = (pagesByLanguage[lang] ?? 0) + 1;
    bytes += Buffer.byteLength(text);
    shortcodes += (text.match(/\{\{[<%]\s*\/?\s*[A-Za-z_]/g) ?? []).length;
    links += (text.match(/\]\(/g) ?? []).length;
  }
  const pages = Object.values(pagesByLanguage).reduce((a, b) => a + b, 0);
  return { pagesByLanguage, pages, bytes, links, shortcodes, hugoToml: fs.existsSync(path.join(root, 'hugo.toml')) };
}

export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!['.git', 'node_modules', 'public', 'resources', 'archive'].includes(e.name)) walk(full);
      } else if (e.isFile() && e.name.endsWith('.md')) out.push(full);
    }
  };
  walk(dir);
  return out;
}
