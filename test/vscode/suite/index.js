// Extension-host test entry (the @vscode/test-electron contract: export run()).
// Loads every *.test.js of this folder, one file per area; prints "N passed, N failed".
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  // color:false keeps the output readable when it is forwarded from the browser console (code-server stand-in).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  const grep = process.env.ISTIO_EXTHOST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // runner.stats counts the tests that ran (ISTIO_EXTHOST_GREP may select a few).
        console.log(`${runner.stats.passes} passed, ${failures} failed`);
        if (failures) reject(new Error(`${failures} tests failed`));
        else resolve();
      });
    } catch (e) {
      console.error(e);
      console.log('0 passed, 1 failed');
      reject(e);
    }
  });
};
