// PowerShell host (.ps1, .psm1): finds the places a script starts ccmsetup and says what it
// receives. Forms: a command whose program is ccmsetup(.exe) (bare, a path, quoted, `& $var`,
// `& "$dir\ccmsetup.exe"`); Start-Process with -FilePath and -ArgumentList (a string, an array,
// a variable built with `=`, `+=`, here-strings, `-f`, `+`); `cmd /c "…"`; msiexec of
// ccmsetup.msi, direct or through Start-Process; and `-InstallationProperty "…"` of the
// ConfigMgr cmdlets (the push context). Start-Process joins its arguments with single spaces and
// passes quotes as written (learn.microsoft.com, Start-Process, -ArgumentList).
import type { Span } from '../ccmsetup/ast';
import type { Problem } from '../languageTypes';
import { readDirective, disabledCodes } from '../directives';
import { Decoded, escapes, oddQuotes } from './decoded';
import type { EmbeddedLine, Host, HostLineContext } from './host';
import { DQ, PsStatement, PsToken, SQ, lexPowerShell } from './powershellLexer';
import { Constant, Constants, decodeExpandable, decodeLiteral, decodeWord, encodeFor, isWholeString } from './powershellDecode';
import { checkEmbeddedQuotes, checkSplitElements, checkSingleQuotedVariables } from './powershellRules';

const QUOTES = DQ + SQ;
const ASSIGNED = /^\$(?:(?:script|global|local|private):)?([A-Za-z_][A-Za-z0-9_]*)$/i;
const START_PROCESS = new Set(['start-process', 'start', 'saps']);
/** Start-Process parameters that take no value. */
const SWITCHES = new Set(['wait', 'nonewwindow', 'passthru', 'loaduserprofile', 'usenewenvironment', 'whatif', 'confirm']);
const REDIRECT = /^(?:\d|\*)?>>?(?:&\d)?$/;
/** Assignments followed to build a value: deep enough for real scripts, bounded against loops. */
const MAX_DEPTH = 4;
/** Terms evaluated per script before variables stop being followed (they stay symbolic). */
const MAX_WORK = 50_000;

interface Assignment { op: '=' | '+='; value: PsToken[]; at: number }
/** One element of an argument list, with the document range it came from. */
interface Element { decoded: Decoded; span: Span; whole?: 'dq' | 'sq' | 'here' }

const baseName = (path: string) => path.replace(/["']/g, '').split(/[\\/]/).pop()!.toLowerCase();
const isCcmsetupExe = (path: string) => /^ccmsetup(\.exe)?$/.test(baseName(path));
const isMsiexec = (path: string) => /^msiexec(\.exe)?$/.test(baseName(path));
const isCmd = (path: string) => /^cmd(\.exe)?$/.test(baseName(path));

class Script {
  readonly assignments = new Map<string, Assignment[]>();
  readonly constants: Constants;

  constructor(readonly text: string, readonly statements: PsStatement[]) {
    for (const s of statements) {
      const [target, op] = s.tokens;
      if (target?.kind !== 'word' || op?.kind !== 'op' || (op.op !== '=' && op.op !== '+=')) continue;
      const name = ASSIGNED.exec(text.slice(target.start, target.end))?.[1].toLowerCase();
      if (!name) continue;
      const list = this.assignments.get(name) ?? [];
      list.push({ op: op.op, value: s.tokens.slice(2), at: s.start });
      this.assignments.set(name, list);
    }
    const known = new Map<string, Constant | null>();
    this.constants = (name) => {
      if (!known.has(name)) known.set(name, this.constantOf(name) ?? null);
      return known.get(name) ?? undefined;
    };
  }

  private readonly resolving = new Set<string>();

  /**
   * A variable assigned once in the file, to one string value (a literal, or one built from other
   * strings and variables such as `"$PSScriptRoot\ccmsetup.msi"` or `Join-Path …`). Its parts that
   * come from other unknown variables stay symbolic inside it.
   */
  private constantOf(name: string): Constant | undefined {
    const list = this.assignments.get(name);
    if (list?.length !== 1 || list[0].op !== '=' || !list[0].value.length || this.resolving.has(name)) return undefined;
    const [token] = list[0].value;
    if (token.kind === 'group' && token.array) return undefined;
    this.resolving.add(name);
    try {
      const elements = this.elements(list[0].value, MAX_DEPTH - 1, list[0].at);
      if (elements.length !== 1) return undefined;
      const whole = list[0].value.length === 1 && token.kind === 'word' ? isWholeString(this.text, token.start, token.end) : undefined;
      const span = whole ? { start: token.start + 1, end: token.end - 1 } : elements[0].span;
      return { value: elements[0].decoded.text, span };
    } finally {
      this.resolving.delete(name);
    }
  }

  /** The elements an expression gives (`a, b`, `@(…)`, `'x' + $y`, `'{0}' -f $a`, a variable). */
  elements(tokens: PsToken[], depth = 0, before = Infinity): Element[] {
    // `-f` binds looser than `,`: everything after it is the format's argument list.
    const formatAt = tokens.findIndex((t) => t.kind === 'word' && /^-f$/i.test(this.text.slice(t.start, t.end)));
    if (formatAt > 0) return [this.format(tokens.slice(0, formatAt), tokens.slice(formatAt + 1), depth, before)];
    const parts: PsToken[][] = [[]];
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k];
      const previous = tokens[k - 1];
      // A line break after `+` continues the sum (the lexer marks breaks in brackets as empty commas).
      if (token.kind === 'op' && token.op === ',' && token.start === token.end && previous?.kind === 'op' && previous.op !== ',') continue;
      if (token.kind === 'op' && token.op === ',') parts.push([]);
      else parts[parts.length - 1].push(token);
    }
    const result: Element[] = [];
    for (const part of parts) if (part.length) result.push(...this.sum(part, depth, before));
    return result;
  }

  /** Terms joined by `+`, or a `-f` format: one or more elements. */
  private sum(part: PsToken[], depth: number, before: number): Element[] {
    const first = part[0];
    if (first?.kind === 'word' && /^Join-Path$/i.test(this.text.slice(first.start, first.end))) return [this.joinPath(part.slice(1), depth, before)];
    let acc: Element[] | undefined;
    for (const token of part) {
      if (token.kind === 'op' && token.op === '+') continue;
      const value = this.term(token, depth, before);
      if (!acc) { acc = value; continue; }
      // An array plus anything appends; a string plus a string concatenates.
      if (acc.length === 1 && value.length === 1 && !(token.kind === 'group' && token.array)) {
        const joined = new Decoded();
        joined.append(acc[0].decoded); joined.append(value[0].decoded);
        acc = [{ decoded: joined, span: { start: acc[0].span.start, end: value[0].span.end } }];
      } else acc = [...acc, ...value];
    }
    return acc ?? [];
  }

  /** `Join-Path $dir 'ccmsetup.exe'`: the parts joined with a backslash. */
  private joinPath(args: PsToken[], depth: number, before: number): Element {
    const out = new Decoded();
    const parts = args.filter((t) => !(t.kind === 'word' && /^-/.test(this.text.slice(t.start, t.end))));
    parts.forEach((t, k) => {
      if (k > 0) out.pushAdded('\\', t.start);
      for (const e of this.term(t, depth, before)) out.append(e.decoded);
    });
    return { decoded: out, span: { start: args[0]?.start ?? 0, end: args[args.length - 1]?.end ?? 0 } };
  }

  /** A parameter's default (`[string]$Path = '…\ccmsetup.exe'` in a param block): enough to know the program. */
  defaultOf(name: string): string | undefined {
    const match = new RegExp(`\\$${name}\\s*=\\s*(['"])([^'"\\r\\n]*)\\1`, 'i').exec(this.text);
    return match?.[2];
  }

  private format(template: PsToken[], args: PsToken[], depth: number, before: number): Element {
    const head = this.sum(template, depth, before)[0];
    const values = this.elements(args, depth, before);
    const out = new Decoded();
    if (!head) return { decoded: out, span: { start: 0, end: 0 } };
    const t = head.decoded;
    for (let i = 0; i < t.text.length; i++) {
      const m = /^\{(\d+)\}/.exec(t.text.slice(i, i + 6));
      const value = m ? values[Number(m[1])] : undefined;
      if (m && value) { out.append(value.decoded); i += m[0].length - 1; continue; }
      out.push(t.text[i], t.offsets[i]);
    }
    out.regions.push(...t.regions);
    out.symbols.push(...t.symbols.filter((s) => !/\{\d+\}/.test(t.text.slice(s.start, s.end))));
    return { decoded: out, span: head.span };
  }

  /** Terms evaluated so far: variables built from variables could otherwise multiply without end. */
  private work = 0;

  private term(token: PsToken, depth: number, before: number): Element[] {
    const span = { start: token.start, end: token.end };
    if (++this.work > MAX_WORK) depth = MAX_DEPTH;
    if (token.kind === 'group') return this.elements(token.items, depth, before);
    if (token.kind === 'here') {
      const out = new Decoded();
      if (token.expand) decodeExpandable(this.text, token.bodyStart, token.bodyEnd, out, this.constants, true);
      else decodeLiteral(this.text, token.bodyStart, token.bodyEnd, out, true);
      return [{ decoded: out, span, whole: 'here' }];
    }
    if (token.kind !== 'word') return [];
    const raw = this.text.slice(token.start, token.end);
    const name = ASSIGNED.exec(raw)?.[1].toLowerCase();
    // A bare variable gives its assigned elements with their own offsets (findings land on the assignment).
    if (name && depth < MAX_DEPTH) {
      const built = this.built(name, depth + 1, Math.min(before, token.start));
      if (built) return built;
    }
    const out = new Decoded();
    decodeWord(this.text, token.start, token.end, out, this.constants);
    return [{ decoded: out, span, whole: isWholeString(this.text, token.start, token.end) }];
  }

  /** A variable's value from its assignments before `before`: one `=`, then `+=` pieces. */
  private built(name: string, depth: number, before: number): Element[] | undefined {
    const list = (this.assignments.get(name) ?? []).filter((a) => a.at < before);
    const first = list.findIndex((a) => a.op === '=');
    if (first === -1 || list.slice(first + 1).some((a) => a.op === '=') || first !== 0) return undefined;
    return list.flatMap((a) => this.elements(a.value, depth, a.at));
  }
}

/** Start-Process's parameters: the named ones it knows, and the positional values. */
function startProcessParameters(script: Script, tokens: PsToken[]): { filePath?: PsToken[]; argumentList?: PsToken[] } {
  const named: Record<string, PsToken[]> = {};
  const positional: PsToken[][] = [];
  let i = 1;
  const value = (): PsToken[] => {
    const taken = [tokens[i++]];
    while (tokens[i]?.kind === 'op' && (tokens[i] as { op: string }).op === ',' && tokens[i + 1]) { taken.push(tokens[i], tokens[i + 1]); i += 2; }
    return taken.filter(Boolean);
  };
  while (i < tokens.length) {
    const token = tokens[i];
    const raw = token.kind === 'word' ? script.text.slice(token.start, token.end) : '';
    const param = /^-([A-Za-z]+):?$/.exec(raw);
    if (param) {
      i++;
      const p = param[1].toLowerCase();
      if (SWITCHES.has(p)) continue;
      const key = 'argumentlist'.startsWith(p) && p.length >= 2 || p === 'args' ? 'argumentList' : 'filepath'.startsWith(p) || p === 'pspath' || p === 'path' ? 'filePath' : p;
      if (i < tokens.length) named[key] = value();
      continue;
    }
    positional.push(value());
  }
  return { filePath: named.filePath ?? positional.shift(), argumentList: named.argumentList ?? positional.shift() };
}

function encoder(text: string, line: Decoded): (replacement: string, at: number, end?: number) => string | undefined {
  return (replacement, at, end = at) => {
    // The innermost region holding the edit (a string inside a bareword is listed after it).
    let style: string | undefined;
    for (const r of line.regions) if (r.start <= at && end <= r.end) style = r.style;
    // An edit right after an escaping backtick would change what it escapes (a blank, or a line
    // break that then continues the command): refused. Backticks are literal in single quotes.
    if (style !== 'sq' && style !== 'here-sq' && escapes(text, at, '`')) return undefined;
    // A deletion may span words and strings, but not take away one quote of a pair.
    if (replacement === '') return oddQuotes(text.slice(at, end), QUOTES) ? undefined : '';
    return encodeFor(style, replacement, { before: text[at - 1], after: text[end] });
  };
}

/** Sorted, merged ranges. */
function merged(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function finish(script: Script, statement: PsStatement, line: Decoded, context: HostLineContext, argumentSpans: Span[], problems: Problem[]): EmbeddedLine {
  let disabled: Set<string> | undefined;
  const directive = statement.directive ? readDirective(statement.directive.text) : undefined;
  if (directive?.verb === 'disable-next-line') disabled = disabledCodes(directive);
  problems.push(...checkSingleQuotedVariables(script.text, line));
  return {
    source: line.map(), context, span: { start: statement.start, end: statement.end },
    // The strings the arguments were read from, wherever they are written (an assignment above).
    argumentSpans: merged([...argumentSpans, ...line.regions.map((r) => ({ start: r.start, end: r.end }))]),
    symbols: line.symbols, encode: encoder(script.text, line), disabled, problems,
  };
}

/**
 * A whole argument that is one unknown variable (`$arguments`, `$($list)`) may hold any number of
 * arguments: it adds nothing to the checked text, rather than look like one stray word.
 */
const isOpaque = (e: Element) => e.decoded.symbols.length === 1 && !e.decoded.symbols[0].constant
  && e.decoded.symbols[0].start === 0 && e.decoded.symbols[0].end === e.decoded.text.length;

/** Joins elements as Start-Process does: single spaces, quotes as written. */
function joinElements(line: Decoded, all: Element[]): void {
  const elements = all.filter((e) => !isOpaque(e));
  elements.forEach((element, k) => {
    if (k > 0 || line.text.length) line.pushAdded(' ', k > 0 ? elements[k - 1].span.end : element.span.start);
    line.append(element.decoded);
  });
}

/**
 * The synthetic program token: the name the parser knows, on the script's program characters, so a
 * finding on the program covers the program's file name in its path (`"$PSScriptRoot\ccmsetup.exe"`),
 * or the whole word when the name isn't written there (`$exe`).
 */
function program(script: Script, line: Decoded, name: string, span: Span): void {
  const written = span.end > span.start ? script.text.slice(span.start, span.end) : '';
  const match = /(?:ccmsetup|msiexec)(?:\.exe)?(?=["'\u201C\u201D\u2018\u2019]?$)/i.exec(written);
  const from = match ? span.start + match.index : span.start;
  const last = match ? from + match[0].length - 1 : Math.max(span.start, span.end - 1);
  // The first character at the name's start, the last at its end, those between in order.
  for (let k = 0; k < name.length; k++) line.push(name[k], k === name.length - 1 ? last : Math.min(from + k, last));
}

function nativeArgument(script: Script, token: PsToken, line: Decoded): void {
  if (token.kind === 'here' || token.kind === 'word') {
    // An array variable gives one argument per element.
    script.elements([token]).filter((e) => !isOpaque(e)).forEach((element, k) => {
      const d = element.decoded;
      line.pushAdded(' ', k > 0 ? element.span.start : token.start - 1);
      // PowerShell quotes a whole-string argument that holds blanks when it builds the command line.
      const wrap = element.whole && /[ \t]/.test(d.text) && !d.text.includes('"');
      if (wrap) line.push('"', element.span.start);
      line.append(d);
      if (wrap) line.push('"', element.span.end - 1);
    });
    return;
  }
  // A bracketed expression as an argument: its value is the script's business (see isOpaque).
}

/** The program a command names: its decoded text, or a bare variable's parameter default. */
function programPath(script: Script, tokens: PsToken[], before: number): string {
  const value = script.elements(tokens, 0, before)[0]?.decoded.text ?? '';
  const bare = tokens.length === 1 && tokens[0].kind === 'word' ? ASSIGNED.exec(script.text.slice(tokens[0].start, tokens[0].end))?.[1] : undefined;
  return bare && value.startsWith('$') ? script.defaultOf(bare) ?? value : value;
}

/** What a statement must name to start ccmsetup, unless its program is a variable (`& $exe`). */
const MAY_START = /ccmsetup|msiexec|cmd|start|saps|psexec|installationpropert/i;

function findInStatement(script: Script, statement: PsStatement): EmbeddedLine | undefined {
  const { text } = script;
  let tokens = statement.tokens;
  // Most statements of a long script are something else: tell them apart without decoding.
  if (!MAY_START.test(text.slice(statement.start, statement.end)) && !tokens.some((t) => t.kind === 'op' && (t.op === '&' || t.op === '.'))) return undefined;
  // `$p = Start-Process …`, `$out = & ccmsetup.exe …`: the command is on the right.
  if (tokens[1]?.kind === 'op' && tokens[1].op === '=' && tokens[0].kind === 'word' && text[tokens[0].start] === '$') tokens = tokens.slice(2);
  if (tokens[0]?.kind === 'op' && (tokens[0].op === '&' || tokens[0].op === '.')) tokens = tokens.slice(1);
  const called = tokens !== statement.tokens && statement.tokens.some((t) => t.kind === 'op' && (t.op === '&' || t.op === '.'));
  const head = tokens[0];
  if (!head || (head.kind !== 'word')) return undefined;
  // A quoted string not after & or . is a value, not a command (`$exe = "…\ccmsetup.exe"`).
  if (!called && isWholeString(text, head.start, head.end)) return undefined;
  const headText = text.slice(head.start, head.end);

  // ConfigMgr cmdlets: -InstallationProperty "…" (client push).
  const propertyAt = tokens.findIndex((t) => t.kind === 'word' && /^-InstallationPropert(y|ies):?$/i.test(text.slice(t.start, t.end)));
  if (propertyAt > 0 && tokens[propertyAt + 1]) {
    const line = new Decoded();
    const value = tokens[propertyAt + 1];
    joinElements(line, script.elements([value], 0, statement.start));
    return finish(script, statement, line, 'push', [{ start: value.start, end: value.end }], []);
  }

  if (START_PROCESS.has(headText.toLowerCase())) {
    const { filePath, argumentList } = startProcessParameters(script, tokens);
    if (!filePath) return undefined;
    const path = programPath(script, filePath, statement.start);
    const exe = isCcmsetupExe(path);
    const msi = isMsiexec(path);
    if (!exe && !msi) return undefined;
    const elements = argumentList ? script.elements(argumentList, 0, statement.start) : [];
    if (msi && !elements.some((e) => /ccmsetup\.msi|CCMSETUPCMD/i.test(e.decoded.text))) return undefined;
    const line = new Decoded();
    const pathSpan = { start: filePath[0].start, end: filePath[filePath.length - 1].end };
    const argsSpan = argumentList ? { start: argumentList[0].start, end: argumentList[argumentList.length - 1].end } : undefined;
    // The program goes first in the decoded line only when it comes first in the script, so
    // offsets stay in order.
    const firstArgument = Math.min(argsSpan?.start ?? Infinity, ...elements.flatMap((e) => e.decoded.offsets.length ? [e.decoded.offsets[0]] : []));
    if (pathSpan.start < firstArgument) program(script, line, exe ? 'ccmsetup.exe' : 'msiexec', pathSpan);
    joinElements(line, elements);
    const problems = elements.length < 2 ? [] : checkSplitElements(text, elements.map((e) => ({ text: e.decoded.text, offsets: e.decoded.offsets, span: e.span })));
    return finish(script, statement, line, exe ? 'exe' : 'msi', argsSpan ? [argsSpan] : [], problems);
  }

  let program_: PsToken = head;
  let headValue = programPath(script, [head], statement.start);
  let args = tokens.slice(1);
  // psexec \\host -s \\srv\Client\ccmsetup.exe …: what follows the ccmsetup path is its command line.
  if (/^psexec(64)?(\.exe)?$/.test(baseName(headValue))) {
    const at = args.findIndex((t) => t.kind === 'word' && isCcmsetupExe(programPath(script, [t], statement.start)));
    if (at === -1) return undefined;
    program_ = args[at];
    headValue = 'ccmsetup.exe';
    args = args.slice(at + 1);
  }
  if (isCcmsetupExe(headValue) || isMsiexec(headValue)) {
    const line = new Decoded();
    program(script, line, isMsiexec(headValue) ? 'msiexec' : 'ccmsetup.exe', { start: program_.start, end: program_.end });
    const spans: Span[] = [];
    const ends = [program_.end];
    const problems: Problem[] = [];
    let skipNext = false;
    for (let k = 0; k < args.length; k++) {
      const token = args[k];
      const raw = text.slice(token.start, token.end);
      if (skipNext) { skipNext = false; continue; }
      if (token.kind === 'word' && REDIRECT.test(raw)) { skipNext = !raw.includes('&'); continue; }
      if (token.kind === 'op') continue;
      if (raw === '--%') {
        // Stop-parsing: the rest of the line goes to the program as written.
        const lineEnd = Math.min(statement.end, ...[text.indexOf('\n', token.end)].filter((n) => n >= 0));
        let from = token.end;
        while (text[from] === ' ' || text[from] === '\t') from++;
        let to = lineEnd;
        while (to > from && /\s/.test(text[to - 1])) to--;
        if (to > from) { line.pushAdded(' ', token.end); for (let c = from; c < to; c++) line.push(text[c], c); line.region(from, to, 'verbatim'); spans.push({ start: from, end: to }); }
        break;
      }
      nativeArgument(script, token, line);
      spans.push({ start: token.start, end: token.end });
      ends.push(token.end);
      problems.push(...checkEmbeddedQuotes(text, token, line));
    }
    if (isMsiexec(headValue) && !/ccmsetup\.msi|CCMSETUPCMD/i.test(line.text)) return undefined;
    // Where the next argument is typed: the blanks after the program and after each argument, on
    // their line. Completion answers there, and its text is escaped as a bare word.
    for (const end of ends) {
      let to = end;
      while (text[to] === ' ' || text[to] === '\t') to++;
      if (to > end) { spans.push({ start: end, end: to }); line.region(end, to, 'bare'); }
    }
    return finish(script, statement, line, isMsiexec(headValue) ? 'msi' : 'exe', spans, problems);
  }

  // cmd /c "ccmsetup.exe …": cmd runs the string as a command line of its own.
  if (isCmd(headValue) && args[0]?.kind === 'word' && /^\/[ck]$/i.test(text.slice(args[0].start, args[0].end))) {
    const rest = args.slice(1).filter((t) => t.kind !== 'op');
    const line = new Decoded();
    rest.forEach((token, k) => {
      if (k > 0) line.pushAdded(' ', token.start - 1);
      line.append(script.elements([token], 0, statement.start)[0]?.decoded ?? new Decoded());
    });
    if (!/ccmsetup/i.test(line.text)) return undefined;
    const context = /ccmsetup\.msi/i.test(line.text) ? 'msi' : 'exe';
    return finish(script, statement, line, context, rest.map((t) => ({ start: t.start, end: t.end })), []);
  }
  return undefined;
}

export function findPowerShellLines(text: string): EmbeddedLine[] {
  const { statements } = lexPowerShell(text);
  const script = new Script(text, statements);
  const lines: EmbeddedLine[] = [];
  for (const statement of statements) {
    // Only statements that name ccmsetup somewhere, directly or through a variable.
    const found = findInStatement(script, statement);
    if (found && found.source.text.length) lines.push(found);
  }
  return lines;
}

export const powershellHost: Host = {
  id: 'powershell',
  extensions: ['.ps1', '.psm1'],
  findLines: findPowerShellLines,
  // Whole-line `# co…` comments: a directive is written on its own line above the command.
  comments(text) {
    return [...text.matchAll(/^[ \t]*(#[ \t]*co[^\r\n]*)/gim)].map((m) => ({ text: m[1].trimEnd(), start: (m.index ?? 0) + m[0].length - m[1].length }));
  },
};
