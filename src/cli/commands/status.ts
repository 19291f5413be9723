/** `rolebook status`: the sign-off register and the translation status, as plain tables. */
import { localized, signOffReport, translationReport, type LoadOptions } from '../../model/index.ts';
import type { Output } from '../output.ts';
import { requireRolebook } from './check.ts';

export interface StatusOptions extends LoadOptions {
	signOffs: boolean;
	translations: boolean;
}

const SIGN_OFF_LABELS = {
	signed: 'signed',
	'must-re-sign': 'must sign again',
	'text-changed': 'must sign again (text changed)',
	'clause-changed': 'must sign again (clause changed)',
	'not-signed': 'not signed',
} as const;

export function status(options: StatusOptions, out: Output): number {
	const rolebook = requireRolebook(options, out);
	if (!rolebook) return 1;
	const { defaultLocale } = rolebook.company;

	if (options.signOffs) {
		out.info('Sign-off register (the version in force of each published role)');
		for (const { role, version, holders, clauseChanges, textEdited } of signOffReport(rolebook)) {
			const counts = { signed: 0, 'must-re-sign': 0, 'text-changed': 0, 'clause-changed': 0, 'not-signed': 0 };
			for (const holder of holders) counts[holder.state]++;
			out.info(`\n  ${role.id} — version ${version}: ${counts.signed} signed, ${counts['must-re-sign'] + counts['text-changed'] + counts['clause-changed']} must sign again, ${counts['not-signed']} not signed`);
			if (textEdited.length > 0) {
				out.info(
					`    the text was edited in place after version ${version} was approved (${textEdited.join(', ')}): restore the approved wording (see "npm run check"), start version ${version + 1} with "npx rolebook version ${role.id}" and make the edit there; everyone who signed version ${version} signs again`,
				);
			}
			for (const { clause, since, edited } of clauseChanges) {
				if (edited) {
					out.info(
						`    clause "${clause.id}" was edited in place after version ${version} was approved (${edited.join(', ')}): put the wording they signed back under "previous:" (see "npm run check"), start version ${version + 1} with "npx rolebook version ${role.id}"; everyone who signed version ${version} signs again`,
					);
				} else {
					out.info(`    clause "${clause.id}" has a new wording${since ? ` since ${since}` : ''}: start version ${version + 1} with "rolebook version ${role.id}"; everyone who signed version ${version} signs again`);
				}
			}
			for (const { holder, state, lastSigned } of holders) {
				const name = localized(holder.name, defaultLocale, defaultLocale).value;
				const last = lastSigned ? `version ${lastSigned.version} on ${lastSigned.date}` : '—';
				out.info(`    ${name.padEnd(28)} ${SIGN_OFF_LABELS[state].padEnd(16)} last signed: ${last}`);
			}
			if (holders.length === 0) out.info('    (no holders recorded in content/sign-offs.yaml)');
		}
	}
	if (options.translations) {
		const report = translationReport(rolebook);
		const locales = rolebook.company.locales;
		out.info(`${options.signOffs ? '\n' : ''}Translation status (source: ${defaultLocale})`);
		out.info(`\n  ${'role'.padEnd(26)} ${locales.map((locale) => locale.padEnd(12)).join(' ')}`);
		for (const { role, locales: states } of report) {
			const cells = states.map(({ state, translates }) => (state === 'outdated' ? `outdated(v${translates})` : state).padEnd(12));
			out.info(`  ${`${role.id} v${role.document.version}`.padEnd(26)} ${cells.join(' ')}`);
		}
	}
	return 0;
}
