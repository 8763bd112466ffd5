import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { SAMPLE_SITE } from '../../support/fixtures';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'server/src/cli.ts');
/** tsx by its own path: `--import tsx` is resolved from the working folder, the site, which has no node_modules. */
const TSX = pathToFileURL(require.resolve('tsx')).href;
/** Root reads everything whatever the mode: the CLI then runs as `nobody`, for whom `chmod 000` holds. */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('istio-authoring check: unreadable files and folders', () => {
  let tmp: string;
  let site: string;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'istio-unreadable-')));
    fs.chmodSync(tmp, 0o755);
    site = path.join(tmp, 'site');
    fs.mkdirSync(path.join(site, 'content'), { recursive: true });
    fs.cpSync(path.join(SAMPLE_SITE, 'content/en/blog/2023'), path.join(site, 'content/en/blog/2023'), { recursive: true });
    fs.chmodSync(path.join(site, 'content/en/blog/2023/istiocon-china/index.md'), 0);
    fs.chmodSync(path.join(site, 'content/en/blog/2023/istio-at-kubecon-eu'), 0);
  });

  after(() => {
    fs.chmodSync(path.join(site, 'content/en/blog/2023/istio-at-kubecon-eu'), 0o755);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reports each as an error (file.unreadable) and exits 1, where it printed "0 errors" and exited 0', () => {
    const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'check', '.'], { cwd: site, encoding: 'utf8', ...AS_NOBODY });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      r.stdout.split('\n').filter((l) => l.includes('file.unreadable')),
      [
        'content/en/blog/2023/istio-at-kubecon-eu:1:1: error file.unreadable This folder could not be read (EACCES): the pages in it were not checked.',
        'content/en/blog/2023/istiocon-china/index.md:1:1: error file.unreadable This file could not be read (EACCES): it was not checked.',
      ],
    );
    assert.match(r.stdout, /files checked: 2 errors/);
  });
});
