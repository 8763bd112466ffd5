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

  it("of a page being edited follow its boilerplate's saved and unsaved changes (its ids are cached by stamp)", async () => {
    const fs = memorySite();
    const open = new Map<string, string>();
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), (p) => open.get(p));
    await site.scan(noPause);
    const facts = pageFacts(site);
    const page = sample('content/en/blog/2020/proxy-cert/index.md');
    const own = (): ReadonlySet<string> => facts.anchorsFromText(PROXY_CERT, page).ids;
    const boilerplate = sample('content/en/boilerplates/experimental-feature-warning.md');
    assert.ok(!own().has('try-it-out'));
    // Saved with the same size: the modification time tells.
    fs.write(BOILERPLATE, boilerplate.replace(/\n*$/, '\n## Try it out\n'));
    const size = fs.stat(BOILERPLATE)!.size;
    assert.ok(own().has('try-it-out'));
    fs.write(BOILERPLATE, boilerplate.replace(/\n*$/, '\n## Try it now\n'));
    assert.equal(fs.stat(BOILERPLATE)!.size, size);
    assert.ok(own().has('try-it-now') && !own().has('try-it-out'));
    // Open in an editor: its unsaved text wins, and closing it brings the disk's back.
    open.set(BOILERPLATE, `${boilerplate}\n## Unsaved\n`);
    assert.ok(own().has('unsaved') && !own().has('try-it-now'));
    open.delete(BOILERPLATE);
    assert.ok(own().has('try-it-now') && !own().has('unsaved'));
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
