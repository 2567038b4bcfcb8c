// Every operation the web app uses exists in the contract, and the web app reaches the API
// only through the typed client. The calls are found by the type checker (calls on a value
// typed Client or AnswerClient), not by matching text, so renaming a variable changes nothing.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { endpoints } from '@crm/contract';

const webConfig = fileURLToPath(new URL('../../../web/tsconfig.json', import.meta.url));
const webSrc = fileURLToPath(new URL('../../../web/src/', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const clientTypes = new Set(['Client', 'AnswerClient']);

/** `client.leads.notes.create(...)` -> `leads.notes.create`, when `client` is typed as the contract's client. */
function operationCalled(call: ts.CallExpression, checker: ts.TypeChecker): string | undefined {
  const names: string[] = [];
  let node: ts.Expression = call.expression;
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const name = ts.isPropertyAccessExpression(node)
      ? node.name.text
      : ts.isStringLiteralLike(node.argumentExpression)
        ? node.argumentExpression.text
        : undefined;
    if (name === undefined) return undefined;
    names.unshift(name);
    node = node.expression;
    if (clientTypes.has(checker.getTypeAtLocation(node).aliasSymbol?.name ?? '')) return names.join('.');
  }
  return undefined;
}

/** The operations that the files under `dir` call through the typed client, compiled with the options of `tsconfig`. */
function operationsUsedIn(dir: string, tsconfig: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(ts.sys.readDirectory(dir, ['.ts', '.tsx']), config.options);
  const checker = program.getTypeChecker();
  const used = new Set<string>();
  const visit = (node: ts.Node) => {
    const id = ts.isCallExpression(node) ? operationCalled(node, checker) : undefined;
    if (id) used.add(id);
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (file.fileName.startsWith(dir)) visit(file);
  return [...used].sort();
}

describe('Web app: operations', () => {
  it('finds the operations an app calls through the typed client', () => {
    expect(operationsUsedIn(fixtures, webConfig)).toEqual(['leads.get', 'leads.notes.create', 'tasks.complete']);
  }, 120_000); // a whole type-checked program: seconds alone, much longer on a busy 2-core machine

  it('the web app calls only operations of the contract', () => {
    const used = operationsUsedIn(webSrc, webConfig);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((id) => !(id in endpoints))).toEqual([]);
  }, 120_000);
});
