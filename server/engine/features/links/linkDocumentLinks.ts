import type { DocumentLink } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';
import type { DocumentLinkProvider } from '../feature';
import { fileUri } from '../../site/fileUri';
import { inspectAll } from './linkDiagnostics';
import { lineOf } from './lines';

/** Ctrl+click on an image, a bundle file, a linked page (at its heading) or `social_image:`. */
export const linkDocumentLinksProvider: DocumentLinkProvider = {
  name: 'links',
  links(ctx: DocumentContext): DocumentLink[] {
    const out: DocumentLink[] = [];
    for (const i of inspectAll(ctx)) {
      if (!i.file) continue;
      let target = fileUri(i.file);
      if (i.heading) {
        const text = i.file === ctx.path ? ctx.parsed.text : ctx.site?.readText(i.file);
        // VS Code opens `file:///…#L12` at line 12.
        if (text !== undefined) target += `#L${lineOf(text, i.heading.range.start) + 1}`;
      }
      out.push({ range: ctx.range(i.ref.range), target, tooltip: i.title ? `Open “${i.title}”` : 'Open the file' });
    }
    return out;
  },
};
