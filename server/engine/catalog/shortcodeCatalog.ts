import builtIn from '../../data/shortcodes.json';

const PARAM_KINDS = [
  'string',
  'markdown',
  'path',
  'url',
  'percent',
  'boolean',
  'syntax',
  'boilerplate',
  'glossary-term',
  'tab-name',
  'tab-category-value',
  'tab-category-name',
] as const;

/** What a parameter's value is, which decides its completion and checks. */
export type ParamKind = (typeof PARAM_KINDS)[number];

const PREVIEW_KINDS = ['figure', 'callout', 'tabset', 'tab', 'text', 'boilerplate', 'centered', 'gloss', 'icon', 'diagram'] as const;

/**
 * How the Markdown preview draws a shortcode, close to the site's template: a `figure`, a `callout` box, `tabset` and
 * `tab` panels, a `text` block of code, an inlined `boilerplate`, a `centered` block, a `gloss` term with its
 * definition, an inline `icon`, a `diagram`'s source. A shortcode without one is drawn from the site's data or
 * scripts (`features`, `relnote`): the preview shows a neutral placeholder.
 */
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

/** One parameter a shortcode's template reads: named (`.Get "link"`), positional (`.Get 0`), or both (`text`'s syntax). */
export interface ShortcodeParamInfo {
  /** The name for `name=value`; undefined for a positional-only parameter. */
  readonly name?: string | undefined;
  /** The index for a positional value; undefined for a named-only parameter. */
  readonly position?: number | undefined;
  /** How docs show a positional-only parameter. */
  readonly label?: string | undefined;
  readonly kind: ParamKind;
  /** One line of Markdown. */
  readonly description: string;
  readonly required?: boolean | undefined;
  /** How bad a missing required parameter is: `error` when the build fails (the default), `warning` when it renders wrong. */
  readonly missing?: 'error' | 'warning' | undefined;
  /** Values to suggest. */
  readonly values?: readonly string[] | undefined;
}

/** What the site knows about one shortcode. The built-in data lives in `server/data/shortcodes.json`. */
export interface ShortcodeInfo {
  readonly name: string;
  /** One line of Markdown. */
  readonly description: string;
  /** The template reads `.Inner`, so every use needs a closing tag. */
  readonly inner: boolean;
  readonly params?: readonly ShortcodeParamInfo[] | undefined;
  /** The template reads `.Params` (or is a Hugo built-in): any parameter is accepted. */
  readonly anyParams?: boolean | undefined;
  /** `site`: the istio.io catalog; `hugo`: a Hugo built-in; `template`: found only in the workspace's templates. */
  readonly origin?: 'site' | 'hugo' | 'template' | undefined;
  readonly status?: 'used' | 'unused' | 'deprecated' | undefined;
  /** Completion snippet after `{{< ` (without the name's delimiters); generated from required parameters when absent. */
  readonly snippet?: string | undefined;
  /** `layouts/shortcodes/<name>.html` of the workspace, when it has one. */
  readonly templatePath?: string | undefined;
  /** Must sit directly inside one of these (`tab` in `tabset`). */
  readonly parents?: readonly string[] | undefined;
  /** Must not sit (at any depth) inside these (`tabset` in `tabset`). */
  readonly notInside?: readonly string[] | undefined;
  /** Only these children are rendered; any other inner content is dropped (`tabset`). */
  readonly onlyChildren?: readonly string[] | undefined;
  /** The inner content goes on its own lines, not inline (`tip`, `warning`, `idea`, `quote`, `tab`). */
  readonly ownLines?: boolean | undefined;
  /** How the preview draws it; a site template for the same name keeps it. */
  readonly preview?: PreviewKind | undefined;
  /**
   * The content of the page's own language it reads (`boilerplate`: `content/<lang>/boilerplates/`, `gloss`: the
   * glossary): a language without the file fails the build (`site/languageFiles.ts`).
   */
  readonly languageFolder?: 'boilerplates' | 'glossary' | undefined;
}

export interface ShortcodeCatalog {
  get(name: string): ShortcodeInfo | undefined;
  names(): readonly string[];
}

/** The `text` syntaxes: `common` ones are suggested (most used first), `other` ones are accepted without a warning. */
export interface TextSyntaxes {
  readonly common: readonly string[];
  readonly other: readonly string[];
}

interface CatalogEntry extends Omit<ShortcodeInfo, 'name'> {}

interface CatalogFile {
  shortcodes: Record<string, CatalogEntry>;
  hugoBuiltIns: Record<string, CatalogEntry>;
  textSyntaxes: TextSyntaxes;
}

export class MapShortcodeCatalog implements ShortcodeCatalog {
  private readonly byName: ReadonlyMap<string, ShortcodeInfo>;

  constructor(entries: Iterable<ShortcodeInfo>) {
    this.byName = new Map([...entries].map((e) => [e.name, e]));
  }

  get(name: string): ShortcodeInfo | undefined {
    return this.byName.get(name);
  }

  names(): readonly string[] {
    return [...this.byName.keys()];
  }
}

/**
 * The catalog data with its word-valued fields checked: JSON gives them as plain strings, and a cast would let a
 * typo (`"kind": "pth"`) through to every feature. A mistake in the data file fails here, and in the unit tests.
 */
export function readCatalogFile(json: { shortcodes: Record<string, RawEntry>; hugoBuiltIns: Record<string, RawEntry>; textSyntaxes: TextSyntaxes }): CatalogFile {
  const check = (group: Record<string, RawEntry>): Record<string, CatalogEntry> => {
    const out: Record<string, CatalogEntry> = {};
    for (const [name, e] of Object.entries(group)) {
      const { params, origin, status, preview, languageFolder, ...rest } = e;
      out[name] = {
        ...rest,
        ...(params && {
          params: params.map(({ kind, missing, ...p }) => ({
            ...p,
            kind: oneOf(PARAM_KINDS, kind, `${name}: parameter kind`),
            ...(missing !== undefined && { missing: oneOf(['error', 'warning'] as const, missing, `${name}: missing`) }),
          })),
        }),
        ...(origin !== undefined && { origin: oneOf(['site', 'hugo', 'template'] as const, origin, `${name}: origin`) }),
        ...(status !== undefined && { status: oneOf(['used', 'unused', 'deprecated'] as const, status, `${name}: status`) }),
        ...(preview !== undefined && { preview: oneOf(PREVIEW_KINDS, preview, `${name}: preview`) }),
        ...(languageFolder !== undefined && { languageFolder: oneOf(['boilerplates', 'glossary'] as const, languageFolder, `${name}: languageFolder`) }),
      };
    }
    return out;
  };
  return { shortcodes: check(json.shortcodes), hugoBuiltIns: check(json.hugoBuiltIns), textSyntaxes: json.textSyntaxes };
}

/** An entry as JSON gives it: the word-valued fields are plain strings. */
type RawEntry = Omit<CatalogEntry, 'params' | 'origin' | 'status' | 'preview' | 'languageFolder'> & {
  readonly params?: ReadonlyArray<Omit<ShortcodeParamInfo, 'kind' | 'missing'> & { readonly kind: string; readonly missing?: string }>;
  readonly origin?: string;
  readonly status?: string;
  readonly preview?: string;
  readonly languageFolder?: string;
};

function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T;
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, what: string): T | undefined;
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, what: string): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`shortcodes.json: ${what} "${value}" is not one of ${allowed.join(', ')}`);
  return found;
}

const file = readCatalogFile(builtIn);

function entries(record: Record<string, CatalogEntry>, origin: 'site' | 'hugo'): ShortcodeInfo[] {
  return Object.entries(record).map(([name, s]) => ({ ...s, name, origin: s.origin ?? origin }));
}

/**
 * The built-in catalog, made once per process: it is immutable data read from `shortcodes.json` (no site or settings
 * state; a site's own templates are merged by its `SiteCatalog`, which the service owns), so every service can share it.
 */
let builtInValue: ShortcodeCatalog | undefined;

/** The istio.io shortcodes plus Hugo's built-in ones, from `server/data/shortcodes.json`. */
export function builtInCatalog(): ShortcodeCatalog {
  builtInValue ??= new MapShortcodeCatalog([...entries(file.shortcodes, 'site'), ...entries(file.hugoBuiltIns, 'hugo')]);
  return builtInValue;
}

export const TEXT_SYNTAXES: TextSyntaxes = file.textSyntaxes;

/** The parameter a named or positional use refers to. */
export function findParam(info: ShortcodeInfo, name: string | undefined, index: number): ShortcodeParamInfo | undefined {
  return info.params?.find((p) => (name !== undefined ? p.name === name : p.position === index));
}

/** How docs and messages name a parameter. */
export function paramLabel(p: ShortcodeParamInfo): string {
  return p.name ?? p.label ?? `#${p.position ?? 0}`;
}
