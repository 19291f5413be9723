/** Handbook chapters: kebab-case slugs, translations of an existing chapter, known roles, a clear order. */
import { at } from '../problems.ts';
import { KEBAB_ID } from '../schema/index.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';
import { validateText } from './text.ts';

export function validateChapters(context: RuleContext): void {
	const { raw, problems, company, defaultLocale, roleIds } = context;
	const defaultSlugs = new Set(raw.chapters.filter((chapter) => chapter.locale === defaultLocale).map((chapter) => chapter.slug));
	const orders = new Map<string, string>();
	for (const { locale, slug, chapter } of raw.chapters) {
		const { source, data } = chapter;
		if (!KEBAB_ID.test(slug)) {
			problems.push({ severity: 'error', file: source.file, message: 'the file name is the chapter URL: it must be kebab-case, e.g. "client-database-and-crm.mdx"', found: slug });
		}
		// A default-locale chapter that exists but failed its own checks is reported there, not again here.
		const original = source.file.replace(new RegExp(`/${locale}/${slug}\\.mdx$`), `/${defaultLocale}/${slug}.mdx`);
		if (company && locale !== defaultLocale && !defaultSlugs.has(slug) && !context.reported(original)) {
			problems.push({
				severity: 'error',
				file: source.file,
				message: `translates a chapter that does not exist in the default locale: add ${original} or rename this file.${didYouMean(slug, defaultSlugs)}`,
			});
		}
		data.roles.forEach((id, index) => {
			if (!roleIds.has(id)) problems.push(at(source, ['roles', index], `is not a role in content/roles/.${didYouMean(id, roleIds)}`, id));
		});
		const key = `${locale}:${data.order}`;
		const other = orders.get(key);
		if (other) problems.push(at(source, ['order'], `is the same as in ${other}; give each chapter its own order, or they appear sorted by file name`, data.order, 'warning'));
		else orders.set(key, source.file);
		validateText(source, ['title'], data.title, problems);
		validateText(source, ['summary'], data.summary, problems);
	}
}
