/**
 * The text edit that adds a language to the Hugo configuration, in the file's own style: the new table goes after
 * the last language's, indented as they are, and its menus after the other languages' menus. The file is edited as
 * text (its comments, order and layout survive); the result is then parsed again with the real parser and accepted
 * only if it adds exactly the new language and changes nothing else.
 */
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { Position } from 'vscode-languageserver-types';
import { isMap, parseDocument, stringify as stringifyYaml } from 'yaml';
import { getKey, isTable, languageMenus, parseConfig, type ConfigFile, type HugoConfig } from '../../site/hugoConfig';
import { tomlHeaders, type TomlHeader } from '../../site/tomlSections';

/** One replacement in a file's text (an insertion has `length` 0). */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export interface LanguageEdit {
  readonly file: ConfigFile;
  readonly edits: readonly TextEdit[];
  /** The file's text after the edits. */
  readonly newText: string;
  /** The values the new language's table holds (without its menus). */
  readonly block: Readonly<Record<string, string | number>>;
  /** Menu name → how many entries were copied. */
  readonly menus: Readonly<Record<string, number>>;
}

export type LanguageEditResult = { readonly ok: true; readonly edit: LanguageEdit } | { readonly ok: false; readonly reason: string };

/** The language's own name in itself (`es` → `Español`), or the code when the platform does not know it. */
export function languageDisplayName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    if (name && name.toLowerCase() !== lang.toLowerCase()) return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    // not a well-formed language tag: keep the code
  }
  return lang;
}

/**
 * The edit adding `[languages.<lang>]` (`contentDir`, `languageName`, and a `weight` after the others' when they
 * have weights: a language without one sorts after every weighted one, and among the unweighted by code, so giving
 * only the new one a weight would move it first) and, with `copyMenus`, the source language's menus with `/<lang>`
 * before each site-relative `url`.
 */
export function addLanguageEdit(config: HugoConfig, lang: string, name: string, copyMenus: boolean): LanguageEditResult {
  const file = config.languagesFile;
  if (!file || !file.data || !config.languages) return { ok: false, reason: 'the configuration names no languages' };
  if (config.languages.has(lang.toLowerCase())) return { ok: false, reason: `the configuration already has the language ${lang}` };
  const weights = [...config.languages.values()].map((l) => l.weight ?? 0).filter((w) => w > 0);
  const block: Record<string, string | number> = { contentDir: `content/${lang}`, languageName: name };
  if (weights.length > 0) block['weight'] = Math.max(...weights) + 1;
  const menus: Record<string, unknown[]> = {};
  if (copyMenus) {
    for (const [menu, entries] of Object.entries(languageMenus(config, config.defaultContentLanguage))) {
      menus[menu] = entries.map((e) => (isTable(e) ? prefixUrl(e, lang) : e));
    }
  }
  const edits = file.format === 'toml' ? tomlEdits(file, lang, block, menus) : file.format === 'yaml' ? yamlEdits(file, lang, block, menus) : jsonEdits(file, lang, block, menus);
  if (!edits) return { ok: false, reason: `cannot tell where the languages are in ${file.path}` };
  const newText = applyEdits(file.text, edits);
  if (!addsOnly(file, newText, lang, block, menus)) return { ok: false, reason: `the edit of ${file.path} would not read back as the new language alone` };
  const counts: Record<string, number> = {};
  for (const [m, e] of Object.entries(menus)) counts[m] = e.length;
  return { ok: true, edit: { file, edits, newText, block, menus: counts } };
}

/** A menu entry with the language's prefix on its site-relative `url` (`/about/` → `/es/about/`). */
function prefixUrl(entry: Readonly<Record<string, unknown>>, lang: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) {
    out[k] = k.toLowerCase() === 'url' && typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith(`/${lang}/`) ? `/${lang}${v}` : v;
  }
  return out;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** Whether `newText` parses to the old file plus the new language and its menus, nothing else. */
function addsOnly(file: ConfigFile, newText: string, lang: string, block: Readonly<Record<string, unknown>>, menus: Readonly<Record<string, unknown[]>>): boolean {
  let data: Record<string, unknown>;
  try {
    data = parseConfig(newText, file.format);
  } catch {
    return false;
  }
  const langs = file.prefix.length === 0 ? getKey(data, 'languages') : data;
  if (!isTable(langs)) return false;
  const added = langs[lang];
  if (!isTable(added)) return false;
  const { menu, menus: menus2, ...rest } = added;
  if (stable(rest) !== stable(block)) return false;
  const wantMenus = Object.keys(menus).length > 0 ? stable(menus) : stable(undefined);
  if (stable(menu ?? menus2) !== wantMenus) return false;
  delete langs[lang];
  return stable(data) === stable(file.data);
}

/** JSON with sorted keys: equal values, equal strings. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (isTable(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x)) ?? 'undefined';
}

// --- TOML -------------------------------------------------------------------------------------

const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const tomlKey = (k: string): string => (BARE_KEY.test(k) ? k : JSON.stringify(k));

function tomlValue(v: unknown): string | undefined {
  if (typeof v === 'string') return JSON.stringify(v); // a JSON string is a valid TOML basic string
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) {
    const parts = v.map(tomlValue);
    return parts.every((p): p is string => p !== undefined) ? `[${parts.join(', ')}]` : undefined;
  }
  return undefined;
}

/** A table's key lines, then its sub-tables, at the given indentation. */
function tomlTable(header: string, table: Readonly<Record<string, unknown>>, hi: string, ki: string, keys: readonly string[]): string {
  let out = `${hi}${header}\n`;
  const subs: [string, Record<string, unknown>][] = [];
  for (const [k, v] of Object.entries(table)) {
    if (isTable(v)) subs.push([k, v]);
    else {
      const value = tomlValue(v);
      if (value !== undefined) out += `${ki}${tomlKey(k)} = ${value}\n`;
    }
  }
  for (const [k, v] of subs) out += tomlTable(`[${[...keys, k].map(tomlKey).join('.')}]`, v, hi, ki, [...keys, k]);
  return out;
}

function startsWith(keys: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((p, i) => keys[i]?.toLowerCase() === p.toLowerCase());
}

function tomlEdits(file: ConfigFile, lang: string, block: Readonly<Record<string, unknown>>, menus: Readonly<Record<string, unknown[]>>): TextEdit[] | undefined {
  const text = file.text;
  const headers = tomlHeaders(text);
  // The keys of a language's table in this file: `languages.<lang>` in hugo.toml, `<lang>` in languages.toml.
  const base = file.prefix.length === 0 ? ['languages'] : [];
  const isMenu = (h: TomlHeader): boolean => /^menus?$/i.test(h.keys[base.length + 1] ?? '');
  const langTables = headers.filter((h) => h.keys.length > base.length && startsWith(h.keys, base) && !isMenu(h));
  const menuTables = headers.filter((h) => h.keys.length > base.length && startsWith(h.keys, base) && isMenu(h));
  const menuWord = menuTables.some((h) => h.keys[base.length + 1] === 'menus') ? 'menus' : menuTables.length ? 'menu' : headers.some((h) => h.keys[0] === 'menus') ? 'menus' : 'menu';
  const path = (...rest: string[]): string => [...base, lang, ...rest].map(tomlKey).join('.');
  const edits: TextEdit[] = [];
  const last = langTables.reduce<TomlHeader | undefined>((a, h) => (!a || h.end > a.end ? h : a), undefined);
  const nl = (at: number): string => (at > 0 && text[at - 1] !== '\n' ? '\n' : '');
  let blockText: string;
  let blockAt: number;
  if (last) {
    const first = langTables[0]!;
    const hi = first.indent;
    const ki = first.keyIndent ?? hi;
    blockAt = last.end;
    blockText = nl(blockAt) + tomlTable(`[${path()}]`, block, hi, ki, [...base, lang]);
  } else {
    // `[languages]` holding `en = { contentDir = "content/en" }` lines: one more line of the same kind.
    const table = headers.find((h) => h.keys.length === base.length && startsWith(h.keys, base) && base.length > 0);
    if (!table) return undefined;
    const ki = table.keyIndent ?? table.indent;
    const inline = Object.entries(block).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)!}`).join(', ');
    blockAt = table.end;
    blockText = `${nl(blockAt)}${ki}${tomlKey(lang)} = { ${inline} }\n`;
    if (Object.keys(menus).length > 0) return undefined;
  }
  const menuText = Object.entries(menus)
    .filter(([, entries]) => entries.length > 0)
    .map(([menu, entries]) => {
      const like = menuTables[menuTables.length - 1] ?? headers.find((h) => /^menus?$/i.test(h.keys[0] ?? '') && h.array);
      const hi = like?.indent ?? last?.indent ?? '';
      const ki = like?.keyIndent ?? hi;
      const tables = entries.filter(isTable).map((e) => tomlTable(`[[${path(menuWord, menu)}]]`, e, hi, ki, [...base, lang, menuWord, menu]));
      return `\n${hi}# ${lang}: copied from the ${menu} menu of the source language; translate each name and title\n${tables.join('\n')}`;
    })
    .join('');
  const lastMenu = menuTables.reduce<TomlHeader | undefined>((a, h) => (!a || h.end > a.end ? h : a), undefined);
  if (menuText !== '' && lastMenu && lastMenu.end !== blockAt) {
    edits.push({ offset: blockAt, length: 0, newText: blockText });
    edits.push({ offset: lastMenu.end, length: 0, newText: nl(lastMenu.end) + menuText });
  } else edits.push({ offset: blockAt, length: 0, newText: blockText + menuText });
  return edits;
}

// --- YAML -------------------------------------------------------------------------------------

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function yamlEdits(file: ConfigFile, lang: string, block: Readonly<Record<string, unknown>>, menus: Readonly<Record<string, unknown[]>>): TextEdit[] | undefined {
  const text = file.text;
  const doc = parseDocument(text);
  const root = doc.contents;
  const langKey = file.prefix.length === 0 ? Object.keys(file.data ?? {}).find((k) => k.toLowerCase() === 'languages') : undefined;
  const map = langKey === undefined ? root : isMap(root) ? root.get(langKey, true) : undefined;
  if (!isMap(map) || map.flow || map.items.length === 0) return undefined;
  const lastItem = map.items[map.items.length - 1]!;
  const firstKey = map.items[0]!.key;
  const keyStart = isNodeWithRange(firstKey) ? firstKey.range[0] : undefined;
  const valueEnd = isNodeWithRange(lastItem.value) ? lastItem.value.range[1] : isNodeWithRange(lastItem.key) ? lastItem.key.range[1] : undefined;
  if (keyStart === undefined || valueEnd === undefined) return undefined;
  const column = keyStart - lineStartOf(text, keyStart);
  const firstValue = map.items[0]!.value;
  const inner = isMap(firstValue) && firstValue.items[0] && isNodeWithRange(firstValue.items[0].key) ? firstValue.items[0].key.range[0] - lineStartOf(text, firstValue.items[0].key.range[0]) - column : 2;
  const nlAt = text.indexOf('\n', valueEnd - 1 < 0 ? 0 : valueEnd - 1);
  const at = text[valueEnd - 1] === '\n' ? valueEnd : nlAt < 0 ? text.length : nlAt + 1;
  const value: Record<string, unknown> = { ...block };
  const menuWord = /\bmenus:/.test(text) ? 'menus' : 'menu';
  if (Object.keys(menus).length > 0) value[menuWord] = menus;
  const body = stringifyYaml({ [lang]: value }, { indent: Math.max(inner, 1) });
  const pad = ' '.repeat(column);
  const lines = body.replace(/\n$/, '').split('\n').map((l) => pad + l).join('\n') + '\n';
  return [{ offset: at, length: 0, newText: (at > 0 && text[at - 1] !== '\n' ? '\n' : '') + lines }];
}

function isNodeWithRange(v: unknown): v is { range: [number, number, number] } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { range?: unknown }).range);
}

// --- JSON -------------------------------------------------------------------------------------

function jsonEdits(file: ConfigFile, lang: string, block: Readonly<Record<string, unknown>>, menus: Readonly<Record<string, unknown[]>>): TextEdit[] | undefined {
  const text = file.text;
  const tree = parseTree(text);
  if (!tree) return undefined;
  const langKey = file.prefix.length === 0 ? Object.keys(file.data ?? {}).find((k) => k.toLowerCase() === 'languages') : undefined;
  const obj: JsonNode | undefined = langKey === undefined ? tree : tree.children?.find((p) => p.children?.[0]?.value === langKey)?.children?.[1];
  const lastProp = obj?.type === 'object' ? obj.children?.[obj.children.length - 1] : undefined;
  if (!obj || !lastProp) return undefined;
  const column = lastProp.offset - lineStartOf(text, lastProp.offset);
  const unit = /\n(\s+)"/.exec(text)?.[1] ?? '  ';
  const value: Record<string, unknown> = { ...block };
  if (Object.keys(menus).length > 0) value['menus'] = menus;
  const body = JSON.stringify(value, null, unit).split('\n').join('\n' + ' '.repeat(column));
  const at = lastProp.offset + lastProp.length;
  return [{ offset: at, length: 0, newText: `,\n${' '.repeat(column)}${JSON.stringify(lang)}: ${body}` }];
}

/** The LSP position of `offset` in `text` (lines split at `\n`; a `\r` before it stays in the line, as LSP counts). */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}
