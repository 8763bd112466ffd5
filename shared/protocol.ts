/**
 * The contract between the VS Code client and the language server: settings and custom requests.
 * Both sides import this one module, so a change to a request's shape is a compile error on both.
 */

/** The extension's settings (`istio.*`), read per resource by the server. */
export interface IstioSettings {
  readonly diagnostics: {
    /** Check content files while typing. */
    readonly enable: boolean;
  };
  readonly frontmatter: {
    /** Workspace schema files that extend or replace the built-in frontmatter schemas (`istio.frontmatter.schemas`). */
    readonly schemas: readonly FrontmatterSchemaSetting[];
  };
  readonly links: {
    /** Globs of link and image targets, as written, that are never checked (`/docs/reference/**`, `*.pdf`). */
    readonly ignore: readonly string[];
  };
  /** Files larger than this many bytes (UTF-16 code units for open documents) are not checked. */
  readonly maxFileSize: number;
}

/** One entry of `istio.frontmatter.schemas`. */
export interface FrontmatterSchemaSetting {
  /** The kind of page it applies to (`blog-post`, `blog-section`, `docs-page`, `glossary-term`, `news`, `boilerplate`, `default`) or `*`. */
  readonly kind: string;
  /** A JSON Schema file, relative to the site root (the folder holding `content/`) or absolute. */
  readonly file: string;
  /** `extend` (default) adds its properties, `required` and `x-recommended` to the built-in schema; `replace` uses it alone. */
  readonly mode: 'extend' | 'replace';
}

export const DEFAULT_SETTINGS: IstioSettings = {
  diagnostics: { enable: true },
  frontmatter: { schemas: [] },
  links: { ignore: [] },
  maxFileSize: 1_000_000,
};

/** Reads `istio.frontmatter.schemas` as the client sent it, dropping malformed entries. */
export function toFrontmatterSchemaSettings(raw: unknown): FrontmatterSchemaSetting[] {
  if (!Array.isArray(raw)) return [];
  const out: FrontmatterSchemaSetting[] = [];
  for (const e of raw as unknown[]) {
    if (typeof e !== 'object' || e === null) continue;
    const r = e as Record<string, unknown>;
    if (typeof r['file'] !== 'string' || r['file'] === '') continue;
    const kind = typeof r['kind'] === 'string' && r['kind'] !== '' ? r['kind'] : '*';
    out.push({ kind, file: r['file'], mode: r['mode'] === 'replace' ? 'replace' : 'extend' });
  }
  return out;
}

/**
 * Options a client may pass in `initialize`'s `initializationOptions` (all optional).
 * `debounceMs` overrides the pause after an edit before diagnostics run (the benchmark sets 0 to time
 * the processing alone).
 */
export interface InitializationOptions {
  readonly debounceMs?: number;
}

/**
 * The name of a language folder under `content/`: `en`, `zh`, `uk`, `es`, `pt-br`, `zh-cn`… The site layout uses it to
 * find the languages; Create Translation uses it to check a language the user types.
 */
export const LANGUAGE_FOLDER = /^[a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$/;

/** The configuration section the client contributes (`istio.…`). */
export const SETTINGS_SECTION = 'istio';

/** Every diagnostic the server publishes carries this source. */
export const DIAGNOSTIC_SOURCE = 'istio';

// --- custom requests ----------------------------------------------------------------------------

/**
 * A custom request: its method name, with the parameter and result types carried along so that
 * `client.sendRequest<R>(d.method, params)` and `connection.onRequest(d.method, (p: P) => R)` agree.
 */
export interface RequestDescriptor<P, R> {
  readonly method: string;
  /** Never set: only carries the types. */
  readonly types?: { readonly params: P; readonly result: R };
}

/** A content file's kind, as the site sees it (`index.md` bundle, `_index.md` section, single-file leaf, resource). */
export type ContentKind = 'bundle' | 'section' | 'leaf' | 'resource';

export interface TranslationsParams {
  readonly uri: string;
}

/** One language's version of a page. */
export interface TranslationVersion {
  readonly lang: string;
  /** Where the version is, or where it would be created (same relative path). */
  readonly uri: string;
  readonly exists: boolean;
  readonly title?: string;
  /** Matched through `translationKey` rather than by path. */
  readonly byTranslationKey?: boolean;
}

export interface TranslationsResult {
  /** Path relative to the language root: `blog/2024/ambient-reaches-beta/index.md`. */
  readonly path: string;
  /** The document's own language. */
  readonly lang: string;
  /** The site's source language (`en`). */
  readonly sourceLang: string;
  readonly kind: ContentKind;
  /** Every language of the site (the document's own included), source language first. */
  readonly languages: readonly TranslationVersion[];
}

/** `istio/translations`: the versions of a content file in every language; `null` outside `content/<lang>/`. */
export const TRANSLATIONS_REQUEST: RequestDescriptor<TranslationsParams, TranslationsResult | null> = {
  method: 'istio/translations',
};

export interface PlanTranslationParams {
  readonly uri: string;
  /** The target language folder, existing or new (`es`). */
  readonly lang: string;
}

/** What Create Translation will do; the client only executes it and never overwrites. */
export interface TranslationPlan {
  /** The page the translation is made from (the source-language version when it exists). */
  readonly fromUri: string;
  /** The new page. */
  readonly targetUri: string;
  /** The new page's text (the source's frontmatter and body). */
  readonly text: string;
  /** Bundle resources to copy (images, other files); files already there are left out. */
  readonly copies: readonly { readonly from: string; readonly to: string }[];
  /** Resources not copied because the target already has them. */
  readonly kept: readonly string[];
}

export type PlanTranslationResult =
  | { readonly ok: true; readonly plan: TranslationPlan }
  | { readonly ok: false; readonly reason: 'exists' | 'not-content' | 'not-a-page' | 'bad-language' | 'same-language'; readonly message: string; readonly targetUri?: string };

/** `istio/planTranslation`: the files Create Translation would create for `lang`. */
export const PLAN_TRANSLATION_REQUEST: RequestDescriptor<PlanTranslationParams, PlanTranslationResult> = {
  method: 'istio/planTranslation',
};

export interface TranslationStatusParams {
  /** Any file or folder inside the site. */
  readonly uri: string;
  /**
   * `false` in an untrusted workspace: the server then runs no `git` (a repository's own config can make git run
   * commands) and reports why the staleness columns are empty. Absent means trusted (clients without workspace trust).
   */
  readonly trusted?: boolean;
}

export interface MissingTranslation {
  readonly path: string;
  readonly sourceUri: string;
  readonly targetUri: string;
  readonly title?: string;
  readonly draft?: boolean;
}

export interface StaleTranslation {
  readonly path: string;
  readonly uri: string;
  readonly sourceUri: string;
  readonly title?: string;
  /** The translation's last commit (lsync.sh: `git log -n 1 -- <translation>`). */
  readonly translationCommit: { readonly hash: string; readonly date: string; readonly subject: string };
  /** Commits to the source since then, newest first. */
  readonly sourceCommits: readonly { readonly hash: string; readonly date: string; readonly subject: string }[];
}

export interface LanguageStatus {
  readonly lang: string;
  /** Source pages that have a version in this language. */
  readonly translated: number;
  /** Source pages with no version in this language. */
  readonly missing: readonly MissingTranslation[];
  /** Translations whose source changed after their last commit (empty without git). */
  readonly stale: readonly StaleTranslation[];
  /** Translations whose source is unchanged since their last commit. */
  readonly upToDate: number;
  /** Translations never committed: nothing to compare with yet. */
  readonly uncommitted: readonly string[];
  /** Pages of this language without a source-language page (different slug, or the source was removed). */
  readonly withoutSource: readonly { readonly path: string; readonly uri: string }[];
}

/** Why git could not be read, for clients that say it in their own words (`reason` says it in English). */
export type GitUnavailableCode = 'untrusted' | 'no-git' | 'dubious-ownership' | 'not-a-repository' | 'no-commits';

export interface TranslationStatusResult {
  readonly siteRoot: string;
  readonly sourceLang: string;
  readonly sourcePages: number;
  /** Whether the staleness columns could be computed; `reason` says why not. */
  readonly git: { readonly available: true; readonly repoRoot: string; readonly head: string } | { readonly available: false; readonly reason: string; readonly code?: GitUnavailableCode };
  readonly languages: readonly LanguageStatus[];
}

/** `istio/translationStatus`: missing and stale translations of the whole site; `null` outside a site. */
export const TRANSLATION_STATUS_REQUEST: RequestDescriptor<TranslationStatusParams, TranslationStatusResult | null> = {
  method: 'istio/translationStatus',
};

/** Copies `source` to `target` without ever overwriting (`workspace/executeCommand`, the "copy the image" fix). */
export const COPY_FILE_COMMAND = 'istio.copyFile';

export interface CopyFileArgs {
  readonly source: string;
  readonly target: string;
}

/**
 * `istio/indexStatus`: the state of every site index the server holds. With `wait: true` the answer comes once
 * every index is complete (files listed and page summaries read), a real signal for benchmarks and tests.
 */
export const INDEX_STATUS_REQUEST = 'istio/indexStatus';

export interface IndexStatusParams {
  readonly wait?: boolean;
}

export interface IndexStatus {
  readonly sites: ReadonlyArray<{ readonly root: string; readonly state: 'empty' | 'scanning' | 'ready'; readonly files: number }>;
}
