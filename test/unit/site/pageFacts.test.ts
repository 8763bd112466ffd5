import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageFacts } from '../../../server/engine/site/pageFacts';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { readLayout } from '../../../server/engine/site/siteLayout';
import { MEM_ROOT, memorySite, sample } from '../../support/fixtures';

const noPause = { sliceMs: 1_000_000, pause: () => Promise.resolve() };
const PROXY_CERT = `${MEM_ROOT}/content/en/blog/2020/proxy-cert/index.md`;
const BOILERPLATE = `${MEM_ROOT}/content/en/boilerplates/experimental-feature-warning.md`;
const GLOSSARY = `${MEM_ROOT}/content/en/docs/reference/glossary/index.md`;

async function scanned() {
  const fs = memorySite();
  const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), () => undefined);
  await site.scan(noPause);
  return { fs, site, facts: pageFacts(site) };
}

describe('page anchors', () => {
  it('follow a change to an included boilerplate, though the page itself did not change', async () => {
    const { fs, site, facts } = await scanned();
    assert.ok(!facts.anchorsOf(PROXY_CERT)!.ids.has('try-it-out'));
    fs.write(BOILERPLATE, `${sample('content/en/boilerplates/experimental-feature-warning.md')}\n## Try it out\n`);
    site.fileChanged(BOILERPLATE, 'changed');
    assert.ok(facts.anchorsOf(PROXY_CERT)!.ids.has('try-it-out'));
  });

  it('of the glossary follow a term file added to its bundle', async () => {
    const { fs, site, facts } = await scanned();
    assert.ok(facts.anchorsOf(GLOSSARY)!.ids.has('envoy'));
    assert.ok(!facts.anchorsOf(GLOSSARY)!.ids.has('service-mesh'));
    const term = `${MEM_ROOT}/content/en/docs/reference/glossary/service-mesh.md`;
    fs.write(term, '---\ntitle: Service Mesh\n---\nA mesh.\n');
    site.fileChanged(term, 'created');
    assert.ok(facts.anchorsOf(GLOSSARY)!.ids.has('service-mesh'));
  });
});
