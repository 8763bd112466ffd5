import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseArgs, USAGE, type CheckArgs } from './args';
import { check, inSite, type CheckResult } from './check';
import { droppedFamilies, selection, unknownSelectors } from './selection';
import { toSarif } from './sarif';
import { timingTable } from './timingTable';
import { SettingsFileError } from './settingsFile';

export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

const SEVERITY_NAME: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** The JSON the `--format json` output prints: stable, versioned, one entry per file with findings. */
export interface JsonReport {
  readonly version: 1;
  readonly files: ReadonlyArray<{
    readonly path: string;
    readonly diagnostics: ReadonlyArray<{
      readonly line: number;
      readonly column: number;
      readonly endLine: number;
      readonly endColumn: number;
      readonly severity: string;
      readonly code: string;
      readonly message: string;
      readonly data?: unknown;
    }>;
  }>;
  readonly summary: Summary;
}

interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
  readonly durationMs: number;
}

/** Runs the CLI and returns its exit status (0 clean, 1 findings that fail, 2 bad usage). */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      io.out(USAGE + '\n');
      return 0;
    case 'version':
      io.out(version + '\n');
      return 0;
    case 'error':
      io.err(`istio-authoring: ${args.message}\n\n${USAGE}\n`);
      return 2;
    case 'check': {
      const unknown = unknownSelectors([...args.only, ...args.skip]);
      if (unknown.length > 0) {
        io.err(`istio-authoring: unknown code or family: ${unknown.join(', ')} (the codes are listed in docs/diagnostics.md)\n`);
        return 2;
      }
      return runCheck(args, io, version);
    }
  }
}

async function runCheck(args: CheckArgs, io: CliIo, version: string): Promise<number> {
  let targets = args.targets;
  if (targets.length === 0) {
    const sampleSite = path.join(io.cwd, 'test', 'fixtures', 'istio-sample');
    // In this repository (no site here) the bundled excerpt of istio.io shows what a check looks like.
    if (!inSite(io.cwd) && isThisRepository(io.cwd) && fs.existsSync(sampleSite)) {
      io.err(`istio-authoring: no site here; checking the bundled sample site ${path.relative(io.cwd, sampleSite)}\n`);
      targets = [sampleSite];
    } else {
      targets = ['.'];
    }
  }
  for (const t of targets) {
    if (!fs.existsSync(path.resolve(io.cwd, t))) {
      io.err(`istio-authoring: ${t}: no such file or folder\n`);
      return 2;
    }
  }
  const timings = args.timing ? { now: () => performance.now(), totals: new Map<string, number>() } : undefined;
  let result: CheckResult;
  try {
    result = selection(await check(targets, io.cwd, args.config ? path.resolve(io.cwd, args.config) : undefined, droppedFamilies(args.only, args.skip), timings), args.only, args.skip);
  } catch (e) {
    if (e instanceof SettingsFileError) {
      io.err(`istio-authoring: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  // On stderr: the findings' formats (JSON, SARIF) stay what they are.
  if (timings) io.err(`${timingTable(timings, result.durationMs, result.fileCount)}\n`);
  const all = result.files.flatMap((f) => f.diagnostics);
  const count = (s: DiagnosticSeverity): number => all.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === s).length;
  const summary: Summary = {
    files: result.fileCount,
    errors: count(DiagnosticSeverity.Error),
    warnings: count(DiagnosticSeverity.Warning),
    infos: count(DiagnosticSeverity.Information),
    hints: count(DiagnosticSeverity.Hint),
    durationMs: Math.round(result.durationMs),
  };
  if (args.format === 'json') {
    io.out(JSON.stringify(toJson(result, summary), null, 2) + '\n');
  } else if (args.format === 'sarif') {
    io.out(JSON.stringify(toSarif(result, version), null, 2) + '\n');
  } else {
    for (const f of result.files) {
      for (const d of f.diagnostics) {
        if (args.quiet && d.severity !== DiagnosticSeverity.Error) continue;
        io.out(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityName(d)} ${String(d.code ?? '')} ${d.message}\n`);
      }
    }
    const rate = result.durationMs > 0 ? Math.round((result.fileCount * 1000) / result.durationMs) : 0;
    io.out(
      `${summary.files} files checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}` +
        ` (${summary.durationMs} ms, ${rate} files/s)\n`,
    );
  }
  if (summary.errors > 0) return 1;
  if (args.maxWarnings !== undefined && summary.warnings > args.maxWarnings) {
    if (args.format === 'text') io.err(`istio-authoring: ${summary.warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function toJson(result: CheckResult, summary: Summary): JsonReport {
  return {
    version: 1,
    files: result.files.map((f) => ({
      path: f.path,
      diagnostics: f.diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityName(d),
        code: String(d.code ?? ''),
        message: d.message,
        ...(d.data !== undefined ? { data: d.data } : {}),
      })),
    })),
    summary,
  };
}

function severityName(d: Diagnostic): string {
  return SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error] ?? 'error';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isThisRepository(dir: string): boolean {
  try {
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return typeof pkg === 'object' && pkg !== null && (pkg as { name?: unknown }).name === 'istio-authoring';
  } catch {
    return false;
  }
}
