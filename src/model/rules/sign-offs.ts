/**
 * The sign-off register (content/sign-offs.yaml): each holder's role exists, each signature is
 * of a version that was approved, no signature is recorded twice, no person is listed twice
 * for one role.
 */
import { at, type PathSegment } from '../problems.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';
import { approvedVersions } from './versions.ts';

export function validateSignOffs({ raw, problems, configured, defaultLocale, company }: RuleContext): void {
	if (!raw.signOffs) return;
	const { source, data } = raw.signOffs;
	const roles = new Map(raw.roles.map((role) => [role.id, role]));
	const holders = new Map<string, number>();
	data.holders.forEach((holder, index) => {
		const path: PathSegment[] = ['holders', index];
		if (typeof holder.name !== 'string' && company) {
			for (const locale of Object.keys(holder.name)) {
				if (!configured.includes(locale)) problems.push(at(source, [...path, 'name', locale], `"${locale}" is not a configured locale (${configured.join(', ')})`));
			}
			if (!(defaultLocale in holder.name)) problems.push(at(source, [...path, 'name'], `needs a name for the default locale "${defaultLocale}"`));
		}
		const name = typeof holder.name === 'string' ? holder.name : (holder.name[defaultLocale] ?? Object.values(holder.name)[0] ?? '');
		const key = `${holder.role}\u0000${name.trim().toLowerCase()}`;
		const first = holders.get(key);
		if (first !== undefined) {
			problems.push(at(source, [...path, 'name'], `"${name}" already holds "${holder.role}" in holders[${first}]; list each person once per role with all their signatures (two people of the same name: tell them apart, e.g. by initials)`, name, 'warning'));
		} else holders.set(key, index);

		const role = roles.get(holder.role);
		if (!role) {
			problems.push(at(source, [...path, 'role'], `is not a role in content/roles/.${didYouMean(holder.role, roles.keys())}`, holder.role));
			return;
		}
		// A role.yaml that failed its schema is reported there; which versions were approved is then unknown.
		if (!role.facts || role.history.some((snapshot) => !snapshot.facts)) return;
		const versions = approvedVersions(role);
		const signedVersions = new Map<number, number>();
		holder.signed.forEach((signature, signatureIndex) => {
			const version = versions.find((candidate) => candidate.version === signature.version);
			const signaturePath = [...path, 'signed', signatureIndex];
			const earlier = signedVersions.get(signature.version);
			if (earlier !== undefined) {
				problems.push(at(source, [...signaturePath, 'version'], `"${name}" already signed version ${signature.version} in signed[${earlier}]; a version is signed once — remove one of them`, signature.version));
				return;
			}
			signedVersions.set(signature.version, signatureIndex);
			if (!version) {
				const known = versions.map((candidate) => candidate.version).join(', ') || 'none yet';
				problems.push(at(source, [...signaturePath, 'version'], `version ${signature.version} of "${holder.role}" was never approved (approved versions: ${known})`, signature.version));
			} else if (version.effective && signature.date < version.effective) {
				problems.push(at(source, [...signaturePath, 'date'], `is before version ${signature.version} took effect (${version.effective})`, signature.date, 'warning'));
			}
		});
	});
}
