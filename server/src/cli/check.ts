// `comanage check`: read each file, hand it to the core, collect its diagnostics. No rule logic here.
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../core/languageService';
import { documentKindOf } from '../core/languageTypes';
import { maskText } from '../core/secrets';
import { comparePaths, displayPath, readSourceFile } from './files';
import type { FileResult } from './format/types';

/** The languageId an editor would use; the core itself goes by the file name. */
const LANGUAGE_IDS = { ccmsetup: 'ccmsetup', manifest: 'comanage-manifest', none: 'plaintext' } as const;

/** A failure inside the core while checking one file; reported without the file's content. */
export class CheckFailure extends Error {
  constructor(readonly file: string, readonly cause: unknown) {
    super(`internal error while checking '${file}'; please report it (set COMANAGE_DEBUG=1 for details)`);
    this.name = 'CheckFailure';
  }
}

export function checkFiles(absolutePaths: readonly string[], cwd: string, service: LanguageService): FileResult[] {
  const results = absolutePaths.map((absolute): FileResult => {
    const file = displayPath(absolute, cwd);
    const text = readSourceFile(absolute, file);
    const uri = pathToFileURL(absolute).href;
    const document = TextDocument.create(uri, LANGUAGE_IDS[documentKindOf(uri)], 1, text);
    try {
      return checkTextDocument(file, document, service);
    } catch (error) {
      throw new CheckFailure(file, error);
    }
  });
  return results.sort((a, b) => comparePaths(a.file, b.file));
}

/** One file's result as the formats print it. */
export function checkTextDocument(file: string, document: TextDocument, service: LanguageService): FileResult {
  // A file name can hold a token too (a token saved as a file): every format prints this name.
  return { file: maskText(file), diagnostics: service.doValidation(document) };
}
