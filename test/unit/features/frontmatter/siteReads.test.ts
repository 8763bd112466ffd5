// Frontmatter the site does read (issue 21, cause 2): each case is the real frontmatter of a published istio.io page,
// which built and rendered as intended, so any finding on it was a false alarm.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LanguageService } from '../../../../server/engine/languageService';
import { lc, rangeOf } from '../../../support/fixtures';
import { fmDiagnostics, siteService, summary } from './support';

const W = DiagnosticSeverity.Warning;
const I = DiagnosticSeverity.Information;

/** content/en/about/faq/_index.md: `sidebar_none` is read by layouts/partials/primary_top.html. */
const FAQ = `---
title: FAQ
description: Frequently Asked Questions about Istio.
subtitle: In your search for information about Istio and service mesh technology, we hope this FAQ helps!
weight: 1
layout: faq-landing
aliases:
  - /docs/welcome/faq.html
  - /docs/reference/faq.html
  - /help/faq/
  - /faq.html
icon: faq
skip_toc: false
skip_byline: true
skip_pagenav: true
sidebar_none: true
doc_type: about has-toc
---
`;

/** content/en/news/releases/1.8.x/announcing-1.8/index.md: `linktitle: 1.8` shows as written. */
const NEWS_1_8 = `---
title: Announcing Istio 1.8
linktitle: 1.8
subtitle: Major Update
description: Istio 1.8 release announcement.
publishdate: 2020-11-19
release: 1.8.0
skip_list: true
aliases:
    - /news/announcing-1.8
    - /news/announcing-1.8.0
---
`;

/** content/en/events/banners/latest-release.md: `link: latest_release` is the banner layout's special value. */
const BANNER = `---
title: Latest Release
period_start: latest_release
period_duration: 7
max_impressions: 3
link: latest_release
---

Istio {{< istio_release_name >}} is now available! Click here to learn more
`;

/** content/en/docs/ops/configuration/traffic-management/manage-mesh-certificates/index.md: two owner teams. */
const CERTS = `---
title: Managing In-Mesh Certificates
linktitle: Managing In-Mesh Certificates
description: How to configure certificates within your mesh.
weight: 30
keywords: [traffic-management,proxy]
owner: istio/wg-networking-maintainers,istio/wg-environments-maintainers
test: n/a
---
`;

/** content/uk/docs/tasks/observability/logs/telemetry-api/index.md: `test: так` is free text on a uk page. */
const UK_TELEMETRY = `---
title: Налаштування журналів доступу з Telemetry API
description: Це завдання показує, як налаштувати проксі Envoy для надсилання журналів доступу за допомогою Telemetry API.
weight: 10
keywords: [telemetry,logs,телеметрія,журнали]
owner: istio/wg-policies-and-telemetry-maintainers
test: так
---
`;

/** content/en/events/index.md: a headless bundle, never rendered, so it needs no title. */
const EVENTS = `---
headless: true
test: n/a
---

This file tells Hugo that the files in this directory tree shouldn't be rendered as normal pages on the site.
`;

describe('frontmatter the site reads (real pages, no finding)', () => {
  let service: LanguageService;
  before(async () => {
    service = await siteService();
  });
  const check = (rel: string, text: string) => fmDiagnostics(service, rel, text);

  it('sidebar_none is a known key', () => {
    assert.deepEqual(check('content/en/about/faq/_index.md', FAQ), []);
    assert.deepEqual(check('content/en/docs/setup/_index.md', '---\ntitle: Setup\ntest: n/a\nsidebar_none: true\n---\n'), []);
  });

  it('linktitle: 1.8 shows as written (a note to quote it, like target_release); 1.10 is a warning: it shows as 1.1', () => {
    const rel = 'content/en/news/releases/1.8.x/announcing-1.8/index.md';
    assert.deepEqual(summary(check(rel, NEWS_1_8)), [['frontmatter.version-number', I, lc(3, 12, 3, 15)]]);
    const ten = NEWS_1_8.replace('linktitle: 1.8', 'linktitle: 1.10');
    assert.deepEqual(summary(check(rel, ten)), [['frontmatter.version-number', W, rangeOf(ten, '1.10')]]);
  });

  it('link: latest_release on an event banner', () => {
    assert.deepEqual(check('content/en/events/banners/latest-release.md', BANNER), []);
    const typo = BANNER.replace('link: latest_release', 'link: latest-release');
    assert.deepEqual(summary(check('content/en/events/banners/latest-release.md', typo)), [['frontmatter.invalid-value', W, rangeOf(typo, 'latest-release')]]);
  });

  it('owner may list several teams separated by commas; a misspelt team among them still warns', () => {
    const rel = 'content/en/docs/ops/configuration/traffic-management/manage-mesh-certificates/index.md';
    assert.deepEqual(check(rel, CERTS), []);
    const typo = CERTS.replace('wg-environments-maintainers', 'wg-environment-maintainers');
    assert.deepEqual(summary(check(rel, typo)), [['frontmatter.invalid-value', W, rangeOf(typo, 'istio/wg-networking-maintainers,istio/wg-environment-maintainers')]]);
  });

  it('test: is free text outside English docs (uk `test: так`), and expected only in English docs', () => {
    assert.deepEqual(check('content/uk/docs/tasks/observability/logs/telemetry-api/index.md', UK_TELEMETRY), []);
    const noTest = UK_TELEMETRY.replace('test: так\n', '');
    assert.deepEqual(check('content/uk/docs/tasks/observability/logs/telemetry-api/index.md', noTest), []);
    assert.deepEqual(check('content/zh/docs/tasks/observability/logs/telemetry-api/index.md', noTest), []);
    // In English docs, make lint requires the line and the doc tests read its value.
    const en = 'content/en/docs/tasks/observability/logs/telemetry-api/index.md';
    assert.deepEqual(check(en, noTest).map((d) => d.code), ['frontmatter.missing-recommended']);
    assert.deepEqual(check(en, UK_TELEMETRY).map((d) => [d.code, d.severity]), [['frontmatter.invalid-value', W]]);
  });

  it('a headless bundle needs no title: it is never rendered', () => {
    assert.deepEqual(check('content/en/events/index.md', EVENTS), []);
    assert.deepEqual(check('content/en/docs/headless/index.md', EVENTS), []);
    // A rendered docs page still needs one.
    assert.deepEqual(check('content/en/docs/rendered/index.md', EVENTS.replace('headless: true', 'headless: false')).map((d) => d.code), ['frontmatter.missing-required']);
  });

  it('an empty description: is at most the missing-recommended warning (the base template skips the period check)', () => {
    const post = 'content/en/blog/2023/istiocon-china/index.md';
    const text = '---\ntitle: "IstioCon China 2023 wrap-up"\ndescription:\npublishdate: 2023-09-29\nattribution: "Istio Steering Committee"\nkeywords: [Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]\n---\n';
    assert.deepEqual(summary(check(post, text)), [['frontmatter.missing-recommended', W, rangeOf(text, 'description')]]);
    const docs = 'content/en/docs/setup/page/index.md';
    assert.deepEqual(check(docs, '---\ntitle: Page\ndescription:\ntest: n/a\n---\n'), []);
  });
});
