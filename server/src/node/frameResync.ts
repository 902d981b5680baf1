// Base-protocol framing that recovers from a corrupt stream. vscode-jsonrpc reads `Content-Length`
// frames and, after one bad header (garbage bytes, `Content-Length: abc`, a length that doesn't match
// the body), reads every later message out of step: the server goes deaf for the rest of the
// session. This transform sits between stdin and the reader: it drops whatever is not a well-formed
// frame and passes each frame on whole, so the next good message is answered.
import { Transform, TransformCallback } from 'node:stream';

/** Larger frames are refused (and skipped as junk): a 2 MB document is about 2 MB of JSON. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
/** A real header block is a few dozen bytes; junk without a header end is dropped beyond this. */
const MAX_HEADER_BYTES = 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** The Content-Length header and any header lines after it, up to the block's end. */
const CONTENT_LENGTH = /^content-length:[ \t]*(\d{1,10})[ \t]*(?:\r\n[^\r\n]+)*$/i;

export interface ResyncStats { framesPassed: number; bytesDropped: number }

export class FrameResync extends Transform {
  readonly stats: ResyncStats = { framesPassed: 0, bytesDropped: 0 };
  private buffer: Buffer = Buffer.alloc(0);
  private bodyLeft = 0;

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.bodyLeft > 0) {
        if (this.buffer.length === 0) return;
        const take = Math.min(this.bodyLeft, this.buffer.length);
        this.push(this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        this.bodyLeft -= take;
        continue;
      }
      const end = this.buffer.indexOf(HEADER_END);
      if (end === -1) {
        // Keep only what could still be the start of a header.
        if (this.buffer.length > 8 * MAX_HEADER_BYTES) this.discard(this.buffer.length - MAX_HEADER_BYTES);
        return;
      }
      // The last Content-Length before the blank line starts the frame; anything before it is junk
      // (Content-Type, if it came first, goes too: UTF-8 is the default).
      const block = this.buffer.subarray(Math.max(0, end - MAX_HEADER_BYTES), end).toString('latin1');
      const at = block.toLowerCase().lastIndexOf('content-length:');
      const match = at === -1 ? null : CONTENT_LENGTH.exec(block.slice(at));
      const length = match ? Number(match[1]) : NaN;
      if (!match || !(length >= 0 && length <= MAX_FRAME_BYTES)) {
        this.discard(end + HEADER_END.length);
        continue;
      }
      const headerStart = end - (block.length - at);
      this.discard(headerStart);
      this.push(this.buffer.subarray(0, end - headerStart + HEADER_END.length));
      this.buffer = this.buffer.subarray(end - headerStart + HEADER_END.length);
      this.bodyLeft = length;
      this.stats.framesPassed++;
    }
  }

  private discard(bytes: number): void {
    if (bytes <= 0) return;
    this.stats.bytesDropped += bytes;
    this.buffer = this.buffer.subarray(bytes);
  }
}
