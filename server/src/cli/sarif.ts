import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CATALOG, type DiagnosticInfo } from '../../engine';
import type { CheckResult } from './check';

/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): one run of the `istio-authoring` tool, its rules the
 * whole diagnostics catalog (id, one-line doc, default level, family, whether the code fails the build), and one
 * result per finding of the text output. Columns are UTF-16 code units, SARIF's default and LSP's.
 */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

interface SarifRun {
  readonly tool: { readonly driver: { readonly name: string; readonly version: string; readonly informationUri: string; readonly rules: readonly SarifRule[] } };
  readonly results: readonly SarifResult[];
  readonly columnKind: 'utf16CodeUnits';
}

interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly help?: { readonly text: string };
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: { readonly family: string; readonly failsBuild: boolean };
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex?: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: ReadonlyArray<{
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string; readonly uriBaseId: '%SRCROOT%' };
      readonly region: { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number };
    };
  }>;
}

type SarifLevel = 'error' | 'warning' | 'note';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function level(severity: DiagnosticSeverity | undefined): SarifLevel {
  if (severity === undefined || severity === DiagnosticSeverity.Error) return 'error';
  return severity === DiagnosticSeverity.Warning ? 'warning' : 'note';
}

const LEVEL_OF: Record<DiagnosticInfo['severity'], SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The log of one check. Paths stay relative to the folder the CLI ran in (`%SRCROOT%`), with `/` separators. */
export function toSarif(result: CheckResult, version: string): SarifLog {
  const rules: SarifRule[] = DIAGNOSTIC_CATALOG.map((info) => ({
    id: info.code,
    shortDescription: { text: info.doc },
    ...(info.fix ? { help: { text: `Quick fix: ${info.fix}` } } : {}),
    defaultConfiguration: { level: LEVEL_OF[info.severity] },
    properties: { family: info.family, failsBuild: info.failsBuild },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: SarifResult[] = result.files.flatMap((f) =>
    f.diagnostics.map((d: Diagnostic) => {
      const ruleId = String(d.code ?? 'internal.error');
      const ruleIndex = index.get(ruleId);
      return {
        ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: level(d.severity),
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' as const },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      };
    }),
  );
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'istio-authoring', version, informationUri: 'https://github.com/istio/istio-authoring', rules } }, results, columnKind: 'utf16CodeUnits' }],
  };
}
