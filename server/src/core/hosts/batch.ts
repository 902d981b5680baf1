// Batch host (.cmd, .bat): finds the places a script starts ccmsetup and says what it receives.
// Forms: a command whose program is ccmsetup(.exe) (bare, a path, UNC, quoted, `%~dp0…`, a
// variable set once to such a path), behind `call`, `start [/wait] ["title"]`, `cmd /c "…"`,
// `psexec \\host [options]`, `if …` and `for … do`, in `( … )` blocks; and msiexec of
// ccmsetup.msi. A line ending in `^` goes on on the next line. Decoding follows cmd: `%%` is one
// `%`, `%VAR%` (and `!VAR!` with delayed expansion) is the variable's value, `^` escapes the
// next character outside quotes, quotes are passed as written. A variable set once in the file to
// a plain value is that constant; any other variable stays symbolic.
import type { Span } from '../ccmsetup/ast';
import type { Problem } from '../languageTypes';
import { disabledCodes, readDirective } from '../directives';
import { Decoded, escapes, oddQuotes } from './decoded';
import { Steps, drain, due, work } from '../steps';
import type { EmbeddedLine, Host, HostLineContext } from './host';
import { forVariableProblem, lonePercentProblem, startTitleProblem } from './batchRules';

/** A logical line: physical lines joined at a trailing `^`, each character with its document offset. */
class Logical {
  text = '';
  end: number;
  /** The physical pieces: [document offset, index in text]. */
  readonly parts: [number, number][] = [];
  private offsets?: number[];
  constructor(readonly source: string, readonly start: number, readonly comment: string) { this.end = start; }
  add(from: number, to: number): void {
    this.parts.push([from, this.text.length]);
    this.text += this.source.slice(from, to);
    this.end = to;
  }
  /** Document offset of each character, built only for the lines that hold an invocation or a `set`. */
  get offs(): number[] {
    if (!this.offsets) {
      this.offsets = [];
      this.parts.forEach(([doc, index], k) => {
        const next = k + 1 < this.parts.length ? this.parts[k + 1][1] : this.text.length;
        for (let i = index; i < next; i++) this.offsets!.push(doc + i - index);
      });
    }
    return this.offsets;
  }
}

/** `refs`: the value names other variables (`/mp:%MP%`), resolved when they are constants too. */
interface Constant {
  value: string; span: Span; refs?: boolean;
  /** The document offset of each character of `value`, and the literals they come from. */
  offsets: number[]; sources: Span[];
}
const REFERENCE = /%([A-Za-z_][\w]*)%|!([A-Za-z_][\w]*)!/g;
/** What the walker knows where a command runs. */
interface Scope {
  /** Loop variables in force: letter → written with one `%` (the mistake) or two. */
  forVars: Map<string, { single: boolean; problem?: Problem }>;
  /** Where (index in the logical line) the outermost command began (the `for`, `if`, `start`…). */
  outer: number;
  inLoop: boolean;
  /** How many `if`, `for`, `call`, `start`, `cmd /c`, `psexec` lead here: bounded, so that a line
   *  of thousands of them stays linear. Real scripts nest two or three. */
  nesting: number;
  /** Host mistakes found on the way to the program (a `start` title), reported with the invocation. */
  pending?: Problem[];
}

const MAX_NESTING = 12;
const NO_VARS: Scope['forVars'] = new Map();
const none = () => undefined;
const HEAD = /[A-Za-z]+/y;

const SPECIAL = '&|<>^()';
const REDIRECT = /^\d?(>>?|<)(&\d)?$/;
const ATTACHED_REDIRECT = /^\d?(>>?|<)/;
/** psexec options that take the next argument as their value. */
const PSEXEC_VALUE = new Set(['-u', '-p', '-w', '-n', '-r', '-a']);
/** The file name of a path; `%~dp0` (the script's folder, with its trailing `\`) counts as a folder. */
const FOLDER_END = /[\\/]|%~[a-z]*[0-9]/gi;
const base = (path: string) => path.replace(/"/g, '').split(FOLDER_END).pop()!.toLowerCase();
const isCcmsetupExe = (path: string) => /^ccmsetup(\.exe)?$/.test(base(path));
const isMsiexec = (path: string) => /^msiexec(\.exe)?$/.test(base(path));
const isCmd = (path: string) => /^cmd(\.exe)?$/.test(base(path));
const isPsexec = (path: string) => /^psexec(64)?(\.exe)?$/.test(base(path));

/** Joins physical lines continued with `^` and remembers the comment line above each logical line. */
function* logicalLines(text: string): Steps<Logical[]> {
  const result: Logical[] = [];
  let previous = '';
  let pos = 0;
  while (pos <= text.length) {
    if (due()) yield;
    const from = pos;
    const line = new Logical(text, pos, previous);
    let quoted = false;
    for (;;) {
      let eol = text.indexOf('\n', pos);
      if (eol === -1) eol = text.length;
      const end = eol > pos && text[eol - 1] === '\r' ? eol - 1 : eol;
      let stop = end;
      // Quotes matter only to a line that ends in `^` (or follows one): a `^` inside quotes is literal.
      const caret = end > pos && text[end - 1] === '^';
      if (caret || quoted) for (let i = pos; i < end; i++) if (text[i] === '"') quoted = !quoted;
      const continued = caret && !quoted && (end - 1 === pos || text[end - 2] !== '^') && eol < text.length;
      if (continued) stop = end - 1;
      line.add(pos, stop);
      pos = eol + 1;
      if (!continued) break;
    }
    previous = line.text;
    work((pos - from) / 4 + 4);
    result.push(line);
  }
  return result;
}

/** `rem`, `else`, `for`, `if` as a command word (followed by a blank, `(`, `@`, a quote or the end). */
function isKeyword(s: string, i: number, to: number, head: string): boolean {
  if (head !== 'rem' && head !== 'else' && head !== 'for' && head !== 'if') return false;
  const after = s[i + head.length];
  return i + head.length >= to || after === ' ' || after === '\t' || after === '(' || after === '@' || after === '"';
}

function wordAt(s: string, ws: [number, number][], n: number): string {
  return ws[n] ? s.slice(ws[n][0], ws[n][1]).toLowerCase() : '';
}

/** Words of `s` between `from` and `to`, split at blanks outside quotes. */
function words(s: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let i = from;
  while (i < to) {
    while (i < to && (s[i] === ' ' || s[i] === '\t')) i++;
    if (i >= to) break;
    const start = i;
    let quoted = false;
    while (i < to && (quoted || (s[i] !== ' ' && s[i] !== '\t'))) {
      if (s[i] === '"') quoted = !quoted;
      if (s[i] === '^' && !quoted) i++;
      i++;
    }
    out.push([start, Math.min(i, to)]);
  }
  return out;
}

class BatchScript {
  lines: Logical[] = [];
  readonly constants = new Map<string, Constant | null>();
  /** Offset of the first `setlocal EnableDelayedExpansion`: `!VAR!` expands after it. */
  readonly delayedFrom: number;
  readonly found: EmbeddedLine[] = [];
  private depth = 0;
  private blockVars: { depth: number; vars: Scope['forVars'] }[] = [];

  constructor(readonly source: string) {
    // `setlocal EnableDelayedExpansion` or `cmd /v:on`: a literal search, cheap on a large file.
    const delayed = /enabledelayedexpansion|\/v:on/i.exec(source);
    this.delayedFrom = delayed ? delayed.index : Infinity;
  }

  /** Both passes, pausing between lines (core/steps.ts). */
  *find(): Steps<EmbeddedLine[]> {
    this.lines = yield* logicalLines(this.source);
    // First pass: assignments. Second: invocations.
    // The first pass notes the blocks each line starts in, so the second walks only the lines
    // that can start ccmsetup: those naming it, or a variable set to its path.
    const noteSet = (l: Logical, a: number, b: number, scope: Scope) => this.noteSet(l, a, b, scope);
    const states: [number, BatchScript['blockVars']][] = [];
    for (const line of this.lines) {
      if (due()) yield;
      work(line.text.length / 4 + 4);
      states.push([this.depth, this.blockVars]);
      this.walkLine(line, /\bset\b/i.test(line.text) ? noteSet : undefined);
    }
    const carriers = [...this.constants].filter(([, c]) => c && /ccmsetup/i.test(c.value)).map(([name]) => name);
    const mentions = new RegExp(['ccmsetup', ...carriers.map((n) => n.replace(/[^\w]/g, '\\$&'))].join('|'), 'i');
    const command = (l: Logical, a: number, b: number, scope: Scope) => this.command(l, a, b, scope);
    for (let k = 0; k < this.lines.length; k++) {
      if (due()) yield;
      const line = this.lines[k];
      work(line.text.length / 8 + 2);
      if (!mentions.test(line.text)) continue;
      const before = this.found.length;
      [this.depth, this.blockVars] = states[k];
      this.walkLine(line, command);
      for (let n = before; n < this.found.length; n++) work(this.found[n].source.text.length * 4 + UNITS_PER_INVOCATION);
    }
    return this.found.sort((a, b) => a.span.start - b.span.start);
  }

  // ---- walking commands ------------------------------------------------------------------

  private walkLine(line: Logical, visit: ((line: Logical, from: number, to: number, scope: Scope) => void) | undefined): void {
    // A line that neither holds what we look for nor opens or closes a block changes nothing.
    if (!visit && !/[()]/.test(line.text)) return;
    const forVars = this.blockVars.length ? new Map<string, { single: boolean; problem?: Problem }>() : NO_VARS;
    for (const block of this.blockVars) for (const [k, v] of block.vars) forVars.set(k, v);
    this.walk(line, 0, line.text.length, { forVars, outer: -1, inLoop: this.blockVars.length > 0, nesting: 0 }, visit ?? none);
  }

  /** Visits each simple command in `[from, to)`, looking through `if`, `for`, blocks and separators. */
  private walk(line: Logical, from: number, to: number, scope: Scope, visit: (line: Logical, from: number, to: number, scope: Scope) => void): void {
    const s = line.text;
    if (scope.nesting > MAX_NESTING) return;
    let i = from;
    while (i < to) {
      while (i < to && (s[i] === ' ' || s[i] === '\t' || s[i] === '@' || s[i] === ';' || s[i] === ',')) i++;
      if (i >= to) return;
      if (s[i] === '(') { this.openBlock(scope); i++; continue; }
      if (s[i] === ')' && this.depth > 0) { this.closeBlock(); i++; continue; }
      if (s[i] === ':' ) return; // a label or a `::` comment
      HEAD.lastIndex = i;
      const head = HEAD.exec(s)?.[0].slice(0, 4).toLowerCase() ?? '';
      const keyword = isKeyword(s, i, to, head) ? head : '';
      const outer = scope.outer === -1 ? i : scope.outer;
      if (keyword === 'rem') return;
      if (keyword === 'else') { i += 4; continue; }
      if (keyword === 'for') { this.forCommand(line, i, to, { ...scope, outer, nesting: scope.nesting + 1 }, visit); return; }
      if (keyword === 'if') {
        const rest = this.skipCondition(s, i + 2, to);
        this.walk(line, rest, to, { ...scope, outer, nesting: scope.nesting + 1 }, visit);
        return;
      }
      const end = this.commandEnd(s, i, to);
      visit(line, i, end, { ...scope, outer });
      i = end;
      if (i < to && s[i] === ')' && this.depth > 0) { this.closeBlock(); i++; continue; }
      while (i < to && (s[i] === '&' || s[i] === '|')) i++;
    }
  }

  private openBlock(scope: Scope): void {
    this.depth++;
    if (scope.forVars.size) this.blockVars = [...this.blockVars, { depth: this.depth, vars: scope.forVars }];
  }

  private closeBlock(): void {
    let keep = this.blockVars.length;
    while (keep && this.blockVars[keep - 1].depth >= this.depth) keep--;
    if (keep < this.blockVars.length) this.blockVars = this.blockVars.slice(0, keep); // copied: states[] keeps the old one
    this.depth--;
  }

  /** Where a simple command ends: `&`, `|` or (inside a block) `)` outside quotes and not escaped. */
  private commandEnd(s: string, from: number, to: number): number {
    let quoted = false;
    for (let i = from; i < to; i++) {
      const c = s[i];
      if (c === '"') quoted = !quoted;
      else if (quoted) continue;
      else if (c === '^') i++;
      else if (c === '&' && (s[i - 1] === '>' || s[i - 1] === '<')) continue; // 2>&1 is a redirection
      else if (c === '&' || c === '|' || (c === ')' && this.depth > 0)) return i;
    }
    return to;
  }

  /** After `if`: `[/i] [not] exist X | defined X | errorlevel N | a==b | a op b`; returns where the command starts. */
  private skipCondition(s: string, from: number, to: number): number {
    const ws = words(s, from, to);
    let k = 0;
    const word = (n: number) => wordAt(s, ws, n);
    if (word(k) === '/i') k++;
    if (word(k) === 'not') k++;
    if (['exist', 'defined', 'errorlevel', 'cmdextversion'].includes(word(k))) k += 2;
    else if (word(k).includes('==') && !word(k).endsWith('==')) k += 1;
    else if (word(k).endsWith('==') || word(k + 1).startsWith('==')) k += word(k + 1) === '==' ? 3 : 2;
    else k += 3; // a op b (equ, neq, lss, leq, gtr, geq)
    return ws[k] ? ws[k][0] : to;
  }

  /** `for [/d|/r path|/l|/f "opts"] %%i in (set) do command`. */
  private forCommand(line: Logical, at: number, to: number, scope: Scope, visit: (line: Logical, from: number, to: number, scope: Scope) => void): void {
    const s = line.text;
    const ws = words(s, at + 3, to);
    let k = 0;
    let declared: [number, number] | undefined;
    while (k < ws.length) {
      const w = s.slice(ws[k][0], ws[k][1]);
      if (/^%%?[A-Za-z]$/.test(w)) { declared = ws[k]; break; }
      k++;
    }
    if (!declared) return;
    // The set: from the `(` after `in` to its `)`, quotes respected.
    let i = declared[1];
    const open = s.indexOf('(', i);
    if (open === -1 || open >= to) return;
    let quoted = false;
    for (i = open + 1; i < to; i++) {
      if (s[i] === '"') quoted = !quoted;
      else if (!quoted && s[i] === ')') break;
    }
    const doAt = /^\s*do(?=[\s(]|$)/i.exec(s.slice(i + 1, to));
    if (!doAt) return;
    const bodyFrom = i + 1 + doAt[0].length;
    const letter = s[declared[1] - 1];
    const single = declared[1] - declared[0] === 2;
    const forVars = new Map(scope.forVars);
    const entry: { single: boolean; problem?: Problem } = { single };
    if (single) {
      // Every `%i` of the loop (not `%%i`) gets the second `%`.
      const uses: number[] = [];
      const re = new RegExp(`(^|[^%])%${letter}(?![A-Za-z0-9_%])`, 'g');
      for (const m of s.slice(at, to).matchAll(re)) uses.push(line.offs[at + m.index! + m[1].length]);
      entry.problem = forVariableProblem({ start: line.offs[declared[0]], end: line.offs[declared[1] - 1] + 1 }, letter, uses);
    }
    forVars.set(letter, entry);
    this.walk(line, bodyFrom, to, { ...scope, forVars, inLoop: true }, visit);
  }

  // ---- assignments -----------------------------------------------------------------------

  private noteSet(line: Logical, from: number, to: number, scope: Scope): void {
    const s = line.text;
    if (!/^set[\s"]/i.test(s.slice(from, from + 4))) return;
    const m = /^set\s*/i.exec(s.slice(from, to));
    if (!m) return;
    let i = from + m[0].length;
    const dynamic = /^\/[ap]\s/i.test(s.slice(i, to)) || scope.inLoop;
    if (/^\/[ap]\s/i.test(s.slice(i, to))) i += 3;
    let nameFrom = i;
    let valueEnd = to;
    if (s[i] === '"') {
      const close = s.lastIndexOf('"', to - 1);
      if (close <= i) return;
      nameFrom = i + 1;
      valueEnd = close;
    }
    const eq = s.indexOf('=', nameFrom);
    if (eq === -1 || eq >= valueEnd) return;
    const name = s.slice(nameFrom, eq).toUpperCase();
    const value = s.slice(eq + 1, valueEnd);
    const seen = this.constants.has(name);
    const plain = value.length > 0 && !/[%!^"&|<>]/.test(value.replace(REFERENCE, ''));
    const span = plain ? { start: line.offs[eq + 1], end: line.offs[valueEnd - 1] + 1 } : { start: 0, end: 0 };
    this.constants.set(name, !seen && !dynamic && plain
      ? { value, span, refs: REFERENCE.test(value) || undefined, offsets: line.offs.slice(eq + 1, valueEnd), sources: [span] }
      : null);
    REFERENCE.lastIndex = 0;
  }

  private constant(name: string, depth = 0): Constant | undefined {
    const key = name.toUpperCase();
    const found = this.constants.get(key);
    if (!found?.refs) return found ?? undefined;
    // Resolved once: every variable it names must be a constant (a bounded chain, no loop).
    let known = depth <= 4;
    // The value with each reference replaced, every character keeping the offset it comes from.
    let value = '';
    const offsets: number[] = [];
    const sources = [found.span];
    let last = 0;
    for (const m of known ? found.value.matchAll(REFERENCE) : []) {
      const at = m.index!;
      value += found.value.slice(last, at); pushAll(offsets, found.offsets, last, at);
      last = at + m[0].length;
      if (m[2] && found.span.start < this.delayedFrom) { // !X! is plain text without delayed expansion
        value += m[0]; pushAll(offsets, found.offsets, at, last);
        continue;
      }
      const inner = this.constant(m[1] ?? m[2] ?? '', depth + 1);
      if (!inner) { known = false; break; }
      value += inner.value; pushAll(offsets, inner.offsets); sources.push(...inner.sources);
    }
    value += found.value.slice(last); pushAll(offsets, found.offsets, last);
    const resolved = known ? { value, span: found.span, offsets, sources } : null;
    this.constants.set(key, resolved);
    return resolved ?? undefined;
  }

  // ---- decoding --------------------------------------------------------------------------

  /** What cmd makes of `[from, to)` of a logical line, with the offsets of each character. */
  /** `lone` collects the offsets of single `%` signs, which cmd drops from a batch file's line. */
  decode(line: Logical, from: number, to: number, scope: Scope, out = new Decoded(), lone?: number[]): Decoded {
    const s = line.text;
    const delayed = line.start >= this.delayedFrom;
    let quotedAt = -1;
    const offs = line.offs;
    for (let i = from; i < to; i++) {
      const c = s[i];
      if (c === '%') {
        const next = s[i + 1] ?? '';
        if (next === '%') {
          const letter = s[i + 2] ?? '';
          if (scope.forVars.has(letter)) {
            out.pushSymbol(`%%${letter}`, spanIn(offs, i, i + 3), `%${letter}%`);
            i += 2;
          } else { out.push('%', line.offs[i]); i++; }
          continue;
        }
        const loopVar = scope.forVars.get(next);
        if (loopVar?.single && !/[A-Za-z0-9_%]/.test(s[i + 2] ?? '')) {
          out.pushSymbol(`%${next}`, spanIn(offs, i, i + 2), `%${next}%`);
          i += 1;
          continue;
        }
        const arg = /^%(~[a-z]*)?([0-9*])/i.exec(s.slice(i, i + 12));
        if (arg) {
          // A folder (%~dp0), or an argument a path is written onto (`%~1ccmsetup.exe`, a folder
          // passed to a `call :label`), stays as written, a path prefix; any other is a value (%_1%).
          const prefix = /[dp]/i.test(arg[1] ?? '') || (arg[1] !== undefined && /[\w\\.]/.test(s[i + arg[0].length] ?? ''));
          const rendered = prefix ? arg[0] : alone(s, i, i + arg[0].length, from, to) ? '' : `%_${arg[2] === '*' ? 'all' : arg[2]}%`;
          out.pushSymbol(arg[0], spanIn(offs, i, i + arg[0].length), rendered);
          i += arg[0].length - 1;
          continue;
        }
        const close = s.indexOf('%', i + 1);
        if (close > i + 1 && close < to) {
          const name = s.slice(i + 1, close);
          const known = name.includes(':') ? undefined : this.constant(name);
          const plainName = name.split(':')[0];
          if (known) pushConstant(out, `%${name}%`, spanIn(offs, i, close + 1), known);
          else out.pushSymbol(`%${name}%`, spanIn(offs, i, close + 1), alone(s, i, close + 1, from, to) ? '' : `%${plainName}%`);
          i = close;
          continue;
        }
        if (close === -1) { lone?.push(offs[i]); continue; }
      }
      if (c === '!' && delayed) {
        const close = s.indexOf('!', i + 1);
        if (close > i + 1 && close < to && /^[A-Za-z_][\w()]*$/.test(s.slice(i + 1, close))) {
          const name = s.slice(i + 1, close);
          const known = this.constant(name);
          if (known) pushConstant(out, `!${name}!`, spanIn(offs, i, close + 1), known);
          else out.pushSymbol(`!${name}!`, spanIn(offs, i, close + 1), alone(s, i, close + 1, from, to) ? '' : `!${name}!`);
          i = close;
          continue;
        }
      }
      if (c === '"') {
        if (quotedAt === -1) quotedAt = i;
        else { out.region(line.offs[quotedAt], line.offs[i] + 1, 'batch-quoted'); quotedAt = -1; }
      } else if (c === '^' && quotedAt === -1 && i + 1 < to) {
        i++;
        out.push(s[i], line.offs[i]);
        continue;
      }
      out.push(c, offs[i]);
    }
    if (quotedAt !== -1) out.region(line.offs[quotedAt], line.offs[to - 1] + 1, 'batch-quoted');
    return out;
  }

  // ---- invocations -----------------------------------------------------------------------

  /** One simple command: an invocation, or a launcher (`call`, `start`, `cmd /c`, `psexec`) in front of one. */
  private command(line: Logical, from: number, to: number, outerScope: Scope): void {
    const s = line.text;
    if (outerScope.nesting > MAX_NESTING) return;
    const scope = { ...outerScope, nesting: outerScope.nesting + 1 };
    let ws = words(s, from, to);
    // Redirections at the end belong to cmd, not to the program.
    let cut = ws.length;
    for (let k = ws.length - 1; k >= 1; k--) {
      const w = s.slice(ws[k][0], ws[k][1]);
      const prev = s.slice(ws[k - 1][0], ws[k - 1][1]);
      if (ATTACHED_REDIRECT.test(w)) cut = k;
      else if (REDIRECT.test(prev)) { cut = k - 1; k--; }
      else break;
    }
    ws = ws.slice(0, cut);
    if (!ws.length) return;
    const word = (k: number) => this.wordText(line, ws, k, scope);
    const head = word(0);
    const lower = head.toLowerCase();
    const restFrom = (k: number) => (ws[k] ? ws[k][0] : to);

    if (lower === 'call') return this.command(line, restFrom(1), to, scope);
    if (lower === 'start') {
      let k = 1;
      while (ws[k] && s[ws[k][0]] === '/') k += /^\/(d|node|affinity)$/i.test(word(k)) ? 2 : 1;
      if (ws[k] && s[ws[k][0]] === '"') {
        // start takes its first quoted argument as the window title: a quoted ccmsetup path there
        // is not run. Checked as the program the author meant, with the trap reported.
        const title = word(k);
        if (!isCcmsetupExe(title) && !isMsiexec(title)) k++;
        else return this.command(line, restFrom(k), to, { ...scope, pending: [startTitleProblem({ start: line.offs[ws[k][0]], end: line.offs[ws[k][1] - 1] + 1 })] });
      }
      return this.command(line, restFrom(k), to, scope);
    }
    if (isCmd(head)) {
      let k = 1;
      while (ws[k] && !/^\/[ck]$/i.test(word(k))) k++;
      if (!ws[k]) return;
      const inner = ws[k + 1]?.[0];
      if (inner === undefined) return;
      const end = ws[ws.length - 1][1];
      // cmd /c "…": cmd removes the first and the last quote of the line.
      if (s[inner] === '"' && s[end - 1] === '"' && end - 1 > inner) return this.walk(line, inner + 1, end - 1, scope, (l, a, b, sc) => this.command(l, a, b, sc));
      return this.command(line, inner, end, scope);
    }
    if (isPsexec(head)) {
      let k = 1;
      while (ws[k]) {
        const w = word(k);
        if (k === 1 && (w.startsWith('\\\\') || w.startsWith('@'))) k++; // the computers come first
        else if (PSEXEC_VALUE.has(w.toLowerCase())) k += 2;
        else if (/^-i$/i.test(w)) k += /^\d+$/.test(word(k + 1)) ? 2 : 1;
        else if (w.startsWith('-')) k++;
        else break;
      }
      return this.command(line, restFrom(k), to, scope);
    }
    const end = ws[ws.length - 1][1];
    if (isCcmsetupExe(head)) return this.invocation(line, ws, end, scope, 'exe');
    if (isMsiexec(head) && ws.some((w) => /ccmsetup\.msi/i.test(this.decode(line, w[0], w[1], scope).text))) this.invocation(line, ws, end, scope, 'msi');
  }

  private wordText(line: Logical, ws: [number, number][], k: number, scope: Scope): string {
    return ws[k] ? this.decode(line, ws[k][0], ws[k][1], scope).text : '';
  }

  private invocation(line: Logical, ws: [number, number][], end: number, scope: Scope, context: HostLineContext): void {
    const out = new Decoded();
    const lone: number[] = [];
    // The program (and msiexec's package) is read by its file name; the folder is the host's business.
    if (context === 'exe') {
      pushFileName(out, this.decode(line, ws[0][0], ws[0][1], scope));
      this.decode(line, ws[0][1], end, scope, out, lone);
    } else {
      for (let k = 0; k < ws.length; k++) {
        if (k > 0) this.decode(line, ws[k - 1][1], ws[k][0], scope, out); // the blanks between, as written
        const word = this.decode(line, ws[k][0], ws[k][1], scope, undefined, lone);
        if (base(word.text) === 'ccmsetup.msi') pushFileName(out, word);
        else out.append(word);
      }
    }
    const span = { start: line.offs[Math.min(scope.outer, ws[0][0])], end: line.offs[end - 1] + 1 };
    // From the blank after the program to the blanks after the last argument: where the next argument is typed.
    let last = end;
    while (line.text[last] === ' ' || line.text[last] === '\t') last++;
    const argumentSpans = last > ws[0][1] ? [{ start: line.offs[ws[0][1]], end: line.offs[last - 1] + 1 }] : [];
    const problems: Problem[] = [...(scope.pending ?? []), ...lone.map(lonePercentProblem)];
    for (const v of scope.forVars.values()) if (v.problem && !this.found.some((e) => e.problems.includes(v.problem!))) problems.push(v.problem);
    const delayed = line.start >= this.delayedFrom;
    this.found.push({
      source: out.map(), context, span, argumentSpans, symbols: out.symbols,
      encode: (replacement, at, until) => {
        const quoted = (x: number) => out.regions.some((r) => r.start < x && x < r.end);
        // An edit right after an escaping ^ would change what it escapes (outside quotes).
        if (!quoted(at) && escapes(this.source, at, '^')) return undefined;
        if (replacement === '') return oddQuotes(this.source.slice(at, until ?? at), '"') ? undefined : '';
        // An edit that would cross a quote can't be escaped for both sides.
        if (until !== undefined && until > at && quoted(at) !== quoted(until - 1) && quoted(at) !== quoted(until)) return undefined;
        return encode(replacement, quoted(at), delayed);
      },
      disabled: disabledBy(line.comment), problems,
    });
  }
}

/**
 * A variable that is a whole argument on its own (`ccmsetup.exe %ARGS%`) may hold any number of
 * arguments: nothing is known of them, so it adds nothing to the text checked (hover still shows it).
 */
/** Appends `from[start, end)`: a loop, as a spread of a long value would overflow the call stack. */
function pushAll(to: number[], from: readonly number[], start = 0, end = from.length): void {
  for (let k = start; k < end; k++) to.push(from[k]);
}

/**
 * A constant's value in place of its reference, each character on the literal it was set in, so
 * findings land on the exact characters of the `set` line(s) and keep their order.
 */
function pushConstant(out: Decoded, name: string, span: Span, known: Constant): void {
  const start = out.text.length;
  for (let k = 0; k < known.value.length; k++) out.push(known.value[k], known.offsets[k]);
  out.symbols.push({ start, end: out.text.length, name, span, constant: { value: known.value, span: known.span, sources: known.sources } });
}

function alone(s: string, start: number, end: number, from: number, to: number): boolean {
  const blank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t';
  return (start === from || blank(s[start - 1])) && (end >= to || blank(s[end]));
}

const spanIn = (offs: number[], a: number, b: number): Span => ({ start: offs[a], end: offs[b - 1] + 1 });

/** Adds the file name of a decoded path (quotes dropped), each character at its own offset. */
function pushFileName(out: Decoded, path: Decoded): void {
  const name = path.text.replace(/"/g, '');
  let skip = name.length - base(name).length;
  for (let i = 0; i < path.text.length; i++) {
    if (path.text[i] === '"') continue;
    if (skip > 0) { skip--; continue; }
    out.push(path.text[i], path.offsets[i]);
  }
}

/** Escapes a fix's text for batch: `%` doubled, cmd's special characters `^`-escaped outside quotes. */
export function encode(replacement: string, quoted: boolean, delayed: boolean): string | undefined {
  let out = '';
  let inQuotes = quoted;
  for (const ch of replacement) {
    if (ch === '"') inQuotes = !inQuotes;
    // A line break ends the command: cmd can't pass one to a program.
    if (ch === '\r' || ch === '\n') return undefined;
    if (ch === '%') out += '%%';
    else if (ch === '!' && delayed) return undefined;
    else if (!inQuotes && SPECIAL.includes(ch)) out += `^${ch}`;
    else out += ch;
  }
  return out;
}

/** `REM comanage-disable-next-line …` or `:: comanage-disable-next-line …` on the line above. */
function disabledBy(comment: string | undefined): Set<string> | undefined {
  const m = /^\s*@?(?:rem(?=\s)|::)\s*(comanage-.*)$/i.exec(comment ?? '');
  const directive = m ? readDirective(`# ${m[1]}`) : undefined;
  return directive?.verb === 'disable-next-line' ? disabledCodes(directive) : undefined;
}

export function findBatchLines(text: string): EmbeddedLine[] {
  return drain(findBatchLinesSteps(text));
}

/** Work units (steps.ts) an invocation costs beyond its characters: decoding, the map, its checks. */
const UNITS_PER_INVOCATION = 2_000;

export function* findBatchLinesSteps(text: string): Steps<EmbeddedLine[]> {
  return yield* new BatchScript(text).find();
}

/** `REM …`, `@REM …` and `:: …` lines that may be comanage directives, given as `#` comments of the same length. */
export function batchComments(text: string): { text: string; start: number }[] {
  const found: { text: string; start: number }[] = [];
  const re = /^[ \t]*(@?rem(?=[ \t])|::)(.*)$/gim;
  for (const m of text.matchAll(re)) {
    if (!/comanage|^\s*co/i.test(m[2])) continue;
    const start = m.index! + m[0].length - m[1].length - m[2].length;
    found.push({ text: `#${' '.repeat(m[1].length - 1)}${m[2].replace(/\r$/, '')}`, start });
  }
  return found;
}

export const batchHost: Host = { id: 'batch', extensions: ['.cmd', '.bat'], findLines: findBatchLines, findLinesSteps: findBatchLinesSteps, comments: batchComments };
