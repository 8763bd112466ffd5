import { InsertTextFormat, type ClientCapabilities, type CompletionItem, type CompletionList, type InsertReplaceEdit, type Range } from 'vscode-languageserver/node';

/** The completion list's item defaults (LSP 3.17) a client applies, of the two this server can use. */
export interface ItemDefaultsSupport {
  readonly editRange: boolean;
  readonly insertTextFormat: boolean;
}

/** What the client says it applies: VS Code's client (vscode-languageclient 8+) says both; Neovim 0.7's says neither. */
export function itemDefaultsSupport(capabilities: ClientCapabilities): ItemDefaultsSupport {
  const defaults = capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
  return { editRange: defaults.includes('editRange'), insertTextFormat: defaults.includes('insertTextFormat') };
}

type EditRange = Range | { insert: Range; replace: Range };

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameEditRange(a: EditRange, b: EditRange): boolean {
  if ('insert' in a) return 'insert' in b && sameRange(a.insert, b.insert) && sameRange(a.replace, b.replace);
  return !('insert' in b) && sameRange(a, b);
}

function editRangeOf(edit: NonNullable<CompletionItem['textEdit']>): EditRange {
  const insertReplace = edit as Partial<InsertReplaceEdit>;
  return insertReplace.insert && insertReplace.replace ? { insert: insertReplace.insert, replace: insertReplace.replace } : (edit as { range: Range }).range;
}

/** The range every item's text edit replaces, when they all replace the same one (a `{{< ` list: 71 copies of it). */
function commonEditRange(items: readonly CompletionItem[]): EditRange | undefined {
  let common: EditRange | undefined;
  for (const item of items) {
    if (!item.textEdit) return undefined;
    const range = editRangeOf(item.textEdit);
    if (common === undefined) common = range;
    else if (!sameEditRange(common, range)) return undefined;
  }
  return common;
}

/**
 * The items as a client that applies item defaults reads them, in fewer bytes: the edit range and the insert text
 * format every item shares are said once in `itemDefaults`, each item keeping its own text (`textEditText`, when it
 * is not its label); and a `filterText` equal to the label is left out, which is what a client filters by without
 * one. A `{{< ` completion was 23.6 KB, 39 % of it 71 copies of one text edit's range; the editor parses the list on
 * every keystroke that asks for one (VS Code Remote carries it over the network). vscode-languageclient turns the
 * list back into the same items (`protocolConverter.ts`: `textEditText ?? label` over the default range); the
 * extension host and code-server layers accept these items in VS Code itself. A client that does not say it applies
 * a default gets the items with their own ranges and formats.
 */
export function compactCompletions(items: readonly CompletionItem[], support: ItemDefaultsSupport): CompletionItem[] | CompletionList {
  const lean = items.map((item) => {
    if (item.filterText === undefined || item.filterText !== item.label) return item;
    const { filterText: _same, ...rest } = item;
    return rest;
  });
  const range = support.editRange && lean.length > 1 ? commonEditRange(lean) : undefined;
  const formats = new Set(lean.map((i) => i.insertTextFormat ?? InsertTextFormat.PlainText));
  const format = support.insertTextFormat && lean.length > 1 && formats.size === 1 ? [...formats][0] : undefined;
  if (range === undefined && format !== InsertTextFormat.Snippet) return lean;
  return {
    isIncomplete: false,
    itemDefaults: { ...(range ? { editRange: range } : {}), ...(format !== undefined ? { insertTextFormat: format } : {}) },
    items: lean.map((item) => {
      const { textEdit, insertTextFormat, ...rest } = item;
      const out: CompletionItem = rest;
      if (range === undefined && textEdit) out.textEdit = textEdit;
      else if (textEdit && textEdit.newText !== item.label) out.textEditText = textEdit.newText;
      // Without a shared format, each item keeps its own.
      if (format === undefined && insertTextFormat !== undefined) out.insertTextFormat = insertTextFormat;
      return out;
    }),
  };
}
