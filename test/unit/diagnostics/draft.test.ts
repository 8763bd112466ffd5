// Draft pages (issue 21, cause 4): Hugo renders none, so what fails the build while rendering is only a warning on a
// draft, worded as failing once the page is published; what fails while Hugo reads the page stays an error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CATALOG, failsOnlyWhenPublished } from '../../../server/engine/diagnostics/catalog';
import { LanguageService } from '../../../server/engine/languageService';
import { doc, MEM_ROOT, memorySite } from '../../support/fixtures';
import { cataloged } from './cataloged';

/**
 * content/en/docs/ambient/install/helm/all-in-one/index.md (en, zh and uk are drafts), its frontmatter and the
 * commented-out text block: Hugo runs shortcodes inside HTML comments, so the tag's indentation fails the text
 * template once the page is published.
 */
const ALL_IN_ONE = `---
title: Install with Helm (simple)
description: Install Istio with support for ambient mode with Helm using a single chart.
weight: 4
owner: istio/wg-environments-maintainers
test: yes
draft: true
---

<!-- ### Base components -->

<!-- The \`base\` chart contains the basic CRDs and cluster roles required to set up Istio. -->
<!-- This should be installed prior to any other Istio component. -->

<!-- {{< text syntax=bash snip_id=install_base >}} -->
<!-- $ helm install istio-base istio/base -n istio-system --create-namespace --wait -->
<!-- {{< /text >}} -->
`;

const REL = 'content/en/docs/ambient/install/helm/all-in-one/index.md';

async function check(text: string) {
  const fs = memorySite({ 'hugo.toml': '' });
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  try {
    const path = `${MEM_ROOT}/${REL}`;
    return cataloged(service.diagnostics(path, doc(path, text)), REL).diagnostics.map((d) => [d.code, d.severity, d.message] as const);
  } finally {
    service.dispose();
  }
}

describe('draft pages', () => {
  it('a render-time build error on a draft is a warning that says it fails when the page is published', async () => {
    const ds = await check(ALL_IN_ONE);
    assert.deepEqual(
      ds.map(([code, severity]) => [code, severity]),
      [['text.bad-indentation', DiagnosticSeverity.Warning]],
    );
    assert.match(ds[0]![2], /^Fails the build when the page is published \(a draft is not rendered\): /);
  });

  it('the same page published reports the error', async () => {
    const ds = await check(ALL_IN_ONE.replace('draft: true\n', ''));
    assert.deepEqual(
      ds.map(([code, severity]) => [code, severity]),
      [['text.bad-indentation', DiagnosticSeverity.Error]],
    );
    assert.doesNotMatch(ds[0]![2], /published/);
  });

  it('what Hugo rejects while reading the page stays an error on a draft (an unclosed tip)', async () => {
    const ds = await check(`${ALL_IN_ONE}\n{{< tip >}}\nNever closed.\n`);
    assert.deepEqual(
      ds.map(([code, severity]) => [code, severity]),
      [
        ['shortcode.unclosed', DiagnosticSeverity.Error],
        ['text.bad-indentation', DiagnosticSeverity.Warning],
      ],
    );
  });

  it('the catalog decides which codes: those that fail the build, except those that fail while Hugo reads the page', () => {
    const demoted = DIAGNOSTIC_CATALOG.filter((c) => failsOnlyWhenPublished(c.code)).map((c) => c.code);
    assert.ok(demoted.includes('text.bad-indentation') && demoted.includes('image.not-found'));
    assert.ok(!demoted.includes('shortcode.unclosed') && !demoted.includes('frontmatter.yaml-syntax') && !demoted.includes('link.page-not-found'));
  });
});
