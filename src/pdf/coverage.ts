/**
 * The glyph check of the PDF job descriptions, for `check`: every document any build can make —
 * every role, drafts included (preview builds), and every frozen version, in every configured
 * locale — goes through the same document model the renderer uses, collecting every text the
 * font cannot draw instead of stopping at the first. Also the names of the sign-off register,
 * which preview builds write into the familiarisation sheets.
 */
import { missingChars, type GlyphFinding } from '../fonts/coverage.ts';
import { localized, type Rolebook } from '../model/index.ts';
import { FONT_FAMILY, getFaces } from './fonts.ts';
import { documentModel } from './model.ts';

export interface PdfCoverageOptions {
	/** The sign-off register as problems name it, relative to the project root (default `content/sign-offs.yaml`). */
	signOffsFile?: string;
}

export function pdfGlyphFindings(rolebook: Rolebook, options: PdfCoverageOptions = {}): GlyphFinding[] {
	const findings: GlyphFinding[] = [];
	const onMissingGlyph = (finding: GlyphFinding) => findings.push(finding);
	const { locales, defaultLocale } = rolebook.company;
	for (const role of rolebook.roles.flatMap((current) => [current, ...current.history])) {
		// An unknown template is a problem of its own, reported by the content check.
		const template = rolebook.templates[role.template];
		if (!template) continue;
		for (const locale of locales) documentModel(rolebook, role, locale, template, { onMissingGlyph });
	}
	// Holder names fill the familiarisation sheet's name fields, drawn in the regular face (see documentModel).
	const regular = getFaces().regular;
	rolebook.holders.forEach((holder, index) => {
		for (const locale of locales) {
			const name = localized(holder.name, locale, defaultLocale).value.replace(/\s+/g, ' ').trim();
			const missing = missingChars(name, regular);
			if (missing.length === 0) continue;
			findings.push({
				output: 'pdf',
				family: FONT_FAMILY,
				origin: { file: options.signOffsFile ?? 'content/sign-offs.yaml', field: `holders[${index}].name`, locale },
				text: name,
				missing,
			});
		}
	});
	return findings;
}
