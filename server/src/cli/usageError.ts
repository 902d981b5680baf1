// A problem with how the CLI was called or with what it was pointed at (bad option, missing file,
// bad config). The entry point turns it into one line on stderr and exit code 2.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The short reason behind a failed fs call or write ("no such file or directory"), without a stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'EISDIR': return 'is a folder';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'name too long';
    case 'ENOSPC': return 'no space left on the device (ENOSPC)';
    case 'EPIPE': return 'the reader closed the pipe (EPIPE)';
    case 'EBADF': return 'standard output is not open for writing (EBADF)';
    default: return code ? `cannot be read (${code})` : 'cannot be read';
  }
}
