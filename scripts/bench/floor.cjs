// The floor the CLI is measured against, as a fresh process like the CLI: list the site's content/ folder, read every
// Markdown page and run one shortcode regex over it. Prints the pages read and the regex's matches as JSON.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SKIP = new Set(['.git', 'node_modules', 'public', 'resources', 'archive']);
const TAG = /\{\{[<%]\s*\/?\s*([\w-]+)[^}]*[>%]\}\}/g;
let pages = 0;
let matches = 0;
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP.has(e.name)) walk(full);
    } else if (e.isFile() && e.name.endsWith('.md')) {
      pages++;
      matches += (fs.readFileSync(full, 'utf8').match(TAG) || []).length;
    }
  }
};
walk(path.join(process.argv[2], 'content'));
process.stdout.write(JSON.stringify({ pages, matches }));
