import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../server/engine/languageService';
import { parseFrontmatter } from '../../../server/engine/parser/frontmatter';
import { mergeSettings, settingsSection } from '../../../server/engine/settings';
import { doc, MEM_ROOT, memorySite } from '../../support/fixtures';

const PATH = `${MEM_ROOT}/content/en/blog/2024/proto/index.md`;

function codes(text: string): string[] {
  const service = new LanguageService({ fs: memorySite() });
  return service.diagnostics(PATH, doc(PATH, text)).diagnostics.map((d) => `${String(d.code)} ${d.message.includes('`title:`') ? 'title' : d.message.includes('`publishdate:`') ? 'publishdate' : ''}`.trim());
}

describe('a `__proto__` key is a key like any other', () => {
  it('still reports the missing title and publishdate when they sit under `__proto__:` (YAML library path)', () => {
    const found = codes('---\n__proto__:\n  title: Hidden\n  publishdate: 2024-01-01\n---\n\nBody.\n');
    assert.ok(found.includes('frontmatter.missing-required title'), found.join(', '));
    assert.ok(found.includes('frontmatter.missing-required publishdate'), found.join(', '));
    assert.ok(found.includes('frontmatter.unknown-key'), found.join(', '));
  });

  it('keeps the data object\'s prototype for a one-line `__proto__: [title]` (the fast path), as the YAML library does', () => {
    const fm = parseFrontmatter('---\n__proto__: [title, publishdate]\n---\n\nBody.\n')!;
    assert.equal(Object.getPrototypeOf(fm.data), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(fm.data, '__proto__')?.value, ['title', 'publishdate']);
    const found = codes('---\n__proto__: [title, publishdate]\n---\n\nBody.\n');
    assert.ok(found.includes('frontmatter.missing-required title'), found.join(', '));
    assert.ok(found.includes('frontmatter.unknown-key'), found.join(', '));
  });

  it('a settings file cannot write onto Object.prototype', () => {
    const flat = JSON.parse('{"istio.__proto__.polluted": 1, "istio": {"__proto__": {"alsoPolluted": 1}}, "istio.constructor.prototype.viaConstructor": 1}') as Record<string, unknown>;
    const section = settingsSection(flat, 'istio');
    mergeSettings(section);
    const probe: Record<string, unknown> = {};
    assert.equal(probe['polluted'], undefined);
    assert.equal(probe['alsoPolluted'], undefined);
    assert.equal(probe['viaConstructor'], undefined);
  });
});
