// Turns a ccmsetup command line into the string Intune's co-management settings take:
// CCMSETUPCMD="<parameters and properties>". Inner quotes are doubled, as msiexec expects inside a
// quoted property value. Used by the client's "Copy command line for Intune" and generators.
import { CommandLine } from './ast';

export function wrapForIntune(line: CommandLine, source: string): string {
  if (line.wrapper) return source.slice(line.wrapper.span.start, line.wrapper.span.end);
  const parts = line.args.map((item) => source.slice(item.span.start, item.span.end));
  return `CCMSETUPCMD="${parts.join(' ').replace(/"/g, '""')}"`;
}
