/**
 * The glyph check of the link-preview cards: every text a card can show, in the face the card
 * draws it with, against the shared rule (src/fonts/coverage.ts). The card shapes each text in
 * its own face only (src/og/text.ts): a character that face lacks comes out as the font's empty
 * box, with no fallback from the bold face to the regular one, so each text is asked of exactly
 * its own face.
 */
import { missingChars, type GlyphFinding, type MissingChar } from '../fonts/coverage.ts';
import { dejavu, FONT_FAMILY } from '../fonts/dejavu.ts';
import { CARD_FACES } from './card.ts';
import type { CardJob } from './cards.ts';

/** Every card text with characters its face cannot draw, blamed on the field each character comes from. */
export function cardGlyphFindings(jobs: readonly CardJob[]): GlyphFinding[] {
	const findings: GlyphFinding[] = [];
	for (const job of jobs) {
		for (const text of job.texts) {
			const drawn = text.upper ? text.text.toLocaleUpperCase(job.locale) : text.text;
			const missing = missingChars(drawn, dejavu(CARD_FACES[text.part]));
			if (missing.length === 0) continue;
			const bySource = new Map<number, MissingChar[]>();
			for (const one of missing) {
				let index = text.sources.findIndex((source) => (text.upper ? source.text.toLocaleUpperCase(job.locale) : source.text).includes(one.char));
				if (index < 0) index = text.sources.length - 1;
				bySource.set(index, [...(bySource.get(index) ?? []), one]);
			}
			for (const [index, chars] of bySource) {
				const source = text.sources[index]!;
				findings.push({
					output: 'card',
					family: FONT_FAMILY,
					origin: { file: source.file, field: source.field, locale: job.locale, card: job.file },
					text: source.text || text.text,
					missing: chars,
				});
			}
		}
	}
	return findings;
}
