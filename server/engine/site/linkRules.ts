import rules from '../../data/links.json';

/** The site facts behind link resolution, declared in `server/data/links.json`. */
interface LinkRulesFile {
  fileExtensions: string[];
  imageExtensions: string[];
  outsideTree: string[];
  istioHosts: string[];
  forbiddenHosts: string[];
  absoluteLinkLint: string;
  languagePrefixLint: Record<string, string[]>;
  hugoConfigFiles: string[];
  layoutAnchors: Record<string, string[]>;
}

const file: LinkRulesFile = rules;

export const FILE_EXTENSIONS: ReadonlySet<string> = new Set(file.fileExtensions.map((e) => `.${e}`));
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(file.imageExtensions.map((e) => `.${e}`));
/** Root-relative paths that are not pages of the content tree (`/v1.6/…`, `/archive/…`). */
export const OUTSIDE_TREE: readonly RegExp[] = file.outsideTree.map((r) => new RegExp(r));
export const ISTIO_HOSTS: ReadonlySet<string> = new Set(file.istioHosts);
export const FORBIDDEN_HOSTS: ReadonlySet<string> = new Set(file.forbiddenHosts);
/** The site lint's pattern for absolute istio.io links, matched against `(` + the destination as written. */
export const ABSOLUTE_LINK_LINT = new RegExp(file.absoluteLinkLint);
/** Language → sections whose unprefixed links the site's lint rejects in that language (`zh`: `/docs`, `/blog`…). */
export const LANGUAGE_PREFIX_LINT: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(file.languagePrefixLint));
/** Files (or folders) at a site root that show a full Hugo checkout rather than an excerpt of `content/`. */
export const HUGO_CONFIG_FILES: readonly string[] = file.hugoConfigFiles;
/** How a layout generates ids: see `$comment_layoutAnchors` in server/data/links.json. */
export type LayoutAnchorKind = 'resource-title' | 'resource-name' | 'child-link-title' | 'child-resource-name';
const LAYOUT_ANCHOR_KINDS: ReadonlySet<string> = new Set<LayoutAnchorKind>(['resource-title', 'resource-name', 'child-link-title', 'child-resource-name']);
const isLayoutAnchorKind = (k: string): k is LayoutAnchorKind => LAYOUT_ANCHOR_KINDS.has(k);
/** Layout → the ids it generates beyond the page's Markdown (the glossary, the FAQ pages). */
export const LAYOUT_ANCHORS: ReadonlyMap<string, readonly LayoutAnchorKind[]> = new Map(
  Object.entries(file.layoutAnchors).map(([layout, kinds]) => [layout, kinds.filter(isLayoutAnchorKind)]),
);
