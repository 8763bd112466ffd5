// The editor-tools install run the way `npm test` and `npm run demo` run it: as a child of an outer `npm run` on
// Node 20. Its inner npm must still run on Node 24 and say so in its user agent, which code-server's postinstall
// checks ("code-server currently requires node v24"). The outer npm's npm_config_* variables used to leak into the
// inner npm as its configuration.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts', 'install-editor-tools.sh');

/** Runs the script's user-agent probe as the `probe` script of a throwaway package, under a real `npm run`. */
function probeUnderNpmRun(outerEnv: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-install-env-'));
  try {
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'outer', version: '1.0.0', private: true, scripts: { probe: `bash '${script}' --print-npm24-user-agent` } }),
    );
    const r = spawnSync('npm', ['run', '--silent', 'probe'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...outerEnv } });
    assert.equal(r.status, 0, `the probe failed:\n${r.stdout}\n${r.stderr}`);
    return r.stdout.trim().split('\n').at(-1) ?? '';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('under npm run with a Node 20 user agent, the inner npm runs on Node 24', () => {
  const ua = probeUnderNpmRun({
    npm_config_user_agent: 'npm/10.8.2 node/v20.20.2 linux x64 workspaces/false',
    npm_config_node_version: '20.20.2',
  });
  assert.match(ua, /^npm\/\S+ node\/v24\.21\.0 /);
});

test('an outer npm_config_* setting does not become the inner npm configuration', () => {
  const ua = probeUnderNpmRun({ npm_config_user_agent: 'outer-agent/1.0 node/v20.0.0' });
  assert.doesNotMatch(ua, /outer-agent|node\/v20/);
});
