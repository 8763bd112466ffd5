// `--timing`: each rule's time, added up by the engine with the clock it is given, and the CLI's table on stderr.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LanguageService, PARSE_TIMING, type RuleTimings } from '../../../server/engine';
import { diagnosticRules } from '../../../server/engine/features/registry';
import { DEFAULT_SETTINGS, type IstioSettings } from '../../../server/engine/settings';
import { runCli } from '../../../server/src/cli/main';
import { timingTable } from '../../../server/src/cli/timingTable';
import { doc, memorySite, MEM_ROOT, SAMPLE_SITE } from '../../support/fixtures';

describe('rule timings', () => {
  it('adds each rule and each parse the time between its start and end, by the given clock', () => {
    // A clock that moves one millisecond per reading: each rule and each parse reads it twice, so each adds 1.
    let t = 0;
    const timings: RuleTimings = { now: () => t++, totals: new Map() };
    const rel = 'content/en/blog/2025/x/index.md';
    const text = '---\ntitle: X\ndescription: A page.\n---\n\nA page.\n';
    const service = new LanguageService({ fs: memorySite({ [rel]: text }), scan: { sliceMs: 1e9, pause: () => Promise.resolve() }, timings });
    const file = `${MEM_ROOT}/${rel}`;
    service.diagnostics(file, doc(file, text));
    const once = new Map<string, number>([[PARSE_TIMING, 1], ...diagnosticRules.map((r): [string, number] => [r.name, 1])]);
    assert.deepEqual(new Map([...timings.totals].sort()), new Map([...once].sort()));
    // A second check (the page is not open: parsed again) adds as much; a family turned off adds nothing.
    const noSpelling = { ...DEFAULT_SETTINGS, diagnostics: { ...DEFAULT_SETTINGS.diagnostics, severity: { spelling: 'off' } } } as IstioSettings;
    service.diagnostics(file, doc(file, text), noSpelling);
    for (const [name, ms] of timings.totals) assert.equal(ms, name === 'mdspell' ? 1 : 2, name);
  });

  it('a table of the rules, largest first, with the rest of the check on its own line', () => {
    const table = timingTable({ now: () => 0, totals: new Map([['links', 30], [PARSE_TIMING, 50], ['mdspell', 10]]) }, 100, 4);
    assert.deepEqual(table.split('\n'), [
      'check                                          ms    share  µs / page',
      '(parse)                                      50.0   50.0 %      12500',
      'links                                        30.0   30.0 %       7500',
      'mdspell                                      10.0   10.0 %       2500',
      '(the rest: listing, reading, settings)       10.0   10.0 %       2500',
      '(whole check)                               100.0  100.0 %      25000',
    ]);
  });

  it('--timing prints the table on stderr and leaves the JSON on stdout as it was', async () => {
    const run = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const code = await runCli(['check', path.join(SAMPLE_SITE, 'content/en/blog'), '--format', 'json', ...argv], { cwd: SAMPLE_SITE, out: (s) => (out += s), err: (s) => (err += s) }, '9.9.9');
      return { code, out: out.replace(/"durationMs": \d+/, ''), err };
    };
    const plain = await run();
    const timed = await run('--timing');
    assert.equal(timed.code, plain.code);
    assert.equal(timed.out, plain.out);
    const lines = timed.err.trimEnd().split('\n');
    assert.match(lines[0]!, /^check +ms +share +µs \/ page$/);
    for (const rule of ['(parse)', 'links', 'mdspell', 'mdl-style', 'make-lint', '(the rest: listing, reading, settings)']) assert.ok(lines.some((l) => l.startsWith(`${rule} `)), rule);
    assert.match(lines.at(-1)!, /^\(whole check\) +\d+\.\d +100\.0 % +\d+$/);
  });
});
