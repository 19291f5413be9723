/**
 * An opening's facts in words of the page's language: salary ("45 000–90 000 ₽ в месяц"),
 * place ("Moscow, Russia", "Remote from Russia"), employment type. Shared by the pages and
 * the link-preview images, so both say the same.
 */
import type { Opening } from '../model/index.ts';
import type { LocalizedOpening } from '../model/index.ts';
import type { Translate, UiKey } from './index.ts';

export function countryName(code: string, locale: string): string {
	return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

/** "RUB 45,000 – 90,000 a month", "от 80 000 ₽ в месяц", "By agreement". */
export function formatSalary(salary: Opening['salary'], locale: string, t: Translate): string {
	if (salary.kind === 'by-agreement') return t('opening.salaryByAgreement');
	const money = new Intl.NumberFormat(locale, { style: 'currency', currency: salary.currency, maximumFractionDigits: 0 });
	const amount =
		salary.min !== undefined && salary.max !== undefined
			? salary.min === salary.max
				? money.format(salary.min)
				: money.formatRange(salary.min, salary.max)
			: salary.min !== undefined
				? t('opening.salaryFrom', { amount: money.format(salary.min) })
				: t('opening.salaryUpTo', { amount: money.format(salary.max!) });
	return t(`opening.per.${salary.period}` as UiKey, { amount });
}

/** "Moscow, Russia" · "Moscow, Russia, partly remote" · "Remote from Russia". */
export function formatPlace(view: LocalizedOpening, t: Translate): string {
	const { location } = view.opening;
	const countries = location.applicantCountries.map((code) => countryName(code, view.locale)).join(', ');
	if (location.type === 'remote') return t('opening.remoteFrom', { countries });
	const address = location.address!;
	const place = [view.place!.city, view.place!.region, countryName(address.country, view.locale)].filter(Boolean).join(', ');
	return location.type === 'hybrid' ? t('opening.hybrid', { place }) : place;
}

export function formatEmployment(opening: Opening, t: Translate): string {
	return opening.employmentType.map((type) => t(`opening.employment.${type}` as UiKey)).join(', ');
}
