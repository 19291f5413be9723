/**
 * One link-preview image, a 1200×630 PNG: what a card says, laid out (layout.ts), drawn
 * (draw.ts) and encoded (png.ts). Text is drawn from the embedded DejaVu Sans only, so any
 * script the font covers — Latin, Cyrillic, Turkish, Nordic letters — looks the same
 * everywhere; no system fonts are read, so the same card always gives the same bytes.
 */
import { drawCard } from './draw.ts';
import { cardLayout } from './layout.ts';
import { encodePng } from './png.ts';

export { CARD_FACES, clip, titleSize } from './layout.ts';

/** What a card says; every text is already in the page's language. */
export interface CardContent {
	/** Language of the texts (BCP 47): the kicker is upper-cased by its rules (Turkish i → İ). */
	lang: string;
	/** Small line above the title: "Role · Sales department", "Job opening · …". */
	kicker: string;
	title: string;
	/** One line under the title: a summary, or place and salary of an opening. */
	subtitle?: string;
	/** A label in the corner, e.g. "Closed". */
	badge?: string;
	/** Company name, top left. */
	company: string;
	/** Under the company name: "Handbook". */
	site: string;
	/** Host name shown bottom right, e.g. "handbook.lumen-trade.example". */
	host: string;
	/** Logo as a data: URI (PNG or SVG), optional. */
	logo?: string;
}

/** The texts of a card (the logo is an image). */
export type CardPart = 'company' | 'site' | 'host' | 'kicker' | 'title' | 'subtitle' | 'badge';

/** The card as a 1200×630 PNG. */
export async function renderCard(card: CardContent): Promise<Uint8Array> {
	return encodePng(drawCard(cardLayout(card)));
}
