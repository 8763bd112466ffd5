import type { BuiltInValidators } from '../../engine';

/**
 * The built-in frontmatter schemas' validators, compiled at build time: esbuild.mjs replaces this module in the
 * bundles with ajv's standalone code (scripts/build/frontmatterValidators.ts). Run from the sources (the tests), there
 * are none, and the engine compiles the schemas on first use.
 */
export const FRONTMATTER_VALIDATORS: BuiltInValidators | undefined = undefined;
