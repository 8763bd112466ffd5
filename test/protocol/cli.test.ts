import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_SITE, sample } from '../support/fixtures';

/** The built CLI as CI runs it: `bin/istio-authoring` in a fresh process. */
const BIN = path.resolve(__dirname, '../../bin/istio-authoring');
const FAULTY = 'content/en/blog/2019/data-plane-setup/index.md';

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/istio-authoring (built)', () => {
  let tmp: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-bin-'));
    fs.cpSync(SAMPLE_SITE, path.join(tmp, 'ok'), { recursive: true });
    fs.cpSync(SAMPLE_SITE, path.join(tmp, 'faulty'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'faulty', FAULTY), sample(FAULTY).replace('{{< /idea >}}', ''));
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 on a copy of the sample corpus', () => {
    const r = run(tmp, 'check', 'ok');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ok\/content\/zh\/blog\/2018\/aws-nlb\/index\.md:36:5: warning shortcode\.malformed-delimiter /m);
    assert.match(r.stdout, /^76 files checked: 0 errors, 11 warnings, 20 infos/m);
  });

  it('exits 1 on a copy with a fault, and reports it in JSON', () => {
    const r = run(path.join(tmp, 'faulty'), 'check', '--format', 'json');
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Array<{ line: number; code: string; severity: string }> }>; summary: { errors: number } };
    const faulty = report.files.find((f) => f.path === FAULTY)!;
    assert.deepEqual(faulty.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.severity, d.code]), [[348, 'error', 'shortcode.unclosed']]);
    assert.equal(report.summary.errors, 1);
  });
});
