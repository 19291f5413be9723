/**
 * Rules that span files: references between roles, positions and signatories, reporting
 * cycles, approval requirements, translations that drift from the default locale. Each
 * rule adds problems; none stops at the first.
 */
import type { RawContent, RawRole, RawRoleVersion, Parsed } from './load.ts';
import { at, MIXED_SCRIPT_WORD, type PathSegment, type Problem } from './problems.ts';
import { KEBAB_ID, REQUIRED_SECTION_KINDS, type ItemData, type RoleTextData, type SectionData } from './schema/index.ts';
import type { SourceFile } from './source.ts';
import { didYouMean } from './suggest.ts';
import { validateOpenings } from './validate-openings.ts';

export const PLACEHOLDERS = ['jurisdiction', 'company'] as const;
const PLACEHOLDER = /\{([^{}]*)\}/g;

export interface ValidateOptions {
	/** "Today" for review-by warnings; injectable so tests do not depend on the clock. */
	today: string;
}


export function validateContent(raw: RawContent, options: ValidateOptions, problems: Problem[]): void {
	const company = raw.company;
	const configured = company?.data.locales.configured ?? [];
	const defaultLocale = company?.data.locales.default ?? 'en';
	const positionIds = new Set(company?.data.positions.map((position) => position.id) ?? []);
	const roleIds = new Set(raw.roles.filter((role) => KEBAB_ID.test(role.id)).map((role) => role.id));
	const partyIds = [...roleIds, ...positionIds];
	const signatoryIds = new Set(company?.data.signatories.map((signatory) => signatory.id) ?? []);

	if (company) validateCompany(company, roleIds, problems);

	// PDF templates named by the company and by roles must exist in templates/.
	const checkTemplate = (source: SourceFile, path: PathSegment[], id: string | undefined) => {
		if (id === undefined || raw.templateIds.includes(id)) return;
		const known = raw.templateIds.length > 0 ? `templates found: ${raw.templateIds.join(', ')}` : 'no templates were found';
		problems.push(at(source, path, `is not a PDF template (a file templates/<id>.yaml; ${known}).${didYouMean(id, raw.templateIds)}`, id));
	};
	if (company) checkTemplate(company.source, ['defaultTemplate'], company.data.defaultTemplate);
	for (const role of raw.roles) if (role.facts) checkTemplate(role.facts.source, ['template'], role.facts.data.template);

	// Locale names of files and folders.
	for (const { file, locale } of raw.localeNames) {
		if (company && !configured.includes(locale)) {
			problems.push({
				severity: 'error',
				file,
				message: `"${locale}" is not a configured locale; configured in content/company.yaml: ${configured.join(', ')}.${didYouMean(locale, configured)}`,
			});
		}
	}

	const checkParty = (source: SourceFile, path: PathSegment[], id: string | undefined) => {
		if (id === undefined || roleIds.has(id) || positionIds.has(id)) return;
		problems.push(
			at(source, path, `refers to an unknown role or position.${didYouMean(id, partyIds)} Roles are folders in content/roles/; positions are listed in content/company.yaml`, id),
		);
	};

	const formerIdOwners = new Map<string, string>();
	for (const role of raw.roles) for (const formerId of role.facts?.data.formerIds ?? []) if (!formerIdOwners.has(formerId)) formerIdOwners.set(formerId, role.id);

	/** The rules for one version of a role: the current folder or a frozen `versions/<n>/`. */
	const validateVersion = (role: RawRoleVersion, frozen: boolean) => {
		if (company && !role.texts.has(defaultLocale) && !problems.some((p) => p.file === `${role.dir}/${defaultLocale}.mdx`)) {
			problems.push({
				severity: 'error',
				file: `${role.dir}/${defaultLocale}.mdx`,
				message: `is missing: every role needs its text in the default locale (${defaultLocale})`,
			});
		}

		const facts = role.facts;
		if (facts) {
			const { source, data } = facts;
			if (company && !company.data.departments.some((department) => department.id === data.department)) {
				problems.push(at(source, ['department'], `is not a department of content/company.yaml.${didYouMean(data.department, company.data.departments.map((d) => d.id))}`, data.department));
			}
			checkParty(source, ['reportsTo'], data.reportsTo);
			checkParty(source, ['substitute'], data.substitute);
			checkParty(source, ['appointment', 'by'], data.appointment.by);
			checkParty(source, ['appointment', 'recommendedBy'], data.appointment.recommendedBy);
			if (data.reportsTo === role.id) problems.push(at(source, ['reportsTo'], 'a role cannot report to itself', data.reportsTo));
			if (data.substitute === role.id) problems.push(at(source, ['substitute'], 'a role cannot substitute for itself', data.substitute));

			const doc = data.document;
			const checkSignatory = (path: PathSegment[], id: string) => {
				if (company && !signatoryIds.has(id)) {
					problems.push(at(source, path, `is not a signatory of content/company.yaml.${didYouMean(id, signatoryIds)}`, id));
				}
			};
			if (doc.approvedBy) checkSignatory(['document', 'approvedBy'], doc.approvedBy);
			const seen = new Set<string>();
			doc.agreedWith.forEach((id, index) => {
				checkSignatory(['document', 'agreedWith', index], id);
				if (seen.has(id)) problems.push(at(source, ['document', 'agreedWith', index], 'lists the same signatory twice', id));
				if (id === doc.approvedBy) {
					problems.push(at(source, ['document', 'agreedWith', index], 'the approver also agrees the document; the approval block already has their signature', id, 'warning'));
				}
				seen.add(id);
			});
			if (doc.status === 'approved') {
				if (!doc.approvedBy) problems.push(at(source, ['document'], 'an approved role needs "approvedBy": the signatory who approves it (see signatories in content/company.yaml)'));
				if (!doc.effective) problems.push(at(source, ['document'], 'an approved role needs "effective": the date it comes into force (YYYY-MM-DD)'));
			}
			if (doc.effective && doc.reviewBy && doc.reviewBy <= doc.effective) {
				problems.push(at(source, ['document', 'reviewBy'], `must be after the effective date ${doc.effective}`, doc.reviewBy));
			}
			if (!frozen && doc.reviewBy && doc.status === 'approved' && doc.reviewBy < options.today) {
				problems.push(at(source, ['document', 'reviewBy'], `the review date has passed (today is ${options.today}): review the role and set a new date`, doc.reviewBy, 'warning'));
			}
		}

		const reference = role.texts.get(defaultLocale);
		for (const [locale, text] of role.texts) {
			validateRoleText(text, problems);
			if (reference && locale !== defaultLocale) compareTranslation(reference, text, defaultLocale, locale, problems);
			if (facts && text.data.translates !== undefined) {
				const version = facts.data.document.version;
				if (text.data.translates > version) {
					problems.push(at(text.source, ['translates'], `translates version ${text.data.translates}, but the role is at version ${version} (content/roles/${role.id}/role.yaml)`, text.data.translates));
				} else if (!frozen && text.data.translates < version) {
					problems.push(at(text.source, ['translates'], `is outdated: it translates version ${text.data.translates} and the role is at version ${version}; update the translation, then "translates"`, text.data.translates, 'warning'));
				}
			}
		}
	};

	for (const role of raw.roles) {
		if (!KEBAB_ID.test(role.id)) {
			problems.push({
				severity: 'error',
				file: role.dir,
				message: 'the folder name is the role id and URL slug: it must be kebab-case (lower-case letters, digits, hyphens), e.g. "key-account-manager"',
				found: role.id,
			});
		}
		if (positionIds.has(role.id)) {
			problems.push({
				severity: 'error',
				file: role.dir,
				message: 'this role id is also a position id in content/company.yaml; ids must be unique across roles and positions',
				found: role.id,
			});
		}
		validateVersion(role, false);
		role.history.forEach((snapshot) => validateVersion(snapshot, true));
		validateHistory(role, problems);
		if (role.facts) {
			const { source, data } = role.facts;
			data.formerIds.forEach((formerId, index) => {
				const owner = formerIdOwners.get(formerId);
				if (roleIds.has(formerId) || positionIds.has(formerId)) {
					problems.push(at(source, ['formerIds', index], 'is the id of an existing role or position; a former id must be free so its old URLs can lead here', formerId));
				} else if (owner && owner !== role.id) {
					problems.push(at(source, ['formerIds', index], `is also a former id of "${owner}"; an old URL can lead to one role only`, formerId));
				}
			});
			const doc = data.document;
			if (doc.replacedBy !== undefined) {
				if (doc.status !== 'retired') problems.push(at(source, ['document', 'replacedBy'], 'only a retired role is replaced; remove it or set status: retired', doc.replacedBy));
				else if (!roleIds.has(doc.replacedBy)) problems.push(at(source, ['document', 'replacedBy'], `is not a role in content/roles/.${didYouMean(doc.replacedBy, roleIds)}`, doc.replacedBy));
				else if (doc.replacedBy === role.id) problems.push(at(source, ['document', 'replacedBy'], 'a role cannot replace itself', doc.replacedBy));
			}
		}
	}

	validateReportingCycles(raw, problems);
	if (raw.signOffs) validateSignOffs(raw, raw.signOffs, configured, defaultLocale, problems);

	// Handbook chapters.
	const defaultSlugs = new Set(raw.chapters.filter((c) => c.locale === defaultLocale).map((c) => c.slug));
	const orders = new Map<string, string>();
	for (const { locale, slug, chapter } of raw.chapters) {
		const { source, data } = chapter;
		if (!KEBAB_ID.test(slug)) {
			problems.push({ severity: 'error', file: source.file, message: 'the file name is the chapter URL: it must be kebab-case, e.g. "client-database-and-crm.mdx"', found: slug });
		}
		if (company && locale !== defaultLocale && !defaultSlugs.has(slug)) {
			problems.push({
				severity: 'error',
				file: source.file,
				message: `translates a chapter that does not exist in the default locale: add content/handbook/${defaultLocale}/${slug}.mdx or rename this file.${didYouMean(slug, defaultSlugs)}`,
			});
		}
		data.roles.forEach((id, index) => {
			if (!roleIds.has(id)) problems.push(at(source, ['roles', index], `is not a role in content/roles/.${didYouMean(id, roleIds)}`, id));
		});
		const key = `${locale}:${data.order}`;
		const other = orders.get(key);
		if (other) problems.push(at(source, ['order'], `is the same as in ${other}; chapters would appear in an arbitrary order`, data.order, 'warning'));
		else orders.set(key, source.file);
		validateText(source, ['title'], data.title, problems);
		validateText(source, ['summary'], data.summary, problems);
	}

	validateOpenings(raw, problems);
	validateStrings(raw, configured, defaultLocale, problems);
}

function validateCompany(company: Parsed<import('./schema/index.ts').CompanyData>, roleIds: Set<string>, problems: Problem[]): void {
	const { source, data } = company;
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
}


function validateText(source: SourceFile, path: PathSegment[], text: string, problems: Problem[]): void {
	const mixed = MIXED_SCRIPT_WORD.exec(text);
	if (mixed) {
		problems.push(at(source, path, 'a word mixes Latin and Cyrillic letters (a look-alike letter typed in the wrong keyboard layout); retype it', mixed[0], 'warning'));
	}
	for (const match of text.matchAll(PLACEHOLDER)) {
		const name = match[1]!;
		if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
			problems.push(at(source, path, `uses an unknown placeholder {${name}}; available: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.${didYouMean(name, PLACEHOLDERS)}`, match[0]));
		}
	}
}

function validateItems(source: SourceFile, path: PathSegment[], items: ItemData[], section: SectionData, problems: Problem[]): void {
	items.forEach((item, index) => {
		const itemPath = [...path, index];
		validateText(source, [...itemPath, 'text'], item.text, problems);
		if (item.topic && section.kind !== 'general-provisions') {
			problems.push(at(source, [...itemPath, 'topic'], `topics mark clauses of the general provisions; this item is in a "${section.kind}" section`, item.topic));
		}
		// "once" reads better than "1", so only counts above one must appear as digits.
		if (item.target?.min !== undefined && item.target.min > 1 && !item.text.includes(String(item.target.min))) {
			problems.push(at(source, [...itemPath, 'target', 'min'], `the target is not stated in the item's text; write the number ${item.target.min} in the text so readers see it`, item.target.min, 'warning'));
		}
		validateItems(source, [...itemPath, 'items'], item.items, section, problems);
	});
}

function validateRoleText(text: Parsed<RoleTextData>, problems: Problem[]): void {
	const { source, data } = text;
	validateText(source, ['title'], data.title, problems);
	validateText(source, ['summary'], data.summary, problems);
	const kinds = data.sections.map((section) => section.kind);
	for (const required of REQUIRED_SECTION_KINDS) {
		if (!kinds.includes(required)) {
			problems.push(at(source, ['sections'], `a job description needs a "${required}" section`));
		}
	}
	const anchors = new Set<string>();
	data.sections.forEach((section, index) => {
		const anchor = section.kind === 'custom' ? section.id : section.kind;
		if (anchor && anchors.has(anchor)) {
			problems.push(at(source, ['sections', index, section.kind === 'custom' ? 'id' : 'kind'], `a section "${anchor}" already exists in this text; each section appears once`, anchor));
		}
		if (anchor) anchors.add(anchor);
		if (section.title) validateText(source, ['sections', index, 'title'], section.title, problems);
		if (section.intro) validateText(source, ['sections', index, 'intro'], section.intro, problems);
		validateItems(source, ['sections', index, 'items'], section.items, section, problems);
	});
}

/** Warns where a translation's numbered lists differ from the default locale's: numbering would not match. */
function compareTranslation(reference: Parsed<RoleTextData>, translation: Parsed<RoleTextData>, defaultLocale: string, locale: string, problems: Problem[]): void {
	const { source } = translation;
	const a = reference.data.sections;
	const b = translation.data.sections;
	const shape = (sections: SectionData[]) => sections.map((s) => (s.kind === 'custom' ? s.id : s.kind)).join(', ');
	if (shape(a) !== shape(b)) {
		problems.push(at(source, ['sections'], `the sections differ from ${defaultLocale} (${shape(a)} in ${defaultLocale}; ${shape(b)} in ${locale}), so section numbers do not match`, undefined, 'warning'));
		return;
	}
	const compare = (path: PathSegment[], left: ItemData[], right: ItemData[], name: string) => {
		if (left.length !== right.length) {
			problems.push(at(source, path, `the list "${name}" has ${right.length} in ${locale} but ${left.length} in ${defaultLocale}; translate every item so numbering matches`, undefined, 'warning'));
			return;
		}
		left.forEach((item, index) => compare([...path, index, 'items'], item.items, right[index]!.items, `${name} ${index + 1}`));
	};
	a.forEach((section, index) => compare(['sections', index, 'items'], section.items, b[index]!.items, `${section.kind === 'custom' ? section.id : section.kind}`));
}

/** Follows reportsTo through roles and positions; a loop would make the organisation chart infinite. */
function validateReportingCycles(raw: RawContent, problems: Problem[]): void {
	const next = new Map<string, string>();
	const where = new Map<string, { source: SourceFile; path: PathSegment[] }>();
	raw.company?.data.positions.forEach((position, index) => {
		if (position.reportsTo) {
			next.set(position.id, position.reportsTo);
			where.set(position.id, { source: raw.company!.source, path: ['positions', index, 'reportsTo'] });
		}
	});
	for (const role of raw.roles as RawRole[]) {
		if (role.facts) {
			next.set(role.id, role.facts.data.reportsTo);
			where.set(role.id, { source: role.facts.source, path: ['reportsTo'] });
		}
	}
	const reported = new Set<string>();
	for (const start of next.keys()) {
		const chain: string[] = [];
		let current: string | undefined = start;
		while (current !== undefined && !chain.includes(current)) {
			chain.push(current);
			current = next.get(current);
		}
		if (current === undefined || current === start && chain.length === 1) continue;
		const cycle = chain.slice(chain.indexOf(current));
		const key = [...cycle].sort().join(',');
		if (reported.has(key) || cycle.length < 2) continue;
		reported.add(key);
		const first = [...cycle].sort()[0]!;
		const location = where.get(first)!;
		const loop = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first].join(' → ');
		problems.push(at(location.source, location.path, `reporting lines form a loop: ${loop}; one of them must report elsewhere`, next.get(first)));
	}
}

function placeholdersOf(text: string): string {
	return [...text.matchAll(PLACEHOLDER)].map((match) => match[0]).sort().join(' ');
}

function validateStrings(raw: RawContent, configured: string[], defaultLocale: string, problems: Problem[]): void {
	const reference = raw.strings.find((entry) => entry.locale === defaultLocale);
	if (!reference) {
		problems.push({ severity: 'error', file: `src/i18n/strings/${defaultLocale}.json`, message: 'is missing: the interface strings of the default locale define every key' });
		return;
	}
	for (const locale of configured) {
		const entry = raw.strings.find((candidate) => candidate.locale === locale);
		if (!entry) {
			problems.push({ severity: 'error', file: reference.file.replace(`${defaultLocale}.json`, `${locale}.json`), message: `is missing: "${locale}" is configured, so its interface strings are needed (copy ${reference.file} and translate it)` });
			continue;
		}
		for (const [key, value] of Object.entries(reference.strings)) {
			const translated = entry.strings[key];
			if (translated === undefined) {
				problems.push({ severity: 'error', file: entry.file, path: key, message: `is missing; in ${defaultLocale}: ${JSON.stringify(value)}` });
			} else if (typeof translated !== 'string' || translated.trim() === '') {
				problems.push({ severity: 'error', file: entry.file, path: key, message: 'must be a non-empty text', found: translated });
			} else if (typeof value === 'string' && placeholdersOf(value) !== placeholdersOf(translated)) {
				problems.push({ severity: 'error', file: entry.file, path: key, message: `must use the same placeholders as ${defaultLocale} (${placeholdersOf(value) || 'none'})`, found: translated });
			}
		}
		for (const key of Object.keys(entry.strings)) {
			if (!(key in reference.strings)) {
				problems.push({ severity: 'error', file: entry.file, path: key, message: `is not a key of ${reference.file}.${didYouMean(key, Object.keys(reference.strings))}` });
			}
		}
	}
	for (const entry of raw.strings) {
		if (!configured.includes(entry.locale)) {
			problems.push({ severity: 'warning', file: entry.file, message: `is for "${entry.locale}", which is not a configured locale; it is not used` });
		}
	}
}

/** Versions a reader can still open: every frozen past version and the current one once approved. */
export function approvedVersions(role: RawRole): { version: number; effective?: string }[] {
	const versions = role.history.flatMap((snapshot) => (snapshot.facts ? [{ version: snapshot.folderVersion, effective: snapshot.facts.data.document.effective }] : []));
	const current = role.facts?.data.document;
	if (current?.status === 'approved') versions.push({ version: current.version, effective: current.effective });
	return versions;
}

/** Frozen versions must be what they say they are: earlier, approved, and in order. */
function validateHistory(role: RawRole, problems: Problem[]): void {
	const current = role.facts?.data.document;
	for (const snapshot of role.history) {
		if (!snapshot.facts) continue;
		const { source, data } = snapshot.facts;
		const doc = data.document;
		if (doc.version !== snapshot.folderVersion) {
			problems.push(at(source, ['document', 'version'], `is not the version of its folder (versions/${snapshot.folderVersion}/); a frozen version must not be edited`, doc.version));
		}
		if (current && snapshot.folderVersion >= current.version) {
			problems.push(at(source, ['document', 'version'], `a past version must be older than the current version ${current.version} (content/roles/${role.id}/role.yaml)`, snapshot.folderVersion));
		}
		if (doc.status === 'draft') {
			problems.push(at(source, ['document', 'status'], 'a kept version must have been approved (status approved or retired); drafts are not kept', doc.status));
		}
		if (current?.effective && doc.effective && doc.effective >= current.effective) {
			problems.push(at(source, ['document', 'effective'], `must be before the current version's effective date ${current.effective}`, doc.effective));
		}
	}
	if (current && current.version > 1 && role.facts) {
		const kept = new Set(role.history.map((snapshot) => snapshot.folderVersion));
		const previous = current.version - 1;
		if (!kept.has(previous)) {
			problems.push(
				at(role.facts.source, ['document', 'version'], `version ${previous} is not kept in ${role.dir}/versions/${previous}/, so its page and PDF disappear; use "rolebook version ${role.id}" to start a new version`, current.version, 'warning'),
			);
		}
	}
}

function validateSignOffs(raw: RawContent, signOffs: Parsed<import('./schema/index.ts').SignOffsData>, configured: string[], defaultLocale: string, problems: Problem[]): void {
	const { source, data } = signOffs;
	const roles = new Map(raw.roles.map((role) => [role.id, role]));
	data.holders.forEach((holder, index) => {
		const path: PathSegment[] = ['holders', index];
		if (typeof holder.name !== 'string') {
			for (const locale of Object.keys(holder.name)) {
				if (!configured.includes(locale)) problems.push(at(source, [...path, 'name', locale], `"${locale}" is not a configured locale (${configured.join(', ')})`));
			}
			if (!(defaultLocale in holder.name)) problems.push(at(source, [...path, 'name'], `needs a name for the default locale "${defaultLocale}"`));
		}
		const role = roles.get(holder.role);
		if (!role) {
			problems.push(at(source, [...path, 'role'], `is not a role in content/roles/.${didYouMean(holder.role, roles.keys())}`, holder.role));
			return;
		}
		const versions = approvedVersions(role);
		holder.signed.forEach((signature, signatureIndex) => {
			const version = versions.find((candidate) => candidate.version === signature.version);
			const signaturePath = [...path, 'signed', signatureIndex];
			if (!version) {
				const known = versions.map((candidate) => candidate.version).join(', ') || 'none yet';
				problems.push(at(source, [...signaturePath, 'version'], `version ${signature.version} of "${holder.role}" was never approved (approved versions: ${known})`, signature.version));
			} else if (version.effective && signature.date < version.effective) {
				problems.push(at(source, [...signaturePath, 'date'], `is before version ${signature.version} took effect (${version.effective})`, signature.date, 'warning'));
			}
		});
	});
}
