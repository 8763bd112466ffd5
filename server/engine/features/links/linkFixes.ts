import { basename } from '../../site/paths';
import type { DiagnosticCode } from '../diagnostic';
import { COPY_FILE_COMMAND, copyFileFix, copyFilesFix, replaceFix, type CopyFileArgs, type Fix } from '../quickFix';

/** How a replacement is offered, by what is wrong with the link. */
function title(code: DiagnosticCode, text: string): string {
  switch (code) {
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
    case 'link.markdown-source':
    case 'link.dead-alias':
      return `Link to the page: ${text}`;
    default:
      return `Replace with ${text}`;
  }
}

/**
 * One fix per text that can replace the diagnostic's range, best first (the first is preferred). The edits carry no
 * range: they replace the diagnostic's own, which the client keeps on the link while the user edits elsewhere.
 */
export function replacementFixes(code: DiagnosticCode, texts: readonly string[]): Fix[] {
  return texts.map((text, i) => replaceFix(title(code, text), undefined, text, i === 0));
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English' };

/** Copies the file the translation lacks from the source-language bundle (the server never overwrites). */
export function copyFromSourceFix(source: string, target: string, sourceLang: string): Fix {
  const lang = LANGUAGE_NAMES[sourceLang] ?? sourceLang;
  return copyFileFix(`Copy ${basename(source)} from the ${lang} bundle`, { source, target });
}

/** The file a fix made by `copyFromSourceFix` copies. */
export function copiedBy(fix: Fix): CopyFileArgs | undefined {
  const args: unknown = fix.command?.command === COPY_FILE_COMMAND ? fix.command.arguments?.[0] : undefined;
  return args && typeof args === 'object' && 'source' in args && 'target' in args && typeof args.source === 'string' && typeof args.target === 'string'
    ? { source: args.source, target: args.target }
    : undefined;
}

/** Copies every file the translation lacks at once: offered beside each one's own copy fix. */
export function copyAllFromSourceFix(files: readonly CopyFileArgs[], sourceLang: string): Fix {
  const lang = LANGUAGE_NAMES[sourceLang] ?? sourceLang;
  return copyFilesFix(`Copy all ${files.length} missing files from the ${lang} bundle`, files);
}
