// The results of the translation features, as the engine returns them (the protocol sends them as they are).
import type { Range } from 'vscode-languageserver-types';

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
  /**
   * The new page's text: the source's, with root-relative links pointing at the target language's pages (always
   * `/zh/…` in zh) and the source heading's id written as `{#id}` on every heading.
   */
  readonly text: string;
  /** How `text` differs from the source: links rewritten, heading ids added. */
  readonly changes: { readonly links: number; readonly headingIds: number };
  /** Bundle resources to copy (images, other files); files already there are left out. */
  readonly copies: readonly { readonly from: string; readonly to: string }[];
  /** Resources not copied because the target already has them. */
  readonly kept: readonly string[];
  /**
   * What the target language cannot build yet (in a full checkout): Hugo does not read its folder, or a `boilerplate`
   * or `gloss` of the page has no file in it. A client says so before it creates the page.
   */
  readonly warnings?: readonly string[];
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

/** The part of the site a page is in, by its first folder; the report is grouped by it. */
export type PageSection = 'blog' | 'docs' | 'news' | 'other';

/** Why the report hides a page unless asked: one of the site's `test/` pages, or a draft. */
export type HiddenReason = 'test' | 'draft';

export interface MissingTranslation {
  readonly path: string;
  readonly sourceUri: string;
  readonly targetUri: string;
  readonly title?: string;
  readonly draft?: boolean;
  readonly section: PageSection;
  readonly hidden?: HiddenReason;
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
  readonly section: PageSection;
  readonly hidden?: HiddenReason;
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

/** A source-language interface string the language has not translated. */
export interface UntranslatedString {
  readonly id: string;
  /** The source language's text. */
  readonly source: string;
  /** Not in the language's file, marked `# TODO translate`, or the same text as the source's. */
  readonly reason: 'missing' | 'marked' | 'same';
}

/** Pages of a language that fail the build for want of per-language files, with the names they ask for. */
export interface FailingPage {
  readonly path: string;
  readonly uri: string;
  readonly names: readonly string[];
}

/** How ready a language is to be built as one of the site's languages, beyond its pages. */
export interface LanguageReadiness {
  readonly lang: string;
  /** Whether the Hugo configuration reads `content/<lang>/`; absent in an excerpt (no configuration). */
  readonly configured?: boolean;
  /** Its interface strings against the source language's `i18n/` file; absent when the site has none. */
  readonly strings?: {
    readonly uri?: string;
    readonly total: number;
    readonly translated: number;
    readonly untranslated: readonly UntranslatedString[];
  };
  /** Per menu of the source language (or its own): its entries; absent when the configuration has no menus. */
  readonly menus?: readonly { readonly menu: string; readonly entries: number; readonly sourceEntries: number }[];
  /** The source language's boilerplates it has, and its pages that name one it lacks. */
  readonly boilerplates: { readonly present: number; readonly needed: number; readonly missing: readonly string[]; readonly failing: readonly FailingPage[] };
  /** Its glossary terms, the distinct entries its pages use, and its pages whose entry it lacks. */
  readonly glossary: { readonly present: number; readonly used: number; readonly failing: readonly FailingPage[] };
}

export interface TranslationStatusResult {
  readonly siteRoot: string;
  readonly sourceLang: string;
  readonly sourcePages: number;
  /** The language of the file or folder the report was asked for, when it is a translation: listed first. */
  readonly openLang?: string;
  /** Whether the staleness columns could be computed; `reason` says why not. */
  readonly git: { readonly available: true; readonly repoRoot: string; readonly head: string } | { readonly available: false; readonly reason: string; readonly code?: GitUnavailableCode };
  /** The open page's language first, then most translated first (`statusView.ts`). */
  readonly languages: readonly LanguageStatus[];
  /** Per language (the source excluded, configured languages without pages included): how ready it is. */
  readonly readiness?: readonly LanguageReadiness[];
}


export interface PlanNewLanguageParams {
  /** Any file or folder inside the site. */
  readonly uri: string;
  /** The language code, which is also its folder under content/ (`es`). */
  readonly lang: string;
  /** Its name in itself (`Español`): the configuration's `languageName`. */
  readonly name: string;
}

/** What Start a New Language will do, as one workspace edit; the client applies it and never overwrites. */
export interface NewLanguagePlan {
  readonly lang: string;
  readonly name: string;
  /** Edits of existing files (the Hugo configuration). */
  readonly edits: readonly { readonly uri: string; readonly edits: readonly { readonly range: Range; readonly newText: string }[] }[];
  /** New files (the language's `i18n/` strings); none exists. */
  readonly creates: readonly { readonly uri: string; readonly text: string }[];
  /** One line per change, and what is left to do by hand. */
  readonly summary: readonly string[];
}

export type PlanNewLanguageResult =
  | { readonly ok: true; readonly plan: NewLanguagePlan }
  | { readonly ok: false; readonly reason: 'not-in-a-site' | 'bad-language' | 'no-config' | 'broken-config' | 'no-languages' | 'exists' | 'cannot-edit'; readonly message: string };

/** A heading of a page, for keeping a translation and its source in step (Open Source Side by Side). */
export interface PageHeading {
  /** Zero-based line of the heading. */
  readonly line: number;
  readonly level: number;
  /** The id Hugo gives it: the explicit `{#id}`, or the automatic one (what a translation's `{#id}` repeats). */
  readonly id: string;
}
