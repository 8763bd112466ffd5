import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../../../server/engine/languageService';
import { doc, memorySite } from '../../../support/fixtures';
import { newlangFile, newlangSite } from '../../../support/newlangSite';
import { cataloged } from '../../diagnostics/cataloged';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };
const ROOT = '/site';
const SEED = 'content/es/blog/2023/istiocon-china/index.md';

function check(service: LanguageService, rel: string, text: string): Diagnostic[] {
  const path = `${ROOT}/${rel}`;
  return cataloged(service.diagnostics(path, doc(path, text)), rel).diagnostics.filter((d) => d.code === 'site.language-not-configured');
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const d = TextDocument.create('file:///x', 'toml', 1, text);
  return TextDocument.applyEdits(d, [...edits]);
}

describe('a language folder Hugo does not read', () => {
  it('warns on the seed post of the unconfigured es folder, with a fix that adds [languages.es] to hugo.toml', () => {
    const fs = newlangSite(ROOT);
    const service = new LanguageService({ fs, scan: noPause });
    const text = newlangFile(SEED);
    const [d, ...more] = check(service, SEED, text);
    assert.equal(more.length, 0);
    assert.equal(d!.severity, DiagnosticSeverity.Warning);
    assert.equal(d!.message, 'Hugo ignores `content/es/`: `hugo.toml` has no `[languages.es]`, so this page is not published.');
    assert.deepEqual(d!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });

    const actions: CodeAction[] = service.codeActions(`${ROOT}/${SEED}`, doc(`${ROOT}/${SEED}`, text), d!.range, [d!]);
    assert.deepEqual(actions.map((a) => a.title), ['Add [languages.es] to hugo.toml']);
    const changes = actions[0]!.edit!.changes!;
    assert.deepEqual(Object.keys(changes), [`file://${ROOT}/hugo.toml`]);
    const edited = applyEdits(newlangFile('hugo.toml'), changes[`file://${ROOT}/hugo.toml`]!);
    assert.ok(edited.includes('    [languages.es]\n        contentDir = "content/es"\n        languageName = "Español"\n'));

    // Once the configuration has it, every es page is quiet.
    fs.write(`${ROOT}/hugo.toml`, edited);
    service.fileChanged(`${ROOT}/hugo.toml`, 'changed');
    assert.deepEqual(check(service, SEED, text), []);
  });

  it('says nothing of configured languages, nor in an excerpt of content/ (no Hugo configuration)', () => {
    const configured = new LanguageService({ fs: newlangSite(ROOT), scan: noPause });
    assert.deepEqual(check(configured, 'content/zh/blog/2020/proxy-cert/index.md', newlangFile('content/zh/blog/2020/proxy-cert/index.md')), []);
    const excerpt = new LanguageService({ fs: memorySite({ [SEED]: newlangFile(SEED) }), scan: noPause });
    assert.deepEqual(check(excerpt, SEED, newlangFile(SEED)), []);
  });

  it('says a language keyed es whose contentDir is elsewhere does not read content/es/, and offers no fix', () => {
    const fs = newlangSite(ROOT, { 'hugo.toml': newlangFile('hugo.toml').replace('# internationalization\n[languages]\n', '# internationalization\n[languages]\n    [languages.es]\n        contentDir = "content/spanish"\n') });
    const [d] = check(new LanguageService({ fs, scan: noPause }), SEED, newlangFile(SEED));
    assert.equal(d!.message, 'Hugo ignores `content/es/`: `[languages.es]` in `hugo.toml` does not name it as its contentDir, so this page is not published.');
    assert.equal((d!.data as { fixes?: unknown }).fixes, undefined);
  });

  it('offers no action whose edit the client turned towards a file other than the site configuration', () => {
    const service = new LanguageService({ fs: newlangSite(ROOT), scan: noPause });
    const text = newlangFile(SEED);
    const [d] = check(service, SEED, text);
    const tampered = JSON.parse(JSON.stringify(d).replaceAll(`${ROOT}/hugo.toml`, `${ROOT}/content/en/blog/2023/istiocon-china/index.md`)) as Diagnostic;
    assert.deepEqual(service.codeActions(`${ROOT}/${SEED}`, doc(`${ROOT}/${SEED}`, text), tampered.range, [tampered]), []);
  });
});
