// The README is the Marketplace page, for authors: short, and opening with the two commands a newcomer runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const README = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

test('the README stays under 20 KB: developer material lives in docs/', () => {
  assert.ok(Buffer.byteLength(README) <= 20_000, `README.md is ${Buffer.byteLength(README)} bytes`);
});

test('the README starts with the command that builds the .vsix and the one that runs every test', () => {
  const firstSection = README.slice(0, README.indexOf('\n## ', README.indexOf('## Quick start') + 1));
  assert.match(firstSection, /npm ci && npm run package/);
  assert.match(firstSection, /Install from VSIX/);
  assert.match(firstSection, /^npm test\b/m);
});
