import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/core/languageService';
import { NodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
const svc = new LanguageService({ fs: new NodeFileSystem() });
const files = execSync('find /work/main/test/fixtures/istio-sample/content -name "*.md"').toString().trim().split('\n');
let n = 0;
for (const f of files) {
  const doc = TextDocument.create('file://' + f, 'markdown', 1, fs.readFileSync(f, 'utf8'));
  svc.openDocument(f, doc);
  const r = svc.diagnostics(f, doc);
  for (const d of r.diagnostics) { n++; console.log(f.replace(/.*istio-sample\//,''), d.range.start.line+1 + ':' + (d.range.start.character+1), d.severity, d.code, d.message); }
}
console.log(files.length, 'files', n, 'diags');
process.exit(0);
