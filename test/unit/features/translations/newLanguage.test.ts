import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../../../server/engine/languageService';
import { untranslatedCopy } from '../../../../server/engine/features/translations/newLanguage';
import { memorySite } from '../../../support/fixtures';
import { newlangFile, newlangSite } from '../../../support/newlangSite';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };
const ROOT = '/site';

describe('Start a New Language', () => {
  it('plans the configuration block, the menus and the i18n file, and copies no page', async () => {
    const fs = newlangSite(ROOT, { 'content/es/blog/2023/istiocon-china/index.md': null });
    const service = new LanguageService({ fs, scan: noPause });
    const r = await service.planNewLanguage(ROOT, 'es', 'Español');
    assert.ok(r.ok, JSON.stringify(r));
    const { plan } = r;
    assert.deepEqual(plan.edits.map((e) => e.uri), [`file://${ROOT}/hugo.toml`]);
    const config = TextDocument.applyEdits(TextDocument.create('file:///x', 'toml', 1, newlangFile('hugo.toml')), [...plan.edits[0]!.edits]);
    assert.ok(config.includes('    [languages.es]\n        contentDir = "content/es"\n        languageName = "Español"\n'));
    assert.equal(config.match(/\[\[languages\.es\.menu\.main\]\]/g)?.length, 4);
    assert.deepEqual(plan.creates.map((c) => c.uri), [`file://${ROOT}/i18n/es.toml`]);
    const i18n = plan.creates[0]!.text;
    assert.equal(i18n.match(/^# TODO translate$/gm)?.length, 131);
    assert.ok(i18n.includes('# TODO translate\n[search]\nother = "Search this site"\n'));
    assert.deepEqual(plan.summary, [
      'hugo.toml: [languages.es] with contentDir = "content/es", languageName = "Español".',
      'hugo.toml: 4 entries of the main menu copied from en, with /es before their URLs; translate their names and titles.',
      'i18n/es.toml: 131 interface strings copied from i18n/en.toml, each marked # TODO translate.',
      'Still to do: content/es/boilerplates/ (en has 3); pages that use a missing one fail the build.',
      'Still to do: content/es/docs/reference/glossary/ (en has 2 terms); a gloss without its entry fails the build.',
      'No page was copied: create each with Istio: Create Translation.',
    ]);

    // Once applied, readiness counts every string as untranslated: they are marked.
    fs.write(`${ROOT}/hugo.toml`, config);
    fs.write(`${ROOT}/i18n/es.toml`, i18n);
    service.fileChanged(`${ROOT}/hugo.toml`, 'changed');
    const es = (await service.translationStatus(ROOT, { trusted: false }))?.readiness?.find((x) => x.lang === 'es');
    assert.equal(es?.configured, true);
    assert.deepEqual([es?.strings?.translated, es?.strings?.total, es?.strings?.untranslated[0]?.reason], [0, 131, 'marked']);
    assert.deepEqual(es?.menus, [{ menu: 'main', entries: 4, sourceEntries: 4 }]);
  });

  it('never plans over an existing i18n file, and refuses an existing language or an excerpt', async () => {
    const service = new LanguageService({ fs: newlangSite(ROOT, { 'i18n/es.toml': '[search]\nother = "Buscar"\n' }), scan: noPause });
    const r = await service.planNewLanguage(ROOT, 'es', 'Español');
    assert.ok(r.ok);
    assert.deepEqual(r.plan.creates, []);
    assert.ok(r.plan.summary.includes('i18n/es.toml exists and was left as it is.'));
    const uk = await service.planNewLanguage(ROOT, 'uk', 'Українська');
    assert.deepEqual(uk.ok ? undefined : uk.reason, 'exists');
    const excerpt = await new LanguageService({ fs: memorySite(), scan: noPause }).planNewLanguage('/site', 'es', 'Español');
    assert.deepEqual(excerpt.ok ? undefined : excerpt.reason, 'no-config');
    assert.deepEqual((await service.planNewLanguage(ROOT, 'Spanish!', 'x')).ok, false);
  });

  it('marks flat TOML and YAML strings files too', () => {
    assert.equal(untranslatedCopy('search = "Search"\nblog = "Blog"\n', 'toml', 'es', 'i18n/en.toml').split('\n').slice(2).join('\n'), '# TODO translate\nsearch = "Search"\n# TODO translate\nblog = "Blog"\n');
    assert.equal(untranslatedCopy('search:\n  other: Search\n', 'yaml', 'es', 'i18n/en.yaml').split('\n').slice(2).join('\n'), '# TODO translate\nsearch:\n  other: Search\n');
  });
});
