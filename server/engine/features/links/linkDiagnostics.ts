import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import { inSite, type DocumentContext } from '../documentContext';
import type { DiagnosticRule } from '../feature';
import { isIgnored } from './glob';
import { inspect, type Inspection } from './inspect';
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
    const out: Diagnostic[] = [];
    for (const i of inspectAll(ctx)) {
      for (const p of i.problems) out.push(diagnostic(ctx, p.range, p.code, p.message, { ...(p.severity ? { severity: p.severity } : {}), ...(p.fixes ? { fixes: p.fixes } : {}) }));
    }
    return out;
  },
};
