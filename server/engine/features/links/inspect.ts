import type { Heading } from '../../parser/markdown';
import type { OffsetRange } from '../../parser/offsetRange';
import { ABSOLUTE_LINK_LINT, IMAGE_EXTENSIONS, LANGUAGE_PREFIX_LINT } from '../../site/linkRules';
import { hostPage } from '../../site/layoutAnchors';
import { pageFacts, type PageAnchors, type PageFacts } from '../../site/pageFacts';
import { basename, dirname } from '../../site/paths';
import { absentStaticDirs, servedFile, staticNamesNear } from '../../site/servedFiles';
import { pageUrl, resolveBundleReference, resolveImageLink, resolveLink, pageTarget, type PageTarget } from '../../site/resolve';
import { DEFAULT_LANGUAGE, type ContentLocation } from '../../site/siteLayout';
import type { SiteIndex } from '../../site/siteIndex';
import type { DiagnosticCode, Severity } from '../diagnostic';
import type { SiteDocumentContext } from '../documentContext';
import type { Fix } from '../quickFix';
import { copyFromSourceFix, replacementFixes } from './linkFixes';
import type { Reference } from './references';
import { didYouMean, NEAR_ANCHORS, nearFiles, SuggestionBudget } from '../didYouMean';

export interface LinkProblem {
  readonly code: DiagnosticCode;
  /** Set where the context calls for another severity than the catalog's (an image with `ratio`, a zh page not there yet). */
  readonly severity?: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly fixes?: readonly Fix[];
}

/** The codes of a missing or misspelt file, for images and for links to bundle files. */
const FILE_CODES = {
  image: { wrongCase: 'image.wrong-case', notTranslated: 'image.not-translated', notFound: 'image.not-found' },
  link: { wrongCase: 'link.file-wrong-case', notTranslated: 'link.file-not-translated', notFound: 'link.file-not-found' },
} as const satisfies Record<'image' | 'link', Record<string, DiagnosticCode>>;

/** What a reference leads to, and what is wrong with it. */
export interface Inspection {
  readonly ref: Reference;
  /** The existing file the reference opens: an image, a bundle file or the page's content file. */
  readonly file: string | undefined;
  /** For a page link with a `#fragment`: the heading it lands on. */
  readonly heading: Heading | undefined;
  /** For a page link: the target page's title. */
  readonly title: string | undefined;
  /** A page link that resolves nowhere in an excerpt of the site: not reported, but the hover says so. */
  readonly notInCheckout: boolean;
  /** Why a link that resolves nowhere is not reported, for the hover (an excerpt, static folders not there). */
  readonly notInCheckoutReason: string | undefined;
  readonly problems: readonly LinkProblem[];
}

/** Resolves one reference the way the site does and checks it against the site index. */
export function inspect(ctx: SiteDocumentContext, ref: Reference): Inspection {
  const out = new Inspector(ctx, ref);
  out.run();
  return { ref, file: out.file, heading: out.heading, title: out.title, notInCheckout: out.missing, notInCheckoutReason: out.missingReason, problems: out.problems };
}

class Inspector {
  file: string | undefined;
  heading: Heading | undefined;
  title: string | undefined;
  /** A page link that resolves nowhere in an excerpt of the site (not reported). */
  missing = false;
  missingReason: string | undefined;
  readonly problems: LinkProblem[] = [];
  private readonly site: SiteIndex;
  private readonly loc: ContentLocation;
  private readonly facts: PageFacts;
  /** For a page resource of a leaf bundle (a glossary term, an FAQ question): the bundle page it is rendered in. */
  private readonly host: string | undefined;
  /** Where the text is rendered, which relative links resolve against: the host page's URL for a page resource. */
  private readonly renderLoc: ContentLocation;

  constructor(
    private readonly ctx: SiteDocumentContext,
    private readonly ref: Reference,
  ) {
    this.site = ctx.site;
    this.loc = ctx.location;
    this.facts = pageFacts(this.site);
    ctx.dependsOn(`${dirname(ctx.path)}/index.md`);
    this.host = hostPage(this.site, ctx.path);
    this.renderLoc = this.host ? { ...this.loc, kind: 'bundle', relPath: `${this.loc.pageDir}/index.md` } : this.loc;
  }

  run(): void {
    const { ref } = this;
    const layout = this.site.layout;
    if (ref.kind === 'image-shortcode') {
      const r = resolveImageLink(layout, this.loc, ref.target);
      if (r.kind === 'external') {
        if (!ref.hasRatio) {
          this.problem('image.external-without-ratio', undefined, 'An external image needs `ratio="NN%"`: the site cannot measure it ("Must specify aspect ratio for external image reference").', ref.range);
        }
      } else if (r.kind === 'file') {
        if (this.missingLanguagePrefix(r.path)) return;
        // With `ratio` the template does not check the file, so the build passes; the page still shows a broken image.
        this.checkFile(r.path, undefined, 'image', ref.hasRatio ? 'warning' : 'error');
      }
      return;
    }
    if (ref.kind === 'social-image') {
      // The frontmatter feature reports a missing `social_image`; here it only opens.
      const r = resolveBundleReference(layout, this.loc, ref.target);
      if (r.kind === 'file' && this.site.exists(r.path)) this.file = r.path;
      return;
    }
    const r = resolveLink(layout, this.renderLoc, ref.target);
    switch (r.kind) {
      case 'skip':
        return;
      case 'istio-absolute': {
        // Only what the site's lint greps for: `(https://istio.io/…` as written (not the homepage without a path,
        // not www.istio.io, not a reference definition, which has no parenthesis).
        if (this.ctx.parsed.text[ref.range.start - 1] !== '(' || !ABSOLUTE_LINK_LINT.test(`(${ref.target}`)) return;
        const lang = this.loc.lang;
        const prefixed = lang !== DEFAULT_LANGUAGE && LANGUAGE_PREFIX_LINT.has(lang) && !r.rootRelative.startsWith(`/${lang}/`) ? `/${lang}${r.rootRelative}` : r.rootRelative;
        this.problem('link.absolute-istio-url', undefined, `Link to istio.io pages root-relative (\`${prefixed}\`): the site's lint rejects \`https://istio.io/…\` links except to \`/vX.Y/\` and \`/archive/\`.`, ref.range, replacementFixes('link.absolute-istio-url', [prefixed]));
        return;
      }
      case 'forbidden-host':
        this.problem('link.forbidden-host', undefined, `Links to \`${r.host}\` are rejected by the site's lint: link to the page on istio.io instead.`, ref.range);
        return;
      case 'anchor': {
        const own = this.facts.ownAnchors(this.ctx.path, this.ctx.parsed, this.ctx.catalog);
        // A page resource's text is part of its host page: `#x` is any id of that page, its own headings included.
        if (this.host) this.ctx.dependsOn(this.host);
        const hosted = this.host ? this.facts.anchorsOf(this.host) : undefined;
        const anchors = hosted ? mergedAnchors(own, hosted) : own;
        this.checkAnchor(anchors, r.fragment, hosted ? `\`${this.facts.entry(this.host!)?.url ?? 'its page'}\` (this file is shown inside that page)` : 'this page');
        // The merged headings are the resource's own first: the one found is its own when it has one with the id (a
        // search of the list for the found heading, per link, made a page of links to its last heading quadratic).
        if (this.heading) this.file = !hosted || headingWithId(own, r.fragment) ? this.ctx.path : this.host;
        return;
      }
      case 'file':
        this.checkFile(r.path, r.staticUrl, ref.kind === 'markdown-image' ? 'image' : 'link', 'error');
        return;
      case 'page':
        if (ref.kind === 'markdown-image') {
          this.checkFile(`${layout.contentDir}/${r.lang}/${r.urlPath}`, undefined, 'image', 'error');
          return;
        }
        this.checkPage(r);
        return;
    }
  }

  /**
   * `/docs/x.svg` in a translation means `content/docs/x.svg` (never there): the translation's own copy is
   * `/zh/docs/x.svg`. Reports it when that copy exists.
   */
  private missingLanguagePrefix(path: string): boolean {
    const { ref, loc, site } = this;
    const t = ref.target;
    if (loc.lang === DEFAULT_LANGUAGE || !t.startsWith('/') || t.startsWith(`/${loc.lang}/`) || site.exists(path)) return false;
    const own = `${site.layout.contentDir}/${loc.lang}${t.split(/[?#]/)[0]}`;
    this.ctx.dependsOn(own);
    if (!site.exists(own)) return false;
    this.file = own;
    this.problem('image.missing-language-prefix', undefined, `In a ${loc.lang} page an absolute image link carries the language: \`/${loc.lang}${t}\` (the site looks in \`content${t}\`, which does not exist).`, ref.range, replacementFixes('image.missing-language-prefix', [`/${loc.lang}${t}`]));
    return true;
  }

  /** Records a problem; `severity` only where the context overrides the catalog's. */
  private problem(code: DiagnosticCode, severity: Severity | undefined, message: string, range: OffsetRange, fixes?: readonly Fix[]): void {
    this.problems.push({ code, message, range, ...(severity ? { severity } : {}), ...(fixes?.length ? { fixes } : {}) });
  }

  /** The span of the file name in the target as written (what a rename fix replaces). */
  private nameSpan(): { range: OffsetRange; prefix: string } {
    const t = this.ref.target;
    const end = t.search(/[?#]/) < 0 ? t.length : t.search(/[?#]/);
    const start = t.lastIndexOf('/', end - 1) + 1;
    return { range: { start: this.ref.range.start + start, end: this.ref.range.start + end }, prefix: t.slice(0, start) };
  }

  private checkFile(path: string, staticUrl: string | undefined, area: 'image' | 'link', severity: 'error' | 'warning'): void {
    const { ctx, site } = this;
    ctx.dependsOn(path);
    if (site.exists(path)) {
      this.file = path;
      if (area === 'link') this.checkMarkdownSource(path);
      return;
    }
    if (staticUrl !== undefined) {
      const served = servedFile(site, this.facts.hugoConfig(), path, staticUrl, (p) => ctx.dependsOn(p));
      if (served) {
        this.file = served;
        return;
      }
    }
    const what = area === 'image' ? 'image' : 'file';
    const codes = FILE_CODES[area];
    const dir = dirname(path);
    const name = basename(path);
    // A root-relative file may be meant in a static folder: its names are candidates too.
    const staticNames = staticUrl === undefined ? [] : staticNamesNear(site, this.facts.hugoConfig(), staticUrl);
    const names = [...new Set([...site.filesIn(dir), ...staticNames])].filter((n) => !/\.(md|markdown)$/i.test(n));
    const { range: nameRange } = this.nameSpan();
    const sameCase = names.find((n) => n.toLowerCase() === name.toLowerCase());
    if (sameCase) {
      ctx.dependsOn(`${dir}/${sameCase}`);
      this.file = `${dir}/${sameCase}`;
      this.problem(codes.wrongCase, severity, `The ${what} is \`${sameCase}\`, not \`${name}\`: the letter case only works on case-insensitive disks (macOS, Windows) and breaks the Linux build.`, nameRange, replacementFixes(codes.wrongCase, [sameCase]));
      return;
    }
    // A translation missing a file its source-language bundle has: the translator forgot to copy it.
    if (this.loc.lang !== DEFAULT_LANGUAGE) {
      const source = sourceLanguagePath(site, path, this.loc.lang);
      if (source) {
        ctx.dependsOn(source);
        if (site.exists(source)) {
          this.problem(codes.notTranslated, severity, `\`${name}\` is in the English bundle but not in this translation's folder: every translation carries its own copy of its ${what}s.`, this.ref.range, [copyFromSourceFix(source, path, DEFAULT_LANGUAGE)]);
          return;
        }
      }
    }
    const folderExists = site.stat(dir)?.isDirectory === true;
    // A root-relative file may be in a static folder (`staticDir`): outside a full checkout, or while one of them is
    // not there (istio.io's `generated/` is built), that cannot be known.
    const staticDirs = this.facts.hugoConfig().staticDirs;
    if (staticUrl !== undefined) {
      const full = this.facts.isFullCheckout();
      const absent = full ? absentStaticDirs(site, this.facts.hugoConfig()) : [];
      if (!full || absent.length > 0) {
        this.missing = true;
        this.missingReason = !full
          ? `\`${this.ref.target}\` is not in \`${relToContent(site, dir)}/\` and may be a static file: outside a Hugo site root (no \`hugo.toml\` at the checkout's root) the static folders are unknown, so it is not checked.`
          : `\`${this.ref.target}\` is not in \`${relToContent(site, dir)}/\` nor in the static folders here; ${absent.map((d) => `\`${d}/\``).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not in this checkout (built by the site's scripts?), so it is not checked.`;
        return;
      }
    }
    // In an excerpt of the site (no Hugo config at its root), a file in a folder that is not there may just not be
    // checked out: no diagnostic (the hover says so).
    if (!folderExists && !this.facts.isFullCheckout()) return;
    const suggestions = budgetOf(ctx).take(names.length) ? didYouMean(name, names, nearFiles(area === 'image' ? IMAGE_EXTENSIONS : undefined)) : [];
    const hint = suggestions.length ? ` Did you mean \`${suggestions[0]}\`?` : '';
    const inContent = folderExists ? `\`${relToContent(site, dir)}/\`` : `\`${relToContent(site, dir)}/\` (the folder does not exist either)`;
    const where = staticUrl !== undefined ? `${inContent}, nor in the static folders (${staticDirs.map((d) => `\`${d}/\``).join(', ')})` : inContent;
    const msg =
      area === 'image' && this.ref.kind === 'image-shortcode' && severity === 'error'
        ? `Image \`${name}\` was not found in ${where}: Hugo fails the build ("Image '…' was not found").${hint}`
        : `No ${what} \`${name}\` in ${where}.${hint}`;
    this.problem(codes.notFound, severity, msg, suggestions.length ? nameRange : this.ref.range, replacementFixes(codes.notFound, suggestions));
  }

  private checkPage(target: PageTarget): void {
    const { ctx, site, facts, loc, ref } = this;
    const written = ref.target.trim();
    // The zh lint: a zh page links `/zh/docs/…`, never `/docs/…`.
    const sections = LANGUAGE_PREFIX_LINT.get(loc.lang);
    if (sections && target.lang === DEFAULT_LANGUAGE && written.startsWith('/') && sections.some((s) => written === `/${s}` || written.startsWith(`/${s}/`) || written.startsWith(`/${s}#`))) {
      const own = pageTarget(site.layout, loc.lang, target.urlPath, target.fragment);
      const found = this.findPage(own);
      const prefixed = `/${loc.lang}${written}`;
      if (found) {
        this.file = found;
        this.title = facts.entry(found)?.title ?? site.summary(found)?.title;
      }
      this.problem(
        'link.missing-language-prefix',
        // The lint rejects it either way, but without the zh page there is nothing to link to yet.
        found ? 'error' : 'warning',
        found
          ? `Links in ${loc.lang} pages carry \`/${loc.lang}/\` (the site's lint rejects \`${written.split('#')[0]}\`): the ${loc.lang} page exists at \`${prefixed.split('#')[0]}\`.`
          : `The site's lint rejects unprefixed links in ${loc.lang} pages, but there is no ${loc.lang} page at \`${prefixed.split('#')[0]}\` yet.`,
        ref.range,
        replacementFixes('link.missing-language-prefix', [prefixed]),
      );
      return;
    }

    const found = this.findPage(target);
    if (found) {
      this.file = found;
      this.title = facts.entry(found)?.title ?? site.summary(found)?.title;
      if (target.fragment) this.checkAnchor(facts.anchorsOf(found), target.fragment, `\`${facts.entry(found)?.url ?? written}\``);
      return;
    }
    if (!facts.ready) return; // aliases and case are only known once the scan is done; re-checked then
    const url = `${target.lang === DEFAULT_LANGUAGE ? '' : `/${target.lang}`}/${target.urlPath}${target.urlPath ? '/' : ''}`;
    const byUrl = facts.pageByUrl(url);
    if (byUrl) {
      ctx.dependsOn(byUrl.path);
      this.file = byUrl.path;
      this.title = byUrl.title;
      this.problem('link.page-wrong-case', undefined, `Page URLs are lower case: \`${byUrl.url}\`.`, ref.range, replacementFixes('link.page-wrong-case', [replacePath(written, byUrl.url)]));
      return;
    }
    const aliased = facts.pagesByAlias(url)[0];
    if (aliased) {
      ctx.dependsOn(aliased.path);
      this.file = aliased.path;
      this.title = aliased.title;
      // Without alias pages (`disableAliases`), istio.io redirects aliases through the root `_redirects`, built from
      // the English pages only: a translation's files land under `/latest/<lang>/`, where the host never reads them.
      if (aliased.lang !== DEFAULT_LANGUAGE && facts.hugoConfig().disableAliases) {
        this.problem(
          'link.dead-alias',
          undefined,
          `\`${url}\` is only an old URL of \`${aliased.url}\` (its \`aliases:\`), and the live site redirects the aliases of English pages only: this link is dead. Link to the page itself.`,
          ref.range,
          replacementFixes('link.dead-alias', [replacePath(written, aliased.url)]),
        );
      }
      if (target.fragment) this.checkAnchor(facts.anchorsOf(aliased.path), target.fragment, `\`${aliased.url}\``);
      return;
    }
    // In an excerpt of the site (no Hugo config at its root) most links point at pages that are simply not
    // checked out: no diagnostic (the hover says the page is not in this checkout). Decided before looking for
    // similar pages, a scan of every page of the language that only a reported link needs.
    if (!facts.isFullCheckout()) {
      this.missing = true;
      return;
    }
    const slug = target.urlPath.slice(target.urlPath.lastIndexOf('/') + 1);
    const similar = slug === '' ? [] : facts.pagesWithSlug(target.lang, slug).slice(0, 3).map((p) => replacePath(written, p.url));
    const hint = similar.length ? ` Did you mean \`${similar[0]}\`?` : '';
    this.problem('link.page-not-found', undefined, `No page at \`${url}\`: no bundle \`index.md\`, section \`_index.md\` or \`${slug || '_index'}.md\` there, and no page lists it in \`aliases:\`.${hint}`, ref.range, replacementFixes('link.page-not-found', similar));
  }

  /**
   * Hugo publishes no Markdown file: a link to a page's source (`/zh/docs/setup/upgrade/canary/index.md`) is a 404 on
   * the live site. The fix is the page's URL.
   */
  private checkMarkdownSource(path: string): void {
    if (!/\.(md|markdown)$/i.test(path)) return;
    const host = hostPage(this.site, path);
    const loc = this.site.get(host ?? path)?.location;
    if (!loc || loc.kind === 'resource') return;
    const url = pageUrl(loc);
    this.title = this.site.summary(host ?? path)?.title;
    this.problem('link.markdown-source', undefined, `Hugo publishes no \`.md\` file: link to the page's URL, \`${url}\`.`, this.ref.range, replacementFixes('link.markdown-source', [replacePath(this.ref.target.trim(), url)]));
  }

  /**
   * The content file of a page (bundle, section or leaf), exact case; records every candidate as a dependency. A
   * Markdown file beside an `index.md` is a resource of that bundle, which Hugo never publishes at a URL of its own.
   */
  private findPage(target: PageTarget): string | undefined {
    for (const c of target.candidates) this.ctx.dependsOn(c);
    return target.candidates.find((c) => this.site.exists(c) && hostPage(this.site, c) === undefined);
  }

  private checkAnchor(anchors: PageAnchors | undefined, fragment: string, where: string): void {
    if (!anchors || fragment === '') return;
    for (const inc of anchors.included) this.ctx.dependsOn(inc);
    if (anchors.ids.has(fragment)) {
      this.heading = headingWithId(anchors, fragment);
      return;
    }
    const t = this.ref.target;
    const hash = t.lastIndexOf('#');
    const range = { start: this.ref.range.start + hash + 1, end: this.ref.range.start + t.length };
    const best = budgetOf(this.ctx).take(anchors.ids.size) ? didYouMean(fragment, anchors.ids, NEAR_ANCHORS) : [];
    const hint = best.length ? ` Did you mean \`#${best[0]}\`?` : '';
    // Glossary anchors come from term files; an excerpt of the site may simply not hold that term.
    if (anchors.generated && !this.facts.isFullCheckout()) return;
    this.problem('link.anchor-not-found', undefined, `No heading with the id \`${fragment}\` in ${where}.${hint}`, range, replacementFixes('link.anchor-not-found', best));
  }
}

/** Candidates the link suggestions of one check may compare (see SuggestionBudget): 25 times what a real page needs. */
const SUGGESTION_COMPARISONS = 50_000;
const budgets = new WeakMap<SiteDocumentContext, SuggestionBudget>();

function budgetOf(ctx: SiteDocumentContext): SuggestionBudget {
  let budget = budgets.get(ctx);
  if (!budget) budgets.set(ctx, (budget = new SuggestionBudget(SUGGESTION_COMPARISONS)));
  return budget;
}

/**
 * The first heading with the id. A page's links look up its targets' headings a few times each, and a search of the
 * list answers them; a set of anchors looked up more often gets a map by id (they are cached per page), since a search
 * for each `#fragment` made a page of thousands of links to its last heading quadratic. A map for every set of anchors
 * cost the server 4-5 MB more at its peak while the site is indexed.
 */
const headingLookups = new WeakMap<PageAnchors, number | Map<string, Heading>>();
/** Look-ups of one set of anchors answered by a search before it gets a map. */
const SEARCHES_BEFORE_MAP = 16;

function headingWithId(anchors: PageAnchors, id: string): Heading | undefined {
  const seen = headingLookups.get(anchors);
  if (seen instanceof Map) return seen.get(id);
  const searches = (seen ?? 0) + 1;
  if (searches <= SEARCHES_BEFORE_MAP) {
    headingLookups.set(anchors, searches);
    return anchors.headings.find((h) => h.id === id);
  }
  const byId = new Map<string, Heading>();
  for (const h of anchors.headings) if (!byId.has(h.id)) byId.set(h.id, h);
  headingLookups.set(anchors, byId);
  return byId.get(id);
}

/** `mergeAnchors` once per pair (a resource's own anchors, its host's), not once per `#fragment` link of the resource. */
const merged = new WeakMap<PageAnchors, WeakMap<PageAnchors, PageAnchors>>();

function mergedAnchors(own: PageAnchors, host: PageAnchors): PageAnchors {
  let byHost = merged.get(own);
  if (!byHost) merged.set(own, (byHost = new WeakMap()));
  let both = byHost.get(host);
  if (!both) byHost.set(host, (both = mergeAnchors(own, host)));
  return both;
}

/** The ids of a page resource and of its host page together; headings are the resource's own, then the host's. */
function mergeAnchors(own: PageAnchors, host: PageAnchors): PageAnchors {
  return {
    headings: [...own.headings, ...host.headings],
    ids: new Set([...own.ids, ...host.ids]),
    included: [...own.included, ...host.included],
    generated: own.generated || host.generated,
  };
}

/** `/site/content/zh/blog/x/a.png` → `/site/content/en/blog/x/a.png`. */
function sourceLanguagePath(site: SiteIndex, path: string, lang: string): string | undefined {
  const prefix = `${site.layout.contentDir}/${lang}/`;
  if (!path.startsWith(prefix)) return undefined;
  return `${site.layout.contentDir}/${DEFAULT_LANGUAGE}/${path.slice(prefix.length)}`;
}

function relToContent(site: SiteIndex, path: string): string {
  const root = site.layout.root === '/' ? '/' : `${site.layout.root}/`;
  return path.startsWith(root) ? path.slice(root.length) : path;
}

/** Replaces the path of a written link, keeping its fragment: (`/Blog/x/#a`, `/blog/x/`) → `/blog/x/#a`. */
function replacePath(written: string, url: string): string {
  const hash = written.indexOf('#');
  return hash < 0 ? url : url + written.slice(hash);
}
