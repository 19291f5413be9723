/**
 * The facts of each role (role.yaml, current and frozen versions): ids, references to roles,
 * positions, departments and signatories, approval requirements, former ids, replacement.
 */
import type { RawRoleVersion } from '../load.ts';
import { at, type PathSegment } from '../problems.ts';
import { KEBAB_ID } from '../schema/index.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function validateRoles(context: RuleContext): void {
	const { raw, problems, positionIds, roleIds } = context;
	validatePublishedReferences(context);
	const formerIdOwners = new Map<string, string>();
	for (const role of raw.roles) for (const formerId of role.facts?.data.formerIds ?? []) if (!formerIdOwners.has(formerId)) formerIdOwners.set(formerId, role.id);

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
			problems.push({ severity: 'error', file: role.dir, message: 'this role id is also a position id in content/company.yaml; ids must be unique across roles and positions', found: role.id });
		}
		validateFacts(context, role, false);
		for (const snapshot of role.history) validateFacts(context, snapshot, true);
		if (!role.facts) continue;
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
			else if (!context.publishedRoleIds.has(doc.replacedBy)) {
				problems.push(at(source, ['document', 'replacedBy'], `"${doc.replacedBy}" is not published (a draft or retired role), so the old URL could lead nowhere: approve it first, or name a published role`, doc.replacedBy));
			}
		}
	}
}

/** The facts of one version of a role: the current folder or a frozen `versions/<n>/`. */
function validateFacts(context: RuleContext, role: RawRoleVersion, frozen: boolean): void {
	const { problems, company, roleIds, positionIds, signatoryIds, defaultLocale } = context;
	const defaultText = `${role.dir}/${defaultLocale}.mdx`;
	if (company && !role.texts.has(defaultLocale) && !context.reported(defaultText)) {
		problems.push({ severity: 'error', file: defaultText, message: `is missing: every role needs its text in the default locale (${defaultLocale})` });
	}
	if (!role.facts) return;
	const { source, data } = role.facts;

	// Without a valid company profile, positions, departments and signatories are unknown: say nothing about them.
	const checkParty = (path: PathSegment[], id: string | undefined) => {
		if (id === undefined || roleIds.has(id) || positionIds.has(id) || !company) return;
		problems.push(
			at(source, path, `refers to an unknown role or position.${didYouMean(id, [...roleIds, ...positionIds])} Roles are folders in content/roles/; positions are listed in content/company.yaml`, id),
		);
	};
	if (company && !company.departments.some((department) => department.id === data.department)) {
		problems.push(at(source, ['department'], `is not a department of content/company.yaml.${didYouMean(data.department, company.departments.map((d) => d.id))}`, data.department));
	}
	checkParty(['reportsTo'], data.reportsTo);
	checkParty(['substitute'], data.substitute);
	checkParty(['appointment', 'by'], data.appointment.by);
	checkParty(['appointment', 'recommendedBy'], data.appointment.recommendedBy);
	if (data.reportsTo === role.id) problems.push(at(source, ['reportsTo'], 'a role cannot report to itself', data.reportsTo));
	if (data.substitute === role.id) problems.push(at(source, ['substitute'], 'a role cannot substitute for itself', data.substitute));

	const doc = data.document;
	const checkSignatory = (path: PathSegment[], id: string) => {
		if (company && !signatoryIds.has(id)) problems.push(at(source, path, `is not a signatory of content/company.yaml.${didYouMean(id, signatoryIds)}`, id));
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
	if (!frozen && doc.reviewBy && doc.status === 'approved' && doc.reviewBy < context.today) {
		problems.push(at(source, ['document', 'reviewBy'], `the review date has passed (today is ${context.today}): review the role and set a new date`, doc.reviewBy, 'warning'));
	}
}

/**
 * A published role's page and PDF name the roles it reports to, is substituted by and is
 * appointed by: each must be published too, or a draft's title would have to be shown — or its
 * bare id, as a dead link.
 */
function validatePublishedReferences({ raw, problems, publishedRoleIds, roleIds }: RuleContext): void {
	for (const role of raw.roles) {
		if (!role.facts || !publishedRoleIds.has(role.id) || role.facts.data.document.status !== 'approved') continue;
		const { source, data } = role.facts;
		const references: [PathSegment[], string | undefined][] = [
			[['reportsTo'], data.reportsTo],
			[['substitute'], data.substitute],
			[['appointment', 'by'], data.appointment.by],
			[['appointment', 'recommendedBy'], data.appointment.recommendedBy],
		];
		for (const [path, id] of references) {
			if (id !== undefined && roleIds.has(id) && !publishedRoleIds.has(id)) {
				problems.push(at(source, path, `"${id}" is not published (a draft or retired role), but this approved role's page and PDF name it: approve "${id}" first, or refer to a position`, id));
			}
		}
	}
}
