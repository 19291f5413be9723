/**
 * Rules for openings (content/openings/<id>.yaml) that span files: the role exists and is
 * published, the advertised languages are configured and every text has them, references
 * are unique. Single-file rules (dates in order, salary range, currency, how to apply) are
 * in the schema, src/model/schema/opening.ts.
 */
import { referenceOf } from '../openings.ts';
import { at, type PathSegment, type Problem } from '../problems.ts';
import { publicVersionOf } from '../publication.ts';
import { KEBAB_ID, type LocalizedText } from '../schema/index.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';
import { mixedScriptProblem } from './text.ts';

export function validateOpenings({ raw, problems, company, configured, defaultLocale }: RuleContext): void {
	const roles = new Map(raw.roles.map((role) => [role.id, role]));
	const references = new Map<string, string>();

	for (const { id, file, opening } of raw.openings) {
		if (!KEBAB_ID.test(id)) {
			problems.push({ severity: 'error', file, message: 'the file name is the opening\'s id and URL slug: it must be kebab-case, e.g. "key-account-manager-moscow.yaml"', found: id });
		}
		if (!opening) continue;
		const { source, data } = opening;

		// The role: it must exist, and a public opening needs a published (approved) role.
		const role = roles.get(data.role);
		if (!role) {
			problems.push(at(source, ['role'], `is not a role in content/roles/.${didYouMean(data.role, roles.keys())}`, data.role));
		} else {
			const status = role.facts?.data.document.status;
			const history = role.history.flatMap((version) => (version.facts ? [version.facts.data.document.status] : []));
			if (status && publicVersionOf(status, history) === undefined && !data.draft) {
				problems.push(
					at(source, ['role'], `the role is ${status}, so it is not published: an opening can only advertise an approved role. Approve the role first, or mark the opening "draft: true"`, data.role),
				);
			}
		}

		// Languages: configured, the default one included, and every text in each of them.
		data.locales.forEach((locale, index) => {
			if (company && !configured.includes(locale)) {
				problems.push(at(source, ['locales', index], `"${locale}" is not a configured locale; configured in content/company.yaml: ${configured.join(', ')}.${didYouMean(locale, configured)}`, locale));
			}
		});
		if (company && !data.locales.includes(defaultLocale)) {
			problems.push(at(source, ['locales'], `must include the default locale "${defaultLocale}": its text is shown wherever the opening has no translation`, data.locales.join(', ')));
		}
		const advertised = data.locales.filter((locale) => configured.includes(locale));
		const checkText = (path: PathSegment[], text: LocalizedText | undefined, severity: Problem['severity']) => {
			if (!text) return;
			for (const locale of advertised) {
				if (text[locale] === undefined) {
					const consequence = severity === 'error' ? 'every text of an advertised opening needs each of its languages' : `the ${defaultLocale} text is shown instead`;
					problems.push(at(source, path, `has no "${locale}" text, but the opening is advertised in ${locale} (locales); ${consequence}`, undefined, severity));
				}
			}
			for (const [locale, value] of Object.entries(text)) {
				if (!data.locales.includes(locale)) {
					problems.push(at(source, [...path, locale], `"${locale}" is not one of the opening's locales (${data.locales.join(', ')}); add it to "locales" or remove this text`, undefined, 'warning'));
				}
				const mixed = mixedScriptProblem(source, [...path, locale], value);
				if (mixed) problems.push(mixed);
			}
		};
		checkText(['title'], data.title, 'error');
		checkText(['description'], data.description, 'error');
		data.requirements.forEach((requirement, index) => checkText(['requirements', index], requirement, 'error'));
		const address = data.location.address;
		if (address) {
			// Place names read fine in the default language if need be: a warning, not an error.
			checkText(['location', 'address', 'street'], address.street, 'warning');
			checkText(['location', 'address', 'city'], address.city, 'warning');
			checkText(['location', 'address', 'region'], address.region, 'warning');
		}
		if (data.location.type === 'onsite' && data.location.applicantCountries.length > 0) {
			problems.push(at(source, ['location', 'applicantCountries'], 'only remote and hybrid openings use applicantCountries; an on-site opening is at its address', undefined, 'warning'));
		}

		// Job boards use the reference as the posting's identifier: one per vacancy.
		const reference = referenceOf(id, data);
		const other = references.get(reference);
		if (other) problems.push(at(source, data.reference ? ['reference'] : [], `is the same reference as ${other}; each vacancy needs its own`, reference));
		else references.set(reference, source.file);
	}
}
