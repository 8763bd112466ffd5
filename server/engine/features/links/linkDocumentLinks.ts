import type { DocumentLink } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';
import type { DocumentLinkProvider } from '../feature';
import { fileUri } from '../../site/fileUri';
import { inspectAll } from './linkDiagnostics';
import { lineFinder } from './lines';

/** Ctrl+click on an image, a bundle file, a linked page (at its heading) or `social_image:`. */
export const linkDocumentLinksProvider: DocumentLinkProvider = {
  name: 'links',
  links(ctx: DocumentContext): DocumentLink[] {
    const out: DocumentLink[] = [];
    // Each file's line breaks, found once for all the links to its headings.
    const finders = new Map<string, ((offset: number) => number) | undefined>();
    const lineIn = (file: string): ((offset: number) => number) | undefined => {
      if (!finders.has(file)) {
        const text = file === ctx.path ? ctx.parsed.text : ctx.site?.readText(file);
        finders.set(file, text === undefined ? undefined : lineFinder(text));
      }
      return finders.get(file);
    };
    for (const i of inspectAll(ctx)) {
      if (!i.file) continue;
      let target = fileUri(i.file);
      if (i.heading) {
        const line = lineIn(i.file);
        // VS Code opens `file:///…#L12` at line 12.
        if (line) target += `#L${line(i.heading.range.start) + 1}`;
      }
      out.push({ range: ctx.range(i.ref.range), target, tooltip: i.title ? `Open “${i.title}”` : 'Open the file' });
    }
    return out;
  },
};
