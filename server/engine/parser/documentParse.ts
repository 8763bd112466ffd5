import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ShortcodeCatalog } from '../catalog/shortcodeCatalog';
import { LineIndex } from './lineIndex';
import type { ParsedDocument } from './parsedDocument';

/** One parse of a document's text, and what is derived from it on demand (kept as long as the parse is). */
export class DocumentParse {
  readonly version: number;
  private lines: LineIndex | null | undefined;

  constructor(
    readonly document: TextDocument,
    readonly catalog: ShortcodeCatalog,
    readonly parsed: ParsedDocument,
  ) {
    this.version = document.version;
  }

  /** Offset → position for the text, or `undefined` for a text with `\r` (the document converts those itself). */
  lineIndex(): LineIndex | undefined {
    if (this.lines === undefined) this.lines = LineIndex.of(this.parsed.text) ?? null;
    return this.lines ?? undefined;
  }

  /**
   * What converts offsets and positions of this text: the line index, or the document for a text with `\r`. The
   * document finds its own line starts at its first conversion, a character at a time, which a request's first
   * conversion paid for the whole page; the check has built the index already.
   */
  positions(): Pick<TextDocument, 'offsetAt' | 'positionAt'> {
    return this.lineIndex() ?? this.document;
  }
}
