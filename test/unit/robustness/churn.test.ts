import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LanguageService } from '../../../server/engine/languageService';
import type { DirEntry, FileStat, FileSystem } from '../../../server/engine/site/fileSystem';
import type { SiteIndex } from '../../../server/engine/site/siteIndex';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { doc, SAMPLE_SITE } from '../../support/fixtures';

/**
 * Tests run as root in CI containers, and root ignores `chmod 000`. So the permission-denied folder is real
 * (chmod 000) AND, when running as root, denied by this wrapper, which throws EACCES like the kernel would for
 * anyone else. Either way the engine must treat the folder as unreadable and carry on.
 */
class DenyingFileSystem implements FileSystem {
  private readonly disk = new NodeFileSystem();
  constructor(private readonly denied: string) {}
  private check(p: string): void {
    if (p === this.denied || p.startsWith(this.denied + '/')) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
  }
  readText(p: string): string | undefined {
    this.check(p);
    return this.disk.readText(p);
  }
  stat(p: string): FileStat | undefined {
    return this.disk.stat(p);
  }
  readDir(p: string): readonly DirEntry[] | undefined {
    this.check(p);
    return this.disk.readDir(p);
  }
}

/** The truth on disk: every regular file under content/<lang>/, symbolic links and unreadable folders left out. */
function truth(root: string, denied: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (dir === denied) return;
    for (const e of nodeFs.readdirSync(dir, { withFileTypes: true })) {
      const full = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  for (const lang of nodeFs.readdirSync(`${root}/content`)) walk(`${root}/content/${lang}`);
  return out.sort();
}

const indexed = (site: SiteIndex): string[] => [...site.allFiles()].map((f) => f.path).sort();

describe('file-system churn while indexing (real temp folder)', () => {
  let tmp: string;
  let root: string;
  let denied: string;

  before(() => {
    tmp = nodeFs.realpathSync(nodeFs.mkdtempSync(path.join(os.tmpdir(), 'istio-churn-')));
    root = `${tmp}/site`;
    nodeFs.cpSync(SAMPLE_SITE, root, { recursive: true });
    denied = `${root}/content/uk/locked`;
  });

  after(() => {
    if (nodeFs.existsSync(denied)) nodeFs.chmodSync(denied, 0o755);
    nodeFs.rmSync(tmp, { recursive: true, force: true });
  });

  it('converges to the files on disk after creates, deletes, renames, a symlink loop and a denied folder', async () => {
    const c = `${root}/content`;
    const post = `${c}/en/blog/2023/istiocon-china/index.md`;
    // One change per pause of the scan, each followed by the watcher event the editor would send.
    const steps: Array<() => Array<[string, 'created' | 'changed' | 'deleted']>> = [
      () => {
        nodeFs.mkdirSync(`${c}/en/blog/2099/new-post`, { recursive: true });
        nodeFs.writeFileSync(`${c}/en/blog/2099/new-post/index.md`, '---\ntitle: New\n---\n');
        return [[`${c}/en/blog/2099`, 'created']];
      },
      () => {
        nodeFs.rmSync(`${c}/en/blog/2023/istiocon-china/group-pic.jpg`);
        return [[`${c}/en/blog/2023/istiocon-china/group-pic.jpg`, 'deleted']];
      },
      () => {
        nodeFs.renameSync(`${c}/zh/blog/2019`, `${c}/zh/blog/2019-renamed`);
        return [
          [`${c}/zh/blog/2019`, 'deleted'],
          [`${c}/zh/blog/2019-renamed`, 'created'],
        ];
      },
      () => {
        nodeFs.symlinkSync('..', `${c}/en/blog/loop`);
        nodeFs.symlinkSync(`${c}/en/blog/self-a`, `${c}/en/blog/self-b`);
        nodeFs.symlinkSync(`${c}/en/blog/self-b`, `${c}/en/blog/self-a`);
        return [
          [`${c}/en/blog/loop`, 'created'],
          [`${c}/en/blog/self-a`, 'created'],
        ];
      },
      () => {
        nodeFs.mkdirSync(denied);
        nodeFs.writeFileSync(`${denied}/index.md`, '---\ntitle: Hidden\n---\n');
        nodeFs.chmodSync(denied, 0);
        return [[denied, 'created']];
      },
      () => {
        nodeFs.rmSync(`${c}/en/blog/2017`, { recursive: true });
        return [[`${c}/en/blog/2017`, 'deleted']];
      },
      () => {
        nodeFs.writeFileSync(post, nodeFs.readFileSync(post, 'utf8').replace('title: "IstioCon China 2023 wrap-up"', 'title: Renamed title'));
        return [[post, 'changed']];
      },
    ];
    let service: LanguageService | undefined;
    let step = 0;
    const statesAtSteps: string[] = [];
    const pause = async (): Promise<void> => {
      const s = steps[step++];
      if (!s) return;
      statesAtSteps.push(service!.allSites()[0]?.state ?? 'none');
      for (const [p, kind] of s()) service!.fileChanged(p, kind);
    };
    service = new LanguageService({ fs: new DenyingFileSystem(denied), scan: { sliceMs: 0, pause } });
    const site = service.siteOf(post)!;
    await site.summarized();

    // Every change landed while the listing was still running.
    assert.deepEqual(statesAtSteps, steps.map(() => 'scanning'));
    assert.deepEqual(indexed(site), truth(root, denied));
    assert.ok(site.exists(`${c}/en/blog/2099/new-post/index.md`));
    assert.ok(site.exists(`${c}/zh/blog/2019-renamed/data-plane-setup/index.md`));
    assert.ok(!site.exists(`${c}/zh/blog/2019/data-plane-setup/index.md`));
    assert.ok(!site.exists(`${c}/en/blog/2023/istiocon-china/group-pic.jpg`));
    assert.ok(!site.exists(`${denied}/index.md`));
    assert.equal(site.summary(post)?.title, 'Renamed title');
    assert.equal(site.summary(`${denied}/index.md`), undefined);

    // The engine still checks pages normally, against the converged index: the image deleted during the scan is missing.
    const text = nodeFs.readFileSync(post, 'utf8');
    assert.deepEqual(
      service.diagnostics(post, doc(post, text)).diagnostics.map((d) => [d.code, d.range.start.line + 1, text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)]),
      [['image.not-found', 15, './group-pic.jpg']],
    );

    // A second, uninterrupted scan of the final tree agrees with the churned index.
    const fresh = new LanguageService({ fs: new DenyingFileSystem(denied) });
    const freshSite = fresh.siteOf(post)!;
    await freshSite.scan();
    assert.deepEqual(indexed(freshSite), indexed(site));
    service.dispose();
    fresh.dispose();
  });
});
