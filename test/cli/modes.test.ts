// agent-inject-perms through `preview --out`: consul-template keeps only the permission bits
// and reads 0000 as "unset" (renderer.go AtomicWrite).
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pod, tempTree, vaultBody, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';

describe('preview --out file modes', () => {
  const cases: { perms: string; existing?: number; want: number }[] = [
    { perms: '6777', want: 0o777 },
    { perms: '4755', want: 0o755 },
    { perms: '0440', want: 0o440 },
    { perms: '0000', want: 0o644 },
    { perms: '0000', existing: 0o600, want: 0o600 },
  ];
  for (const c of cases) {
    it(`agent-inject-perms ${c.perms}${c.existing === undefined ? '' : ` over a 0${c.existing.toString(8)} file`} -> 0${c.want.toString(8)}`, async () => {
      const dir = tempTree({
        'app.yaml': pod({
          [P + 'agent-inject']: 'true',
          [P + 'agent-inject-template-f']: '{{ with secret "kv/a" }}{{ .Data.v }}{{ end }}',
          [P + 'agent-inject-perms-f']: c.perms,
        }),
        'vault/kv/a.json': vaultBody('{"v":"s3cret"}'),
      });
      const out = join(dir, 'out');
      const dest = join(out, 'pod-app/vault/secrets/f');
      if (c.existing !== undefined) {
        mkdirSync(join(out, 'pod-app/vault/secrets'), { recursive: true });
        writeFileSync(dest, 'old');
        chmodSync(dest, c.existing);
      }
      const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'), '--out', out);
      expect(r.err).toBe('');
      expect(statSync(dest).mode & 0o7777).toBe(c.want);
    });
  }
});
