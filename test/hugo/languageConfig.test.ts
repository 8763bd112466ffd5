// The Spanish seed post, before and after the engine's own quick fix: Hugo ignores content/es/ while hugo.toml has no
// [languages.es], and publishes the page once the fix's edit is applied to the very hugo.toml Hugo builds with.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService, MemoryFileSystem } from '../../server/engine';
import { newlangFile } from '../support/newlangSite';
import { baseConfig, buildSite, type HugoBuild } from './lib/hugo';

const SEED = 'content/es/blog/2023/istiocon-china/index.md';
// The base site has no `image` template: the seed post without its figures (the text and frontmatter as written).
const PAGE = newlangFile(SEED).replace(/\{\{< image[\s\S]*?>\}\}\n\n/g, '');
const FILES = { 'content/en/_index.md': '---\ntitle: Istio\n---\n', [SEED]: PAGE };
const OUTPUT = 'es/blog/2023/istiocon-china/index.html';

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

/** The engine's quick fix for the page, applied to `config` as the editor applies a workspace edit. */
function fixedConfig(config: string): { diagnostic: Diagnostic; config: string } {
  const fs = new MemoryFileSystem({ '/site/hugo.toml': config, ...Object.fromEntries(Object.entries(FILES).map(([k, v]) => [`/site/${k}`, v])) });
  const service = new LanguageService({ fs, scanSites: false });
  const doc = TextDocument.create(`file:///site/${SEED}`, 'markdown', 1, PAGE);
  const diagnostic = service.diagnostics(`/site/${SEED}`, doc).diagnostics.find((d) => d.code === 'site.language-not-configured');
  assert.ok(diagnostic, 'the engine reports the unconfigured language');
  const [action] = service.codeActions(`/site/${SEED}`, doc, diagnostic.range, [diagnostic]);
  const edits = action?.edit?.changes?.['file:///site/hugo.toml'];
  assert.ok(edits, 'the fix edits hugo.toml');
  return { diagnostic, config: TextDocument.applyEdits(TextDocument.create('file:///site/hugo.toml', 'toml', 1, config), edits) };
}

test('Hugo ignores content/es/ until the quick fix adds [languages.es] to hugo.toml', () => {
  const before = buildSite(FILES);
  builds.push(before);
  assert.ok(before.ok, before.log);
  assert.equal(before.output(OUTPUT), undefined, 'not published while hugo.toml has no [languages.es]');

  const { diagnostic, config } = fixedConfig(baseConfig());
  assert.match(diagnostic.message, /^Hugo ignores `content\/es\/`: `hugo.toml` has no `\[languages.es\]`/);
  const fixed = buildSite({ ...FILES, 'hugo.toml': config }, { replaceConfig: true });
  builds.push(fixed);
  assert.ok(fixed.ok, fixed.log);
  const html = fixed.output(OUTPUT);
  assert.ok(html, `published after the fix; public/ has ${fixed.output('es/index.html') === undefined ? 'no es home' : 'an es home'}`);
  assert.match(html, /Es estupendo poder volver a reunirnos en persona/);
  // The fix names the language as Hugo shows it in a language switcher.
  assert.match(config, /\[languages\.es\]\ncontentDir = "content\/es"\nlanguageName = "Español"\n/);
});
