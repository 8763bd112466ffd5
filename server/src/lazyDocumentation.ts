import type { CompletionItem } from 'vscode-languageserver/node';

/** Where a stripped item's documentation is kept: the list it came in and its place there. */
interface DocumentationRef {
  readonly istioDocs: readonly [list: number, index: number];
}

function isRef(data: unknown): data is DocumentationRef {
  const docs = (data as Partial<DocumentationRef> | null | undefined)?.istioDocs;
  return Array.isArray(docs) && docs.length === 2 && typeof docs[0] === 'number' && typeof docs[1] === 'number';
}

/**
 * Sends completion items without their documentation and gives it back on `completionItem/resolve`, which clients ask
 * for the item shown selected only. The documentation was 40 % of a `{{<` completion's 38 KB (a shortcode's summary,
 * parameters and example for each of 71 items), written, read and parsed on every keystroke that asked for one.
 *
 * Only for a client that says it resolves documentation (server.ts). The documentation of the last few lists is
 * kept: an editor resolves items of the list it shows, and each request replaces that list (a client may have a
 * request or two in flight). An item of an older list resolves to itself, without documentation.
 */
export class LazyDocumentation {
  private list = 0;
  private readonly lists = new Map<number, CompletionItem['documentation'][]>();

  constructor(private readonly kept = 4) {}

  /** The items without their documentation, each marked so `resolve` finds it again. */
  strip(items: readonly CompletionItem[]): CompletionItem[] {
    const list = ++this.list;
    const docs: CompletionItem['documentation'][] = [];
    this.lists.set(list, docs);
    this.lists.delete(list - this.kept);
    return items.map((item) => {
      // An item with data of its own keeps its documentation (none has today: resolve would not know its data).
      if (item.documentation === undefined || item.data !== undefined) return item;
      const { documentation, ...rest } = item;
      const ref: DocumentationRef = { istioDocs: [list, docs.length] };
      docs.push(documentation);
      return { ...rest, data: ref };
    });
  }

  /** The item with its documentation back, when its list is one of the last few. */
  resolve(item: CompletionItem): CompletionItem {
    if (!isRef(item.data)) return item;
    const [list, index] = item.data.istioDocs;
    const documentation = this.lists.get(list)?.[index];
    const { data: _ref, ...rest } = item;
    return documentation === undefined ? rest : { ...rest, documentation };
  }
}
