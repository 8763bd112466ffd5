/**
 * The wire contract between the VS Code client and the language server, and nothing else: typed custom requests
 * (`RequestType`, so `client.sendRequest(R, params)` and `connection.onRequest(R, handler)` agree at compile time),
 * command ids, the files the client watches for the server, and the initialization options. The shapes of the
 * results are the engine's own types, re-exported from its entry.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type {
  FailingPage,
  GitUnavailableCode,
  LanguageReadiness,
  NewLanguagePlan,
  PlanNewLanguageResult,
  IndexStatus,
  LanguageStatus,
  PageHeading,
  PlanTranslationResult,
  TranslationPlan,
  TranslationStatusResult,
  TranslationsResult,
  TranslationVersion,
} from '../engine';

export type { FailingPage, GitUnavailableCode, LanguageReadiness, NewLanguagePlan, PlanNewLanguageResult, IndexStatus, LanguageStatus, PageHeading, PlanTranslationResult, TranslationPlan, TranslationStatusResult, TranslationsResult, TranslationVersion };
export { COPY_FILE_COMMAND, COPY_FILES_COMMAND, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type CopyFileArgs, type CopyFilesArgs } from '../engine';

/** The configuration section the client contributes (`istio.…`); the server reads it per resource. */
export const SETTINGS_SECTION = 'istio';

/**
 * Options a client may pass in `initialize`'s `initializationOptions` (all optional).
 * `debounceMs` overrides the pause after an edit before diagnostics run (the benchmark sets 0 to time
 * the processing alone).
 */
export interface InitializationOptions {
  readonly debounceMs?: number;
}

/**
 * The Node options a client starts the server with, on a machine of `parallelism` logical processors
 * (`os.availableParallelism()`). On two or fewer, one V8 worker thread instead of Node's default of four: the
 * default's concurrent marking, parallel scavenges and background compiles run on as many threads as there are
 * cores, so while the site is being indexed the server's main thread (and the editor) waited for a core. Measured on
 * two cores, six fresh servers each, the bench's editing session while the site is indexed: completion p95 7.6–7.9 →
 * 3.8–3.9 ms and keystroke → first diagnostics p95 12.0–12.5 → 7.9–9.0 ms; the whole site over the protocol 3.37 →
 * 2.98–3.12 s for the same CPU (docs/performance.md). With more cores the default stands (not measurable here).
 * Where the extension host runs on Node (VS Code Remote, code-server); desktop VS Code's Electron accepts the option
 * but runs V8 on Chromium's own thread pool, where it changes nothing.
 */
export function serverNodeOptions(parallelism: number): readonly string[] {
  return parallelism <= 2 ? ['--v8-pool-size=1'] : [];
}

/**
 * What the client watches and forwards as `workspace/didChangeWatchedFiles` (or the server registers itself when the
 * client supports dynamic registration): pages and images, the site's shortcode templates, its Hugo
 * configuration, whose presence tells a full checkout from an excerpt of `content/`, and the `make lint` files at
 * its root (a word added to `.spelling` clears that word on every page).
 */
export const WATCHED_FILE_GLOBS: readonly string[] = [
  '**/content/**',
  '**/layouts/shortcodes/**',
  '**/{hugo,config}.{toml,yaml,yml,json}',
  '**/config/_default/**',
  '**/{.spelling,mdl.rb}',
];

/** The client's command ids, as declared in package.json; the real-editor tests use these constants too. */
export const Commands = {
  goToTranslation: 'istio.goToTranslation',
  createTranslation: 'istio.createTranslation',
  translationStatus: 'istio.translationStatus',
  /** Internal (report links): opens a file by its URI string. */
  openTranslation: 'istio.translations.open',
  /** Internal (report links): diff of a source between a commit and now. */
  diffSource: 'istio.translations.diffSource',
  insertImage: 'istio.insertImage',
  newBlogPost: 'istio.newBlogPost',
  newDocsPage: 'istio.newDocsPage',
  startNewLanguage: 'istio.startNewLanguage',
  /** Gives the active page (and its translations) a new URL; the links follow through `workspace/willRenameFiles`. */
  movePage: 'istio.movePage',
  /** Fills the Problems view for every page of the site (`istio/checkWholeSite`). */
  checkWholeSite: 'istio.checkWholeSite',
  /** The Translation Status report as Markdown or CSV, in a new untitled editor. */
  exportTranslationStatus: 'istio.exportTranslationStatus',
  /** Opens the source-language version beside the translation, scrolled in step by heading. */
  openSourceSideBySide: 'istio.openSourceSideBySide',
  /** Shows the "Istio Authoring" output channel: the language server's log and its start-up times. */
  showOutput: 'istio.showOutput',
} as const;

/**
 * The files whose renaming the server takes part in (`workspace/willRenameFiles`): anything in a site's `content/`,
 * files and folders alike, since a page bundle moves as its folder.
 */
export const WILL_RENAME_FILTERS: ReadonlyArray<{ readonly pattern: { readonly glob: string } }> = [{ pattern: { glob: '**/content/**' } }];

// --- custom requests ----------------------------------------------------------------------------

export interface TranslationsParams {
  readonly uri: string;
}

/** `istio/translations`: the versions of a content file in every language; `null` outside `content/<lang>/`. */
export const TRANSLATIONS_REQUEST = new RequestType<TranslationsParams, TranslationsResult | null, void>('istio/translations');

/** `istio/headings`: an open document's headings with their Hugo ids (empty for a document the server does not hold). */
export const HEADINGS_REQUEST = new RequestType<TranslationsParams, PageHeading[], void>('istio/headings');

export interface PlanTranslationParams {
  readonly uri: string;
  /** The target language folder, existing or new (`es`). */
  readonly lang: string;
}

/** `istio/planTranslation`: the files Create Translation would create for `lang`. */
export const PLAN_TRANSLATION_REQUEST = new RequestType<PlanTranslationParams, PlanTranslationResult, void>('istio/planTranslation');

export interface TranslationStatusParams {
  /** Any file or folder inside the site. */
  readonly uri: string;
  /**
   * `false` in an untrusted workspace: the server then runs no `git` (a repository's own config can make git run
   * commands) and reports why the staleness columns are empty. Absent means trusted (clients without workspace trust);
   * any value but `true` or absent (`"false"`, `0`, `null`) counts as untrusted.
   */
  readonly trusted?: boolean;
}

/** `istio/translationStatus`: missing and stale translations of the whole site; `null` outside a site. */
export const TRANSLATION_STATUS_REQUEST = new RequestType<TranslationStatusParams, TranslationStatusResult | null, void>('istio/translationStatus');

export interface PlanNewLanguageParams {
  /** Any file or folder inside the site. */
  readonly uri: string;
  /** The language code, also its folder under content/ (`es`). */
  readonly lang: string;
  /** Its name in itself (`Español`). */
  readonly name: string;
}

/** `istio/planNewLanguage`: what Start a New Language will do (the configuration, the i18n file), or why not. */
export const PLAN_NEW_LANGUAGE_REQUEST = new RequestType<PlanNewLanguageParams, PlanNewLanguageResult, void>('istio/planNewLanguage');

export interface IndexStatusParams {
  readonly wait?: boolean;
}

/** The server's answer to `istio/indexStatus`: the indexes, and how much checking the open pages have cost so far. */
export interface ServerIndexStatus extends IndexStatus {
  /**
   * How many times the server has checked an open page since it started (each check of a page's text counted once,
   * whatever its phases): tests bound the work of opening many pages with it.
   */
  readonly pageChecks?: number;
  /** Open pages waiting for a check, or for the make-lint phase of theirs: 0 once every open page's result is out. */
  readonly pendingChecks?: number;
  /**
   * Reverse link indexes (rename, references, page moves) built in the background so far: each site's is built once
   * the editor has been quiet for a second after the site is indexed, not while the author types.
   */
  readonly linkIndexesBuilt?: number;
}

/**
 * `istio/indexStatus`: the state of every site index the server holds. With `wait: true` the answer comes once
 * every index is complete (files listed and page summaries read), a real signal for benchmarks and tests.
 */
export const INDEX_STATUS_REQUEST = new RequestType<IndexStatusParams, ServerIndexStatus, void>('istio/indexStatus');

export interface PlanMovePageParams {
  /** The page to move (any language version). */
  readonly uri: string;
  /** Its new URL path, with or without the language prefix and the slashes: `/docs/ops/new-place/`. */
  readonly url: string;
}

/**
 * What Move Page renames: each language version's folder (a bundle or a section) or file (a single-file page). The
 * client applies these as one workspace edit of file renames; the server's `workspace/willRenameFiles` answer then
 * rewrites the links and adds the aliases. `error` says why the page cannot move there.
 */
export type PlanMovePageResult = { readonly renames: ReadonlyArray<{ readonly oldUri: string; readonly newUri: string }> } | { readonly error: string };

/** `istio/planMovePage`: the file renames that give a page (and its translations) a new URL. */
export const PLAN_MOVE_PAGE_REQUEST = new RequestType<PlanMovePageParams, PlanMovePageResult, void>('istio/planMovePage');

export interface CheckWholeSiteParams {
  /** Any file or folder of the site; without it, every site of the workspace. */
  readonly uri?: string;
  /** `$/progress` reports (with a percentage) go to this token; cancel the request to stop the check. */
  readonly workDoneToken?: string | number;
}

export interface CheckWholeSiteResult {
  /** Pages checked (less than `pages` when cancelled). */
  readonly checked: number;
  readonly pages: number;
  readonly errors: number;
  readonly warnings: number;
  /** Files with at least one problem published. */
  readonly filesWithProblems: number;
  readonly cancelled: boolean;
  readonly ms: number;
}

/**
 * `istio/checkWholeSite`: checks every page of the site and publishes the diagnostics of each (closed files too),
 * reporting `$/progress` as it goes; the results are then kept current as files change. Answers once done.
 */
export const CHECK_WHOLE_SITE_REQUEST = new RequestType<CheckWholeSiteParams, CheckWholeSiteResult, void>('istio/checkWholeSite');
