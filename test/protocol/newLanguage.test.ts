import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PLAN_NEW_LANGUAGE_REQUEST, TRANSLATION_STATUS_REQUEST, type PlanNewLanguageResult, type TranslationStatusResult } from '../../server/protocol';
import { serverForSuite } from '../support/lspClient';
import { NEWLANG_SITE } from '../support/newlangSite';

const uri = (rel: string): string => pathToFileURL(path.join(NEWLANG_SITE, rel)).href;

describe('istio/planNewLanguage over stdio', () => {
  const client = serverForSuite(NEWLANG_SITE);

  it('plans es for the istio.io-shaped site (configuration edits as ranges, the i18n file to create), writing nothing', async () => {
    const r = await client().request<PlanNewLanguageResult>(PLAN_NEW_LANGUAGE_REQUEST.method, { uri: uri('hugo.toml'), lang: 'es', name: 'Español' });
    assert.ok(r.ok, JSON.stringify(r));
    // Inserted after `[languages.uk]` (line 32, 1-based) and after the last uk menu entry (line 98).
    assert.deepEqual(r.plan.edits.map((e) => [e.uri, e.edits.map((x) => x.range.start.line)]), [[uri('hugo.toml'), [32, 98]]]);
    assert.deepEqual(r.plan.creates.map((c) => c.uri), [uri('i18n/es.toml')]);
    const refused = await client().request<PlanNewLanguageResult>(PLAN_NEW_LANGUAGE_REQUEST.method, { uri: uri('hugo.toml'), lang: 'zh', name: '中文' });
    assert.deepEqual(refused, { ok: false, reason: 'exists', message: 'The configuration already has the language zh.' });
  });

  it('gives es its readiness in the translation status', async () => {
    const r = await client().request<TranslationStatusResult | null>(TRANSLATION_STATUS_REQUEST.method, { uri: uri('hugo.toml'), trusted: false });
    const es = r?.readiness?.find((x) => x.lang === 'es');
    assert.deepEqual([es?.configured, es?.strings?.translated, es?.strings?.total, es?.boilerplates.present, es?.boilerplates.needed, es?.glossary.present], [false, 0, 131, 0, 3, 0]);
  });
});
