import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../server/engine';

it('istio.diagnostics.scope: only "workspace" turns whole-site checking on', () => {
  assert.equal(mergeSettings({ diagnostics: { scope: 'workspace' } }).diagnostics.scope, 'workspace');
  for (const raw of [{}, { diagnostics: {} }, { diagnostics: { scope: 'openFiles' } }, { diagnostics: { scope: 'Workspace' } }, { diagnostics: { scope: 1 } }]) {
    assert.equal(mergeSettings(raw).diagnostics.scope, undefined, JSON.stringify(raw));
  }
  assert.equal(DEFAULT_SETTINGS.diagnostics.scope, undefined);
});
