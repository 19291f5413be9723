import { loadRolebook, publishedRoles, type LoadOptions } from '../../model/index.ts';
import { reportProblems, type Output } from '../output.ts';

/** Validates all content and reports every problem at once. Exit code 1 when there are errors. */
export function check(options: LoadOptions, out: Output): number {
	const { rolebook, problems } = loadRolebook(options);
	const errors = reportProblems(problems, out);
	if (errors > 0 || !rolebook) return 1;
	const published = publishedRoles(rolebook, { preview: false }).length;
	const translations = rolebook.roles.reduce((sum, role) => sum + Object.keys(role.texts).length, 0);
	out.info(
		`✓ Content is valid: ${rolebook.roles.length} roles (${published} published, ${translations} texts), ` +
			`${rolebook.chapters.length} handbook chapters, ${rolebook.openings.length} openings, ${rolebook.company.locales.length} locales` +
			(problems.length > 0 ? `, ${problems.length} warning${problems.length === 1 ? '' : 's'}.` : '.'),
	);
	return 0;
}
