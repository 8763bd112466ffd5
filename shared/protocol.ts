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
  /** Files larger than this many bytes (UTF-16 code units for open documents) are not checked. */
  readonly maxFileSize: number;
}

export const DEFAULT_SETTINGS: IstioSettings = {
  diagnostics: { enable: true },
  maxFileSize: 1_000_000,
};

/**
 * Options a client may pass in `initialize`'s `initializationOptions` (all optional).
 * `debounceMs` overrides the pause after an edit before diagnostics run (the benchmark sets 0 to time
 * the processing alone).
 */
export interface InitializationOptions {
  readonly debounceMs?: number;
}

/** The configuration section the client contributes (`istio.…`). */
export const SETTINGS_SECTION = 'istio';

/** Every diagnostic the server publishes carries this source. */
export const DIAGNOSTIC_SOURCE = 'istio';

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
