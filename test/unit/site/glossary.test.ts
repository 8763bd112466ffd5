import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { glossaryTerms } from '../../../server/engine/site/glossary';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { readLayout } from '../../../server/engine/site/siteLayout';
import { MEM_ROOT, memorySite } from '../../support/fixtures';

const noPause = { sliceMs: 1_000_000, pause: () => Promise.resolve() };
const GLOSSARY = `${MEM_ROOT}/content/en/docs/reference/glossary`;
const titles = (site: SiteIndex): string[] | undefined => glossaryTerms(site, 'en')?.map((t) => t.title);

describe('glossary terms', () => {
  it('are listed once while nothing changes, and again after a file event or an edit in a term file', async () => {
    const fs = memorySite();
    const open = new Map<string, string>();
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), (p) => open.get(p));
    await site.scan(noPause);
    const first = glossaryTerms(site, 'en');
    assert.deepEqual(first?.map((t) => t.title), ['Data Plane', 'Envoy']);
    // Kept: the same list, without a stat of every term file.
    assert.equal(glossaryTerms(site, 'en'), first);

    // A term file open in an editor: its unsaved title, then the disk's once closed.
    open.set(`${GLOSSARY}/envoy.md`, '---\ntitle: Envoy Proxy\n---\n');
    assert.deepEqual(titles(site), ['Data Plane', 'Envoy Proxy']);
    open.delete(`${GLOSSARY}/envoy.md`);
    assert.deepEqual(titles(site), ['Data Plane', 'Envoy']);

    // A new term file and a changed title on disk, each with its file event.
    fs.write(`${GLOSSARY}/sidecar.md`, '---\ntitle: Sidecar\n---\n');
    site.fileChanged(`${GLOSSARY}/sidecar.md`, 'created');
    assert.deepEqual(titles(site), ['Data Plane', 'Envoy', 'Sidecar']);
    fs.write(`${GLOSSARY}/data-plane.md`, '---\ntitle: Dataplane\n---\n');
    site.fileChanged(`${GLOSSARY}/data-plane.md`, 'changed');
    assert.deepEqual(titles(site), ['Dataplane', 'Envoy', 'Sidecar']);
  });

  it('are listed at each call by an index that no event keeps current (the preview never scans)', () => {
    const fs = memorySite();
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), () => undefined);
    assert.deepEqual(titles(site), ['Data Plane', 'Envoy']);
    fs.write(`${GLOSSARY}/envoy.md`, '---\ntitle: Envoy Proxy\n---\n');
    assert.deepEqual(titles(site), ['Data Plane', 'Envoy Proxy']);
  });
});
