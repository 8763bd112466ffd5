// The command-line checker as npm users get it: `npm pack`, installed into an empty folder, run on the corpus in every
// output format. The SARIF is validated against the SARIF 2.1.0 JSON Schema (the OASIS schema, a draft-04 schema, as
// shipped by @microsoft/jest-sarif; ajv-draft-04 reads it) and has one result per finding of the text output.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { SAMPLE_SITE, sample } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const SARIF_SCHEMA = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const FAULTY = 'content/en/blog/2019/data-plane-setup/index.md';

describe('the npm package of the CLI', () => {
  let tmp: string;
  let bin: string;
  // The expanded dictionary's cache goes to the test's folder, not the user's.
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'check', ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, ISTIO_AUTHORING_CACHE: path.join(tmp, 'cache'), NODE_PATH: '' } });

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-npm-'));
    // The layer built dist/ already; --ignore-scripts keeps `prepack` from rebuilding it under the other tests' feet.
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp, '--json'], { cwd: ROOT, encoding: 'utf8' });
    const [packed] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
    assert.deepEqual(packed!.files.map((f) => f.path).sort(), [
      'LICENSE',
      'README.md',
      'bin/istio-authoring',
      'dist/cli.js',
      'dist/dictionaries/README_en_US-large.txt',
      'dist/dictionaries/en_US-large.aff',
      'dist/dictionaries/en_US-large.dic',
      'package.json',
    ]);
    fs.writeFileSync(path.join(tmp, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', `./${packed!.filename}`], { cwd: tmp, encoding: 'utf8' });
    bin = path.join(tmp, 'node_modules', 'istio-authoring', 'bin', 'istio-authoring');
    fs.cpSync(SAMPLE_SITE, path.join(tmp, 'site'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'site', FAULTY), sample(FAULTY).replace('{{< /idea >}}', ''));
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('installs with no dependency and runs from node_modules/.bin', () => {
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'node_modules')).filter((n) => !n.startsWith('.')), ['istio-authoring']);
    const r = spawnSync(path.join(tmp, 'node_modules', '.bin', 'istio-authoring'), ['--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });

  it('text, json and sarif report the same findings; the SARIF is schema-valid', () => {
    const text = run('site');
    assert.equal(text.status, 1, text.stderr);
    const lines = text.stdout.split('\n').filter((l) => /^site\/\S+:\d+:\d+: /.test(l));
    assert.ok(lines.length > 10);
    assert.ok(lines.some((l) => l.startsWith(`site/${FAULTY}:`) && / error shortcode\.unclosed /.test(l)));

    const json = run('site', '--format', 'json');
    assert.equal(json.status, 1);
    const report = JSON.parse(json.stdout) as { files: Array<{ path: string; diagnostics: Array<{ line: number; column: number; code: string }> }> };
    const fromJson = report.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column} ${d.code}`));

    const sarif = run('site', '--format', 'sarif');
    assert.equal(sarif.status, 1);
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> };
    // unicodeRegExp off: the schema's language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` is not valid in Unicode mode.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as object);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
    const run0 = log.runs[0]!;
    const fromSarif = run0.results.map((r) => {
      const p = r.locations[0]!.physicalLocation;
      return `${decodeURI(p.artifactLocation.uri)}:${p.region.startLine}:${p.region.startColumn} ${r.ruleId}`;
    });
    const fromText = lines.map((l) => {
      const m = /^(\S+?):(\d+):(\d+): \S+ (\S+) /.exec(l)!;
      return `${m[1]}:${m[2]}:${m[3]} ${m[4]}`;
    });
    assert.deepEqual(fromSarif, fromText);
    assert.deepEqual(fromJson, fromText);
    for (const r of run0.results) assert.ok(run0.tool.driver.rules.some((rule) => rule.id === r.ruleId), r.ruleId);
  });

  it('--only and --skip select codes and families; an unknown one is bad usage', () => {
    const only = run('site', '--only', 'shortcode.unclosed');
    assert.equal(only.status, 1);
    const codes = only.stdout.split('\n').filter((l) => l.startsWith('site/')).map((l) => /^\S+?:\d+:\d+: \S+ (\S+) /.exec(l)![1]);
    assert.deepEqual(codes, ['shortcode.unclosed']);
    const skip = run('site', '--skip', 'syntax,shortcode');
    assert.equal(skip.status, 0, skip.stdout);
    assert.doesNotMatch(skip.stdout, / (shortcode|frontmatter\.yaml)/);
    const bad = run('site', '--skip', 'linkz');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown code or family: linkz/);
  });

  it('checks spelling with its own dictionary and the site\u2019s .spelling (make lint\u2019s mdspell)', () => {
    // The sample has the site's .spelling at its root: `Istio` and `Kubernetes` are its words, `recieve` is no word.
    const page = path.join(tmp, 'spelled', 'content/en/blog/2025/spelling/index.md');
    fs.mkdirSync(path.dirname(page), { recursive: true });
    fs.copyFileSync(path.join(SAMPLE_SITE, '.spelling'), path.join(tmp, 'spelled', '.spelling'));
    fs.writeFileSync(page, '---\ntitle: Spelling\ndescription: A page.\npublishdate: 2025-01-01\n---\nIstio and Kubernetes recieve traffic.\n');
    const r = run('spelled', '--only', 'spelling');
    assert.equal(r.stderr, '');
    const found = r.stdout.split('\n').filter((l) => l.startsWith('spelled/'));
    assert.equal(found.length, 1, r.stdout);
    assert.match(found[0]!, /^spelled\/content\/en\/blog\/2025\/spelling\/index\.md:6:22: warning spelling\.unknown-word .*recieve/);
  });
});
