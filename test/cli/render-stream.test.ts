// `vtpl render` in text mode streams the output to stdout as Go's Execute(os.Stdout, data)
// does: on an execution error, what came before it has been printed, then the error (exit 1).
// With --out the file is written whole or not at all.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { render } from '../../src/index.js';
import { tempTree, vtpl } from './helpers.js';

const before = '{{range 3}}ab{{end}}';

test('an execution error after some output: the output so far, then the error', async () => {
  const dir = tempTree({ 't.tmpl': `${before}{{.x.y}}after`, 'd.json': '{"x":1}' });
  const r = await vtpl('render', join(dir, 't.tmpl'), '--data', join(dir, 'd.json'));
  expect(r.code).toBe(1);
  expect(r.out).toBe(render(before, { x: 1 }));
  expect(r.err).toContain("can't evaluate field y");
});

test('--out writes nothing when execution fails', async () => {
  const dir = tempTree({ 't.tmpl': `${before}{{.x.y}}`, 'd.json': '{"x":1}' });
  const out = join(dir, 'out.txt');
  const r = await vtpl('render', join(dir, 't.tmpl'), '--data', join(dir, 'd.json'), '--out', out);
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  expect(existsSync(out)).toBe(false);
});

test('--out streams into the file; a failed execution leaves the previous file', async () => {
  const text = '{{range $i, $v := .}}{{$i}}={{$v}}\n{{end}}';
  const dir = tempTree({ 't.tmpl': text, 'bad.tmpl': `${before}{{.x.y}}`, 'd.json': '["a","b"]', 'out.txt': 'previous' });
  const out = join(dir, 'out.txt');
  const failed = await vtpl('render', join(dir, 'bad.tmpl'), '--data', join(dir, 'd.json'), '--out', out);
  expect(failed.code).toBe(1);
  expect(readFileSync(out, 'utf8')).toBe('previous');
  const ok = await vtpl('render', join(dir, 't.tmpl'), '--data', join(dir, 'd.json'), '--out', out);
  expect(ok.code).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(render(text, ['a', 'b']));
});
