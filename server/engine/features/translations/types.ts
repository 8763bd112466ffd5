// The results of the translation features, as the engine returns them (the protocol sends them as they are).

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
  | { readonly ok: false; readonly reason: 'exists' | 'not-content' | 'not-a-page' | 'bad-language' | 'same-language' | 'too-large'; readonly message: string; readonly targetUri?: string };

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

