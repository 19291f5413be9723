/** All CLI output goes through here, so commands stay testable and the wording stays in one place. */
import { formatProblem, type Problem } from '../model/index.ts';

export interface Output {
	info(line: string): void;
	error(line: string): void;
}

export const consoleOutput: Output = {
	info: (line) => process.stdout.write(`${line}\n`),
	error: (line) => process.stderr.write(`${line}\n`),
};

/** Prints every problem, then a one-line verdict. Returns the number of errors. */
export function reportProblems(problems: readonly Problem[], out: Output): number {
	const errors = problems.filter((problem) => problem.severity === 'error');
	const warnings = problems.filter((problem) => problem.severity === 'warning');
	for (const problem of errors) out.error(`error: ${formatProblem(problem)}`);
	for (const problem of warnings) out.error(`warning: ${formatProblem(problem)}`);
	const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
	if (errors.length > 0) {
		out.error(`\n✗ ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}. Fix the errors above and run "npm run check" again.`);
	}
	return errors.length;
}
