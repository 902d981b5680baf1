// Finds the key path under a cursor in a parsed manifest: on a key, or on a scalar value.
import { Span } from '../ccmsetup/ast';
import { ManifestNode } from './ast';

export interface ManifestLocation {
  steps: (string | number)[];
  part: 'key' | 'value';
  span: Span;
  node?: ManifestNode;
}

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

export function locateInManifest(root: ManifestNode | undefined, offset: number): ManifestLocation | undefined {
  let node = root;
  const steps: (string | number)[] = [];
  while (node) {
    if (node.kind === 'map') {
      const entry = node.entries.find((e) => inside(e.keySpan, offset) || (e.node && inside(e.node.span, offset)));
      if (!entry) return undefined;
      steps.push(entry.key);
      if (inside(entry.keySpan, offset)) return { steps, part: 'key', span: entry.keySpan, node: entry.node ?? undefined };
      node = entry.node ?? undefined;
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => inside(item.span, offset));
      if (index === -1) return undefined;
      steps.push(index);
      node = node.items[index];
    } else {
      return { steps, part: 'value', span: node.span, node };
    }
  }
  return undefined;
}
