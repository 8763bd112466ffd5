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
  termLayouts: string[];
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
/** Layouts that give each page of their bundle an anchor `urlize(title)` (the glossary). */
export const TERM_LAYOUTS: ReadonlySet<string> = new Set(file.termLayouts);
