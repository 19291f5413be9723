/**
 * Writes a large synthetic content folder for benchmarks: the shipped company profile and
 * strings, and N roles whose texts are recombined from the shipped roles' sentences (so the
 * vocabulary and lengths are realistic). Deterministic: the same N gives the same corpus.
 *
 *   npx tsx scripts/synthetic-corpus.ts --roles 2990 --out .rolebook/corpus
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { loadRolebook, type Item } from '../src/model/index.ts';

const { values } = parseArgs({
	options: {
		roles: { type: 'string', default: '2990' },
		chapters: { type: 'string', default: '10' },
		out: { type: 'string', default: '.rolebook/corpus' },
		locales: { type: 'string', default: 'en' },
	},
});
/** A usage mistake stops with one line saying what to do, before anything is deleted or written. */
function stop(message: string): never {
	console.error(`synthetic-corpus: ${message}`);
	process.exit(1);
}
const roleCount = Number(values.roles);
const chapterCount = Number(values.chapters);
if (!Number.isInteger(roleCount) || roleCount < 1) stop(`--roles must be a whole number of at least 1 (found: "${values.roles}").`);
if (!Number.isInteger(chapterCount) || chapterCount < 0) stop(`--chapters must be a whole number (found: "${values.chapters}").`);
const out = resolve(values.out!);
const locales = values.locales!.split(',').map((locale) => locale.trim());
// The output folder is deleted and rewritten: never a folder that holds anything but an earlier corpus.
const MARKER = '.synthetic-corpus';
const cwd = resolve(process.cwd());
const earlierCorpus = existsSync(join(out, MARKER)) || existsSync(join(out, 'roles', 'role-00001', 'role.yaml'));
if (cwd === out || cwd.startsWith(out + sep) || (existsSync(out) && readdirSync(out).length > 0 && !earlierCorpus)) {
	stop(`--out ${values.out} is not empty and was not written by this script; choose a new folder (e.g. .rolebook/corpus).`);
}

const { rolebook, problems } = loadRolebook();
if (!rolebook) stop(`the shipped content has errors (${problems.filter((p) => p.severity === 'error').length}): run "npm run check" and fix them first.`);
const translated = (locale: string) => rolebook.roles.some((role) => role.texts[locale]);
const unknown = locales.filter((locale) => !translated(locale));
if (unknown.length > 0) {
	const known = rolebook.company.locales.filter(translated);
	stop(`--locales: no shipped role is translated into ${unknown.join(', ')}, so there are no sentences to build texts from; use some of ${known.join(', ')}.`);
}

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

const flatten = (items: Item[]): string[] => items.flatMap((item) => [item.text, ...flatten(item.items)]);
const sentences = Object.fromEntries(
	locales.map((locale) => [locale, rolebook.roles.flatMap((role) => (role.texts[locale] ? role.texts[locale]!.sections.flatMap((s) => flatten(s.items)) : []))]),
);
const words = ['regional', 'senior', 'junior', 'export', 'retail', 'online', 'project', 'channel', 'partner', 'field', 'inside', 'enterprise', 'lighting', 'logistics', 'service'];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'roles'), { recursive: true });
writeFileSync(join(out, MARKER), 'Written by scripts/synthetic-corpus.ts; the script deletes and rewrites this folder.\n');
const company = { ...rolebook.company };
writeFileSync(
	join(out, 'company.yaml'),
	stringify({
		name: company.name,
		jurisdiction: company.jurisdiction,
		locales: { default: locales[0], configured: locales },
		site: company.site,
		defaultTemplate: company.defaultTemplate,
		departments: company.departments,
		positions: company.positions,
		signatories: company.signatories.map((s) => ({ id: s.id, position: s.position.id, name: s.name })),
	}),
);

const items = (locale: string, count: number) => Array.from({ length: count }, () => ({ text: pick(sentences[locale]!) }));
for (let index = 1; index <= roleCount; index++) {
	const id = `role-${String(index).padStart(5, '0')}`;
	mkdirSync(join(out, 'roles', id));
	writeFileSync(
		join(out, 'roles', id, 'role.yaml'),
		stringify({
			department: pick(company.departments).id,
			category: pick(['specialist', 'manager', 'performer']),
			reportsTo: pick(company.positions).id,
			appointment: { by: 'general-director' },
			qualification: { education: ['higher'], experienceYears: 1 + (index % 5) },
			document: { number: `JD-${index}`, version: 1, status: 'approved', effective: '2026-03-02', approvedBy: 'volkova', agreedWith: ['zaitseva'] },
		}),
	);
	for (const locale of locales) {
		const title = `${pick(words)} ${pick(words)} manager ${index}`;
		const text = {
			title,
			summary: pick(sentences[locale]!),
			sections: [
				{ kind: 'general-provisions', items: items(locale, 5) },
				{ kind: 'duties', items: items(locale, 18) },
				{ kind: 'rights', items: items(locale, 6) },
				{ kind: 'responsibility', items: items(locale, 3) },
			],
		};
		writeFileSync(join(out, 'roles', id, `${locale}.mdx`), `---\n${stringify(text)}---\n\n${pick(sentences[locale]!)}\n`);
	}
}
for (const locale of locales) {
	const source = rolebook.chapters.filter((chapter) => chapter.texts[locale]);
	if (source.length === 0) continue; // this locale shows the default-language chapters
	mkdirSync(join(out, 'handbook', locale), { recursive: true });
	for (let index = 1; index <= chapterCount; index++) {
		const chapter = source[(index - 1) % source.length]!.texts[locale]!;
		writeFileSync(
			join(out, 'handbook', locale, `chapter-${index}.mdx`),
			`---\ntitle: ${JSON.stringify(`${chapter.title} (${index})`)}\norder: ${index}\nsummary: ${JSON.stringify(chapter.summary)}\n---\n${chapter.body}`,
		);
	}
}
console.log(`Wrote ${roleCount} roles and ${chapterCount} chapters in ${locales.join(', ')} to ${out}`);
