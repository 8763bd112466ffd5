import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Commands } from '../../../server/protocol';
import { commandUri, renderStatusReport } from '../../../client/src/translations/statusReportHtml';

const es = {
  lang: 'es',
  configured: false,
  strings: { total: 131, translated: 0, untranslated: [{ id: 'search', source: 'Search <this> site', reason: 'missing' as const }] },
  menus: [{ menu: 'main', entries: 0, sourceEntries: 4 }],
  boilerplates: { present: 0, needed: 3, missing: ['alpha'], failing: [{ path: 'es/blog/2020/proxy-cert/index.md', uri: 'file:///site/content/es/blog/2020/proxy-cert/index.md', names: ['alpha'] }] },
  glossary: { present: 0, used: 1, failing: [] },
};

describe('translation status report: language readiness', () => {
  it('shows each language’s configuration, strings, menus, boilerplates and glossary, and the pages that fail', () => {
    const html = renderStatusReport({
      siteRoot: 'file:///site',
      sourceLang: 'en',
      sourcePages: 3,
      git: { available: false, reason: 'x' },
      languages: [{ lang: 'es', translated: 1, missing: [], stale: [], upToDate: 0, uncommitted: [], withoutSource: [] }],
      readiness: [es],
    });
    assert.ok(html.includes('<tr><th><a href="#ready-es">es</a></th><td><span class="warn">no</span></td><td>0/131</td><td>main 0/4</td><td>0/3</td><td>0 present, 1 used</td><td><span class="warn">1 pages fail the build</span></td></tr>'));
    assert.ok(html.includes('Hugo ignores content/es/: the configuration has no language for it.'));
    assert.ok(html.includes(`href="${commandUri(Commands.startNewLanguage, { lang: 'es' }).replace(/'/g, '&#39;')}"`), 'a link that starts the language');
    assert.ok(html.includes('<code>search</code> <span class="muted">missing: Search &#60;this&#62; site</span>'), 'strings are escaped');
    assert.ok(html.includes('Interface strings (i18n/es): 0 of 131 translated.'));
    assert.ok(html.includes('These pages fail the build without them (1):'));
  });
});
