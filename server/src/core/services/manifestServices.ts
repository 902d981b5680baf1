// Completion, hover and outline for workload manifests. Inside a co-management policy's command
// line they hand over to the ccmsetup services, which work on document offsets.
import type { LanguageSettings } from '../languageTypes';
import { Catalog } from '../catalog';
import { doComplete as completeCcmsetup } from './completion';
import { doHover as hoverCcmsetup } from './hover';
import { lineBefore } from '../ccmsetup/locate';
import { describeField, fieldAt } from '../manifest/describeField';
import { locateInManifest } from '../manifest/locate';
import { ManifestNode } from '../manifest/ast';
import { Plan, parsePath } from '../manifest/plan';
import { Field } from '../manifest/schemaTypes';
import { allowedValues } from '../manifest/evidence';
import { codeAt, describeCode, findCode } from '../knowledge/codes';
import { parseAndPlan } from '../manifest/analyze';
import { evaluateReadinessSteps } from '../manifest/readiness';
import { drain } from '../steps';
import { MAX_SYMBOLS } from '../limits';
import { truncatedSymbol } from './symbols';
import {
  CompletionItem, CompletionItemKind, CompletionList, DocumentSymbol, Hover, InsertTextFormat, MarkupKind, Position, SymbolKind, TextDocument,
} from '../languageTypes';

function inCommandLine(plan: Plan, offset: number): boolean {
  return plan.allCommandLines().some((line) => offset >= line.span.start && offset <= line.span.end);
}

export function doManifestHover(document: TextDocument, plan: Plan, position: Position, catalog: Catalog): Hover | null {
  const offset = document.offsetAt(position);
  if (inCommandLine(plan, offset)) return hoverCcmsetup(document, plan.commandLineDocument(), position, catalog);
  const code = hoverCode(document, plan, position);
  if (code) return code;
  const at = locateInManifest(plan.document.root, offset);
  if (!at) return null;
  const field = fieldAt(at.steps);
  if (!field) return null;
  const range = { start: document.positionAt(at.span.start), end: document.positionAt(at.span.end) };
  const key = String([...at.steps].reverse().find((s) => typeof s === 'string') ?? '');
  if (at.part === 'value' && field.type.kind === 'enum' && at.node?.kind === 'scalar') {
    const chosen = field.type.values.find((v) => v.value === String(at.node?.kind === 'scalar' ? at.node.value : ''));
    if (chosen) return { contents: { kind: MarkupKind.Markdown, value: `**${key}**: \`${chosen.value}\`\n\n${chosen.description}${field.docUrl ? `\n\n[Documentation](${field.docUrl})` : ''}` }, range };
  }
  return { contents: { kind: MarkupKind.Markdown, value: describeField(key, field) }, range };
}

/** A documented error code under the cursor, anywhere in the manifest (a value, a comment, a log line). */
function hoverCode(document: TextDocument, plan: Plan, position: Position): Hover | null {
  const text = plan.document.text;
  const offset = document.offsetAt(position);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const at = codeAt(line, offset - lineStart);
  const code = at && findCode(at.value);
  if (!at || !code) return null;
  const range = { start: document.positionAt(lineStart + at.start), end: document.positionAt(lineStart + at.end) };
  return { contents: { kind: MarkupKind.Markdown, value: describeCode(code, true) }, range };
}

export function doManifestComplete(document: TextDocument, plan: Plan, position: Position, catalog: Catalog, settings: LanguageSettings = {}): CompletionList {
  const offset = document.offsetAt(position);
  // Blanks typed after a plain command line are outside its scalar, but the next name goes on it.
  if (inCommandLine(plan, offset) || lineBefore(plan.commandLineDocument(), offset)) return completeCcmsetup(document, plan.commandLineDocument(), position, catalog);
  // The parsed text: its lines end where the editor's do (a lone \r is a \n there).
  const text = plan.document.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const keyMatch = /^(\s*)(-\s+)?([A-Za-z]*)$/.exec(before);
  const valueMatch = /^(\s*)(-\s+)?([A-Za-z]+):\s+(\S*)$/.exec(before);
  const items: CompletionItem[] = [];
  if (valueMatch) {
    const indent = valueMatch[1].length + (valueMatch[2]?.length ?? 0);
    const field = fieldAt([...plan.outline().parentSteps(position.line, indent, false), valueMatch[3]]);
    const from = offset - valueMatch[4].length;
    const start = document.positionAt(from);
    const choices = allowedValues(field) ?? [];
    const failing = failingValues(plan, catalog, from, choices.map((c) => c.value), settings);
    // The format's order (sortText), meanings shown; the first value that fails no check is
    // preselected, so Enter never picks a failing one by default.
    const preselected = choices.find((c) => !failing.has(c.value))?.value;
    choices.forEach(({ value, meaning }, i) => {
      const fails = failing.get(value);
      items.push({
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: fails ? `${meaning} Fails: ${fails}` : meaning,
        documentation: { kind: MarkupKind.Markdown, value: fails ? `${meaning}\n\nWith this value the plan fails the check "${fails}".` : meaning },
        sortText: String(i).padStart(4, '0'),
        preselect: value === preselected || undefined,
        textEdit: { range: { start, end: position }, newText: value },
      });
    });
    return { isIncomplete: false, items };
  }
  if (keyMatch) {
    const indent = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
    const steps = plan.outline().parentSteps(position.line, keyMatch[1].length, Boolean(keyMatch[2]));
    const parent = fieldAt(steps);
    const objectField = parent?.type.kind === 'array' ? parent.type.items : parent;
    if (objectField?.type.kind !== 'object') return { isIncomplete: false, items };
    const present = new Set(siblingKeys(plan, steps));
    const start = document.positionAt(offset - keyMatch[3].length);
    for (const [key, field] of Object.entries(objectField.type.fields)) {
      if (present.has(key)) continue;
      items.push({
        label: key,
        kind: CompletionItemKind.Property,
        detail: field.required ? 'required' : undefined,
        documentation: { kind: MarkupKind.Markdown, value: describeField(key, field) },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: { start, end: position }, newText: keySnippet(key, field, indent) },
        sortText: `${field.required ? '0' : '1'}_${key}`,
      });
    }
  }
  return { isIncomplete: false, items };
}

/** Above this size completion doesn't try each value against the readiness checks (a parse per value). */
const MAX_TRIED_TEXT = 20_000;

/**
 * The values that would make a readiness check fail or warn on the value being typed, each with the
 * check's title: the plan is read again with each value in place (small plans only).
 */
function failingValues(plan: Plan, catalog: Catalog, from: number, values: string[], settings: LanguageSettings): Map<string, string> {
  const failing = new Map<string, string>();
  const text = plan.document.text;
  if (!values.length || text.length > MAX_TRIED_TEXT) return failing;
  const lineEnd = text.indexOf('\n', from) === -1 ? text.length : text.indexOf('\n', from);
  const comment = text.slice(from, lineEnd).search(/\s#/);
  const to = comment === -1 ? lineEnd : from + comment;
  for (const value of values) {
    const { plan: tried } = parseAndPlan(text.slice(0, from) + value + text.slice(to), catalog);
    const end = from + value.length;
    // The user's rule settings hold here too: a rule turned off doesn't mark a value as failing.
    const result = drain(evaluateReadinessSteps(tried, settings)).find((r) => (r.status === 'fail' || r.status === 'warn' || r.status === 'info') && r.span && r.span.start <= from && r.span.end >= end);
    if (result) failing.set(value, result.title);
  }
  return failing;
}

function keySnippet(key: string, field: Field, indent: number): string {
  const child = ' '.repeat(indent + 2);
  switch (field.type.kind) {
    case 'object': return `${key}:\n${child}$0`;
    case 'array': return `${key}:\n${child}- $0`;
    case 'enum': return `${key}: \${1|${field.type.values.map((v) => v.value).join(',')}|}`;
    case 'boolean': return `${key}: \${1|true,false|}`;
    case 'commandLine': return `${key}: '\${1:CCMSETUPCMD="CCMHOSTNAME=… SMSSITECODE=…"}'`;
    default: return `${key}: $0`;
  }
}

function siblingKeys(plan: Plan, steps: (string | number)[]): string[] {
  let node: ManifestNode | null | undefined = plan.document.root;
  for (const step of steps) {
    if (!node) return [];
    if (node.kind === 'seq') { node = node.items[typeof step === 'number' ? step : 0]; if (typeof step === 'number') continue; }
    if (node?.kind !== 'map') return [];
    node = node.entries.find((e) => e.key === step)?.node;
  }
  if (node?.kind === 'seq') node = node.items[node.items.length - 1];
  return node?.kind === 'map' ? node.entries.map((e) => e.key) : [];
}

export function findManifestSymbols(document: TextDocument, plan: Plan, maxSymbols = MAX_SYMBOLS): DocumentSymbol[] {
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  // Shared by the whole tree: past it each open collection (at most 5 deep) ends with one
  // "outline truncated" entry, so places for those are kept.
  let left = maxSymbols - 6;
  const truncated = (nodes: { span: { start: number; end: number } }[], from: number, what: string) => {
    const rest = nodes.length - from;
    return truncatedSymbol(rest, `${what}${rest === 1 ? '' : 's'}`, range(nodes[from].span.start, nodes[nodes.length - 1].span.end));
  };
  function symbolsOf(node: ManifestNode | null, depth: number): DocumentSymbol[] {
    if (!node || depth > 4) return [];
    const symbols: DocumentSymbol[] = [];
    if (node.kind === 'map') {
      for (const [index, entry] of node.entries.entries()) {
        if (left <= 0) {
          symbols.push(truncated(node.entries.map((e) => ({ span: e.keySpan })), index, 'key'));
          break;
        }
        left--;
        const end = entry.node ? Math.max(entry.node.span.end, entry.keySpan.end) : entry.keySpan.end;
        const value = entry.node?.kind === 'scalar' && entry.node.value !== null ? String(entry.node.value) : undefined;
        symbols.push({
          name: (entry.key || '(empty key)').slice(0, 80),
          detail: entry.key === 'commandLine' ? undefined : value?.slice(0, 60),
          kind: entry.node?.kind === 'map' ? SymbolKind.Module : entry.node?.kind === 'seq' ? SymbolKind.Array : SymbolKind.Property,
          range: range(entry.keySpan.start, end),
          selectionRange: range(entry.keySpan.start, entry.keySpan.end),
          children: symbolsOf(entry.node, depth + 1),
        });
      }
    } else if (node.kind === 'seq') {
      for (const [index, item] of node.items.entries()) {
        if (left <= 0) {
          symbols.push(truncated(node.items, index, 'item'));
          break;
        }
        left--;
        const name = item.kind === 'map' ? item.entries.find((e) => e.key === 'name')?.node : undefined;
        symbols.push({
          name: name?.kind === 'scalar' && name.value !== null ? String(name.value).slice(0, 80) : `[${index + 1}]`,
          kind: SymbolKind.Object,
          range: range(item.span.start, item.span.end),
          selectionRange: range(item.span.start, item.span.start),
          children: symbolsOf(item, depth + 1),
        });
      }
    }
    return symbols;
  }
  return symbolsOf(plan.document.root ?? null, 0);
}

export { parsePath };
