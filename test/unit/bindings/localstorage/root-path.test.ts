import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveRootPath } from '../../../../src/bindings/localstorage/driver';

describe("resolveRootPath (daprd's validateRootPath)", () => {
  let base: string;
  beforeEach(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'localstorage-root-')));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('makes a relative path absolute against the working directory and cleans it', async () => {
    expect(await resolveRootPath('some/dir/')).toBe(path.join(realpathSync(process.cwd()), 'some/dir'));
    expect(await resolveRootPath(`${base}/a/./b/`)).toBe(`${base}/a/b`);
  });

  it('resolves symbolic links on the existing part, then checks the disallowed locations', async () => {
    symlinkSync('/proc', path.join(base, 'proc-link'));
    await expect(resolveRootPath(path.join(base, 'proc-link', 'x'))).rejects.toThrow(
      'property rootPath points to a disallowed location',
    );
    symlinkSync(base, path.join(base, 'self'));
    expect(await resolveRootPath(path.join(base, 'self', 'new'))).toBe(path.join(base, 'new'));
  });

  it("refuses daprd's errors: empty, a file", async () => {
    await expect(resolveRootPath('')).rejects.toThrow('property rootPath must not be empty');
    writeFileSync(path.join(base, 'file'), 'x');
    await expect(resolveRootPath(path.join(base, 'file'))).rejects.toThrow(
      'property rootPath represents a file and not a directory',
    );
  });
});
