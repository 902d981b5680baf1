// The `comanage` command: argv in, exit code out. Reading files, config, formatting and the checks
// themselves live in ./cli/* and the core; this file only wires them together.
// Exit codes: 0 no errors, 1 at least one error-severity diagnostic, 2 usage error or unreadable input.
// (esbuild adds the #! line to dist/cli.js.)
import { parseArgs } from 'util';
import pkg from '../../package.json';
import { defaultCatalog } from './core/catalog';
import { REFERENCE_URL } from './core/catalog/types';
import { CCMSETUP_RULES } from './core/ccmsetup/rules';
import { DIAGNOSTIC_CODES, SERVICE_CODES } from './core/diagnosticCodes';
import { getLanguageService } from './core/languageService';
import { CheckFailure, checkFiles } from './cli/check';
import { loadConfig } from './cli/config';
import { explain } from './cli/explain';
import { formatReadinessJson, formatReadinessText, readinessReports } from './cli/readiness';
import { SUPPORTED_EXTENSIONS, collectFiles } from './cli/files';
import { formatJson } from './cli/format/json';
import { formatSarif } from './cli/format/sarif';
import { realPath, resolveSarifBase } from './cli/repoRoot';
import { formatText } from './cli/format/text';
import { OUTPUT_FORMATS, OutputFormat, countBySeverity } from './cli/format/types';
import { UsageError } from './cli/usageError';

const HELP = `comanage ${pkg.version}: checks ccmsetup command lines (*.ccmsetup) and co-management manifests.

Usage:
  comanage check <files or folders...> [--format text|json|sarif] [--config <file>] [--base <folder>]
  comanage check --readiness <manifests...> [--format text|json]
  comanage explain <rule-id | /parameter | PROPERTY>
  comanage --help | --version

Folders are searched recursively for ${SUPPORTED_EXTENSIONS.map((e) => `*${e}`).join(', ')}
(node_modules and folders starting with "." are skipped).

Options:
  --format <f>     text (default), json (LSP diagnostics) or sarif (SARIF 2.1.0 for code scanning)
  --readiness      print each workload manifest's readiness report instead of diagnostics
                   (exit 1 when a check fails)
  --config <file>  rule severities; default: .comanage.json in the current folder, if present
                   { "rules": { "<rule-id>": "error" | "warning" | "information" | "hint" | "off" } }
  --base <folder>  sarif: the folder file URIs are relative to; default: the git repository
                   around the current folder (or around the checked files), else the current folder
  -h, --help       show this help
  --version        show the version

Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable file.
`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        base: { type: 'string' },
        readiness: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    // parseArgs explains at length; keep the first sentence, which names the option.
    const first = (error as Error).message.split(/\.\s|\n/)[0].replace(/\.$/, '');
    throw new UsageError(`${first}. Run 'comanage --help'.`);
  }
  const { values, positionals } = parsed;
  const [command, ...operands] = positionals;
  if (values.help || command === 'help') return write(process.stdout, HELP, 0);
  if (values.version) return write(process.stdout, `${pkg.version}\n`, 0);

  switch (command) {
    case 'check': return check(operands, values.format, values.config, values.readiness === true, values.base);
    case 'explain': {
      if (operands.length !== 1) throw new UsageError("explain takes one name, e.g. 'comanage explain unknown-parameter' or 'comanage explain /mp'");
      return write(process.stdout, explain(operands[0], [...CCMSETUP_RULES, ...Object.values(SERVICE_CODES)], defaultCatalog), 0);
    }
    case undefined:
      process.stderr.write(HELP);
      return 2;
    default:
      throw new UsageError(`unknown command '${command}'. Run 'comanage --help'.`);
  }
}

function check(operands: string[], formatOption: string | undefined, configOption: string | undefined, readiness: boolean, baseOption?: string): number {
  const format = (formatOption ?? 'text') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`unknown format '${formatOption}'; use ${OUTPUT_FORMATS.join(', ')}`);
  if (operands.length === 0) throw new UsageError("check needs at least one file or folder, e.g. 'comanage check .'");

  const cwd = process.cwd();
  const config = loadConfig(configOption, cwd, DIAGNOSTIC_CODES.filter((code) => code.origin === 'rule').map((code) => code.id));
  for (const warning of config.warnings) process.stderr.write(`comanage: warning: ${warning}\n`);

  const files = collectFiles(operands, cwd);
  if (files.length === 0) process.stderr.write(`comanage: warning: no ${SUPPORTED_EXTENSIONS.map((e) => `*${e}`).join(', ')} files found\n`);
  const service = getLanguageService({ settings: config.settings });
  if (readiness) {
    if (format === 'sarif') throw new UsageError('--readiness prints text or json, not sarif');
    const reports = readinessReports(files, cwd, service);
    const failed = reports.some((r) => r.checks.some((c) => c.status === 'fail'));
    return write(process.stdout, format === 'json' ? formatReadinessJson(reports) : formatReadinessText(reports), failed ? 1 : 0);
  }
  const results = checkFiles(files, cwd, service);

  const output = format === 'json' ? formatJson(results)
    : format === 'sarif' ? formatSarif(results, {
      name: 'comanage',
      version: pkg.version,
      informationUri: (pkg as { homepage?: string }).homepage ?? REFERENCE_URL,
      rules: DIAGNOSTIC_CODES,
    }, { base: resolveSarifBase(baseOption, cwd, files), realPath })
    : formatText(results, { color: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined });
  return write(process.stdout, output, countBySeverity(results).errors > 0 ? 1 : 0);
}

function write(stream: NodeJS.WriteStream, text: string, code: number): number {
  stream.write(text);
  return code;
}

// `comanage check . | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  // Set exitCode rather than calling exit(), so piped output is flushed before the process ends.
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`comanage: ${error.message}\n`);
  } else if (error instanceof CheckFailure) {
    process.stderr.write(`comanage: ${error.message}\n`);
    if (process.env.COMANAGE_DEBUG) process.stderr.write(`${(error.cause as Error)?.stack ?? String(error.cause)}\n`);
  } else {
    process.stderr.write(`comanage: internal error; please report it (set COMANAGE_DEBUG=1 for details)\n`);
    if (process.env.COMANAGE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exitCode = 2;
}
