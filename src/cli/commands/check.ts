import { loadRolebook, publishedRoles, type LoadOptions, type Rolebook } from '../../model/index.ts';
import { reportProblems, type Output } from '../output.ts';

/** Validates all content and reports every problem at once. Exit code 1 when there are errors. */
export function check(options: LoadOptions, out: Output): number {
	return checkedRolebook(options, out) ? 0 : 1;
}

/** Loads, validates and reports; the model when there is no error, for commands that go on to use it. */
export function checkedRolebook(options: LoadOptions, out: Output): Rolebook | undefined {
	const { rolebook, problems } = loadRolebook(options);
	const errors = reportProblems(problems, out);
	if (errors > 0 || !rolebook) return undefined;
	const published = publishedRoles(rolebook, { preview: false }).length;
	const translations = rolebook.roles.reduce((sum, role) => sum + Object.keys(role.texts).length, 0);
	out.info(
		`✓ Content is valid: ${rolebook.roles.length} roles (${published} published, ${translations} texts), ` +
			`${rolebook.chapters.length} handbook chapters, ${rolebook.openings.length} openings, ${rolebook.company.locales.length} locales` +
			(problems.length > 0 ? `, ${problems.length} warning${problems.length === 1 ? '' : 's'}.` : '.'),
	);
	return rolebook;
}

/** For commands that work on valid content: the model, or every problem reported and undefined. */
export function requireRolebook(options: LoadOptions, out: Output): Rolebook | undefined {
	const { rolebook, problems } = loadRolebook(options);
	if (!rolebook) reportProblems(problems, out);
	return rolebook;
}
