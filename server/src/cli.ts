// The `comanage` command: argv in, exit code out. Reading files, config, formatting and the checks
// themselves live in ./cli/* and the core; this file only wires them together.
// Exit codes: 0 no errors, 1 at least one error-severity finding (files that couldn't be read or
// decoded included), 2 a usage error, no file at all could be read, or the output couldn't be written.
// (esbuild adds the #! line to dist/cli.js.)
import { parseArgs } from 'util';
import pkg from '../../package.json';
import { defaultCatalog } from './core/catalog';
import { REFERENCE_URL } from './core/catalog/types';
import { DIAGNOSTIC_CODES } from './core/diagnosticCodes';
import { getLanguageService } from './core/languageService';
import { maskText } from './core/secrets';
import { checkFiles } from './cli/check';
import { loadConfig } from './cli/config';
import { explain, explainableRules } from './cli/explain';
import { runImport } from './cli/import';
import { newManifest } from './cli/newManifest';
import { formatReadinessJson, formatReadinessText, readinessFailed, readinessOfResult, readinessReports } from './cli/readiness';
import { formatOverview } from './cli/format/overview';
import { SUPPORTED_EXTENSIONS, collectFiles } from './cli/files';
import { formatJson } from './cli/format/json';
import { formatSarif } from './cli/format/sarif';
import { oneLine } from './cli/format/safeText';
import { realPath, resolveSarifBase } from './cli/repoRoot';
import { formatText } from './cli/format/text';
import { OUTPUT_FORMATS, OutputFormat, countBySeverity } from './cli/format/types';
import { UsageError, describeFsError } from './cli/usageError';

const HELP = `comanage ${pkg.version}: checks ccmsetup command lines (*.ccmsetup) and co-management manifests.

Usage:
  comanage check <files or folders...> [--format text|json|sarif] [--config <file>] [--base <folder>]
  comanage check --readiness <manifests...> [--against <exports>]... [--format text|json]
  comanage check --overview <files or folders...>
  comanage explain <rule-id | /parameter | PROPERTY | error code (0x800705b4, 2147943860) | ccmsetup return code>
  comanage new <path> [--out <file>]
  comanage import <export files or folders...> [--into <plan.comanage.yaml>] [--write] [--prefer-import]
  comanage --help | --version

Folders are searched recursively for ${SUPPORTED_EXTENSIONS.map((e) => `*${e}`).join(', ')}
(node_modules and folders starting with "." are skipped).

Options:
  --format <f>     text (default), json (LSP diagnostics) or sarif (SARIF 2.1.0 for code scanning)
  --readiness      print each workload manifest's readiness report instead of diagnostics
                   (exit 1 when a check fails)
  --against <path> readiness: compare each plan with these Intune Graph exports (a .json file
                   or a folder of them; repeat for more), in the "Tenant export" area; without
                   it, with the plan's own sources: (paths relative to the plan). A difference
                   fails (exit 1); an export that can't be read fails too
  --overview       text: every file checked with its counts and findings, and each manifest's
                   readiness per area (pass, info, warn, fail, unknown); what \`npm start\` prints
  --config <file>  rule severities; default: .comanage.json in the current folder, if present
                   { "rules": { "<rule-id>": "error" | "warning" | "information" | "hint" | "off" } }
  --out <file>     new: write the template to this file (never over an existing one)
                   instead of printing it; <path> is existing-clients, new-internet-devices,
                   autopilot or managed-desktop
  --into <plan>    import: merge the exports into this plan (comments and order kept) and print
                   it; without --into, print the plan the exports imply
  --write          import: write the merged plan to the --into file (created if missing);
                   nothing is written while a conflict is open
  --prefer-import  import: where the plan and an export differ, take the export's value
                   (default: keep the plan's value, report a conflict, exit 1)
  --base <folder>  sarif: the folder file URIs are relative to; default: the git repository
                   around the current folder (or around the checked files), else the current folder
  -h, --help       show this help
  --version        show the version

Files are read as UTF-8 or UTF-16 (with a byte-order mark); other text is read as Windows-1252
with a warning. A file or folder that can't be read (no permission, a broken symbolic link) or
isn't text is an error finding on that path; the other files are still checked. Symbolic links
out of a folder being checked are not followed (a warning says so).

Exit codes:
  0  no errors (warnings and hints don't count)
  1  errors found, including files that couldn't be read or decoded; import: an export
     that isn't valid JSON, a conflict with the plan, or no object to import; check
     --readiness: a failed check, a plan that differs from its exports, or an export
     (sources: or --against) that couldn't be read
  2  usage error, no file at all could be read, or the output couldn't be written
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
        out: { type: 'string' },
        into: { type: 'string' },
        write: { type: 'boolean' },
        'prefer-import': { type: 'boolean' },
        readiness: { type: 'boolean' },
        against: { type: 'string', multiple: true },
        overview: { type: 'boolean' },
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

  if (command !== 'import' && (values.into !== undefined || values.write || values['prefer-import'])) {
    throw new UsageError(`--into, --write and --prefer-import belong to 'comanage import'. Run 'comanage --help'.`);
  }
  if (values.against !== undefined && (command !== 'check' || !values.readiness)) {
    throw new UsageError(`--against belongs to 'comanage check --readiness'. Run 'comanage --help'.`);
  }
  switch (command) {
    case 'check': return check(operands, values.format, values.config, values.readiness === true, values.base, values.overview === true, values.against);
    case 'explain': {
      if (operands.length !== 1) throw new UsageError("explain takes one name, e.g. 'comanage explain unknown-parameter' or 'comanage explain /mp'");
      return write(process.stdout, explain(operands[0], explainableRules(), defaultCatalog), 0);
    }
    case 'new': {
      const result = newManifest(operands, values.out, process.cwd());
      for (const note of result.notes) say(note);
      return write(process.stdout, result.stdout, 0);
    }
    case 'import': {
      const result = runImport(operands, { into: values.into, write: values.write === true, preferImport: values['prefer-import'] === true }, process.cwd());
      for (const message of result.messages) say(message);
      return write(process.stdout, result.stdout, result.code);
    }
    case undefined:
      process.stderr.write(HELP);
      return 2;
    default:
      throw new UsageError(`unknown command '${command}'. Run 'comanage --help'.`);
  }
}

function check(operands: string[], formatOption: string | undefined, configOption: string | undefined, readiness: boolean, baseOption?: string, overview = false, against?: string[]): number {
  const format = (formatOption ?? 'text') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`unknown format '${formatOption}'; use ${OUTPUT_FORMATS.join(', ')}`);
  if (overview && (format !== 'text' || readiness)) throw new UsageError('--overview prints text, on its own (not with --format json|sarif or --readiness)');
  if (operands.length === 0) throw new UsageError("check needs at least one file or folder, e.g. 'comanage check .'");

  const cwd = process.cwd();
  const config = loadConfig(configOption, cwd, DIAGNOSTIC_CODES.filter((code) => code.origin === 'rule').map((code) => code.id));
  for (const warning of config.warnings) warn(warning);

  const files = collectFiles(operands, cwd);
  if (files.length === 0) warn(`no ${SUPPORTED_EXTENSIONS.map((e) => `*${e}`).join(', ')} files found`);
  const service = getLanguageService({ settings: config.settings });
  if (readiness) {
    if (format === 'sarif') throw new UsageError('--readiness prints text or json, not sarif');
    const { reports, unreadable, read } = readinessReports(files, cwd, service, against);
    const text = format === 'json' ? formatReadinessJson(reports) : formatReadinessText(reports);
    return write(process.stdout, text, nothingRead(unreadable, read) ? 2 : readinessFailed(reports) ? 1 : 0);
  }
  const { results, unreadable, read } = checkFiles(files, cwd, service);

  const output = format === 'json' ? formatJson(results)
    : format === 'sarif' ? formatSarif(results, {
      name: 'comanage',
      version: pkg.version,
      informationUri: (pkg as { homepage?: string }).homepage ?? REFERENCE_URL,
      rules: DIAGNOSTIC_CODES,
    }, { base: resolveSarifBase(baseOption, cwd, files.map((f) => f.absolute)), realPath })
    : overview ? formatOverview(results.map((result) => ({ ...result, readiness: readinessOfResult(result, service) })), { color: useColor() })
    : formatText(results, { color: useColor() });
  return write(process.stdout, output, nothingRead(unreadable, read) ? 2 : countBySeverity(results).errors > 0 ? 1 : 0);
}

const useColor = () => Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;

/** Exit 2 when something had to be read and nothing could be: there is no result to trust. */
function nothingRead(unreadable: number, read: number): boolean {
  if (unreadable === 0 || read > 0) return false;
  say('no file could be read; the report gives the reason for each path');
  return true;
}

/** One line on stderr, safe to show (no control or bidi characters, no token from an operand or a file name). */
function say(message: string): void {
  try {
    process.stderr.write(`comanage: ${oneLine(maskText(message))}\n`);
  } catch {
    // stderr is gone too: nothing left to tell.
  }
}

function warn(message: string): void {
  say(`warning: ${message}`);
}

// Writing the report can fail: a full disk (ENOSPC), a reader that closed the pipe (EPIPE), stdout
// not open for writing (EBADF). Synchronously (files) or later through 'error' (pipes): either way
// one line on stderr and exit 2, even on clean input, because the report was lost.
let outputLost = false;
function outputFailed(error: unknown): void {
  if (outputLost) return;
  outputLost = true;
  process.exitCode = 2;
  say(`cannot write the output: ${describeFsError(error)}`);
}
process.stdout.on('error', outputFailed);

function write(stream: NodeJS.WriteStream, text: string, code: number): number {
  try {
    stream.write(text, (error) => { if (error) outputFailed(error); });
  } catch (error) {
    outputFailed(error);
  }
  return code;
}

try {
  // Set exitCode rather than calling exit(), so piped output is flushed before the process ends.
  const code = main(process.argv.slice(2));
  process.exitCode = outputLost ? 2 : code;
} catch (error) {
  if (error instanceof UsageError) {
    say(error.message);
  } else {
    say('internal error; please report it (set COMANAGE_DEBUG=1 for details)');
    if (process.env.COMANAGE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exitCode = 2;
}
