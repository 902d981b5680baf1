// PowerShell host (.ps1, .psm1): finds the places a script starts ccmsetup and says what it
// receives. Forms: a command whose program is ccmsetup(.exe) (bare, a path, quoted, `& $var`,
// `& "$dir\ccmsetup.exe"`); Start-Process with -FilePath and -ArgumentList (a string, an array,
// a variable built with `=`, `+=`, here-strings, `-f`, `+`); `cmd /c "…"`; msiexec of
// ccmsetup.msi, direct or through Start-Process; `Start-Process cmd.exe -ArgumentList "/c …"` and
// `Invoke-Expression "…"` and `Invoke-WmiMethod … Win32_Process … Create` (the string read as a command line); the PSAppDeployToolkit wrappers
// (Execute-Process, Execute-MSI, Start-ADTProcess, Start-ADTMsiProcess); `-InstallationProperty "…"` of the
// ConfigMgr cmdlets (the push context). Start-Process joins its arguments with single spaces and
// passes quotes as written (learn.microsoft.com, Start-Process, -ArgumentList).
import type { Span } from '../ccmsetup/ast';
import type { Problem } from '../languageTypes';
import { readDirective, disabledCodes } from '../directives';
import { Decoded, escapes, oddQuotes } from './decoded';
import type { EmbeddedLine, Host, HostLineContext, HostMemory } from './host';
import { DQ, PsStatement, PsToken, SQ, lexPowerShell } from './powershellLexer';
import { PsLexState, lexIncrementally } from './psLexCache';
import { Steps, drain, due, work } from '../steps';
import { Constant, Constants, decodeExpandable, decodeLiteral, decodeWord, encodeFor, isWholeString } from './powershellDecode';
import { checkEmbeddedQuotes, checkSplitElements, checkSingleQuotedVariables } from './powershellRules';

const QUOTES = DQ + SQ;
const ASSIGNED = /^\$(?:(?:script|global|local|private):)?([A-Za-z_][A-Za-z0-9_]*)$/i;
/** A type literal (`[string]`, `[string[]]`, `[System.Collections.ArrayList]`) on its own, or before a variable. */
const TYPE = /^(\[[\w.]+(\[\])?\])+$/;
const TYPED = /^(\[[\w.]+(\[\])?\])+(?=\$)/;
/**
 * Commands that start a program with an argument list: Start-Process, and the PSAppDeployToolkit
 * wrappers admins package the client with (v4 `Start-ADTProcess`/`Start-ADTMsiProcess`, v3
 * `Execute-Process`/`Execute-MSI`), which pass their arguments the same way. Names of the parameter
 * holding the program and the arguments, lower case; a prefix of the first name is accepted, as
 * PowerShell accepts any unambiguous prefix.
 */
interface Launcher { program: string[]; args: string[]; msi?: true }
const START: Launcher = { program: ['filepath', 'pspath', 'path'], args: ['argumentlist', 'args'] };
const LAUNCHERS = new Map<string, Launcher>([
  ['start-process', START], ['start', START], ['saps', START],
  ['start-adtprocess', START],
  ['execute-process', { program: ['path', 'filepath'], args: ['parameters', 'arguments'] }],
  ['start-adtmsiprocess', { program: ['filepath', 'path'], args: ['argumentlist', 'additionalargumentlist'], msi: true }],
  ['execute-msi', { program: ['path', 'filepath'], args: ['parameters', 'addparameters'], msi: true }],
]);
/** Start-Process parameters that take no value (any parameter followed by another is one too). */
const SWITCHES = new Set(['wait', 'nonewwindow', 'passthru', 'loaduserprofile', 'usenewenvironment', 'whatif', 'confirm']);
const REDIRECT = /^(?:\d|\*)?>>?(?:&\d)?$/;
/** Assignments followed to build a value: deep enough for real scripts, bounded against loops. */
const MAX_DEPTH = 4;
/** Terms evaluated per script before variables stop being followed (they stay symbolic). */
const MAX_WORK = 50_000;

interface Assignment { op: '=' | '+='; value: PsToken[]; at: number; end: number }
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
      // `[string]$SiteCode = …` and `[string[]] $list = …`: a type constraint before the variable.
      const cast = s.tokens[0]?.kind === 'word' && TYPE.test(text.slice(s.tokens[0].start, s.tokens[0].end)) ? 1 : 0;
      const [target, op] = s.tokens.slice(cast);
      if (target?.kind !== 'word' || op?.kind !== 'op' || (op.op !== '=' && op.op !== '+=')) continue;
      const name = ASSIGNED.exec(text.slice(target.start, target.end).replace(TYPED, ''))?.[1].toLowerCase();
      if (!name) continue;
      const list = this.assignments.get(name) ?? [];
      list.push({ op: op.op, value: s.tokens.slice(cast + 2), at: s.start, end: s.end });
      this.assignments.set(name, list);
    }
    // Each constant with the variables its value was read from, so a statement that uses it
    // counts them among its own reads (see Reads).
    const known = new Map<string, { value: Constant | null; reads: Set<string>; tainted: boolean }>();
    this.constants = (name) => {
      let memo = known.get(name);
      if (!memo) {
        const outer = this.reads;
        const outerTainted = this.tainted;
        this.reads = new Set();
        this.tainted = false;
        try {
          const value = this.constantOf(name) ?? null;
          memo = { value, reads: this.reads, tainted: this.tainted };
        } finally {
          this.reads = outer;
          this.tainted = outerTainted;
        }
        known.set(name, memo);
      }
      if (this.reads) for (const read of memo.reads) this.reads.add(read);
      if (memo.tainted) this.tainted = true;
      return memo.value ?? undefined;
    };
  }

  /**
   * What the statement being evaluated read of the script besides its own text: variable names
   * (their assignments) and `?name` (a parameter default). Its result is a function of its text and
   * of these, unless `tainted`: a variable defined through itself (a cycle, whose value depends on
   * the order in which constants are asked for) or the term limit reached.
   */
  reads?: Set<string>;
  tainted = false;
  /** The term limit was reached in this version (results then depend on the order of evaluation). */
  overflow = false;

  private assignmentsOf(name: string): Assignment[] | undefined {
    this.reads?.add(name);
    return this.assignments.get(name);
  }

  /** The reads of a statement at `base`, as text: equal texts at two places give equal results, moved. */
  signature(reads: Iterable<string>, base: number): string {
    let out = '';
    for (const read of [...reads].sort()) {
      if (read.startsWith('?')) { out += `${read}=${this.defaultOf(read.slice(1)) ?? '\u0002'}\u0001`; continue; }
      out += `${read}:`;
      for (const a of this.assignments.get(read) ?? []) out += `${a.op}${a.at - base}:${a.end - a.at}:${this.text.slice(a.at, a.end)}\u0001`;
    }
    return out;
  }

  /** Counts terms replayed from a statement's kept result, as if it had been evaluated again. */
  replay(terms: number): void {
    this.work += terms;
    if (this.work > MAX_WORK) this.overflow = true;
  }

  get termsEvaluated(): number { return this.work; }

  private readonly resolving = new Set<string>();

  /**
   * A variable assigned once in the file, to one string value (a literal, or one built from other
   * strings and variables such as `"$PSScriptRoot\ccmsetup.msi"` or `Join-Path …`). Its parts that
   * come from other unknown variables stay symbolic inside it.
   */
  private constantOf(name: string): Constant | undefined {
    const list = this.assignmentsOf(name);
    if (this.resolving.has(name)) { this.tainted = true; return undefined; }
    if (list?.length !== 1 || list[0].op !== '=' || !list[0].value.length) return undefined;
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
    // `@('/mp:x', 'SMSSITECODE=ABC') -join ' '`: one string, the elements joined by the separator.
    const joinAt = tokens.findIndex((t) => t.kind === 'word' && /^-join$/i.test(this.text.slice(t.start, t.end)));
    if (joinAt > 0) return [this.join(tokens.slice(0, joinAt), tokens.slice(joinAt + 1), depth, before)];
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
    for (const part of parts) if (part.length) for (const e of this.sum(part, depth, before)) result.push(e);
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

  private join(list: PsToken[], separator: PsToken[], depth: number, before: number): Element {
    const parts = this.elements(list, depth, before);
    const sep = separator.length ? this.sum(separator.slice(0, 1), depth, before)[0]?.decoded : undefined;
    const out = new Decoded();
    parts.forEach((part, k) => {
      if (k > 0) {
        // The separator's characters are the script's; a variable separator adds nothing checkable.
        if (sep && !sep.symbols.length) for (let c = 0; c < sep.text.length; c++) out.pushAdded(sep.text[c], sep.offsets[c]);
        else out.pushAdded(' ', part.span.start);
      }
      out.append(part.decoded);
    });
    return { decoded: out, span: { start: parts[0]?.span.start ?? list[0].start, end: parts[parts.length - 1]?.span.end ?? list[0].end } };
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

  /**
   * The entries of a hashtable assigned once before `before` (`$name = @{ Key = value … }`), as
   * key and value tokens, for splatting. The inside is lexed in place (offsets kept).
   */
  hashtable(name: string, before: number): [string, PsToken[]][] {
    const list = this.assignmentsOf(name.toLowerCase())?.filter((a) => a.at < before);
    const value = list?.length === 1 && list[0].op === '=' && list[0].value.length === 1 ? list[0].value[0] : undefined;
    if (value?.kind !== 'word' || !this.text.startsWith('@{', value.start) || this.text[value.end - 1] !== '}') return [];
    const from = value.start + 2;
    work(value.end - from);
    const entries: [string, PsToken[]][] = [];
    for (const statement of lexPowerShell(this.text.slice(from, value.end - 1)).statements) {
      const [key, eq] = statement.tokens;
      if (key?.kind !== 'word' || eq?.kind !== 'op' || eq.op !== '=') continue;
      entries.push([this.text.slice(from + key.start, from + key.end).replace(/^['"]|['"]$/g, ''), statement.tokens.slice(2).map((t: PsToken) => shifted(t, from))]);
    }
    return entries;
  }

  private readonly defaults = new Map<string, string | undefined>();

  /** A parameter's default (`[string]$Path = '…\ccmsetup.exe'` in a param block): enough to know the program. */
  defaultOf(name: string): string | undefined {
    this.reads?.add(`?${name}`);
    // One search of the script per name, however many invocations use it.
    if (!this.defaults.has(name)) {
      const match = new RegExp(`\\$${name}\\s*=\\s*(['"])([^'"\\r\\n]*)\\1`, 'i').exec(this.text);
      work(this.text.length / 8);
      this.defaults.set(name, match?.[2]);
    }
    return this.defaults.get(name);
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
    for (const r of t.regions) out.regions.push(r);
    for (const s of t.symbols) if (!/\{\d+\}/.test(t.text.slice(s.start, s.end))) out.symbols.push(s);
    return { decoded: out, span: head.span };
  }

  /** Terms evaluated so far: variables built from variables could otherwise multiply without end. */
  private work = 0;

  private term(token: PsToken, depth: number, before: number): Element[] {
    const span = { start: token.start, end: token.end };
    if (++this.work > MAX_WORK) { depth = MAX_DEPTH; this.overflow = true; this.tainted = true; }
    if (token.kind === 'group') return this.elements(token.items, depth, before);
    if (token.kind === 'here') {
      const out = new Decoded();
      if (token.expand) decodeExpandable(this.text, token.bodyStart, token.bodyEnd, out, this.constants, true);
      else decodeLiteral(this.text, token.bodyStart, token.bodyEnd, out, true);
      return [{ decoded: out, span, whole: 'here' }];
    }
    if (token.kind !== 'word') return [];
    const raw = this.text.slice(token.start, token.end);
    // `[List[string]]::new()`, `[IO.Path]::Combine(…)`: a .NET value we don't evaluate, not text.
    if (raw.startsWith('[') && /^\[[\w.\[\], `]+\]::/.test(raw)) {
      const out = new Decoded();
      out.pushSymbol(raw, span, raw);
      return [{ decoded: out, span }];
    }
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
    const list = (this.assignmentsOf(name) ?? []).filter((a) => a.at < before);
    const first = list.findIndex((a) => a.op === '=');
    if (first === -1 || list.slice(first + 1).some((a) => a.op === '=') || first !== 0) return undefined;
    return list.flatMap((a) => this.elements(a.value, depth, a.at));
  }
}

/** A token lexed from a slice of the script, placed at the slice's offset `by`. */
function shifted(token: PsToken, by: number): PsToken {
  switch (token.kind) {
    case 'group': return { ...token, start: token.start + by, end: token.end + by, items: token.items.map((t) => shifted(t, by)) };
    case 'here': return { ...token, start: token.start + by, end: token.end + by, bodyStart: token.bodyStart + by, bodyEnd: token.bodyEnd + by };
    default: return { ...token, start: token.start + by, end: token.end + by };
  }
}

/** A launcher's parameters: the named ones it knows, and the positional values. */
function launcherParameters(script: Script, tokens: PsToken[], launcher: Launcher): { filePath?: PsToken[]; argumentList?: PsToken[] } {
  const isParameter = (t: PsToken | undefined) => t?.kind === 'word' && /^-[A-Za-z]+:?$/.test(script.text.slice(t.start, t.end));
  const named_ = (p: string, names: string[]) => names.includes(p) || (p.length >= 2 && names[0].startsWith(p));
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
    // Splatting: `Start-Process @setup` with `$setup = @{ FilePath = …; ArgumentList = … }`.
    const splat = /^@([A-Za-z_]\w*)$/.exec(raw);
    if (splat) {
      i++;
      for (const [key, value] of script.hashtable(splat[1], token.start)) {
        const p = key.toLowerCase();
        const name = named_(p, launcher.args) ? 'argumentList' : named_(p, launcher.program) ? 'filePath' : p;
        named[name] ??= value;
      }
      continue;
    }
    const param = /^-([A-Za-z]+):?$/.exec(raw);
    if (param) {
      i++;
      const p = param[1].toLowerCase();
      // `-Wait`, or any parameter followed by another (`-PassThru -ArgumentList …`), takes no value.
      if (SWITCHES.has(p) || isParameter(tokens[i])) continue;
      const key = named_(p, launcher.args) ? 'argumentList' : named_(p, launcher.program) ? 'filePath' : p;
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
const MAY_START = /ccmsetup|msiexec|cmd|start|saps|psexec|installationpropert|execute-|invoke-expression|iex|invoke-wmimethod/i;

/** Most statements of a long script are something else: they are told apart without decoding. */
const mayStart = (text: string, statement: PsStatement) =>
  MAY_START.test(text.slice(statement.start, statement.end)) || statement.tokens.some((t) => t.kind === 'op' && (t.op === '&' || t.op === '.'));

function findInStatement(script: Script, statement: PsStatement): EmbeddedLine | undefined {
  const { text } = script;
  let tokens = statement.tokens;
  // `$p = Start-Process …`, `$out = & ccmsetup.exe …`: the command is on the right.
  if (tokens[0]?.kind === 'word' && TYPE.test(text.slice(tokens[0].start, tokens[0].end))) tokens = tokens.slice(1);
  if (tokens[1]?.kind === 'op' && tokens[1].op === '=' && tokens[0].kind === 'word' && /^(\[[\w.]+(\[\])?\])*\$/.test(text.slice(tokens[0].start, tokens[0].end))) tokens = tokens.slice(2);
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

  const launcher = LAUNCHERS.get(headText.toLowerCase());
  if (launcher) {
    const { filePath, argumentList } = launcherParameters(script, tokens, launcher);
    if (!filePath) return undefined;
    const path = programPath(script, filePath, statement.start);
    const elements = argumentList ? script.elements(argumentList, 0, statement.start) : [];
    // Start-Process cmd.exe -ArgumentList "/c ccmsetup.exe …": cmd runs the rest as a command line.
    if (isCmd(path) && !launcher.msi) {
      const line = new Decoded();
      joinElements(line, elements);
      const rest = /^\s*\/[ck]\s+/i.exec(line.text);
      return rest ? commandLineOf(script, statement, line.slice(rest[0].length), argumentList!) : undefined;
    }
    // The MSI wrappers take the package (ccmsetup.msi) and its properties; msiexec is theirs to run.
    const exe = !launcher.msi && isCcmsetupExe(path);
    const msi = launcher.msi ? /(^|[\\/])ccmsetup\.msi$/i.test(path.replace(/["']/g, '')) : isMsiexec(path);
    if (!exe && !msi) return undefined;
    if (msi && !launcher.msi && !elements.some((e) => /ccmsetup\.msi|CCMSETUPCMD/i.test(e.decoded.text))) return undefined;
    const line = new Decoded();
    const pathSpan = { start: filePath[0].start, end: filePath[filePath.length - 1].end };
    const argsSpan = argumentList ? { start: argumentList[0].start, end: argumentList[argumentList.length - 1].end } : undefined;
    // The program goes first in the decoded line only when it comes first in the script, so
    // offsets stay in order.
    const firstArgument = Math.min(argsSpan?.start ?? Infinity, ...elements.flatMap((e) => e.decoded.offsets.length ? [e.decoded.offsets[0]] : []));
    if (pathSpan.start < firstArgument) program(script, line, exe ? 'ccmsetup.exe' : launcher.msi ? 'ccmsetup.msi' : 'msiexec', pathSpan);
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
    return commandLineOf(script, statement, line, rest);
  }
  // Invoke-WmiMethod -Class Win32_Process -Name Create -ArgumentList "…\ccmsetup.exe …": remote
  // repair scripts start the client this way; the first argument is the process's command line.
  if (/^invoke-wmimethod$/i.test(headText)) {
    const at = tokens.findIndex((t) => t.kind === 'word' && /^-ArgumentList:?$/i.test(text.slice(t.start, t.end)));
    if (at === -1 || !tokens[at + 1] || !/win32_process/i.test(text.slice(statement.start, statement.end))) return undefined;
    const first = script.elements([tokens[at + 1]], 0, statement.start)[0];
    if (!first) return undefined;
    const line = new Decoded();
    line.append(first.decoded);
    return commandLineOf(script, statement, line, [tokens[at + 1]]);
  }
  // Invoke-Expression "…\ccmsetup.exe /mp:$MP …": PowerShell runs the expanded string as a
  // command. Read as the command line it spells (quoting in it as cmd would read it).
  if (/^(invoke-expression|iex)$/i.test(headText)) {
    const value = args.filter((t) => !(t.kind === 'word' && /^-/.test(text.slice(t.start, t.end))));
    const line = new Decoded();
    joinElements(line, script.elements(value.slice(0, 1), 0, statement.start));
    return commandLineOf(script, statement, line, value.slice(0, 1));
  }
  return undefined;
}

/** A whole command line in a string (after `cmd /c`, in Invoke-Expression): its program says the context. */
function commandLineOf(script: Script, statement: PsStatement, line: Decoded, from: PsToken[]): EmbeddedLine | undefined {
  // The program is the first word after any `start /wait ""` or `call`, not just a mention.
  const words = line.text.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const programWord = words.find((w) => !/^(start|call|\/[a-z]+|"[^"]*")$/i.test(w) || isCcmsetupExe(w) || isMsiexec(w)) ?? '';
  const msi = isMsiexec(programWord) && /ccmsetup\.msi|CCMSETUPCMD/i.test(line.text);
  if (!msi && !isCcmsetupExe(programWord)) return undefined;
  const context = msi ? 'msi' : 'exe';
  return finish(script, statement, line, context, from.map((t) => ({ start: t.start, end: t.end })), []);
}

export function findPowerShellLines(text: string): EmbeddedLine[] {
  return drain(findPowerShellLinesSteps(text, {}));
}

/** Work units (steps.ts) an invocation costs beyond its characters: decoding, joining, the map. */
const UNITS_PER_INVOCATION = 2_000;

/** One statement's result, kept for the document's next version (see Script.reads). */
interface Kept { start: number; found: EmbeddedLine | undefined; reads: string[]; signature: string; terms: number }

/** What the host keeps between versions of one document. */
interface PsMemory { lex: { state?: PsLexState }; kept?: Map<string, Kept[]> }

/** The same invocation `delta` characters further on: new objects, the kept ones untouched. */
function moved(e: EmbeddedLine, delta: number): EmbeddedLine {
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const problem = (p: Problem): Problem => ({
    ...p, span: span(p.span),
    related: p.related?.map((r) => ({ ...r, span: span(r.span) })),
    fixes: p.fixes?.map((f) => ({ ...f, edits: f.edits.map((edit) => ({ ...edit, span: span(edit.span) })) })),
  });
  return {
    source: { text: e.source.text, offsets: e.source.offsets.map((o) => o + delta) },
    context: e.context,
    span: span(e.span),
    argumentSpans: e.argumentSpans.map(span),
    symbols: e.symbols.map((s) => ({ ...s, span: span(s.span), constant: s.constant && { value: s.constant.value, span: span(s.constant.span) } })),
    encode: (replacement, at, end) => e.encode(replacement, at - delta, end === undefined ? undefined : end - delta),
    disabled: e.disabled,
    problems: e.problems.map(problem),
  };
}

/**
 * The invocations in steps; `memory` keeps the lexed statements and each statement's result for
 * the document's next version. A statement whose text, directive and reads (the assignments of the
 * variables it used, relative to it) are unchanged gets its result back, moved; any other is
 * evaluated again. So a change to `$SiteCode = 'ABC'` re-evaluates the statements that use it.
 */
export function* findPowerShellLinesSteps(text: string, hostMemory: HostMemory): Steps<EmbeddedLine[]> {
  const memory = (hostMemory.state ??= { lex: {} }) as PsMemory;
  const statements = yield* lexIncrementally(text, memory.lex);
  if (due()) yield;
  const keptBefore = memory.kept ?? new Map<string, Kept[]>();
  // Cleared while this version runs: a version dropped half way leaves nothing half kept.
  memory.kept = undefined;
  let script = new Script(text, statements);
  work(statements.length * 4);
  const kept = new Map<string, Kept[]>();
  let lines: EmbeddedLine[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const keeping = pass === 0;
    for (const statement of statements) {
      if (due()) yield;
      work((statement.end - statement.start) / 8 + 4);
      if (!mayStart(text, statement)) continue;
      let found: EmbeddedLine | undefined;
      const key = keeping ? `${statement.directive?.text ?? ''}\u0001${text.slice(statement.start, statement.end)}` : '';
      const candidates = keeping ? keptBefore.get(key) ?? kept.get(key) : undefined;
      const hit = candidates?.find((k) => script.signature(k.reads, statement.start) === k.signature);
      if (hit) {
        script.replay(hit.terms);
        found = hit.found && hit.start !== statement.start ? moved(hit.found, statement.start - hit.start) : hit.found;
        work(16 + (found ? found.source.text.length : 0));
        const list = kept.get(key) ?? [];
        if (!list.includes(hit)) list.push(hit);
        kept.set(key, list);
      } else {
        const terms = script.termsEvaluated;
        script.reads = new Set();
        script.tainted = false;
        found = findInStatement(script, statement);
        const reads = [...script.reads];
        script.reads = undefined;
        if (found) work(found.source.text.length * 4 + UNITS_PER_INVOCATION);
        if (keeping && !script.tainted) {
          const list = kept.get(key) ?? [];
          list.push({ start: statement.start, found, reads, signature: script.signature(reads, statement.start), terms: script.termsEvaluated - terms });
          kept.set(key, list);
        }
      }
      if (found && found.source.text.length) lines.push(found);
    }
    // The term limit was reached: results kept from earlier versions may not be what an
    // evaluation in order gives here, so everything is evaluated again, in order, and nothing kept.
    if (!script.overflow) {
      memory.kept = kept;
      return lines;
    }
    script = new Script(text, statements);
    lines = [];
  }
  return lines;
}

export const powershellHost: Host = {
  id: 'powershell',
  extensions: ['.ps1', '.psm1'],
  findLines: findPowerShellLines,
  findLinesSteps: findPowerShellLinesSteps,
  // Whole-line `# co…` comments: a directive is written on its own line above the command.
  comments(text) {
    return [...text.matchAll(/^[ \t]*(#[ \t]*co[^\r\n]*)/gim)].map((m) => ({ text: m[1].trimEnd(), start: (m.index ?? 0) + m[0].length - m[1].length }));
  },
};
