// Paths from manifests stay inside their roots: a file inside the volume the injector mounts
// for it, --out files inside --out, template files read from inside --template-dir.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pod, tempTree, vaultBody, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';
const TPL = '{{ with secret "kv/a" }}{{ .Data.v }}{{ end }}';

/** Every file below dir (relative paths), to show nothing landed elsewhere. */
const tree = (dir: string) => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : []);

function setup(annotations: Record<string, string>) {
  const dir = tempTree({
    'sub/app.yaml': pod({ [P + 'agent-inject']: 'true', ...annotations }),
    'vault/kv/a.json': vaultBody('{"v":"s3cret"}'),
  });
  // --out is two levels down, so ".." escapes would land in dir/ or dir/o/.
  return { dir, manifest: join(dir, 'sub/app.yaml'), responses: join(dir, 'vault'), out: join(dir, 'o/out') };
}

describe('destinations that leave their volume are refused', () => {
  const cases: { name: string; annotations: Record<string, string>; culprit: string; message: string }[] = [
    {
      name: 'a secret named ../../../../escape',
      annotations: { [P + 'agent-inject-template-../../../../escape']: TPL, [P + 'agent-inject-template-ok']: TPL },
      culprit: `${P}agent-inject-template-../../../../escape`,
      message: '"/vault/secrets/../../../../escape" resolves to /escape, outside the volume /vault/secrets the injector mounts for it',
    },
    {
      name: 'agent-inject-file with ..',
      annotations: {
        [P + 'agent-inject-template-x']: TPL,
        [P + 'agent-inject-file-x']: '../../../../../home/app/.ssh/authorized_keys',
        [P + 'agent-inject-template-ok']: TPL,
      },
      culprit: `${P}agent-inject-file-x`,
      message: '"/home/app/.ssh/authorized_keys" resolves to /home/app/.ssh/authorized_keys, outside the volume /vault/secrets the injector mounts for it',
    },
    {
      name: 'agent-inject-file naming the volume itself',
      annotations: { [P + 'agent-inject-template-x']: TPL, [P + 'agent-inject-file-x']: 'sub/..', [P + 'agent-inject-template-ok']: TPL },
      culprit: `${P}agent-inject-file-x`,
      message: '"/vault/secrets" is the volume directory /vault/secrets itself, not a file in it',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: preview names the annotation and where it is, writes nothing for the pod, exit 1`, async () => {
      const s = setup(c.annotations);
      const r = await vtpl('preview', s.manifest, '--responses', s.responses, '--out', s.out);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        new RegExp(
          `error: ${c.culprit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ${c.message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(${s.manifest.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+\\)`,
        ),
      );
      expect(tree(s.out)).toEqual([]);
      expect(tree(s.dir).filter((f) => !f.startsWith('sub') && !f.startsWith('vault') && f !== 'o' && f !== 'o/out')).toEqual([]);
    });
    it(`${c.name}: check reports it as an error at the annotation, exit 1`, async () => {
      const s = setup(c.annotations);
      const r = await vtpl('check', s.manifest);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        new RegExp(`${s.manifest.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error: ${c.culprit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `),
      );
    });
  }
});

describe('what the injector accepts stays inside --out', () => {
  it('a relative secret-volume-path climbing out is mapped inside OUT (kubelet makes it absolute)', async () => {
    const s = setup({ [P + 'agent-inject-template-x']: TPL, [P + 'secret-volume-path-x']: '../../../../../../home/app/.ssh' });
    const r = await vtpl('preview', s.manifest, '--responses', s.responses, '--out', s.out);
    expect(r.code).toBe(0);
    expect(tree(s.out)).toEqual(['pod-app', 'pod-app/home', 'pod-app/home/app', 'pod-app/home/app/.ssh', 'pod-app/home/app/.ssh/x']);
  });
  it('an absolute agent-inject-file is joined under the volume (filepath.Join)', async () => {
    const s = setup({ [P + 'agent-inject-template-x']: TPL, [P + 'agent-inject-file-x']: '/etc/app.conf' });
    const r = await vtpl('preview', s.manifest, '--responses', s.responses, '--out', s.out);
    expect(r.code).toBe(0);
    expect(existsSync(join(s.out, 'pod-app/vault/secrets/etc/app.conf'))).toBe(true);
  });
});

describe('symbolic links inside --out', () => {
  it('a linked parent directory pointing outside OUT: refused, nothing written for the pod, exit 1', async () => {
    const s = setup({ [P + 'agent-inject-template-a']: TPL, [P + 'agent-inject-template-b']: TPL });
    const elsewhere = join(s.dir, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(join(s.out, 'pod-app'), { recursive: true });
    symlinkSync(elsewhere, join(s.out, 'pod-app/vault'));
    const r = await vtpl('preview', s.manifest, '--responses', s.responses, '--out', s.out);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `not written: /vault/secrets/a (from ${P}agent-inject-template-a): ${join(s.out, 'pod-app/vault')} is a symbolic link to ${elsewhere}, outside ${s.out}; nothing is written for this pod`,
    );
    expect(tree(elsewhere)).toEqual([]);
    expect(r.out).toContain('s3cret'); // the preview itself is still printed
  });
  it('a link whose target is missing is not followed (creating directories through it would leave OUT)', async () => {
    const s = setup({ [P + 'agent-inject-template-a']: TPL });
    mkdirSync(join(s.out, 'pod-app'), { recursive: true });
    symlinkSync(join(s.dir, 'not-yet'), join(s.out, 'pod-app/vault'));
    const r = await vtpl('preview', s.manifest, '--responses', s.responses, '--out', s.out);
    expect(r.code).toBe(1);
    expect(r.out).toContain('is a symbolic link to a missing path');
    expect(existsSync(join(s.dir, 'not-yet'))).toBe(false);
  });
  it('a link that stays inside OUT is fine', async () => {
    const s = setup({ [P + 'agent-inject-template-a']: TPL });
    mkdirSync(join(s.out, 'real'), { recursive: true });
    mkdirSync(join(s.out, 'pod-app'), { recursive: true });
    symlinkSync(join(s.out, 'real'), join(s.out, 'pod-app/vault'));
    const r = await vtpl('preview', s.manifest, '--responses', s.responses, '--out', s.out);
    expect(r.code).toBe(0);
    expect(existsSync(join(s.out, 'real/secrets/a'))).toBe(true);
  });
});

describe('template files are read from inside --template-dir only', () => {
  it('.. in agent-inject-template-file stops at the directory', async () => {
    const s = setup({ [P + 'agent-inject-secret-x']: 'kv/a', [P + 'agent-inject-template-file-x']: '../../secret.ctmpl' });
    writeFileSync(join(s.dir, 'secret.ctmpl'), 'OUTSIDE'); // dir/tpl/../secret.ctmpl
    mkdirSync(join(s.dir, 'tpl'));
    const r = await vtpl('preview', s.manifest, '--responses', s.responses, '--template-dir', join(s.dir, 'tpl'));
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('OUTSIDE');
    expect(r.out).toContain(`template file ../../secret.ctmpl not found in ${join(s.dir, 'tpl')} (looked for ${join(s.dir, 'tpl/secret.ctmpl')})`);
  });
  it('a symbolic link out of the directory is refused', async () => {
    const s = setup({ [P + 'agent-inject-secret-x']: 'kv/a', [P + 'agent-inject-template-file-x']: '/vault/configs/x.ctmpl' });
    writeFileSync(join(s.dir, 'private.txt'), 'OUTSIDE');
    mkdirSync(join(s.dir, 'tpl'));
    symlinkSync(join(s.dir, 'private.txt'), join(s.dir, 'tpl/x.ctmpl'));
    const r = await vtpl('check', s.manifest, '--template-dir', join(s.dir, 'tpl'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`error: ${join(s.dir, 'tpl/x.ctmpl')} is a symbolic link to ${join(s.dir, 'private.txt')}, outside ${join(s.dir, 'tpl')}`);
    expect(r.out).not.toContain('OUTSIDE');
  });
});
