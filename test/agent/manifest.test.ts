import { describe, expect, it } from 'vitest';
import { ManifestError, readManifest, templatePosInFile } from '../../src/agent/manifest.js';

const podTemplate = (ann: string) => `
  template:
    metadata:
      annotations:
${ann}
    spec:
      containers: [{name: c, image: busybox}]`;

describe('readManifest', () => {
  it('finds the pod template of every workload kind', () => {
    const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'];
    const docs = kinds.map((k) => `apiVersion: v1\nkind: ${k}\nmetadata:\n  name: ${k.toLowerCase()}\nspec:${podTemplate('        a: "1"')}`);
    docs.push('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    a: "1"\nspec: {}');
    docs.push(
      `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cj\nspec:\n  jobTemplate:\n    spec:${podTemplate('        a: "1"').replace(/\n/g, '\n    ')}`,
    );
    const m = readManifest(docs.join('\n---\n'), 'w.yaml');
    expect(m.pods.map((p) => p.label)).toEqual([
      'Deployment/deployment',
      'StatefulSet/statefulset',
      'DaemonSet/daemonset',
      'ReplicaSet/replicaset',
      'Job/job',
      'Pod/p',
      'CronJob/cj',
    ]);
    for (const p of m.pods) expect(p.annotations.get('a')?.value).toBe('1');
    expect(m.pods.map((p) => p.doc)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads List items', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n`;
    const m = readManifest(text, 'l.yaml');
    expect(m.pods.map((p) => p.label)).toEqual(['List[0] Pod/a']);
    expect(m.skipped.map((s) => [s.label, s.reason])).toEqual([['List[1] Service/s', 'kind Service has no pod template']]);
  });

  it('reports documents without pods instead of failing', () => {
    const m = readManifest('kind: ConfigMap\nmetadata:\n  name: c\n---\n- just\n- a list\n---\nfoo: bar\n---\n', 'x.yaml');
    expect(m.pods).toEqual([]);
    expect(m.skipped.map((s) => s.reason)).toEqual(['kind ConfigMap has no pod template', 'not a Kubernetes object (not a mapping)', 'no `kind` field']);
    expect(m.skipped[1]!.pos).toEqual({ line: 5, col: 1 });
  });

  it('handles empty files and comment-only documents', () => {
    expect(readManifest('', 'e.yaml').pods).toEqual([]);
    expect(readManifest('# nothing\n---\n# still nothing\n', 'e.yaml').skipped).toEqual([]);
  });

  it('malformed YAML is an error with file:line:col', () => {
    const bad = 'kind: Pod\nmetadata:\n  annotations:\n    a: [1, 2\n';
    expect(() => readManifest(bad, 'bad.yaml')).toThrow(ManifestError);
    try {
      readManifest(bad, 'bad.yaml');
    } catch (e) {
      expect((e as Error).message).toMatch(/^bad\.yaml:\d+:\d+: /);
    }
    expect(() => readManifest('a: 1\na: 2\n', 'dup.yaml')).toThrow(/^dup\.yaml:2:1: .*[Uu]nique/);
  });

  it('non-string annotation values are problems (Kubernetes rejects them), source text kept', () => {
    const m = readManifest('kind: Pod\nmetadata:\n  annotations:\n    vault.hashicorp.com/agent-inject: true\n    perms: 0440\n', 'p.yaml');
    const p = m.pods[0]!;
    expect(p.annotations.get('perms')?.value).toBe('0440');
    expect(p.annotations.get('vault.hashicorp.com/agent-inject')?.value).toBe('true');
    expect(p.problems).toHaveLength(2);
    expect(p.problems[0]).toMatch(/is a YAML boolean, not a string: quote it \("true"\) \(p\.yaml:4:39\)/);
  });

  it('maps template positions back into literal blocks and single-line scalars (escapes included)', () => {
    const text = 'kind: Pod\nmetadata:\n  annotations:\n    t: |\n      line one\n      {{ bad }}\n    s: "{{ x }}"\n    q: "a\\nb"\n';
    const m = readManifest(text, 't.yaml');
    const ann = m.pods[0]!.annotations;
    expect(ann.get('t')!.value).toBe('line one\n{{ bad }}\n');
    expect(templatePosInFile(ann.get('t')!, text, 2, 4)).toEqual({ line: 6, col: 10 });
    expect(templatePosInFile(ann.get('s')!, text, 1, 4)).toEqual({ line: 7, col: 12 });
    expect(templatePosInFile(ann.get('q')!, text, 1, 1)).toEqual({ line: 8, col: 9 });
    expect(templatePosInFile(ann.get('q')!, text, 2, 1)).toEqual({ line: 8, col: 12 });
  });
});

describe('hostile YAML', () => {
  it('a billion-laughs document is read without expanding its aliases', () => {
    // 9^12 nodes if the aliases were expanded; the reader only looks at the paths it needs.
    const laughs = ['x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++)
      laughs.push(
        `x${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const text = ['kind: Pod', 'metadata:', '  name: p', '  annotations:', '    a: "1"', ...laughs].join('\n');
    const m = readManifest(text, 'laughs.yaml');
    expect(m.pods.map((p) => [p.name, [...p.annotations.keys()]])).toEqual([['p', ['a']]]);
  });

  it('aliases are followed, as Kubernetes expands them', () => {
    const text = [
      'kind: Pod',
      'metadata: &meta',
      '  name: a',
      '  annotations: &ann',
      '    vault.hashicorp.com/agent-inject: &yes "true"',
      '---',
      'kind: Deployment',
      'metadata: {name: &n b}',
      'spec: {template: {metadata: {annotations: {x: *n, *n : y}}}}',
      '---',
      'kind: List',
      'items: [&pod {kind: Pod, metadata: {name: c, annotations: {z: "1"}}}, *pod]',
    ].join('\n');
    const m = readManifest(text, 'alias.yaml');
    expect(m.pods.map((p) => [p.name, Object.fromEntries([...p.annotations].map(([k, a]) => [k, a.value]))])).toEqual([
      ['a', { 'vault.hashicorp.com/agent-inject': 'true' }],
      ['b', { x: 'b', b: 'y' }],
      ['c', { z: '1' }],
      ['c', { z: '1' }],
    ]);
  });

  it('an unknown anchor or a List that contains itself is an error naming file:line:col', () => {
    expect(() => readManifest('kind: Pod\nmetadata: *nope\n', 'u.yaml')).toThrow("u.yaml:2:11: unknown anchor 'nope' referenced");
    expect(() => readManifest('--- &r\nkind: List\nitems: [*r]\n', 'r.yaml')).toThrow("r.yaml:3:9: anchor 'r' value contains itself");
  });
});
