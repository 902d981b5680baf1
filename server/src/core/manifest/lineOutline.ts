// The key path of every line of a manifest, read from indentation alone. Completion uses it while
// a line is half typed (when the YAML tree may not hold it yet). Built once per document version
// with a stack, so a lookup costs the depth of the line, not the size of the file.

interface Open { column: number; step: string | number }

export class LineOutline {
  /** For each line: the open path after the line (its own key included). */
  private readonly after: (Open[] | undefined)[] = [];

  constructor(text: string) {
    const stack: Open[] = [];
    let lineStart = 0;
    for (let line = 0; lineStart <= text.length; line++) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      const match = /^( *)(- +)?(?:([A-Za-z][\w-]*) *:)?/.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 200)));
      const content = text.slice(lineStart, lineEnd).trim();
      if (match && content !== '' && !content.startsWith('#')) {
        const indent = match[1].length;
        if (match[2]) {
          while (stack.length && stack[stack.length - 1].column >= indent) stack.pop();
          stack.push({ column: indent, step: 0 });
          if (match[3]) stack.push({ column: indent + match[2].length, step: match[3] });
        } else if (match[3]) {
          while (stack.length && stack[stack.length - 1].column >= indent) stack.pop();
          stack.push({ column: indent, step: match[3] });
        }
        this.after[line] = stack.slice();
      }
      lineStart = lineEnd + 1;
    }
  }

  /** The path of the mapping a key typed at `column` on `line` belongs to. */
  parentSteps(line: number, column: number, isListItem: boolean): (string | number)[] {
    let previous = line - 1;
    while (previous >= 0 && !this.after[previous]) previous--;
    const open = previous >= 0 ? this.after[previous]!.filter((o) => o.column < column) : [];
    const steps = open.map((o) => o.step);
    if (isListItem) steps.push(0);
    return steps;
  }
}
