import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../diagnostic';
import { basename } from '../../site/paths';
import type { CodeActionProvider } from '../feature';
import { isRecord, stringField } from '../fixData';
import type { LinkFixData } from './inspect';

/** The command of the "copy the image from the source-language bundle" fix: the server copies, never overwriting. */
export const COPY_FILE_COMMAND = 'istio.copyFile';

export interface CopyFileArgs {
  readonly source: string;
  readonly target: string;
}

/** The codes whose `data` is a `LinkFixData`. */
export const LINK_CODES: ReadonlySet<string> = new Set([
  'image.not-found',
  'image.wrong-case',
  'image.not-translated',
  'image.missing-language-prefix',
  'link.file-not-found',
  'link.file-wrong-case',
  'link.file-not-translated',
  'link.page-not-found',
  'link.page-wrong-case',
  'link.anchor-not-found',
  'link.missing-language-prefix',
  'link.absolute-istio-url',
]);

/** The link fix data of a diagnostic, keeping only its well-formed parts (it comes back from the client). */
export function readLinkFixData(data: unknown): LinkFixData | undefined {
  if (!isRecord(data)) return undefined;
  const raw: unknown = data['replacements'];
  const replacements = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string') : [];
  const c = data['copy'];
  const source = stringField(c, 'source');
  const target = stringField(c, 'target');
  const sourceLang = stringField(c, 'sourceLang');
  const copy = source !== undefined && target !== undefined && sourceLang !== undefined ? { source, target, sourceLang } : undefined;
  return { replacements, ...(copy ? { copy } : {}) };
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English' };

/** Quick fixes from the data each link diagnostic carries: rename, fix the case, prefix, copy from English. */
export const linkActionsProvider: CodeActionProvider = {
  name: 'links',
  actions(ctx, _range, diagnostics): CodeAction[] {
    const out: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || !LINK_CODES.has(d.code)) continue;
      const data = readLinkFixData(d.data);
      if (!data) continue;
      (data.replacements ?? []).forEach((text, i) => {
        out.push({
          title: title(d, text),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0,
          edit: { changes: { [ctx.uri]: [{ range: d.range, newText: text }] } },
        });
      });
      if (data.copy) {
        const args: CopyFileArgs = { source: data.copy.source, target: data.copy.target };
        const lang = LANGUAGE_NAMES[data.copy.sourceLang] ?? data.copy.sourceLang;
        out.push({
          title: `Copy ${basename(data.copy.source)} from the ${lang} bundle`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          command: { title: 'Copy file', command: COPY_FILE_COMMAND, arguments: [args] },
        });
      }
    }
    return out;
  },
};

function title(d: Diagnostic, text: string): string {
  switch (d.code) {
    case 'image.wrong-case':
    case 'link.file-wrong-case':
    case 'link.page-wrong-case':
      return `Fix the letter case: ${text}`;
    case 'link.missing-language-prefix':
    case 'image.missing-language-prefix':
      return `Link to the translation: ${text}`;
    case 'link.absolute-istio-url':
      return `Make the link root-relative: ${text}`;
    case 'link.anchor-not-found':
      return `Change the anchor to #${text}`;
    default:
      return `Replace with ${text}`;
  }
}
