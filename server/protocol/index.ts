/**
 * The wire contract between the VS Code client and the language server, and nothing else: typed custom requests
 * (`RequestType`, so `client.sendRequest(R, params)` and `connection.onRequest(R, handler)` agree at compile time),
 * command ids, the files the client watches for the server, and the initialization options. The shapes of the
 * results are the engine's own types, re-exported from its entry.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type {
  GitUnavailableCode,
  LanguageStatus,
  PlanTranslationResult,
  TranslationPlan,
  TranslationStatusResult,
  TranslationsResult,
  TranslationVersion,
} from '../engine';

export type { GitUnavailableCode, LanguageStatus, PlanTranslationResult, TranslationPlan, TranslationStatusResult, TranslationsResult, TranslationVersion };
export { COPY_FILE_COMMAND, DIAGNOSTIC_SOURCE, type CopyFileArgs } from '../engine';

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
 * What the client watches and forwards as `workspace/didChangeWatchedFiles` (or the server registers itself when the
 * client supports dynamic registration): pages and images, the site's shortcode templates, and its Hugo
 * configuration, whose presence tells a full checkout from an excerpt of `content/`.
 */
export const WATCHED_FILE_GLOBS: readonly string[] = [
  '**/content/**',
  '**/layouts/shortcodes/**',
  '**/{hugo,config}.{toml,yaml,yml,json}',
  '**/config/_default/**',
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
} as const;

// --- custom requests ----------------------------------------------------------------------------

export interface TranslationsParams {
  readonly uri: string;
}

/** `istio/translations`: the versions of a content file in every language; `null` outside `content/<lang>/`. */
export const TRANSLATIONS_REQUEST = new RequestType<TranslationsParams, TranslationsResult | null, void>('istio/translations');

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

export interface IndexStatusParams {
  readonly wait?: boolean;
}

export interface IndexStatus {
  readonly sites: ReadonlyArray<{ readonly root: string; readonly state: 'empty' | 'scanning' | 'ready'; readonly files: number }>;
}

/**
 * `istio/indexStatus`: the state of every site index the server holds. With `wait: true` the answer comes once
 * every index is complete (files listed and page summaries read), a real signal for benchmarks and tests.
 */
export const INDEX_STATUS_REQUEST = new RequestType<IndexStatusParams, IndexStatus, void>('istio/indexStatus');
