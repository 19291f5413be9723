/**
 * A level's pay band in words of the page's language: "16 000–100 000 ₽ в месяц · середина
 * 50 000 ₽". Only public bands ever reach here (publication.ts `publicBand`).
 */
import type { PayBand } from '../model/index.ts';
import type { Translate } from './index.ts';
import { formatSalary } from './openings.ts';

export function formatBand(band: PayBand, locale: string, t: Translate): string {
	const range = formatSalary({ kind: 'range', min: band.min, max: band.max, currency: band.currency, period: band.period }, locale, t);
	const money = new Intl.NumberFormat(locale, { style: 'currency', currency: band.currency, maximumFractionDigits: 0 });
	return `${range} · ${t('family.midpoint', { amount: money.format(band.midpoint) })}`;
}
