import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { isDiagnosticCode } from '../diagnostics/catalog';
import { isConfigPath } from '../site/hugoConfig';
import type { DocumentContext } from './documentContext';
import { DIAGNOSTIC_SOURCE } from './diagnostic';
import type { CodeActionProvider } from './feature';
import { COPY_FILE_COMMAND, COPY_FILES_COMMAND, readFixes, type Fix } from './quickFix';

/**
 * The kind of the action that copies every file a translation lacks from its English bundle, the one fix that applies
 * to a whole page without a choice to make (it never overwrites), so `editor.codeActionsOnSave` may run it.
 */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.istio`;

/** Whether `kind` is asked for: LSP's `only` holds kinds and their parents (`source` asks for `source.fixAll.istio`). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined ? kind === CodeActionKind.QuickFix : only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/**
 * The engine's one code-action provider: every rule carries its fixes in `Diagnostic.data.fixes` (`quickFix.ts`), so
 * turning them into quick fixes is the same for every family. Diagnostics of other sources, or with codes the catalog
 * does not know, get none.
 */
export const quickFixProvider: CodeActionProvider = {
  name: 'quick-fixes',
  actions(ctx, _range, diagnostics, request) {
    const out: CodeAction[] = [];
    if (wants(request?.only, CodeActionKind.QuickFix)) {
      for (const d of ours(diagnostics)) {
        for (const fix of readFixes(d.data)) {
          const action = codeAction(ctx, d, fix);
          if (action) out.push(action);
        }
      }
    }
    if (request && wants(request.only, FIX_ALL_KIND)) {
      const all = copyAll(ours(request.documentDiagnostics()));
      if (all) out.push(all);
    }
    return out;
  },
};

function ours(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && isDiagnosticCode(d.code));
}

/**
 * The page's "copy every missing file" fix as a `source.fixAll` action: each lacking file's diagnostic carries it
 * (or, with one file missing, that file's own copy fix).
 */
function copyAll(diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  let best: Fix | undefined;
  const covered: Diagnostic[] = [];
  for (const d of diagnostics) {
    const copies = readFixes(d.data).filter((f) => f.command?.command === COPY_FILES_COMMAND || f.command?.command === COPY_FILE_COMMAND);
    if (copies.length === 0) continue;
    covered.push(d);
    const many = copies.find((f) => f.command?.command === COPY_FILES_COMMAND);
    if (many) best = many;
    else best ??= copies[0];
  }
  return best?.command ? { title: best.title, kind: FIX_ALL_KIND, diagnostics: covered, command: best.command } : undefined;
}

/**
 * The code action of one fix; `undefined` when it would edit a file other than the document that is not one of the
 * site's Hugo configuration files (the data came back from the client: a fix must not write anywhere else).
 */
function codeAction(ctx: DocumentContext, d: Diagnostic, fix: Fix): CodeAction | undefined {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.isPreferred === true };
  if (fix.edits.length > 0) {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of fix.edits) {
      if (e.file !== undefined && !(ctx.site && isConfigPath(ctx.site.layout.root, e.file))) return undefined;
      const uri = e.file === undefined ? ctx.uri : ctx.toUri(e.file);
      (changes[uri] ??= []).push({ range: e.range ?? d.range, newText: e.newText });
    }
    action.edit = { changes };
  }
  if (fix.command) action.command = fix.command;
  return action;
}
