import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as lib from '../../src';

/*
 * What the package exposes: exactly what API.md documents, and no labs, benchmark or examples.
 */

const ROOT = path.join(__dirname, '..', '..');

test('everything reachable from the package root is documented in API.md', () => {
  const api = fs.readFileSync(path.join(ROOT, 'API.md'), 'utf8');
  const documented = new Set([...api.matchAll(/^### (\w+) <a name=/gm)].map((m) => m[1]));
  const exported = Object.keys(lib);
  expect(exported.length).toBeGreaterThan(20);
  expect(exported.filter((name) => !documented.has(name))).toEqual([]);
});

/**
 * The names a module exports, read from its syntax: `export { A, type B } from`, `export * from`
 * (followed), and exported declarations. A plain syntax walk: no type checking, so it stays fast.
 */
function exportedNames(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const resolve = (specifier: string) => {
    const base = path.resolve(path.dirname(file), specifier);
    return fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts');
  };
  return source.statements.flatMap((statement): string[] => {
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) return statement.exportClause.elements.map((e) => e.name.text);
      const from = statement.moduleSpecifier;
      return from && ts.isStringLiteral(from) ? exportedNames(resolve(from.text), seen) : [];
    }
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) return [];
    if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name.getText(source));
    const name = (statement as ts.DeclarationStatement).name;
    return name && ts.isIdentifier(name) ? [name.text] : [];
  });
}

test('every type reachable from the package root (interfaces too) is documented in API.md', () => {
  const api = fs.readFileSync(path.join(ROOT, 'API.md'), 'utf8');
  const documented = new Set([...api.matchAll(/^### (\w+) <a name=/gm)].map((m) => m[1]));
  const exported = exportedNames(path.join(ROOT, 'src', 'index.ts'));
  expect(exported.length).toBeGreaterThan(Object.keys(lib).length);
  expect(exported).toEqual(expect.arrayContaining(['IIdentityCluster', 'WorkloadIdentityProps', 'IdentityCluster']));
  expect(exported.filter((name) => !documented.has(name))).toEqual([]);
});

test('the package root exports only classes and enums (no helper functions or constants)', () => {
  const helpers = Object.entries(lib).filter(([, value]) => typeof value !== 'function' && (typeof value !== 'object' || value === null));
  expect(helpers.map(([name]) => name)).toEqual([]);
  // Enums are objects; everything else is a class.
  for (const [name, value] of Object.entries(lib)) {
    if (typeof value === 'function') expect(/^class /.test(Function.prototype.toString.call(value))).toBe(true);
    else expect([name, typeof value]).toEqual([name, 'object']);
  }
});

test('npm pack ships no labs, benchmark, examples or tests', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
  expect(files).toContain('package.json');
  expect(files.filter((f) => /^(labs|bench|examples|test|src\/labs|lib\/labs|cdk\.out)\//.test(f))).toEqual([]);
});
