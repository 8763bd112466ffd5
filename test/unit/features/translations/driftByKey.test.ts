import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../../server/engine/languageService';
import { doc, MEM_ROOT, memorySite } from '../../../support/fixtures';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };
const EN = 'content/en/blog/2021/istiomeetups-china/index.md';
const ZH = 'content/zh/blog/2021/meetup/index.md';

async function driftCodes(zhText: string): Promise<string[]> {
  const fs = memorySite({
    [EN]: '---\ntitle: "Meetup"\ntranslationKey: meetup-china-2021\npublishdate: 2021-03-01\n---\n## Agenda\n',
    [ZH]: '---\ntitle: "聚会"\ntranslationKey: meetup-china-2021\npublishdate: 2021-03-01\n---\n## 议程 {#agenda}\n',
  });
  const service = new LanguageService({ fs, scan: noPause });
  const path = `${MEM_ROOT}/${ZH}`;
  await service.siteOf(path)!.scan(noPause); // pages are paired by key over the whole index
  return service
    .diagnostics(path, doc(path, zhText))
    .diagnostics.map((d) => String(d.code))
    .filter((c) => c.startsWith('translation.'));
}

describe('translation drift of a page paired by translationKey', () => {
  it('compares with the English page carrying the key the checked text sets', async () => {
    assert.deepEqual(await driftCodes('---\ntitle: "聚会"\ntranslationKey: meetup-china-2021\npublishdate: 2021-03-02\n---\n## 议程 {#agenda}\n'), ['translation.publishdate-differs']);
  });

  it('has no source when the checked text sets no key, though the file on disk does', async () => {
    assert.deepEqual(await driftCodes('---\ntitle: "聚会"\npublishdate: 2021-03-02\n---\n## 议程 {#agenda}\n'), []);
  });
});
