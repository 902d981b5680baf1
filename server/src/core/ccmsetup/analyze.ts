// Runs every ccmsetup rule over every command line of a parsed document and applies the user's
// severity settings and `# comanage-disable-next-line` suppressions. One failing rule never
// stops the others: its exception becomes a single internal-error finding. Messages pass through
// maskSecrets, so a token pasted anywhere never reaches an editor, a log or a report.
import { Catalog } from '../catalog';
import { LanguageSettings, Problem } from '../languageTypes';
import { maskSecrets } from '../secrets';
import { CcmsetupDocument, CommandLine } from './ast';
import { SERVICE_CODES } from '../diagnosticCodes';
import { CCMSETUP_RULES } from './rules';
import { CcmsetupRule, RuleContext } from './rules/types';

export interface AnalyzeOptions {
  catalog: Catalog;
  settings: LanguageSettings;
  rules?: readonly CcmsetupRule[];
}

export function analyzeCcmsetup(document: CcmsetupDocument, options: AnalyzeOptions): Problem[] {
  const problems: Problem[] = [];
  const overrides = options.settings.rules ?? {};
  const active = (options.rules ?? CCMSETUP_RULES).filter((rule) => overrides[rule.id] !== 'off');
  const failed = new Set<string>();

  for (const line of document.lines) {
    for (const rule of active) {
      if (isSuppressed(line, rule.id)) continue;
      const context: RuleContext = {
        catalog: options.catalog,
        text: document.text,
        report(span, message, extra) {
          const severity = overrides[rule.id];
          problems.push({
            code: rule.id,
            span,
            message: maskSecrets(message),
            severity: severity && severity !== 'off' ? severity : rule.severity,
            docUrl: extra?.docUrl ?? rule.docUrl,
            fixes: extra?.fixes?.map((fix) => ({ ...fix, title: maskSecrets(fix.title) })),
            unnecessary: extra?.unnecessary,
          });
        },
      };
      try {
        rule.check(line, context);
      } catch (error) {
        if (failed.has(rule.id)) continue;
        failed.add(rule.id);
        problems.push({
          code: SERVICE_CODES.internalError.id,
          span: line.span,
          message: `The check "${rule.id}" failed on this line (${error instanceof Error ? error.name : 'error'}); other checks still ran. Please report it.`,
          severity: SERVICE_CODES.internalError.severity,
          docUrl: SERVICE_CODES.internalError.docUrl,
        });
      }
    }
  }
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return problems;
}

function isSuppressed(line: CommandLine, id: string): boolean {
  return line.disabled !== undefined && (line.disabled.has('*') || line.disabled.has(id));
}
