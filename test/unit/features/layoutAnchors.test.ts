// Anchors the site's layouts and scripts create (issue 21, cause 1): FAQ section and question ids, the glossary's
// term ids seen from a term file, tab values as hashes, and browser text fragments. The pages are real istio.io
// files (shortened where marked), checked in a full checkout so that nothing hides behind "not checked out".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/engine/languageService';
import { readFixes } from '../../../server/engine/features/quickFix';
import { doc, MEM_ROOT, memorySite, rangeOf } from '../../support/fixtures';
import { cataloged } from '../diagnostics/cataloged';

/** content/en/about/faq/_index.md (its body shortened). */
const FAQ_LANDING = `---
title: FAQ
description: Frequently Asked Questions about Istio.
subtitle: In your search for information about Istio and service mesh technology, we hope this FAQ helps!
weight: 1
layout: faq-landing
icon: faq
skip_toc: false
skip_byline: true
skip_pagenav: true
sidebar_none: true
doc_type: about has-toc
---
`;
/** content/en/about/faq/setup/index.md */
const FAQ_SETUP = `---
title: Setup FAQ
linktitle: Setup
description: Setup Q & A.
weight: 20
layout: faq
aliases:
  - /help/faq/setup
---
`;
/** content/en/about/faq/setup/install-method-selection.md (its first paragraph). */
const QUESTION = `---
title: Which Istio installation method should I use?
weight: 10
---

In addition to the simple [getting started](/docs/setup/getting-started) evaluation install, there are several different
methods you can use to install Istio. Which one you should use depends on your production requirements.
`;
/** A line of content/en/news/releases/1.8.x/announcing-1.8/index.md. */
const NEWS = `---
title: Announcing Istio 1.8
description: Istio 1.8 release announcement.
---

Given the several methods of installation that Istio now supports, we've added a [which Istio installation method should I use?](/about/faq/#install-method-selection) FAQ page to help users understand which method may be best suited to their particular use case.
`;
/** content/en/about/ecosystem/index.md (two of its three tabs). */
const ECOSYSTEM = `---
title: Ecosystem
description: A list of Istio providers, professional services companies and integrations.
---

{{< tabset category-name="ecosystem-type" class="tabset--ecosystem" forget-tab=true >}}

{{< tab
    name="providers"
    category-value="providers"
    description="Many companies build platforms and services that install, manage, and implement Istio for you."
>}}

{{< companies items="providers">}}

{{< /tab >}}

{{< tab
    name="pro services"
    category-value="services"
    description="There are many people who can help you set up your Istio configuration."
>}}

{{< interactive_panels items="pro_services" >}}

{{< /tab >}}

{{< /tabset >}}
`;
/** content/en/docs/reference/glossary/service-mesh.md, with its links written as in-page `#` links. */
const TERM = `---
title: Service Mesh
---
A *service mesh* or simply *mesh* is an infrastructure layer that enables
managed, observable and secure communication between
[workload instances](#workload-instance).
`;

const FILES = {
  'hugo.toml': '',
  'content/en/about/faq/_index.md': FAQ_LANDING,
  'content/en/about/faq/setup/index.md': FAQ_SETUP,
  'content/en/about/faq/setup/install-method-selection.md': QUESTION,
  'content/en/about/faq/security/index.md': '---\ntitle: Security FAQ\nlinktitle: Security\nlayout: faq\n---\n',
  'content/en/about/faq/security/is-ztunnel-a-SPOF.md': '---\ntitle: Is ztunnel a single point of failure?\n---\n\nNo.\n',
  'content/en/about/ecosystem/index.md': ECOSYSTEM,
  'content/en/news/announcing-1.8/index.md': NEWS,
  'content/en/docs/reference/glossary/service-mesh.md': TERM,
  'content/en/docs/reference/glossary/workload-instance.md': '---\ntitle: Workload Instance\n---\nA single instantiation of a workload.\n',
};

async function anchorProblems(rel: string, text: string): Promise<Diagnostic[]> {
  const fs = memorySite(FILES);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  try {
    await service.siteOf(`${MEM_ROOT}/${rel}`)!.summarized();
    const path = `${MEM_ROOT}/${rel}`;
    return cataloged(service.diagnostics(path, doc(path, text)), rel).diagnostics.filter((d) => /^link\./.test(String(d.code)));
  } finally {
    service.dispose();
  }
}

const NEWS_PAGE = 'content/en/news/announcing-1.8/index.md';
const withLink = (target: string): string => NEWS.replace('/about/faq/#install-method-selection', target);

describe('anchors the site’s layouts create', () => {
  it('the FAQ landing page has an id for each question, urlize(<file base name>): the real link resolves', async () => {
    assert.deepEqual(await anchorProblems(NEWS_PAGE, NEWS), []);
    // `is-ztunnel-a-SPOF.md`: urlize lower-cases it.
    assert.deepEqual(await anchorProblems(NEWS_PAGE, withLink('/about/faq/#is-ztunnel-a-spof')), []);
  });

  it('the FAQ landing page has an id for each section, urlize(LinkTitle); an FAQ section page one for each question', async () => {
    assert.deepEqual(await anchorProblems(NEWS_PAGE, withLink('/about/faq/#setup')), []);
    assert.deepEqual(await anchorProblems(NEWS_PAGE, withLink('/about/faq/setup/#install-method-selection')), []);
    assert.deepEqual(await anchorProblems(NEWS_PAGE, withLink('/about/faq/security/#is-ztunnel-a-spof')), []);
  });

  it('an id no layout creates is still reported, with the generated id it probably means', async () => {
    const text = withLink('/about/faq/#install-method-selections');
    const ds = await anchorProblems(NEWS_PAGE, text);
    assert.deepEqual(
      ds.map((d) => [d.code, d.range, readFixes(d.data).map((f) => f.edits[0]!.newText)]),
      [['link.anchor-not-found', rangeOf(text, 'install-method-selections'), ['install-method-selection']]],
    );
  });

  it("a tab's category-value is a hash the site's tab script opens: /about/ecosystem/#services", async () => {
    assert.deepEqual(await anchorProblems(NEWS_PAGE, withLink('/about/ecosystem/#services')), []);
    assert.deepEqual((await anchorProblems(NEWS_PAGE, withLink('/about/ecosystem/#service'))).map((d) => d.code), ['link.anchor-not-found']);
  });

  it('a browser text fragment (#:~:text=…) is never checked as an id', async () => {
    assert.deepEqual(await anchorProblems(NEWS_PAGE, withLink('/about/ecosystem/#:~:text=pro%20services')), []);
    assert.deepEqual(await anchorProblems(NEWS_PAGE, withLink('#:~:text=installation%20method')), []);
    // The id before the directive is still an id.
    assert.deepEqual((await anchorProblems(NEWS_PAGE, withLink('/about/ecosystem/#nowhere:~:text=x'))).map((d) => d.code), ['link.anchor-not-found']);
  });

  it('#x in a glossary term file resolves against the glossary page it is shown in', async () => {
    const rel = 'content/en/docs/reference/glossary/service-mesh.md';
    assert.deepEqual(await anchorProblems(rel, TERM), []);
    const typo = TERM.replace('#workload-instance', '#workload-instanse');
    const ds = await anchorProblems(rel, typo);
    assert.deepEqual(
      ds.map((d) => [d.code, d.message]),
      [['link.anchor-not-found', 'No heading with the id `workload-instanse` in `/docs/reference/glossary/` (this file is shown inside that page). Did you mean `#workload-instance`?']],
    );
  });

  it('#x in a glossary term file opens the term file at its own heading when it has one (Ctrl+click)', async () => {
    const rel = 'content/en/docs/reference/glossary/service-mesh.md';
    const text = `${TERM}\n## Own heading\n\nSee [the heading](#own-heading).\n`;
    const fs = memorySite(FILES);
    const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
    try {
      const path = `${MEM_ROOT}/${rel}`;
      await service.siteOf(path)!.summarized();
      const links = service.documentLinks(path, doc(path, text)).filter((l) => l.target?.includes('#L'));
      assert.deepEqual(links.map((l) => l.target), [`file://${path}#L8`]);
    } finally {
      service.dispose();
    }
  });

  it('#x in an FAQ question file resolves against its FAQ section page', async () => {
    const rel = 'content/en/about/faq/setup/install-method-selection.md';
    // (Its link to /docs/setup/getting-started is to a page outside this small site.)
    const ds = await anchorProblems(rel, `${QUESTION}\nSee [the question](#install-method-selection).\n`);
    assert.deepEqual(ds.map((d) => d.code), ['link.page-not-found']);
  });

  it('a question or term file is no page of its own: Hugo publishes it only inside its bundle', async () => {
    const ds = await anchorProblems(NEWS_PAGE, withLink('/about/faq/setup/install-method-selection/'));
    assert.deepEqual(ds.map((d) => d.code), ['link.page-not-found']);
  });
});
