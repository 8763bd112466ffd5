/**
 * smol-toml ships its types as an ECMAScript module, which a CommonJS project (this one: esbuild bundles it, tsx
 * runs the tests) may not import under `moduleResolution: Node16`, though Node's `require` finds the package's own
 * CommonJS build. This ambient declaration of the part the engine uses takes precedence over the package's types.
 */
declare module 'smol-toml' {
  /** Parses a TOML document; throws (a `TomlError`, with `line` and `column`) on invalid TOML. */
  export function parse(text: string): Record<string, unknown>;
}
