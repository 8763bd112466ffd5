import * as vscode from 'vscode';
import { HEADINGS_REQUEST, type PageHeading } from '../../../server/protocol';
import { activeTranslations } from './goToTranslation';
import { matchingLine } from './headingSync';
import { sendRequest, type ClientSource } from './requests';

/** How long after this module scrolled an editor its scroll events are not answered (they are the echo). */
const ECHO_MS = 500;
/** At most this many lines at the top of an editor can be under sticky-scroll headings (`## ` and `### ` nest). */
const STICKY_LINES = 3;

/** The pair kept in step; a new Open Source Side by Side replaces it. */
let current: vscode.Disposable | undefined;

/**
 * "Istio: Open Source Side by Side": opens the source-language version of the active translation beside it, and from
 * then on scrolling either editor scrolls the other to the same heading (matched by the heading ids Hugo gives them,
 * which the server computes). Returns the two editors (translation, source) for tests.
 */
export async function openSourceSideBySide(client: ClientSource): Promise<{ translation: vscode.TextEditor; source: vscode.TextEditor } | undefined> {
  const found = await activeTranslations(client);
  const c = client();
  if (!found || !c) return undefined;
  const { editor, result } = found;
  if (result.lang === result.sourceLang) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: this is the {0} page itself; open one of its translations first.', result.sourceLang));
    return undefined;
  }
  const source = result.languages.find((v) => v.lang === result.sourceLang);
  if (!source?.exists) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: {0} has no {1} version.', result.path, result.sourceLang));
    return undefined;
  }
  const sourceUri = vscode.Uri.parse(source.uri);
  // `vscode.open` ties the document to its editor (see openPage.ts); the translation keeps the focus.
  await vscode.commands.executeCommand('vscode.open', sourceUri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  const sourceEditor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === sourceUri.toString() && e.viewColumn !== editor.viewColumn);
  if (!sourceEditor) return undefined;
  current?.dispose();
  current = keepInStep(client, editor.document.uri, sourceUri);
  await syncFrom(client, editor, sourceEditor, new Map());
  return { translation: editor, source: sourceEditor };
}

/** Listens to both documents' scrolling while both are visible; ends when either is closed. */
function keepInStep(client: ClientSource, a: vscode.Uri, b: vscode.Uri): vscode.Disposable {
  const echoes = new Map<string, { line: number; until: number }>();
  const same = (e: vscode.TextEditor, u: vscode.Uri): boolean => e.document.uri.toString() === u.toString();
  const subscriptions = [
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      const otherUri = same(e.textEditor, a) ? b : same(e.textEditor, b) ? a : undefined;
      if (!otherUri) return;
      const top = e.visibleRanges[0]?.start.line ?? 0;
      // Our own scroll coming back (placed up to a few lines off by sticky scroll): not the user's, not answered.
      const key = e.textEditor.document.uri.toString();
      const echo = echoes.get(key);
      if (echo && Date.now() < echo.until && Math.abs(echo.line - top) <= STICKY_LINES) {
        echoes.delete(key);
        return;
      }
      const other = vscode.window.visibleTextEditors.find((x) => same(x, otherUri) && x.viewColumn !== e.textEditor.viewColumn);
      if (other) void syncFrom(client, e.textEditor, other, echoes);
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      if (!editors.some((x) => same(x, a)) || !editors.some((x) => same(x, b))) dispose.dispose();
    }),
  ];
  const dispose = new vscode.Disposable(() => {
    for (const s of subscriptions) s.dispose();
    if (current === dispose) current = undefined;
  });
  return dispose;
}

/** Scrolls `to` so that it shows the heading at the top of `from` (and as far into its section). */
async function syncFrom(client: ClientSource, from: vscode.TextEditor, to: vscode.TextEditor, echoes: Map<string, { line: number; until: number }>): Promise<void> {
  const c = client();
  if (!c) return;
  const first = from.visibleRanges[0]?.start.line ?? 0;
  const [fromHeadings, toHeadings] = await Promise.all([headings(c, from.document), headings(c, to.document)]);
  // Sticky scroll (on by default) covers the first lines with the enclosing headings, and revealing a heading "at the
  // top" puts it just below them: a heading that close to the first visible line is the one the reader sees on top.
  const top = fromHeadings.find((h) => h.line >= first && h.line <= first + STICKY_LINES)?.line ?? first;
  const line = matchingLine(fromHeadings, from.document.lineCount, toHeadings, to.document.lineCount, top);
  const shown = to.visibleRanges[0]?.start.line;
  // Nothing to do when the line is already on top: this also ends any back-and-forth between the two editors.
  if (line === undefined || (shown !== undefined && shown <= line && line <= shown + STICKY_LINES)) return;
  echoes.set(to.document.uri.toString(), { line, until: Date.now() + ECHO_MS });
  to.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
}

type Client = NonNullable<ReturnType<ClientSource>>;
const cache = new WeakMap<vscode.TextDocument, { version: number; headings: Promise<PageHeading[]> }>();

/** The server's headings of a document, asked once per version. */
function headings(c: Client, doc: vscode.TextDocument): Promise<PageHeading[]> {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) return hit.headings;
  const asked = sendRequest(c, HEADINGS_REQUEST, { uri: doc.uri.toString() }).catch((): PageHeading[] => []);
  cache.set(doc, { version: doc.version, headings: asked });
  // None: perhaps asked before the server had the document; ask again next time.
  void asked.then((h) => h.length === 0 && cache.delete(doc));
  return asked;
}
