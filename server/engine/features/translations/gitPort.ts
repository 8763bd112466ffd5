/**
 * The git answers the translation-status report needs, as a port: the engine decides what to ask and what the
 * answers mean (`staleness.ts`), an adapter answers (the server runs the `git` command line). Injected through
 * `LanguageServiceOptions.git`, as the file system is, so the engine stays free of Node and the rules are tested
 * without git.
 */
import type { Commit } from './staleness';
import type { GitUnavailableCode } from './types';

/** The repository holding a folder and its HEAD, or why there is none. */
export type GitRepository =
  | { readonly ok: true; readonly root: string; readonly head: string }
  | { readonly ok: false; readonly reason: string; readonly code: GitUnavailableCode };

export interface GitPort {
  /** The repository holding `dir` (an engine path) and its HEAD, or why there is none. */
  openRepository(dir: string): Promise<GitRepository>;
  /**
   * Turns engine paths into paths relative to the repository root, as git names them: symbolic links are resolved
   * first (macOS /tmp is /private/tmp), and a file that does not exist yet is placed by its folder. A function, so
   * the root is resolved once per report rather than once per page.
   */
  relativeTo(repoRoot: string): (path: string) => string;
  /**
   * Every Markdown file's history under `contentDir` (repository-relative), newest first, keyed by repository-relative
   * path: one log for the whole site rather than one per page.
   */
  contentHistory(repoRoot: string, contentDir: string): Promise<ReadonlyMap<string, readonly Commit[]>>;
  /** The blob ids of `rev:path`, keyed `rev:path`, `undefined` where the file is absent at `rev`; all in one batch. */
  blobIds(repoRoot: string, queries: readonly { readonly rev: string; readonly path: string }[]): Promise<ReadonlyMap<string, string | undefined>>;
}
