/**
 * Job families: every level's role or position exists, a role sits on one level of one family,
 * grades ascend up the ladder, pay bands are ordered and in one currency and period, and no
 * band pays less than the band of the level below it.
 */
import { at, type PathSegment } from '../problems.ts';
import { KEBAB_ID, type LocalizedText, type PayBandData } from '../schema/index.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';
import { checkLocalized, validateText } from './text.ts';

export function validateFamilies(context: RuleContext): void {
	const { raw, problems, roleIds, positionIds, company } = context;
	/** Role id → where it already sits, so a second level for it is reported. */
	const placed = new Map<string, string>();
	for (const entry of raw.families) {
		if (!KEBAB_ID.test(entry.id)) {
			problems.push({ severity: 'error', file: entry.file, message: 'the file name is the family id and URL slug: it must be kebab-case (lower-case letters, digits, hyphens), e.g. "client-management.yaml"', found: entry.id });
		}
		if (!entry.family) continue;
		const { source, data } = entry.family;
		const localizedField = (path: PathSegment[], text: LocalizedText) => {
			checkLocalized(context, source, path, text);
			// Family texts have no placeholders: any {…} is reported.
			for (const [locale, value] of Object.entries(text)) validateText(source, [...path, locale], value, problems, []);
		};
		localizedField(['title'], data.title);
		if (data.summary) localizedField(['summary'], data.summary);

		const levelIds = new Set<string>();
		let lower: { index: number; grade: number } | undefined;
		let lowerBand: { index: number; band: PayBandData } | undefined;
		data.levels.forEach((level, index) => {
			const path: PathSegment[] = ['levels', index];
			if (level.role !== undefined) {
				if (!roleIds.has(level.role)) {
					problems.push(at(source, [...path, 'role'], `is not a role in content/roles/.${didYouMean(level.role, roleIds)}`, level.role));
				} else if (placed.has(level.role)) {
					problems.push(at(source, [...path, 'role'], `already sits on ${placed.get(level.role)}; a role has one place in one family`, level.role));
				} else {
					placed.set(level.role, `level ${index + 1} of ${entry.file}`);
				}
			}
			if (level.position !== undefined && company && !positionIds.has(level.position)) {
				problems.push(at(source, [...path, 'position'], `is not a position of content/company.yaml.${didYouMean(level.position, positionIds)}`, level.position));
			}
			const id = level.id ?? level.role ?? level.position;
			if (id !== undefined) {
				if (levelIds.has(id)) problems.push(at(source, [...path, level.id ? 'id' : level.role ? 'role' : 'position'], 'names a level this family already has; each level appears once', id));
				levelIds.add(id);
			}
			if (level.title) localizedField([...path, 'title'], level.title);
			if (level.summary) localizedField([...path, 'summary'], level.summary);
			level.expectations.forEach((expectation, i) => localizedField([...path, 'expectations', i], expectation));

			if (lower && level.grade <= lower.grade) {
				problems.push(at(source, [...path, 'grade'], `must be above the grade of the level below it (level ${lower.index + 1}: grade ${lower.grade}); list levels from the entry level up`, level.grade));
			}
			lower = { index, grade: level.grade };

			const band = level.band;
			if (!band) return;
			if (lowerBand) {
				const below = lowerBand.band;
				const where = `level ${lowerBand.index + 1}`;
				if (band.currency !== below.currency || band.period !== below.period) {
					problems.push(
						at(source, [...path, 'band'], `is in ${band.currency} per ${band.period}, the band of ${where} in ${below.currency} per ${below.period}: a family's bands use one currency and period, so they can be compared`, undefined),
					);
				} else {
					for (const part of ['min', 'midpoint', 'max'] as const) {
						if (band[part] < below[part]) {
							problems.push(at(source, [...path, 'band', part], `is below the ${part} of ${where} (${below[part]}): a higher level's band must not pay less than the band below it`, band[part]));
						}
					}
				}
			}
			lowerBand = { index, band };
		});
	}
}
