import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverNodeOptions } from '../../../server/protocol';

// The machine under test has one core count; the rule is checked at each side of its threshold here, and the
// extension-host layer checks that the real client starts the server with it (test/vscode/suite/serverProcess.test.js).
test('one V8 worker thread on one or two cores, Node\'s default from three', () => {
  assert.deepEqual(serverNodeOptions(1), ['--v8-pool-size=1']);
  assert.deepEqual(serverNodeOptions(2), ['--v8-pool-size=1']);
  assert.deepEqual(serverNodeOptions(3), []);
  assert.deepEqual(serverNodeOptions(16), []);
});
