// The tenant's exports a manifest lists under `sources:`, read from disk for the drift checks
// (core/graph/drift.ts). The core has no file system: the server reads them here, asynchronously,
// each time it validates the plan or answers a readiness request, so an edit of the plan or of an
// export (and the view's refresh) is seen.
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ExportSource, LanguageService } from './core/languageService';
import { documentKindOf } from './core/languageTypes';
import { readExportSources } from './node/readExports';

/** Whether a manifest's text may list `sources:` (a top-level key): the cheap test before a parse. */
export function listsSources(text: string): boolean {
  return /^["']?sources["']?[ \t]*:/m.test(text);
}

/** The exports `document` lists, read (undefined when it lists none or isn't a manifest). */
export async function exportsOf(service: LanguageService, document: TextDocument): Promise<ExportSource[] | undefined> {
  if (documentKindOf(document.uri) !== 'manifest') return undefined;
  const sources = service.getSources(document);
  if (sources.length === 0) return undefined;
  if (!document.uri.startsWith('file:')) {
    return sources.map((name) => ({ name, unreadable: 'the plan is not saved as a file, so paths relative to it lead nowhere' }));
  }
  return readExportSources(sources, path.dirname(fileURLToPath(document.uri)));
}

/** Reads the exports of `document` and hands them to the service; true when they changed. */
export async function refreshExports(service: LanguageService, document: TextDocument): Promise<boolean> {
  const exports = await exportsOf(service, document);
  return service.setExports(document.uri, exports);
}

/**
 * Runs `run` (the validation) once the exports of a plan listing `sources:` are read; any other
 * document goes straight on, after a cheap look at its text (no parse). A failed read is reported
 * and the validation still runs.
 */
export function withSources(service: LanguageService, document: TextDocument, run: () => void, report: (error: unknown) => void): void {
  if (documentKindOf(document.uri) !== 'manifest') return run();
  if (!listsSources(document.getText())) {
    try {
      service.setExports(document.uri, undefined);
    } catch (error) {
      report(error);
    }
    return run();
  }
  // refreshExports may throw before its first await (a parse that failed): caught the same way.
  new Promise<boolean>((resolve) => resolve(refreshExports(service, document))).catch(report).finally(run);
}
