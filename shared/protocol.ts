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
  readonly links: {
    /** Globs of link and image targets, as written, that are never checked (`/docs/reference/**`, `*.pdf`). */
    readonly ignore: readonly string[];
  };
}

export const DEFAULT_SETTINGS: IstioSettings = {
  diagnostics: { enable: true },
  links: { ignore: [] },
};

/** The configuration section the client contributes (`istio.…`). */
export const SETTINGS_SECTION = 'istio';

/** Every diagnostic the server publishes carries this source. */
export const DIAGNOSTIC_SOURCE = 'istio';

/** Copies `source` to `target` without ever overwriting (`workspace/executeCommand`, the "copy the image" fix). */
export const COPY_FILE_COMMAND = 'istio.copyFile';

export interface CopyFileArgs {
  readonly source: string;
  readonly target: string;
}
