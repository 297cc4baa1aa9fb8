import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BundledComponent } from '../../../src/components/types';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';

function localStorageComponent(name: string, rootPath: string): BundledComponent {
  return {
    name,
    type: 'bindings.localstorage',
    version: 'v1',
    initTimeoutMs: 5_000,
    metadata: [{ name: 'rootPath', value: rootPath }],
    source: 'test',
  };
}

describe('localstorage binding on a temporary folder, through the router', () => {
  let base: string;
  let root: string;
  let outside: string;
  let runtime: BindingsRuntime;

  beforeEach(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'localstorage-')));
    root = path.join(base, 'root', 'files'); // created by the driver, as daprd's Init
    outside = path.join(base, 'outside');
    runtime = realRuntime([localStorageComponent('files', root)]);
  });

  afterEach(async () => {
    await runtime.close();
    rmSync(base, { recursive: true, force: true });
  });

  const call = (operation: string, metadata: Record<string, string> = {}, data?: unknown) =>
    post(runtime, 'files', data === undefined ? { operation, metadata } : { operation, metadata, data });

  it('create answers 200 {"fileName"} and get returns the bytes written; strings are unquoted', async () => {
    const created = await call('create', { fileName: 'a/b/note.txt' }, 'hello world');
    expect(created.status).toBe(200);
    expect(created.body.toString()).toBe('{"fileName":"a/b/note.txt"}');
    expect(readFileSync(path.join(root, 'a/b/note.txt'), 'utf8')).toBe('hello world');

    const got = await call('get', { fileName: 'a/b/note.txt' });
    expect(got.status).toBe(200);
    expect(got.body.toString()).toBe('hello world');
  });

  it('writes JSON data as daprd re-encodes it, and base64 data decoded', async () => {
    await call('create', { fileName: 'obj.json' }, { b: 1, a: '<x>' });
    expect(readFileSync(path.join(root, 'obj.json'), 'utf8')).toBe('{"a":"\\u003cx\\u003e","b":1}');

    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await call('create', { fileName: 'bin' }, bytes.toString('base64'));
    expect((await call('get', { fileName: 'bin' })).body).toEqual(bytes);
  });

  it('names the file with a UUID when fileName is absent', async () => {
    const created = await call('create', {}, 'x');
    const { fileName } = JSON.parse(created.body.toString()) as { fileName: string };
    expect(fileName).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(readFileSync(path.join(root, fileName), 'utf8')).toBe('x');
  });

  it('list answers the absolute paths of every file below, recursively and sorted; null when empty', async () => {
    expect((await call('list')).body.toString()).toBe('null');
    for (const name of ['b.txt', 'a/z.txt', 'a/c/d.txt', 'B.txt']) await call('create', { fileName: name }, 'x');
    const listed = await call('list');
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body.toString())).toEqual(
      ['B.txt', 'a/c/d.txt', 'a/z.txt', 'b.txt'].map((name) => path.join(root, name)),
    );
    expect(JSON.parse((await call('list', { fileName: 'a' })).body.toString())).toEqual([
      path.join(root, 'a/c/d.txt'),
      path.join(root, 'a/z.txt'),
    ]);
    const notDir = await call('list', { fileName: 'b.txt' });
    expect(notDir.status).toBe(500);
    expect(errorOf(notDir).message).toContain('unable to list files as the file specified is not a directory');
  });

  it("delete answers 204; a later get fails with daprd's file not found", async () => {
    await call('create', { fileName: 'gone.txt' }, 'x');
    const deleted = await call('delete', { fileName: 'gone.txt' });
    expect(deleted.status).toBe(204);
    expect(existsSync(path.join(root, 'gone.txt'))).toBe(false);
    const got = await call('get', { fileName: 'gone.txt' });
    expect(got.status).toBe(500);
    expect(errorOf(got)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: `error invoking output binding files: file not found: ${path.join(root, 'gone.txt')}`,
    });
  });

  it('refuses a fileName that leaves rootPath and touches nothing', async () => {
    await call('create', { fileName: 'keep.txt' }, 'x');
    writeFileSync(path.join(base, 'victim.txt'), 'safe');
    for (const [operation, fileName] of [
      ['create', '../../outside/evil.txt'],
      ['create', '../escape.txt'],
      ['create', `${outside}/abs.txt`],
      ['get', '../../victim.txt'],
      ['delete', '../../victim.txt'],
      ['list', '..'],
    ] as const) {
      const answer = await call(operation, { fileName }, 'evil');
      expect(answer.status).toBe(500);
      expect(errorOf(answer).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
      expect(errorOf(answer).message).toContain(`invalid file name ${fileName}`);
    }
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(path.join(base, 'root', 'escape.txt'))).toBe(false);
    expect(readFileSync(path.join(base, 'victim.txt'), 'utf8')).toBe('safe');
    expect(readdirSync(root)).toEqual(['keep.txt']);
  });

  it('refuses a path through a symbolic link that points outside rootPath', async () => {
    await call('create', { fileName: 'keep.txt' }, 'x');
    symlinkSync(base, path.join(root, 'link'));
    const answer = await call('create', { fileName: 'link/evil.txt' }, 'evil');
    expect(answer.status).toBe(500);
    expect(errorOf(answer).message).toContain('symbolic link');
    expect(existsSync(path.join(base, 'evil.txt'))).toBe(false);

    symlinkSync(path.join(outside, 'target.txt'), path.join(root, 'dangling'));
    const dangling = await call('create', { fileName: 'dangling' }, 'evil');
    expect(dangling.status).toBe(500);
    expect(errorOf(dangling).message).toContain('symbolic link');
    const below = await call('create', { fileName: 'dangling/x.txt' }, 'evil');
    expect(below.status).toBe(500);
    expect(existsSync(outside)).toBe(false);

    symlinkSync(path.join(root, 'keep.txt'), path.join(root, 'inside'));
    expect((await call('get', { fileName: 'inside' })).body.toString()).toBe('x');
  });

  it('answers an unknown operation with 500 listing the operations in daprd order', async () => {
    const answer = await call('append', { fileName: 'x' }, 'x');
    expect(answer.status).toBe(500);
    expect(errorOf(answer).message).toBe(
      'error invoking output binding files: binding files does not support operation append. supported operations:create get list delete',
    );
  });
});
