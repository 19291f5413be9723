/** `/{locale}/feeds/openings.json`: open vacancies advertised in the locale for applicant-tracking systems (README, "Feeds"). */
import type { APIRoute } from 'astro';
import { openingsFeed } from '../../../site/feeds.ts';
import { siteToday } from '../../../site/openings.ts';
import { getRolebook } from '../../../site/rolebook.ts';

export function getStaticPaths() {
	return getRolebook().company.locales.map((locale) => ({ params: { locale } }));
}

export const GET: APIRoute = ({ params, site }) =>
	new Response(`${JSON.stringify(openingsFeed(getRolebook(), params.locale!, { site: site!.href, today: siteToday }), null, 2)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
