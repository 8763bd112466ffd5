// Helpers shared by the extension-host suites. Every wait is on a real signal (a diagnostics event,
// the extension's activation), never a fixed sleep.
'use strict';
const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'istio-authoring.istio-authoring';
const SOURCE = 'istio';

/** The workspace folder: a temporary copy of test/fixtures/istio-sample made by test/vscode/run.mjs. */
function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open (a copy of test/fixtures/istio-sample)');
  return folder.uri;
}

/** The URI of a file of the site copy, e.g. `content/zh/blog/2018/aws-nlb/index.md`. */
function siteUri(rel) {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

/** Activate the extension (resolves once its language client has started) and return its exports. */
async function activateExtension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  await ext.activate();
  return ext;
}

/** This extension's diagnostics of `uri`. */
function istioDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolve with the diagnostics of `uri` once they satisfy `pred`. Subscribes before checking, so call it
 * before (or right after) the action that should cause the change.
 * `pred` is called with the current istio diagnostics on every change of `uri`.
 */
function waitForDiagnostics(uri, pred, { timeoutMs = 20000, checkNow = true } = {}) {
  return new Promise((resolve, reject) => {
    let sub;
    const timer = setTimeout(() => {
      sub.dispose();
      const have = istioDiagnostics(uri).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${uri.path}; have ${JSON.stringify(have)}`));
    }, timeoutMs);
    const check = () => {
      const ds = istioDiagnostics(uri);
      if (!pred(ds)) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
      return true;
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    if (checkNow) check();
  });
}

/** Resolve on the next diagnostics change of `uri` (the server published for it), with its diagnostics. */
function nextPublish(uri, opts) {
  return waitForDiagnostics(uri, () => true, { ...opts, checkNow: false });
}

/** Open a file of the site copy in an editor. */
async function openPost(rel) {
  const doc = await vscode.workspace.openTextDocument(siteUri(rel));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/**
 * Open a file of the site copy and wait for the server's first diagnostics of it: the language client is up and has
 * the page. Subscribes before opening, so that publication cannot be missed.
 */
async function openPublished(rel) {
  const uri = siteUri(rel);
  const first = nextPublish(uri);
  const { doc, editor } = await openPost(rel);
  return { uri, doc, editor, diagnostics: await first };
}

/** [code, startLine, startChar, endLine, endChar] of a diagnostic (0-based), for exact comparisons. */
function where(d) {
  const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
  return [code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

/** The labels of the completion items at `position` (through every registered provider). */
async function completionLabels(uri, position, triggerCharacter) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position, triggerCharacter);
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** Close every editor without saving (edits made by a test stay out of the next one). */
async function closeAllWithoutSaving() {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Whether `uri` exists (file or folder). */
async function exists(uri) {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

module.exports = {
  EXTENSION_ID,
  SOURCE,
  workspaceRoot,
  siteUri,
  activateExtension,
  istioDiagnostics,
  waitForDiagnostics,
  nextPublish,
  openPost,
  openPublished,
  where,
  completionLabels,
  closeAllWithoutSaving,
  exists,
};
