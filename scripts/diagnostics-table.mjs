#!/usr/bin/env node
// Rewrites the tables of docs/diagnostics.md from the catalog of diagnostic codes (server/data/diagnostics.json).
// Each table sits between `<!-- diagnostics:begin <family> … -->` and `<!-- diagnostics:end -->` and lists the codes
// of the families it names, in the catalog's order; every family must have exactly one table. The prose around the
// tables is left alone.
//
//   node scripts/diagnostics-table.mjs           rewrite docs/diagnostics.md
//   node scripts/diagnostics-table.mjs --check   exit 1 if it differs from what the catalog gives (the unit test)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CATALOG = path.join(ROOT, 'server/data/diagnostics.json');
const DOC = path.join(ROOT, 'docs/diagnostics.md');
const BLOCK = /(<!-- diagnostics:begin ([a-z ]+?) -->\n)[\s\S]*?(<!-- diagnostics:end -->)/g;

/** Table cells hold one line: a `|` would split the cell. */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * `error`, or `error (warning with `ratio`)` for a code a rule reports at other severities in some contexts; severities
 * taken in the same context share it (`information or hint when …`).
 */
function severity(entry) {
  const byWhen = new Map();
  for (const [s, when] of Object.entries(entry.otherSeverities ?? {})) byWhen.set(when, [...(byWhen.get(when) ?? []), s]);
  const others = [...byWhen].map(([when, severities]) => `${severities.join(' or ')} ${when}`);
  return others.length === 0 ? entry.severity : `${entry.severity} (${others.join('; ')})`;
}

/** `yes`, `yes, drafts too` (Hugo fails while reading the page, before it knows it is a draft) or `no`. */
function failsBuild(entry) {
  if (!entry.failsBuild) return 'no';
  return entry.failsDraft ? 'yes, drafts too' : 'yes';
}

function table(codes, families) {
  const names = families.map((f) => `\`${f}\``).join(', ');
  const lines = [
    `${families.length === 1 ? 'Family' : 'Families'}: ${names}.`,
    '',
    '| code | severity | what it means | fails the build | quick fix |',
    '|---|---|---|---|---|',
  ];
  for (const [code, entry] of Object.entries(codes)) {
    if (!families.includes(entry.family)) continue;
    lines.push(`| \`${code}\` | ${cell(severity(entry))} | ${cell(entry.doc)} | ${failsBuild(entry)} | ${cell(entry.fix ?? '')} |`);
  }
  return lines.join('\n') + '\n';
}

/** The document with every table regenerated; throws when a family has no table, or two, or a table names no family. */
function render(doc, catalog) {
  const seen = new Map();
  const out = doc.replace(BLOCK, (_, begin, list, end) => {
    const families = list.trim().split(/\s+/);
    for (const f of families) {
      if (!(f in catalog.families)) throw new Error(`docs/diagnostics.md names an unknown family: ${f}`);
      seen.set(f, (seen.get(f) ?? 0) + 1);
    }
    return `${begin}${table(catalog.codes, families)}${end}`;
  });
  const wrong = Object.keys(catalog.families).filter((f) => seen.get(f) !== 1);
  if (wrong.length > 0) throw new Error(`docs/diagnostics.md needs exactly one table for each family; not so for: ${wrong.join(', ')}`);
  return out;
}

function main() {
  const catalog = JSON.parse(fs.readFileSync(CATALOG, 'utf8'));
  const doc = fs.readFileSync(DOC, 'utf8');
  let rendered;
  try {
    rendered = render(doc, catalog);
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  if (process.argv.includes('--check')) {
    if (rendered === doc) return 0;
    process.stderr.write('docs/diagnostics.md differs from what server/data/diagnostics.json generates: run `node scripts/diagnostics-table.mjs`\n');
    return 1;
  }
  if (rendered !== doc) fs.writeFileSync(DOC, rendered);
  process.stdout.write(rendered === doc ? 'docs/diagnostics.md is up to date\n' : 'docs/diagnostics.md rewritten\n');
  return 0;
}

process.exitCode = main();
