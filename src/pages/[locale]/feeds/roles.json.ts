/** `/{locale}/feeds/roles.json`: published roles for applicant-tracking systems (README, "Feeds"). */
import type { APIRoute } from 'astro';
import { rolesFeed } from '../../../site/feeds.ts';
import { siteToday } from '../../../site/openings.ts';
import { getRolebook } from '../../../site/rolebook.ts';

export function getStaticPaths() {
	return getRolebook().company.locales.map((locale) => ({ params: { locale } }));
}

export const GET: APIRoute = ({ params, site }) =>
	new Response(`${JSON.stringify(rolesFeed(getRolebook(), params.locale!, { site: site!.href, today: siteToday }), null, 2)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
