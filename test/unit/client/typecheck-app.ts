// Type-checks <dir>/app.ts against src/client (as `dapr-lambda-bindings/client`), with and without
// <dir>/bindings.d.ts, and prints {"with": [...], "without": [...]} diagnostics as `<file>:<line> TS<code>`.
// Run in its own node process (`node --import tsx typecheck-app.ts <dir>`): inside Jest's VM the compiler is 3x slower.
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');

/** The module name the generated declarations augment in the test. */
export const CLIENT_MODULE = 'dapr-lambda-bindings/client';

/** Diagnostics of app.ts (and bindings.d.ts when `withDeclarations`), one `<file>:<line> TS<code>` each. */
function check(dir: string, withDeclarations: boolean, host: ts.CompilerHost, options: ts.CompilerOptions): string[] {
  const roots = [join(dir, 'app.ts'), ...(withDeclarations ? [join(dir, 'bindings.d.ts')] : [])];
  const program = ts.createProgram(roots, options, host);
  // skipLibCheck skips the .d.ts file's semantics; a broken augmentation shows as unused @ts-expect-error in app.ts.
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...roots.flatMap((root) => {
      const file = program.getSourceFile(root);
      return file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
    }),
  ];
  return diagnostics.map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${d.file ? d.file.fileName.replace(dir, '<dir>') : ''}:${line} TS${d.code}`;
  });
}

/** Checks `dir`'s app with and without its declarations; the ~1000 library files are parsed once for both. */
export function typecheckApp(dir: string): { with: string[]; without: string[] } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    paths: { [CLIENT_MODULE]: [join(ROOT, 'src', 'client', 'index.ts')] },
  };
  const host = ts.createCompilerHost(options);
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName.startsWith(dir)) return parse(fileName, languageVersion, onError, shouldCreate);
    if (!parsed.has(fileName)) parsed.set(fileName, parse(fileName, languageVersion, onError, shouldCreate));
    return parsed.get(fileName);
  };
  return { with: check(dir, true, host, options), without: check(dir, false, host, options) };
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: typecheck-app.ts <dir with app.ts and bindings.d.ts>');
  process.stdout.write(JSON.stringify(typecheckApp(dir)));
}
