/**
 * `rolebook new <id>`: scaffold a role from templates/role/ — role.yaml plus one text file per
 * chosen locale — as a draft that passes `rolebook check` and waits for HR's words.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fillPlaceholders, resolvePaths, type LoadOptions } from '../../model/index.ts';
import { KEBAB_ID } from '../../model/schema/index.ts';
import { didYouMean } from '../../model/suggest.ts';
import type { Output } from '../output.ts';
import { requireRolebook } from './check.ts';

export interface NewRoleOptions extends LoadOptions {
	id: string;
	department: string;
	title?: string;
	category?: string;
	reportsTo?: string;
	locales?: string[];
	dryRun?: boolean;
}

export function newRole(options: NewRoleOptions, out: Output): number {
	const paths = resolvePaths(options);
	const rolebook = requireRolebook(options, out);
	if (!rolebook) return 1;
	const { company } = rolebook;
	const fail = (message: string) => {
		out.error(`error: ${message}`);
		return 1;
	};
	if (!KEBAB_ID.test(options.id)) return fail(`"${options.id}" is not a valid role id: use kebab-case, e.g. "logistics-manager"`);
	const partyIds = [...rolebook.roles.map((role) => role.id), ...company.positions.map((position) => position.id)];
	if (partyIds.includes(options.id)) return fail(`"${options.id}" is already a role or position`);
	if (!company.departments.some((department) => department.id === options.department)) {
		return fail(`--department "${options.department}" is not a department.${didYouMean(options.department, company.departments.map((d) => d.id))} Departments: ${company.departments.map((d) => d.id).join(', ')}`);
	}
	const reportsTo = options.reportsTo ?? company.positions.find((position) => position.department === options.department)?.id ?? company.positions[0]?.id;
	if (!reportsTo || !partyIds.includes(reportsTo)) return fail(`--reports-to "${reportsTo}" is not a role or position.${didYouMean(reportsTo ?? '', partyIds)}`);
	const category = options.category ?? 'specialist';
	const translatedEverywhere = company.locales.filter((locale) => rolebook.roles.length > 0 && rolebook.roles.every((role) => role.texts[locale]));
	const locales = options.locales ?? (translatedEverywhere.length > 0 ? translatedEverywhere : [company.defaultLocale]);
	const unknown = locales.filter((locale) => !company.locales.includes(locale));
	if (unknown.length > 0) return fail(`--locales: ${unknown.join(', ')} not configured (configured: ${company.locales.join(', ')})`);
	if (!locales.includes(company.defaultLocale)) locales.unshift(company.defaultLocale);

	const templatesDir = join(paths.root, 'templates', 'role');
	const title = options.title ?? options.id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
	const values = {
		id: options.id,
		department: options.department,
		category,
		reportsTo,
		appointedBy: company.signatories[0]?.position.id ?? reportsTo,
		number: `JD-${options.id.toUpperCase().replace(/-/g, '').slice(0, 6)}-${String(rolebook.roles.length + 1).padStart(3, '0')}`,
		title,
	};
	const dir = join(paths.contentDir, 'roles', options.id);
	const files: [string, string][] = [[join(dir, 'role.yaml'), fillPlaceholders(readFileSync(join(templatesDir, 'role.yaml'), 'utf8'), values)]];
	const text = readFileSync(join(templatesDir, 'text.mdx'), 'utf8');
	for (const locale of locales) {
		files.push([join(dir, `${locale}.mdx`), fillPlaceholders(text, { ...values, translates: locale === company.defaultLocale ? '' : 'translates: 1\n' })]);
	}
	if (existsSync(dir)) return fail(`${relative(paths.root, dir)} already exists`);
	for (const [file, content] of files) {
		out.info(`${options.dryRun ? 'would write' : 'wrote'} ${relative(paths.root, file)}`);
		if (!options.dryRun) {
			mkdirSync(dir, { recursive: true });
			writeFileSync(file, content);
		}
	}
	if (!options.dryRun) {
		out.info(`\nNext: fill in the TODOs (translate ${locales.filter((l) => l !== company.defaultLocale).join(', ') || 'nothing yet'}), run "npm run check", preview with "npm run build:preview".`);
	}
	return 0;
}
