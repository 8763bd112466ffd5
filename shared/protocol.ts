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
}

export const DEFAULT_SETTINGS: IstioSettings = {
  diagnostics: { enable: true },
};

/** The configuration section the client contributes (`istio.…`). */
export const SETTINGS_SECTION = 'istio';

/** Every diagnostic the server publishes carries this source. */
export const DIAGNOSTIC_SOURCE = 'istio';
