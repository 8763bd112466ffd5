/** Set while the active editor shows a content page (`content/<lang>/…`): drives menus and the keybinding. */
export const CONTENT_FILE_CONTEXT = 'istio.contentFile';
/** Set while the active editor shows a page in a language other than the source's: Open Source Side by Side. */
export const TRANSLATION_FILE_CONTEXT = 'istio.translationFile';

/** The scheme of read-only documents holding a file's text at a git commit: `istio-git:/abs/path?<commit>`. */
export const GIT_SCHEME = 'istio-git';

/** Arguments of Go to Translation. */
export interface GoToTranslationArgs {
  /** Open beside the current editor. */
  readonly beside?: boolean;
  /** Open this language without asking. */
  readonly lang?: string;
}

/** Arguments of Create Translation (all optional: without them it asks). */
export interface CreateTranslationArgs {
  /** The page to translate; the active editor's by default. */
  readonly uri?: string;
  readonly lang?: string;
}

export interface DiffSourceArgs {
  readonly sourceUri: string;
  readonly commit: string;
  readonly title?: string;
}
