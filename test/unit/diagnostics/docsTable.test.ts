import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');

describe('docs/diagnostics.md', () => {
  it('holds the tables the catalog (server/data/diagnostics.json) generates', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/diagnostics-table.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr || 'docs/diagnostics.md differs from the catalog: run `node scripts/diagnostics-table.mjs`');
  });
});
