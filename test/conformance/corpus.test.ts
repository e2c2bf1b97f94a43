// Every committed conformance case (expectations produced by the Go oracle)
// must render identically with vtpl. One test per case.
import { describe, expect, it } from 'vitest';
import { corpusFiles, loadCases } from '../../src/cli/conformance-cases.js';
import { runCase } from '../../src/cli/conformance-run.js';

const root = new URL('../../conformance/', import.meta.url).pathname;

for (const file of corpusFiles([root])) {
  describe(file.slice(root.length), () => {
    for (const c of loadCases(file, root)) {
      it(c.name, async () => {
        const r = await runCase(c);
        if (c.wantError !== undefined) {
          expect(r.gotError, `output was ${JSON.stringify(r.got)}`).toBe(c.wantError);
        } else {
          expect(r.gotError).toBeNull();
          expect(r.got).toBe(c.want);
        }
      });
    }
  });
}
