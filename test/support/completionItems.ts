import type { CompletionItem, CompletionList, InsertReplaceEdit, Range, TextEdit } from 'vscode-languageserver-types';

/**
 * The items of a completion answer as the editor reads them: a list's item defaults applied to each item, as
 * vscode-languageclient 9 does (`protocolConverter.js`: an item without a text edit gets the default range with
 * `textEditText ?? label`, an item without a format the default one). The server sends the defaults to a client that
 * says it applies them (`LspTestClient` says so, as VS Code does); the extension host and code-server layers check
 * the real client's reading of the same lists.
 */
export function completionItems(result: CompletionItem[] | CompletionList | null | undefined): CompletionItem[] {
  if (!result) return [];
  if (Array.isArray(result)) return result;
  const defaults = result.itemDefaults;
  const range = defaults?.editRange as Range | { insert: Range; replace: Range } | undefined;
  return result.items.map((item) => {
    const out: CompletionItem = { ...item };
    if (item.textEdit === undefined && range !== undefined) {
      const newText = item.textEditText ?? item.label;
      out.textEdit = 'insert' in range ? ({ insert: range.insert, replace: range.replace, newText } satisfies InsertReplaceEdit) : ({ range, newText } satisfies TextEdit);
      delete out.textEditText;
    }
    if (item.insertTextFormat === undefined && defaults?.insertTextFormat !== undefined) out.insertTextFormat = defaults.insertTextFormat;
    return out;
  });
}
