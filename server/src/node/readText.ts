// The one way comanage reads a text file from disk: the bytes through the core's decoder
// (core/text/decode.ts), so every read knows UTF-8, UTF-16 and what to say about anything else.
// The CLI's files, readiness reports and config use it; so does the server's check of closed files.
import * as fs from 'fs';
import { decodeText, type DecodedText } from '../core/text/decode';

/** Throws the fs error when the file can't be read, or a RangeError when it has more than `maxBytes`; decoding itself never throws. */
export function readTextFile(file: fs.PathLike, maxBytes?: number): DecodedText {
  // Only regular files: a FIFO or a device named like a plan would block the reading process.
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new Error('it is not a regular file');
  if (maxBytes !== undefined && stat.size > maxBytes) throw new RangeError(`the file has more than ${maxBytes} bytes`);
  return decodeText(fs.readFileSync(file));
}

/** readTextFile without blocking: for the language server, which keeps answering while it reads. */
export async function readTextFileAsync(file: string, maxBytes?: number): Promise<DecodedText> {
  const stat = await fs.promises.stat(file);
  if (!stat.isFile()) throw new Error('it is not a regular file');
  if (maxBytes !== undefined && stat.size > maxBytes) throw new RangeError(`the file has more than ${maxBytes} bytes`);
  return decodeText(await fs.promises.readFile(file));
}
