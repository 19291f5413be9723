/** The company profile on its own: locales, unique ids, references inside it, the logo file. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { at, type PathSegment } from '../problems.ts';
import { sniffImage } from '../read/image.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';

/** Job boards (Google's guidelines) want a logo of at least 112 × 112 pixels. */
export const LOGO_MIN_PIXELS = 112;
/** Every link-preview card embeds the logo: keep it small. */
export const LOGO_MAX_BYTES = 1024 * 1024;

export function validateCompany(context: RuleContext): void {
	const { raw, problems, roleIds } = context;
	if (!raw.company) return;
	const { source, data } = raw.company;
	const configured = data.locales.configured;
	if (!configured.includes(data.locales.default)) {
		problems.push(at(source, ['locales', 'default'], `must be one of the configured locales (${configured.join(', ')})`, data.locales.default));
	}
	configured.forEach((locale, index) => {
		if (configured.indexOf(locale) !== index) problems.push(at(source, ['locales', 'configured', index], 'is listed twice', locale));
	});

	const checkLocalized = (path: PathSegment[], value: Record<string, unknown>) => {
		for (const locale of Object.keys(value)) {
			if (!configured.includes(locale)) {
				problems.push(at(source, [...path, locale], `"${locale}" is not a configured locale (${configured.join(', ')}); this text is not used`, undefined, 'warning'));
			}
		}
		if (!(data.locales.default in value)) {
			problems.push(at(source, path, `needs a value for the default locale "${data.locales.default}"`));
		}
	};
	checkLocalized(['name'], data.name);
	checkLocalized(['jurisdiction', 'phrase'], data.jurisdiction.phrase);

	const unique = (list: { id: string }[], field: string) => {
		const seen = new Set<string>();
		list.forEach((entry, index) => {
			if (seen.has(entry.id)) problems.push(at(source, [field, index, 'id'], `is used twice in ${field}`, entry.id));
			seen.add(entry.id);
		});
	};
	unique(data.departments, 'departments');
	unique(data.positions, 'positions');
	unique(data.signatories, 'signatories');

	const departmentIds = data.departments.map((department) => department.id);
	const positionIds = data.positions.map((position) => position.id);
	data.departments.forEach((department, index) => checkLocalized(['departments', index, 'name'], department.name));
	data.positions.forEach((position, index) => {
		checkLocalized(['positions', index, 'title'], position.title);
		if (position.department && !departmentIds.includes(position.department)) {
			problems.push(at(source, ['positions', index, 'department'], `is not a department.${didYouMean(position.department, departmentIds)}`, position.department));
		}
		if (position.reportsTo && !positionIds.includes(position.reportsTo) && !roleIds.has(position.reportsTo)) {
			problems.push(at(source, ['positions', index, 'reportsTo'], `refers to an unknown role or position.${didYouMean(position.reportsTo, [...positionIds, ...roleIds])}`, position.reportsTo));
		}
	});
	data.signatories.forEach((signatory, index) => {
		checkLocalized(['signatories', index, 'name'], signatory.name);
		if (!positionIds.includes(signatory.position)) {
			problems.push(at(source, ['signatories', index, 'position'], `is not a position of this profile.${didYouMean(signatory.position, positionIds)}`, signatory.position));
		}
	});
	validateLogo(context);
}

/**
 * A logo file in public/ must be a real PNG, JPEG or SVG (by its bytes), a raster one large
 * enough for job boards (an SVG scales), and small enough to embed in every card.
 */
function validateLogo({ raw, problems, publicDir }: RuleContext): void {
	const { source, data } = raw.company!;
	const logo = data.logo;
	if (logo === undefined || /^[a-z][a-z\d+.-]*:/i.test(logo)) return; // a URL: its scheme is the schema's concern
	const file = join(publicDir, logo.replace(/^\/+/, ''));
	const inside = relative(publicDir, file);
	if (inside.startsWith('..') || isAbsolute(inside)) {
		problems.push(at(source, ['logo'], 'must be a file inside public/ (e.g. "logo.png") or an https:// URL', logo));
		return;
	}
	if (!existsSync(file) || !statSync(file).isFile()) {
		problems.push(at(source, ['logo'], `is not a file in public/: put the logo at public/${inside} or correct the name`, logo));
		return;
	}
	const bytes = readFileSync(file);
	const image = sniffImage(bytes);
	if (!image) {
		problems.push(at(source, ['logo'], `public/${inside} is not a PNG, JPEG or SVG image (judged by its contents, not its name); export the logo again as PNG`, logo));
		return;
	}
	if (bytes.length > LOGO_MAX_BYTES) {
		problems.push(at(source, ['logo'], `public/${inside} is ${Math.round(bytes.length / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB (every link-preview card embeds it)`, logo));
	}
	if (image.type !== 'svg' && (image.width === undefined || image.height === undefined)) {
		problems.push(at(source, ['logo'], `public/${inside} is a damaged ${image.type.toUpperCase()} file: its size cannot be read; export it again`, logo));
	} else if (image.type !== 'svg' && (image.width! < LOGO_MIN_PIXELS || image.height! < LOGO_MIN_PIXELS)) {
		problems.push(at(source, ['logo'], `public/${inside} is ${image.width} × ${image.height} px; job boards need at least ${LOGO_MIN_PIXELS} × ${LOGO_MIN_PIXELS} px`, logo));
	}
}
