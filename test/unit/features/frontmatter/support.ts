import assert from 'node:assert/strict';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type FrontmatterSchemaSetting, type IstioSettings } from '../../../../server/engine';
import { LanguageService } from '../../../../server/engine/languageService';
import { readFixes, type Fix } from '../../../../server/engine/features/quickFix';
import { doc, MEM_ROOT, memorySite } from '../../../support/fixtures';
import { cataloged } from '../../diagnostics/cataloged';

/** A language service over the in-memory sample site (plus overrides), its index scanned in one go. */
export async function siteService(overrides: Record<string, string | null> = {}): Promise<LanguageService> {
  const fs = memorySite(overrides);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  await service.siteOf(`${MEM_ROOT}/content/en/blog/_index.md`)!.scan();
  return service;
}

export function settingsWith(schemas: FrontmatterSchemaSetting[]): IstioSettings {
  return { ...DEFAULT_SETTINGS, frontmatter: { schemas } };
}

/** The frontmatter diagnostics of `rel` with `text` (not the shortcode or syntax ones). */
export function fmDiagnostics(service: LanguageService, rel: string, text: string, settings?: IstioSettings): Diagnostic[] {
  const path = `${MEM_ROOT}/${rel}`;
  return cataloged(service.diagnostics(path, doc(path, text), settings), rel).diagnostics.filter((d) => isSchemaCode(d.code));
}

/** Codes of this feature (the foundation's syntax codes are tested elsewhere). */
export function isSchemaCode(code: Diagnostic['code']): boolean {
  return (
    typeof code === 'string' &&
    code.startsWith('frontmatter.') &&
    !['frontmatter.missing', 'frontmatter.unterminated', 'frontmatter.yaml-syntax', 'frontmatter.not-a-map', 'frontmatter.duplicate-key'].includes(code)
  );
}

export function fixesOf(d: Diagnostic): Fix[] {
  return readFixes(d.data);
}

/** Applies a fix's edits to `text` (as an editor would); the frontmatter's fixes name their ranges. */
export function applyFix(text: string, fix: Fix): string {
  const d = TextDocument.create('x:', 'markdown', 1, text);
  return TextDocument.applyEdits(
    d,
    fix.edits.map((e) => ({ range: e.range ?? assert.fail(`an edit without a range: ${fix.title}`), newText: e.newText })),
  );
}

export function summary(ds: readonly Diagnostic[]): [Diagnostic['code'], Diagnostic['severity'], Range][] {
  return ds.map((d) => [d.code, d.severity, d.range]);
}
