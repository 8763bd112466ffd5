// Bundles the VS Code client and the language server into dist/.
// `--watch` rebuilds on change; `--production` minifies and drops source maps.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const version = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  // Data files (shortcode catalog, schemas) are imported as JSON and bundled.
  loader: { '.json': 'json' },
  // jsonc-parser's UMD build requires its modules dynamically; its ESM build bundles (the engine, in every bundle,
  // edits a hugo.json with it).
  mainFields: ['module', 'main'],
};

/** What the validators are made from: the schemas, the engine's ajv set-up and the generator (`--watch` follows them). */
const validatorSources = () => [
  ...readdirSync('server/data/schemas').map((f) => join('server/data/schemas', f)),
  'server/engine/features/frontmatter/schemaStore.ts',
  'scripts/build/frontmatterValidators.ts',
];
/** The generated code, made once per change of its sources (both bundles use it). */
let validators;
/**
 * The built-in frontmatter schemas' validators, compiled here (ajv's standalone code) instead of in every process at
 * run time (80-100 ms): this plugin puts them in place of server/src/node/frontmatterValidators.ts, which exports
 * none when the sources run unbundled (the tests). The code comes from the engine's own ajv set-up and schemas.
 */
function precompiledValidators() {
  return {
    name: 'frontmatter-validators',
    setup(build) {
      build.onLoad({ filter: /[\\/]server[\\/]src[\\/]node[\\/]frontmatterValidators\.ts$/ }, () => {
        const watchFiles = validatorSources().map((f) => resolve(f));
        const stamp = watchFiles.map((f) => statSync(f).mtimeMs).join(',');
        if (validators?.stamp !== stamp) {
          const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build/frontmatterValidators.ts'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
          if (r.status !== 0) throw new Error(`compiling the frontmatter validators failed:\n${r.stderr}`);
          validators = { stamp, code: r.stdout };
        }
        return { contents: validators.code, loader: 'js', watchFiles };
      });
    },
  };
}

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The Markdown preview's plugin, which the extension loads on the first render (not at activation).
  { ...common, entryPoints: ['client/src/preview/entry.ts'], outfile: 'dist/preview.js', external: ['vscode'] },
  // The server reports the package's version in `initialize` (serverInfo).
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', define: { __VERSION__: JSON.stringify(version) }, plugins: [precompiledValidators()] },
  // The CLI (bin/istio-authoring); not shipped in the VSIX (.vscodeignore is an allow-list).
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    define: { __VERSION__: JSON.stringify(version) },
    plugins: [precompiledValidators()],
  },
];

/**
 * mdspell's dictionary (`--en-us`: hunspell en_US-large from npm markdown-spellcheck), next to the server and the CLI:
 * the installed extension has no node_modules. Its README is the dictionary's license (SCOWL, Ispell, UKACD, WordNet),
 * which asks to ship its text verbatim. The site's own `.spelling` is never bundled: it is read from the site.
 */
function copyDictionary() {
  const data = join(dirname(createRequire(import.meta.url).resolve('markdown-spellcheck/package.json')), 'data');
  mkdirSync('dist/dictionaries', { recursive: true });
  for (const f of ['en_US-large.aff', 'en_US-large.dic', 'README_en_US-large.txt']) copyFileSync(join(data, f), join('dist/dictionaries', f));
}
copyDictionary();

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching client and server sources');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
