import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/engine/languageService';
import type { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { doc, MEM_ROOT, memorySite, sample } from '../../support/fixtures';
import { cataloged } from '../diagnostics/cataloged';

/** A language service over the in-memory sample site (scanned at once), with `overrides` applied. */
export function service(overrides: Record<string, string | null> = {}): { service: LanguageService; fs: MemoryFileSystem } {
  const fs = memorySite(overrides);
  return { service: new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } }), fs };
}

let version = 1;

/** The codes of the shortcode features (and of the shortcode syntax checks they build on). */
export function isShortcodeCode(code: unknown): boolean {
  return /^(shortcode|text|gloss|boilerplate)\./.test(String(code)) || code === 'image.caption-period';
}

/** Diagnostics of `rel` (its sample text, or `text`) with the codes of the shortcode features. */
export function diagnose(rel: string, text?: string, overrides: Record<string, string | null> = {}): Diagnostic[] {
  const { service: s } = service(overrides);
  const path = `${MEM_ROOT}/${rel}`;
  return cataloged(s.diagnostics(path, doc(path, text ?? sample(rel), ++version)), rel).diagnostics.filter((d) => isShortcodeCode(d.code));
}

/** `text` with the first `from` replaced by `to`; fails loudly when the fixture no longer holds `from`. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}

export function codes(ds: readonly Diagnostic[]): Array<[unknown, unknown]> {
  return ds.map((d) => [d.code, d.range]);
}
