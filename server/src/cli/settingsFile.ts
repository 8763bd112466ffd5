import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { SETTINGS_SECTION } from '../../protocol';
import type { IstioSettings } from '../../engine';
import { mergeSettings, settingsSection } from '../../engine';

/**
 * The settings the CLI applies to a site: the same `istio.*` keys the editor reads, from the site's
 * `.vscode/settings.json` (JSON with comments, as VS Code writes it), then the `--config` file over it.
 */
export function loadSettings(siteRoot: string | undefined, configFile: string | undefined): { settings: IstioSettings; sources: string[] } {
  const raw: Record<string, unknown> = {};
  const sources: string[] = [];
  const files = [siteRoot ? path.join(siteRoot, '.vscode', 'settings.json') : undefined, configFile].filter((f): f is string => !!f);
  for (const file of files) {
    if (file !== configFile && !fs.existsSync(file)) continue;
    const section = settingsSection(readJsonc(file), SETTINGS_SECTION);
    deepMerge(raw, section);
    sources.push(file);
  }
  return { settings: mergeSettings(raw), sources };
}

export class SettingsFileError extends Error {}

function readJsonc(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SettingsFileError(`cannot read settings file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new SettingsFileError(`${file}: ${printParseErrorCode(e.error)} at offset ${e.offset}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsFileError(`${file}: expected a JSON object`);
  return value as Record<string, unknown>;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(source)) {
    const t = target[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && t && typeof t === 'object' && !Array.isArray(t)) {
      deepMerge(t as Record<string, unknown>, v as Record<string, unknown>);
    } else {
      target[k] = v;
    }
  }
}
