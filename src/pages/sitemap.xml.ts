/** sitemap.xml: every canonical page with its language alternates (xhtml:link), drafts never. */
import type { APIRoute } from 'astro';
import { allPageFamilies } from '../site/pages.ts';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = ({ site }) => {
	const absolute = (path: string) => escape(new URL(path, site).href);
	const entries = allPageFamilies().flatMap(({ alternates }) =>
		alternates.translated.map((locale) => {
			const links = [
				...alternates.translated.map((code) => `    <xhtml:link rel="alternate" hreflang="${code}" href="${absolute(alternates.all[code]!)}"/>`),
				`    <xhtml:link rel="alternate" hreflang="x-default" href="${absolute(alternates.all[alternates.defaultLocale]!)}"/>`,
			];
			return `  <url>\n    <loc>${absolute(alternates.all[locale]!)}</loc>\n${links.join('\n')}\n  </url>`;
		}),
	);
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
	return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
