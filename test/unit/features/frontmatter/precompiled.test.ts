import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ValidateFunction } from 'ajv';
import { schemaInstance } from '../../../../server/engine/features/frontmatter/instance';
import { BUILT_IN, schemaAjv, type BuiltInValidators } from '../../../../server/engine/features/frontmatter/schemaStore';
import { parseFrontmatter } from '../../../../server/engine';
import { frontmatterValidatorsCode } from '../../../../scripts/build/frontmatterValidators';
import { Prng } from '../../../support/prng';
import { sample, sampleFiles } from '../../../support/fixtures';

/** The module the bundles get (esbuild.mjs), loaded as they load it. */
function precompiled(): BuiltInValidators {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-validators-'));
  try {
    const file = path.join(dir, 'validators.js');
    fs.writeFileSync(file, frontmatterValidatorsCode());
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(file) as { FRONTMATTER_VALIDATORS: BuiltInValidators }).FRONTMATTER_VALIDATORS;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What a validator says of an instance: its verdict and its errors, as the diagnostics read them. */
function verdict(validate: ValidateFunction, instance: unknown): unknown {
  const ok = validate(instance);
  return { ok, errors: (validate.errors ?? []).map((e) => ({ keyword: e.keyword, instancePath: e.instancePath, params: e.params, message: e.message })) };
}

/** Values of every JSON type and shape the schemas tell apart. */
const VALUES: readonly unknown[] = ['text', '', '2023-09-29', '2023-13-01', '@handle', 'https://istio.io', 'latest_release', 'dot', 1.22, 3, 0, -1, 7, null, true, false, [], ['a', 'b'], [1, 'x'], [null], { a: 1 }, {}];

describe('the frontmatter validators compiled at build time', () => {
  const built = precompiled();
  const ajv = schemaAjv();
  const compiled = new Map([...BUILT_IN].map(([file, schema]) => [file, ajv.compile(schema as object)]));

  it('exist for every built-in schema', () => {
    assert.deepEqual(Object.keys(built).sort(), [...BUILT_IN.keys()].sort());
    for (const v of Object.values(built)) assert.equal(typeof v, 'function');
  });

  it('say what the run-time ones say of every sample page, under every schema', () => {
    let pages = 0;
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      const fm = parseFrontmatter(sample(rel));
      if (!fm?.closed) continue;
      pages++;
      const instance = schemaInstance(fm);
      for (const [file, validate] of compiled) assert.deepEqual(verdict(built[file]!, instance), verdict(validate, instance), `${rel} under ${file}`);
    }
    assert.ok(pages > 60, `${pages} pages`);
  });

  it('say what the run-time ones say of 3,000 random frontmatters with wrong types, unknown keys and missing ones', () => {
    const rng = new Prng(15);
    const keys = [...new Set([...BUILT_IN.values()].flatMap((s) => Object.keys((s as { properties?: object }).properties ?? {})))];
    assert.ok(keys.length > 30, `${keys.length} keys`);
    let failing = 0;
    for (let n = 0; n < 3000; n++) {
      const instance: Record<string, unknown> = {};
      const count = rng.int(8);
      for (let k = 0; k < count; k++) instance[rng.int(10) === 0 ? `unknown_${rng.int(3)}` : keys[rng.int(keys.length)]!] = VALUES[rng.int(VALUES.length)];
      for (const [file, validate] of compiled) {
        const expected = verdict(validate, instance);
        if (!(expected as { ok: boolean }).ok) failing++;
        assert.deepEqual(verdict(built[file]!, instance), expected, `${JSON.stringify(instance)} under ${file}`);
      }
    }
    assert.ok(failing > 10_000, `${failing} failing validations: the values must exercise the errors`);
  });
});
