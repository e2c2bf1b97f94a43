import { describe, expect, it } from 'vitest';
import { planAgent, DEFAULT_MAP_TEMPLATE, DEFAULT_JSON_TEMPLATE, type PlanOptions } from '../../src/agent/annotations.js';
import { clean as cleanPath, join as joinPath } from '../../src/go/path/path.js';
import { parseutilParseBool } from '../../src/agent/parsebool.js';
import { parseBool as goParseBool } from '../../src/go/strconv/index.js';

const P = 'vault.hashicorp.com/';
const plan = (a: Record<string, string>, opts?: PlanOptions) => planAgent(new Map(Object.entries({ [P + 'agent-inject']: 'true', ...a })), opts);

describe('default templates', () => {
  it('are byte-identical to vault-k8s config.go', () => {
    expect(DEFAULT_MAP_TEMPLATE).toBe('{{ with secret "%s" }}{{ range $k, $v := .Data }}{{ $k }}: {{ $v }}\n{{ end }}{{ end }}');
    expect(DEFAULT_JSON_TEMPLATE).toBe('{{ with secret "%s" }}{{ .Data | toJSON }}\n{{ end }}');
  });
  it('map is used by default with the raw (untrimmed) path', () => {
    const p = plan({ [P + 'agent-inject-secret-db']: ' database/creds/app ' });
    expect(p.templates).toHaveLength(1);
    const t = p.templates[0]!;
    expect(t.contents).toBe('{{ with secret " database/creds/app " }}{{ range $k, $v := .Data }}{{ $k }}: {{ $v }}\n{{ end }}{{ end }}');
    expect(t.origin).toEqual({ kind: 'default', key: P + 'agent-inject-secret-db', type: 'map' });
    expect(t.destination).toBe('/vault/secrets/db');
  });
  it('json via agent-inject-default-template (case-insensitive)', () => {
    const p = plan({ [P + 'agent-inject-default-template']: 'JSON', [P + 'agent-inject-secret-db']: 'db/creds/x' });
    expect(p.templates[0]!.contents).toBe('{{ with secret "db/creds/x" }}{{ .Data | toJSON }}\n{{ end }}');
    expect(p.errors).toEqual([]);
  });
  it('rejects other default template types', () => {
    const p = plan({ [P + 'agent-inject-default-template']: 'YAML', [P + 'agent-inject-secret-db']: 'db/creds/x' });
    expect(p.errors).toEqual(['invalid default template type: yaml']);
  });
  it('the injector flag sets the default when the annotation is absent', () => {
    const p = plan({ [P + 'agent-inject-secret-db']: 'db' }, { defaultTemplate: 'json' });
    expect(p.defaultTemplate).toBe('json');
  });
  it('a path with % is inserted verbatim', () => {
    const p = plan({ [P + 'agent-inject-secret-x']: 'a%sb$&' });
    expect(p.templates[0]!.contents).toContain('secret "a%sb$&"');
  });
});

describe('secret discovery', () => {
  it('finds secrets from all three prefixes, template-file before template', () => {
    const p = plan({
      [P + 'agent-inject-secret-a']: 'p/a',
      [P + 'agent-inject-template-b']: '{{ "b" }}',
      [P + 'agent-inject-template-file-c']: '/etc/c.tmpl',
    });
    expect(p.templates.map((t) => [t.rawName, t.secretPath, t.origin.kind])).toEqual([
      ['a', 'p/a', 'default'],
      ['b', '', 'annotation'],
      ['c', '', 'file'],
    ]);
    expect(p.templates[2]!.error).toMatch(/--template-dir/);
  });
  it('skips blank values', () => {
    const p = plan({ [P + 'agent-inject-secret-a']: '   ', [P + 'agent-inject-template-b']: '' });
    expect(p.templates).toEqual([]);
    expect(p.warnings[0]).toMatch(/no agent-inject-secret/);
  });
  it('dedups by raw name and keeps the template', () => {
    const p = plan({ [P + 'agent-inject-secret-a']: 'p/a', [P + 'agent-inject-template-a']: 'T' });
    expect(p.templates).toHaveLength(1);
    expect(p.templates[0]!.contents).toBe('T');
    expect(p.templates[0]!.secretPath).toBe('p/a');
  });
  it('lowercases names unless preserve-secret-case', () => {
    expect(plan({ [P + 'agent-inject-secret-MyApp']: 'x' }).templates[0]!.destination).toBe('/vault/secrets/myapp');
    expect(plan({ [P + 'agent-inject-secret-MyApp']: 'x', [P + 'preserve-secret-case-MyApp']: 'true' }).templates[0]!.destination).toBe('/vault/secrets/MyApp');
    expect(plan({ [P + 'agent-inject-secret-MyApp']: 'x', [P + 'preserve-secret-case']: 'true' }).templates[0]!.name).toBe('MyApp');
    // per-secret false beats global true; an unparsable value means false
    expect(
      plan({ [P + 'agent-inject-secret-MyApp']: 'x', [P + 'preserve-secret-case']: 'true', [P + 'preserve-secret-case-MyApp']: 'false' }).templates[0]!.name,
    ).toBe('myapp');
    expect(plan({ [P + 'agent-inject-secret-MyApp']: 'x', [P + 'preserve-secret-case']: 'yes' }).templates[0]!.name).toBe('myapp');
  });
  it('warns when two secrets write the same file', () => {
    const p = plan({ [P + 'agent-inject-secret-App']: 'x', [P + 'agent-inject-secret-app']: 'y' });
    expect(p.templates).toHaveLength(2);
    expect(p.warnings[0]).toMatch(/all write \/vault\/secrets\/app/);
  });
  it('template annotation beats template-file', () => {
    const p = plan(
      { [P + 'agent-inject-template-x']: 'inline', [P + 'agent-inject-template-file-x']: '/t' },
      { readTemplateFile: () => ({ text: 'file', resolved: '/t' }) },
    );
    expect(p.templates[0]!.contents).toBe('inline');
  });
  it('reads template files through the reader', () => {
    const p = plan(
      { [P + 'agent-inject-secret-x']: 'kv/x', [P + 'agent-inject-template-file-x']: '/vault/configs/x.tmpl' },
      { readTemplateFile: (s) => ({ text: `from ${s}`, resolved: '/local/x.tmpl' }) },
    );
    expect(p.templates[0]!.contents).toBe('from /vault/configs/x.tmpl');
    expect(p.templates[0]!.origin).toEqual({
      kind: 'file',
      key: P + 'agent-inject-template-file-x',
      source: '/vault/configs/x.tmpl',
      resolved: '/local/x.tmpl',
    });
  });
  it('reports unreadable template files', () => {
    const p = plan(
      { [P + 'agent-inject-template-file-x']: '/nope' },
      {
        readTemplateFile: () => {
          throw new Error('not found: /nope');
        },
      },
    );
    expect(p.templates[0]!.error).toBe('not found: /nope');
    expect(p.templates[0]!.contents).toBeUndefined();
  });
});

describe('file paths and options', () => {
  it('secret-volume-path pod-level and per secret', () => {
    const p = plan({
      [P + 'secret-volume-path']: '/etc/secrets',
      [P + 'agent-inject-secret-a']: 'x',
      [P + 'agent-inject-secret-b']: 'y',
      [P + 'secret-volume-path-b']: '/custom/',
    });
    expect(p.templates.map((t) => t.destination)).toEqual(['/etc/secrets/a', '/custom//b']);
  });
  it('agent-inject-file is joined and cleaned like filepath.Join', () => {
    const p = plan({
      [P + 'agent-inject-secret-a']: 'x',
      [P + 'agent-inject-file-a']: 'sub/./dir//app.conf/',
      [P + 'agent-inject-secret-b']: 'y',
      [P + 'agent-inject-file-b']: '../../etc/passwd',
      [P + 'agent-inject-secret-c']: 'z',
      [P + 'agent-inject-file-c']: '/abs/c.txt',
    });
    expect(p.templates.map((t) => t.destination)).toEqual(['/vault/secrets/sub/dir/app.conf', '/etc/passwd', '/vault/secrets/abs/c.txt']);
  });
  it('perms, command, delimiters', () => {
    const p = plan({
      [P + 'agent-inject-secret-a']: 'x',
      [P + 'agent-inject-perms-a']: '0440',
      [P + 'agent-inject-command-a']: 'kill -HUP 1',
      [P + 'agent-template-left-delim-a']: '[[',
      [P + 'agent-template-right-delim-a']: ']]',
      [P + 'agent-inject-secret-b']: 'y',
      [P + 'agent-template-left-delim-b']: '',
    });
    const [a, b] = p.templates;
    expect([a!.perms, a!.command, a!.leftDelim, a!.rightDelim]).toEqual(['0440', 'kill -HUP 1', '[[', ']]']);
    expect([b!.perms, b!.command, b!.leftDelim, b!.rightDelim]).toEqual([undefined, undefined, '{{', '}}']);
  });
  it('error-on-missing-key uses parseutil.ParseBool', () => {
    const eok = (v: string) => plan({ [P + 'agent-inject-secret-a']: 'x', [P + 'error-on-missing-key-a']: v });
    expect(eok('true').templates[0]!.errorOnMissingKey).toBe(true);
    expect(eok('T').templates[0]!.errorOnMissingKey).toBe(true);
    expect(eok('').templates[0]!.errorOnMissingKey).toBe(false);
    expect(eok('0').templates[0]!.errorOnMissingKey).toBe(false);
    expect(eok('yes').errors).toEqual([`${P}error-on-missing-key-a: cannot parse '' as bool: strconv.ParseBool: parsing "yes": invalid syntax`]);
  });
});

describe('agent-inject and token', () => {
  it('absent or false means nothing injected, with a reason', () => {
    const none = planAgent(new Map([[P + 'agent-inject-secret-a', 'x']]));
    expect(none.inject).toBe(false);
    expect(none.reason).toMatch(/absent/);
    const off = plan({ [P + 'agent-inject']: 'false', [P + 'agent-inject-secret-a']: 'x' });
    expect(off.inject).toBe(false);
    expect(off.templates).toEqual([]);
    expect(off.reason).toMatch(/"false"/);
  });
  it('invalid agent-inject is an error (strconv.ParseBool: "" is not valid)', () => {
    expect(plan({ [P + 'agent-inject']: 'yes' }).errors).toEqual([`${P}agent-inject: strconv.ParseBool: parsing "yes": invalid syntax`]);
    expect(plan({ [P + 'agent-inject']: '' }).errors[0]).toMatch(/parsing ""/);
  });
  it('an already injected pod is left alone', () => {
    const p = plan({ [P + 'agent-inject-status']: 'injected', [P + 'agent-inject-secret-a']: 'x' });
    expect(p.inject).toBe(false);
    expect(p.reason).toMatch(/already injected/);
  });
  it('agent-inject-token writes <volume>/token', () => {
    expect(plan({ [P + 'agent-inject-token']: 'true' }).token).toEqual({ destination: '/vault/secrets/token', perms: '0640' });
    expect(plan({ [P + 'agent-inject-token']: 'true', [P + 'secret-volume-path']: '/s/' }).token?.destination).toBe('/s/token');
    expect(plan({ [P + 'agent-inject-token']: 'false' }).token).toBeUndefined();
    expect(plan({ [P + 'agent-inject-token']: 'maybe' }).errors[0]).toMatch(/agent-inject-token: cannot parse/);
  });
});

describe('Go helpers', () => {
  it('path.Clean / path.Join', () => {
    expect(cleanPath('')).toBe('.');
    expect(cleanPath('a/../..')).toBe('..');
    expect(cleanPath('/../a')).toBe('/a');
    expect(cleanPath('a//b/./c/')).toBe('a/b/c');
    expect(joinPath('', '')).toBe('');
    expect(joinPath('', 'a')).toBe('a');
    expect(joinPath('/x', '')).toBe('/x');
  });
  it("strconv.ParseBool accepts exactly Go's spellings", () => {
    for (const t of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(goParseBool(t)).toBe(true);
    for (const f of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(goParseBool(f)).toBe(false);
    for (const bad of ['tRuE', 'yes', ' true', '']) expect(() => goParseBool(bad)).toThrow(/invalid syntax/);
    expect(parseutilParseBool('')).toBe(false);
  });
});
