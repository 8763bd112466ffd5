import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticInfo, type DiagnosticCode, type Severity } from '../diagnostics/catalog';
import { draftSeverity } from '../diagnostics/draft';
import { lspSeverity } from '../diagnostics/severity';
import { addHidden, countOne, MAX_FINDINGS_PER_DOCUMENT, NONE_HIDDEN, type HiddenCounts, type SeverityCounts } from './findingsLimit';

interface Key {
  /** Findings of this code and severity built so far in the check. */
  built: number;
  /** The greatest start offset among them. */
  lastStart: number;
}

/**
 * The findings of one check, counted by code and severity, so that a rule can count a finding instead of building it
 * when the cap cannot show it. The cap shows the most severe findings first, then the first in the document, then the
 * first reported: a finding that MAX_FINDINGS_PER_DOCUMENT built findings of its own code and severity precede (none
 * of them starting after it) is never shown. Counting it instead keeps the summary's numbers exact and spares the
 * rule its message, its range and its fixes: on a page of 80,000 quotes, building the findings was most of the lint
 * rule's second.
 *
 * Off on a page with a suppression comment, which could take any of the built findings away; a draft's lowered
 * severities apply to every finding of a code alike. A rule's counts are kept only if the rule finishes (`commit`).
 */
export class FindingTally {
  private readonly keys = new Map<string, Key>();
  private counted: HiddenCounts = NONE_HIDDEN;
  /** The current rule's changes, merged at `commit`. */
  private pendingKeys = new Map<string, Key>();
  private pendingCounted: SeverityCounts = { ...NONE_HIDDEN };

  private on: boolean | undefined;

  /** `applies`: whether the page can have findings counted (asked once, at the first finding). */
  constructor(
    private readonly applies: () => boolean,
    private readonly draft: boolean,
  ) {}

  private get enabled(): boolean {
    return (this.on ??= this.applies());
  }

  /** Notes a finding built (`diagnostic()` calls this). */
  built(code: DiagnosticCode, severity: DiagnosticSeverity, start: number): void {
    if (!this.enabled) return;
    const key = this.pendingKey(`${code} ${severity}`);
    key.built++;
    if (start > key.lastStart) key.lastStart = start;
  }

  /**
   * Whether a finding of `code` at `start` (at the catalog's severity, or `severity`) cannot be shown: then it is
   * counted, and the rule does not build it. A rule asks only for findings it reports in document order.
   */
  countPastCap(code: DiagnosticCode, start: number, severity?: Severity): boolean {
    if (!this.enabled) return false;
    const lsp = lspSeverity(severity ?? diagnosticInfo(code).severity);
    const key = this.pendingKeys.get(`${code} ${lsp}`) ?? this.keys.get(`${code} ${lsp}`);
    if (!key || key.built < MAX_FINDINGS_PER_DOCUMENT || key.lastStart > start) return false;
    countOne(this.pendingCounted, this.draft ? draftSeverity(code, lsp) : lsp);
    return true;
  }

  /** The findings counted and not built so far, by the severity they would have been shown with. */
  hidden(): HiddenCounts {
    return this.counted;
  }

  /** Keeps the current rule's counts. */
  commit(): void {
    for (const [k, v] of this.pendingKeys) this.keys.set(k, v);
    this.counted = addHidden(this.counted, this.pendingCounted);
    this.pendingKeys = new Map();
    this.pendingCounted = { ...NONE_HIDDEN };
  }

  /** Drops the current rule's counts (it failed: none of its findings are reported). */
  abort(): void {
    this.pendingKeys = new Map();
    this.pendingCounted = { ...NONE_HIDDEN };
  }

  private pendingKey(id: string): Key {
    let key = this.pendingKeys.get(id);
    if (!key) {
      const kept = this.keys.get(id);
      key = kept ? { ...kept } : { built: 0, lastStart: -1 };
      this.pendingKeys.set(id, key);
    }
    return key;
  }
}
