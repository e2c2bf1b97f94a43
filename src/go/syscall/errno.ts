// Go's syscall.Errno text on Linux (zerrors_linux_amd64.go) for the errors file operations
// meet. Node reports an errno as a code ("ENOENT"); vtpl says it in Go's words. Kept apart from
// the agent's writer so that a command reading one file does not load the writer with it.

/** An errno as words ("permission denied"), as Go's syscall.Errno prints it. */
export function errnoWords(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words = ERRNO_WORDS[err.code ?? ''];
  if (words !== undefined) return words;
  return err instanceof Error ? err.message : String(e);
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
  EEXIST: 'file exists',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  EXDEV: 'invalid cross-device link',
  EBUSY: 'device or resource busy',
};
