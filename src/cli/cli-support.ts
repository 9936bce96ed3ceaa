import { AssemblyError } from '../checks/assembly';

/*
 * What every command of the CLI shares: reading `--option value` / `--option=value`, the usage
 * error (exit 2), printing a text line by line, and turning an unreadable assembly into exit 2.
 */

/** Exit code for bad usage or input that cannot be read. */
export const EXIT_USAGE = 2;

/**
 * The value of an option at `args[index]`, given as `--name value` or `--name=value`, and the
 * index of the last argument it used.
 */
export function optionValue(args: string[], index: number, name: string): { value?: string; next: number } {
  const arg = args[index];
  if (arg === name) return { value: args[index + 1], next: index + 1 };
  return { value: arg.slice(name.length + 1), next: index };
}

/** Writes a line to standard error (warnings that must not mix with a command's JSON or Markdown). */
export function writeError(line: string): void {
  console.error(line);
}

/** Prints `error: <problem>` and the usage line; returns exit code 2. */
export function usageError(out: (line: string) => void, usage: string, problem: string): number {
  out(`error: ${problem}`);
  out(usage);
  return EXIT_USAGE;
}

/** Prints a text line by line (without a trailing empty line). */
export function printText(out: (line: string) => void, text: string): void {
  text.replace(/\n$/, '').split('\n').forEach((line) => out(line));
}

/**
 * Prints an `AssemblyError` (a cloud assembly that cannot be read, naming the file) and returns
 * exit code 2; any other error is not the input's fault and is thrown on.
 */
export function assemblyFailure(out: (line: string) => void, error: unknown): number {
  if (!(error instanceof AssemblyError)) throw error;
  out(`error: ${error.message}`);
  return EXIT_USAGE;
}
