import { MDL_RULES, type MdlRule } from './mdlRules';

/** A style file of Ruby `mdl` (the site's `mdl.rb`): which rules run and their parameters. */
export interface MdlStyle {
  readonly rules: readonly { readonly rule: MdlRule; readonly params: Readonly<Record<string, string | number>> }[];
}

/**
 * Reads the style DSL as mdl evaluates it for the lines the site uses: `all`, `rule 'MD002', :level => 2`,
 * `exclude_rule 'MD013'` (and `rule` alone, which enables one rule). Other Ruby is ignored.
 */
export function parseMdlStyle(text: string): MdlStyle {
  const enabled = new Map<string, Record<string, string | number>>();
  const params = new Map<string, Record<string, string | number>>();
  const excluded = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === 'all') for (const r of MDL_RULES) enabled.set(r.id, {});
    const rule = /^rule\s+['"](MD\d{3})['"]\s*(?:,(.*))?$/.exec(line);
    if (rule) {
      const p: Record<string, string | number> = {};
      for (const m of (rule[2] ?? '').matchAll(/:(\w+)\s*=>\s*("(?:[^"\\]|\\.)*"|'[^']*'|[\w.:-]+)/g)) {
        const v = m[2]!;
        p[m[1]!] = /^["']/.test(v) ? v.slice(1, -1) : /^-?\d+$/.test(v) ? Number(v) : v;
      }
      params.set(rule[1]!, p);
      enabled.set(rule[1]!, p);
    }
    const ex = /^exclude_rule\s+['"](MD\d{3})['"]/.exec(line);
    if (ex) excluded.add(ex[1]!);
  }
  return {
    rules: MDL_RULES.filter((r) => enabled.has(r.id) && !excluded.has(r.id)).map((rule) => ({ rule, params: params.get(rule.id) ?? {} })),
  };
}
