// The trivial language server the bench compares the real one with (issue 15): over stdio, it answers `initialize`,
// keeps nothing, and for each opened or changed page publishes one diagnostic, the first match of one shortcode
// regex. What any server must do per page (receive the text over JSON-RPC, scan it once, publish) and nothing else.
'use strict';
const { createConnection, ProposedFeatures, TextDocumentSyncKind } = require('vscode-languageserver/node');

const connection = createConnection(ProposedFeatures.all);
const TAG = /\{\{[<%]\s*\/?\s*([\w-]+)[^}]*[>%]\}\}/g;

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Full } }));

const check = (uri, version, text) => {
  TAG.lastIndex = 0;
  const m = TAG.exec(text);
  const diagnostics = [];
  if (m) {
    // Line and column of the match, counted as a server must to report a range.
    let line = 0;
    let start = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) {
      line++;
      start = i + 1;
    }
    const character = m.index - start;
    diagnostics.push({ range: { start: { line, character }, end: { line, character: character + m[0].length } }, severity: 3, message: `shortcode ${m[1]}`, source: 'trivial' });
  }
  connection.sendDiagnostics({ uri, version, diagnostics });
};

connection.onDidOpenTextDocument((p) => check(p.textDocument.uri, p.textDocument.version, p.textDocument.text));
connection.onDidChangeTextDocument((p) => check(p.textDocument.uri, p.textDocument.version, p.contentChanges[p.contentChanges.length - 1].text));
connection.listen();
