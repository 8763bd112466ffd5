import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addLanguageEdit, languageDisplayName } from '../../../server/engine/features/translations/languageEdit';
import { hugoConfig, isLanguageFolderConfigured, languageMenus, parseConfig } from '../../../server/engine/site/hugoConfig';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { readLayout } from '../../../server/engine/site/siteLayout';
import { tomlHeaders } from '../../../server/engine/site/tomlSections';
import { MemoryFileSystem } from '../../../server/engine';
import { newlangFile, newlangSite } from '../../support/newlangSite';

const ROOT = '/site';

function siteOf(files: Record<string, string>): SiteIndex {
  const fs = new MemoryFileSystem({ [`${ROOT}/content/en/_index.md`]: '---\ntitle: Home\n---\n', [`${ROOT}/content/es/_index.md`]: '---\ntitle: Inicio\n---\n' });
  for (const [rel, text] of Object.entries(files)) fs.write(`${ROOT}/${rel}`, text);
  return new SiteIndex(fs, readLayout(fs, ROOT));
}

describe('Hugo configuration', () => {
  it('reads the languages, their folders and menus of an istio.io-shaped hugo.toml', () => {
    const fs = newlangSite(ROOT);
    const site = new SiteIndex(fs, readLayout(fs, ROOT));
    const config = hugoConfig(site)!;
    assert.deepEqual([...config.languages!.keys()], ['zh', 'en', 'uk']);
    assert.equal(config.defaultContentLanguage, 'en');
    assert.equal(config.languagesFile?.path, `${ROOT}/hugo.toml`);
    assert.ok(isLanguageFolderConfigured(config, 'zh'));
    assert.ok(!isLanguageFolderConfigured(config, 'es'));
    // English has the site-wide menus; zh and uk their own.
    assert.equal(languageMenus(config, 'en')['main']?.length, 4);
    assert.equal(languageMenus(config, 'zh')['main']?.length, 4);
    assert.equal(languageMenus(config, 'uk')['main']?.length, 1);
    assert.deepEqual(languageMenus(config, 'es'), {});
  });

  it('has none in an excerpt of content/', () => {
    assert.equal(hugoConfig(siteOf({})), undefined);
  });

  it('reads config/_default/ (languages.yaml) under the root file', () => {
    const site = siteOf({
      'config/_default/hugo.yaml': 'title: x\n',
      'config/_default/languages.yaml': 'en:\n  contentDir: content/en\n  weight: 1\nzh:\n  contentDir: content/zh\n  weight: 2\n',
      'config/_default/menus.en.yaml': 'main:\n  - name: Blog\n    url: /blog/\n',
    });
    const config = hugoConfig(site)!;
    assert.deepEqual([...config.languages!.keys()], ['en', 'zh']);
    assert.equal(config.languagesFile?.path, `${ROOT}/config/_default/languages.yaml`);
    assert.deepEqual(languageMenus(config, 'en'), { main: [{ name: 'Blog', url: '/blog/' }] });
  });

  it('counts a module mount of content/<lang> as configured', () => {
    const site = siteOf({ 'hugo.json': '{"languages": {"en": {"contentDir": "content/en"}}, "module": {"mounts": [{"source": "content/es", "target": "content", "lang": "es"}]}}' });
    assert.ok(isLanguageFolderConfigured(hugoConfig(site)!, 'es'));
  });

  it('says a broken file is broken', () => {
    const config = hugoConfig(siteOf({ 'hugo.toml': '[languages\n' }))!;
    assert.ok(config.broken);
  });
});

describe('TOML tables', () => {
  it('finds headers, not lines of multi-line arrays and strings that start with [', () => {
    const text = 'a = [\n  [1, 2],\n]\nb = """\n[not.a.header]\n"""\n[real] # c\nx = 1\n\n# about next\n[[next."q.k"]]\n  y = 2\n';
    const h = tomlHeaders(text);
    assert.deepEqual(h.map((x) => [x.keys, x.array, x.keyIndent]), [[['real'], false, ''], [['next', 'q.k'], true, '  ']]);
    // The comment above [[next]] belongs to it: [real] ends before it.
    assert.equal(text.slice(h[0]!.lineStart, h[0]!.end), '[real] # c\nx = 1\n');
  });
});

describe('adding a language to the configuration', () => {
  it('adds [languages.es] after the last language and its menus after the others, in the file’s own style', () => {
    const fs = newlangSite(ROOT);
    const config = hugoConfig(new SiteIndex(fs, readLayout(fs, ROOT)))!;
    const r = addLanguageEdit(config, 'es', 'Español', true);
    assert.ok(r.ok, JSON.stringify(r));
    const before = newlangFile('hugo.toml');
    const after = r.edit.newText;
    // Every line of the file is still there, in order: only lines were inserted.
    const kept = after.split('\n');
    let i = 0;
    for (const line of before.split('\n')) {
      while (i < kept.length && kept[i] !== line) i++;
      assert.ok(i < kept.length, `line kept: ${line}`);
      i++;
    }
    assert.ok(after.includes('    [languages.uk]\n        contentDir = "content/uk"\n    [languages.es]\n        contentDir = "content/es"\n        languageName = "Español"\n\n[menu]'));
    assert.ok(after.includes('  [[languages.es.menu.main]]\n    identifier = "blog"\n    name = "Blog"\n    title = "Istio Blog"\n    url = "/es/blog/"\n    weight = 2\n'));
    const data = parseConfig(after, 'toml') as { languages: Record<string, { menu?: { main: { url?: string }[] } }> };
    assert.deepEqual(data.languages['es']!.menu!.main.map((m) => m.url), [undefined, '/es/about/service-mesh', '/es/blog/', '/es/docs/']);
    // No weight: the others have none, and a weighted language would sort before them all.
    assert.deepEqual(r.edit.block, { contentDir: 'content/es', languageName: 'Español' });
  });

  it('takes the next weight when the languages have weights, and writes YAML in the file’s indentation', () => {
    const site = siteOf({ 'hugo.yaml': 'title: x\n# languages\nlanguages:\n    en:\n        contentDir: content/en\n        weight: 1\n    zh:\n        contentDir: content/zh # Chinese\n        weight: 2\nmenus:\n    main:\n        - name: Blog\n          url: /blog/\n' });
    const r = addLanguageEdit(hugoConfig(site)!, 'es', 'Español', true);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(
      r.edit.newText,
      'title: x\n# languages\nlanguages:\n    en:\n        contentDir: content/en\n        weight: 1\n    zh:\n        contentDir: content/zh # Chinese\n        weight: 2\n' +
        '    es:\n        contentDir: content/es\n        languageName: Español\n        weight: 3\n        menus:\n            main:\n                - name: Blog\n                  url: /es/blog/\n' +
        'menus:\n    main:\n        - name: Blog\n          url: /blog/\n',
    );
  });

  it('writes JSON after the last language', () => {
    const site = siteOf({ 'hugo.json': '{\n  "languages": {\n    "en": { "contentDir": "content/en" }\n  },\n  "title": "x"\n}\n' });
    const r = addLanguageEdit(hugoConfig(site)!, 'es', 'Español', false);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.edit.newText, '{\n  "languages": {\n    "en": { "contentDir": "content/en" },\n    "es": {\n      "contentDir": "content/es",\n      "languageName": "Español"\n    }\n  },\n  "title": "x"\n}\n');
  });

  it('writes the [en] tables of config/_default/languages.toml', () => {
    const site = siteOf({ 'config/_default/languages.toml': '[en]\n  contentDir = "content/en"\n  weight = 1\n' });
    const r = addLanguageEdit(hugoConfig(site)!, 'es', 'Español', false);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.edit.newText, '[en]\n  contentDir = "content/en"\n  weight = 1\n[es]\n  contentDir = "content/es"\n  languageName = "Español"\n  weight = 2\n');
  });

  it('refuses a site whose configuration names no languages, and an existing language', () => {
    assert.equal(addLanguageEdit(hugoConfig(siteOf({ 'hugo.toml': 'title = "x"\n' }))!, 'es', 'Español', false).ok, false);
    assert.equal(addLanguageEdit(hugoConfig(siteOf({ 'hugo.toml': '[languages.es]\ncontentDir = "content/es"\n' }))!, 'es', 'Español', false).ok, false);
  });

  it('names a language in itself', () => {
    assert.equal(languageDisplayName('es'), 'Español');
    assert.equal(languageDisplayName('qq'), 'qq');
  });
});
