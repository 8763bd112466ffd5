import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import { inSite, type DocumentContext } from '../documentContext';
import type { DiagnosticRule } from '../feature';
import { isIgnored } from './glob';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';
import type { CopyFileArgs } from '../quickFix';
import { inspect, type Inspection, type LinkProblem } from './inspect';
import { copiedBy, copyAllFromSourceFix } from './linkFixes';
import { collectReferences } from './references';

/** Every reference of the document, resolved and checked (skipping the targets `istio.links.ignore` lists). */
export function inspectAll(ctx: DocumentContext): Inspection[] {
  if (!inSite(ctx)) return [];
  const ignore = ctx.settings.links?.ignore ?? [];
  return collectReferences(ctx.parsed)
    .filter((r) => !isIgnored(r.target, ignore))
    .map((r) => inspect(ctx, r));
}

/** Images, bundle files, pages and anchors that do not resolve the way the site resolves them. */
export const linkDiagnosticsRule: DiagnosticRule = {
  name: 'links',
  check(ctx: DocumentContext): Diagnostic[] {
    const problems = withCopyAll(inspectAll(ctx).flatMap((i) => i.problems));
    return problems.map((p) => diagnostic(ctx, p.range, p.code, p.message, { ...(p.severity ? { severity: p.severity } : {}), ...(p.fixes ? { fixes: p.fixes } : {}) }));
  },
};

/**
 * A translation lacking several files of its English bundle (the es IstioCon China post lacks 9 images) gets one fix
 * that copies them all, on each of them, after the file's own copy fix.
 */
function withCopyAll(problems: readonly LinkProblem[]): LinkProblem[] {
  const files = new Map<string, CopyFileArgs>();
  for (const p of problems) {
    for (const f of p.fixes ?? []) {
      const copy = copiedBy(f);
      if (copy && !files.has(copy.target)) files.set(copy.target, copy);
    }
  }
  if (files.size < 2) return [...problems];
  // By name, as the folder lists them, whichever order the page shows them in.
  const all = copyAllFromSourceFix([...files.values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)), DEFAULT_LANGUAGE);
  return problems.map((p) => (p.fixes?.some((f) => copiedBy(f)) ? { ...p, fixes: [...p.fixes, all] } : p));
}
