/**
 * Where link-preview images live in the built site: `og/<locale>/<kind>/<id>.png`. One function
 * for the build step that writes them and the pages that point `og:image` at them.
 */
export type CardKind = 'roles' | 'handbook' | 'openings';

/** 1200 × 630: the size OpenGraph, Twitter/X, LinkedIn, Slack and Telegram show as a large card. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Path of the image relative to the site root (no base path, no leading slash). */
export function ogImageFile(locale: string, kind: CardKind, id: string): string {
	return `og/${locale}/${kind}/${id}.png`;
}
