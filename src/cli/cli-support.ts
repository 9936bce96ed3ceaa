import { AssemblyError } from '../checks/assembly';

/*
 * What every command of the CLI shares: reading `--option value` / `--option=value`, the usage
 * error (exit 2), printing a text line by line, and turning an unreadable assembly into exit 2.
 * A command writes its result to `out` (standard output) and usage and error messages to `err`
 * (standard error), so `check --format sarif > out.sarif` never puts an error into the log.
 */

/** Exit code for bad usage or input that cannot be read. */
export const EXIT_USAGE = 2;

/** Where a command writes one line. */
export type LineWriter = (line: string) => void;

/**
 * The value of an option at `args[index]`, given as `--name value` or `--name=value`, and the
 * index of the last argument it used.
 */
export function optionValue(args: string[], index: number, name: string): { value?: string; next: number } {
  const arg = args[index];
  if (arg === name) return { value: args[index + 1], next: index + 1 };
  return { value: arg.slice(name.length + 1), next: index };
}

/** Writes `error: <problem>` and the usage line (to standard error); returns exit code 2. */
export function usageError(err: LineWriter, usage: string, problem: string): number {
  err(`error: ${problem}`);
  err(usage);
  return EXIT_USAGE;
}

/** Prints a text line by line (without a trailing empty line). */
export function printText(out: LineWriter, text: string): void {
  text.replace(/\n$/, '').split('\n').forEach((line) => out(line));
}

/**
 * Writes an `AssemblyError` (a cloud assembly that cannot be read, naming the file) to standard
 * error and returns exit code 2; any other error is not the input's fault and is thrown on.
 */
export function assemblyFailure(err: LineWriter, error: unknown): number {
  if (!(error instanceof AssemblyError)) throw error;
  err(`error: ${error.message}`);
  return EXIT_USAGE;
}
