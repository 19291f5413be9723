/**
 * "Today" for everything that depends on the date — closed openings, review-by warnings —
 * taken from ROLEBOOK_TODAY (YYYY-MM-DD) when set, so a build can be reproduced exactly;
 * otherwise the current date (UTC).
 */
export function today(env: Record<string, string | undefined> = process.env): string {
	const fixed = env.ROLEBOOK_TODAY?.trim();
	if (fixed) {
		if (!isCalendarDate(fixed)) {
			throw new Error(`ROLEBOOK_TODAY must be a date written YYYY-MM-DD, e.g. 2026-03-02 (found: "${fixed}")`);
		}
		return fixed;
	}
	return new Date().toISOString().slice(0, 10);
}

/** A real day written YYYY-MM-DD (not 2026-02-30): the one rule of dates in content, settings and options. */
export function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
