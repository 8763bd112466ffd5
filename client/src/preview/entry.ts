/**
 * The preview's own bundle, `dist/preview.js`: the extension loads it on the first render, so that activation (and
 * with it the language server's start) does not wait for the engine, YAML and JSON Schema code the preview draws with.
 */
export { istioPreviewPlugin } from './plugin';
export { vscodePreviewHost, watchPreviewFiles } from './vscodePreviewHost';
