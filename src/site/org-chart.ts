/** The site's organisation charts: which departments have one, and the context the chart builders need (links, labels). */
import { chartedDepartments, type OrgContext } from '../orgchart/graph.ts';
import { translator } from '../i18n/index.ts';
import type { Department } from '../model/index.ts';
import { getRolebook, paths, publication } from './rolebook.ts';

/** Departments with a chart page in this build. */
export function orgDepartments(): Department[] {
	return chartedDepartments(getRolebook(), publication);
}

export function orgContext(locale: string): OrgContext {
	const rolebook = getRolebook();
	const t = translator(rolebook, locale);
	return {
		rolebook,
		publication,
		locale,
		links: { role: (id) => paths.role(locale, id), department: (id) => paths.orgDepartment(locale, id) },
		labels: { roleCount: (count) => t('org.roleCount', { count }) },
	};
}
