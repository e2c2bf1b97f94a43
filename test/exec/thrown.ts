// The error a call throws, for tests that compare errors from two paths (execute and executeTo).

export function thrown(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
