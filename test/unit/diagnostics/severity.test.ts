import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity as S } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, mergeSettings, settingsSection, type IstioSettings } from '../../../server/engine';
import { LanguageService } from '../../../server/engine/languageService';
import { doc, MEM_ROOT, memorySite } from '../../support/fixtures';

const REL = 'content/en/blog/2023/planted/index.md';
/** A post with two syntax faults (an unclosed `tip`, a one-brace image) and a frontmatter one (a bare version). */
const TEXT = [
  '---',
  'title: Planted',
  'description: Faults for the severity setting.',
  'publishdate: 2023-05-01',
  'attribution: Test',
  'keywords: [test]',
  'target_release: 1.10',
  '---',
  '',
  '{{< tip >}}',
  'Never closed.',
  '',
  '{< image link="./x.png" caption="X" >}}',
  '',
].join('\n');

function check(severity: Record<string, unknown>): Array<[unknown, unknown]> {
  const service = new LanguageService({ fs: memorySite({ [REL]: TEXT }), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const settings = mergeSettings({ diagnostics: { severity } });
  const path = `${MEM_ROOT}/${REL}`;
  return service.diagnostics(path, doc(path, TEXT), settings).diagnostics.map((d) => [d.code, d.severity]);
}

const DEFAULTS: Array<[unknown, unknown]> = [
  ['shortcode.malformed-delimiter', S.Warning],
  ['shortcode.unclosed', S.Error],
  ['frontmatter.version-number', S.Warning],
];

describe('istio.diagnostics.severity', () => {
  it('reports the catalog severities without it', () => {
    assert.deepEqual(check({}), DEFAULTS);
  });

  it('sets the severity of one code', () => {
    assert.deepEqual(check({ 'shortcode.unclosed': 'warning' }), [
      ['shortcode.malformed-delimiter', S.Warning],
      ['shortcode.unclosed', S.Warning],
      ['frontmatter.version-number', S.Warning],
    ]);
  });

  it('sets the severity of every code of a family (syntax: the parser checks, not every frontmatter.* code)', () => {
    assert.deepEqual(check({ syntax: 'hint' }), [
      ['shortcode.malformed-delimiter', S.Hint],
      ['shortcode.unclosed', S.Hint],
      ['frontmatter.version-number', S.Warning],
    ]);
    assert.deepEqual(check({ frontmatter: 'error' }), [
      ['shortcode.malformed-delimiter', S.Warning],
      ['shortcode.unclosed', S.Error],
      ['frontmatter.version-number', S.Error],
    ]);
  });

  it("lets a code's entry win over its family's, in either order", () => {
    const expected = [
      ['shortcode.unclosed', S.Information],
      ['frontmatter.version-number', S.Warning],
    ];
    assert.deepEqual(check({ syntax: 'off', 'shortcode.unclosed': 'information' }), expected);
    assert.deepEqual(check({ 'shortcode.unclosed': 'information', syntax: 'off' }), expected);
  });

  it('drops the diagnostics of a code or a family set to off', () => {
    assert.deepEqual(check({ 'shortcode.malformed-delimiter': 'off' }), DEFAULTS.slice(1));
    assert.deepEqual(check({ syntax: 'off', frontmatter: 'off' }), []);
  });

  it('ignores invalid values and unknown names (the family or the default applies instead)', () => {
    assert.deepEqual(check({ 'shortcode.unclosed': 'fatal', syntax: 'hint' }), [
      ['shortcode.malformed-delimiter', S.Hint],
      ['shortcode.unclosed', S.Hint],
      ['frontmatter.version-number', S.Warning],
    ]);
    assert.deepEqual(check({ 'shortcode.unclosed': 2, 'frontmatter.version-number': null, shortcodes: 'off', 'shortcode.unclsoed': 'off', Syntax: 'off' }), DEFAULTS);
    assert.deepEqual(check({ constructor: 'off', toString: 'off' }), DEFAULTS);
  });

  it('reads the setting from flat and nested settings.json keys, keeping only valid entries', () => {
    const flat = settingsSection({ 'istio.diagnostics.severity': { link: 'warning', 'link.anchor-not-found': 'off', 'link.x': 'off', image: 'loud' } }, 'istio');
    assert.deepEqual(mergeSettings(flat).diagnostics, { enable: true, severity: { link: 'warning', 'link.anchor-not-found': 'off' } });
    const nested = settingsSection({ istio: { diagnostics: { severity: { text: 'hint' } } } }, 'istio');
    assert.deepEqual(mergeSettings(nested).diagnostics.severity, { text: 'hint' });
    assert.deepEqual(mergeSettings({ diagnostics: { severity: ['off'] } }).diagnostics.severity, {});
  });

  it('applies even to settings built without mergeSettings, ignoring what is not a severity', () => {
    const service = new LanguageService({ fs: memorySite({ [REL]: TEXT }), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
    const path = `${MEM_ROOT}/${REL}`;
    const settings: IstioSettings = { ...DEFAULT_SETTINGS, diagnostics: { enable: true, severity: JSON.parse('{"syntax": "off", "frontmatter": "loud"}') as IstioSettings['diagnostics']['severity'] } };
    assert.deepEqual(service.diagnostics(path, doc(path, TEXT), settings).diagnostics.map((d) => [d.code, d.severity]), [['frontmatter.version-number', S.Warning]]);
  });

  it('applies to file.too-large too', () => {
    const service = new LanguageService({ fs: memorySite({ [REL]: TEXT }), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
    const path = `${MEM_ROOT}/${REL}`;
    const small = (severity: Record<string, unknown>) => ({ ...mergeSettings({ diagnostics: { severity } }), maxFileSize: 10 });
    assert.deepEqual(service.diagnostics(path, doc(path, TEXT), small({})).diagnostics.map((d) => [d.code, d.severity]), [['file.too-large', S.Information]]);
    assert.deepEqual(service.diagnostics(path, doc(path, TEXT), small({ file: 'off' })).diagnostics, []);
  });
});
