/**
 * The `rolebook` command for HR and CI. Each subcommand is a function in ./commands that
 * returns an exit code; nothing below this file calls process.exit. `bin/rolebook.js` (the entry
 * point, under the right Node) calls `main` and reports an unexpected failure as an internal error.
 */
import { Command, CommanderError } from 'commander';
import { approve } from './commands/approve.ts';
import { build } from './commands/build.ts';
import { check } from './commands/check.ts';
import { docxCommand } from './commands/docx.ts';
import { importCommand } from './commands/import.ts';
import { newRole } from './commands/new-role.ts';
import { newVersion } from './commands/new-version.ts';
import { pdf } from './commands/pdf.ts';
import { status } from './commands/status.ts';
import { whereUsed } from './commands/where-used.ts';
import { consoleOutput } from './output.ts';

export async function main(argv: string[]): Promise<number> {
	let exitCode = 0;
	const program = new Command()
		.name('rolebook')
		.description('Job descriptions and an onboarding handbook as code.')
		.showHelpAfterError('(run "rolebook --help" for usage)')
		.exitOverride()
		.configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

	program
		.command('check')
		.description('Validate all content (company profile, roles, translations, handbook, UI strings) and report every problem.')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.action((options: { content?: string }) => {
			exitCode = check({ ...(options.content ? { contentDir: options.content } : {}) }, consoleOutput);
		});

	program
		.command('build')
		.description('Validate the content, then build the site; the previous output is replaced only when everything succeeded.')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.option('--out <dir>', 'output folder', 'dist')
		.option('--preview', 'include draft roles and chapters, marked DRAFT (never publish a preview build)')
		.action(async (options: { content?: string; out: string; preview?: boolean }) => {
			exitCode = await build(
				{ ...(options.content ? { contentDir: options.content } : {}), outDir: options.out, ...(options.preview ? { preview: true } : {}) },
				consoleOutput,
			);
		});

	program
		.command('pdf')
		.description('Render PDF job descriptions: one role in one locale to a file, or every published role in every locale.')
		.argument('[role]', 'role id, e.g. key-account-manager')
		.option('-l, --locale <locale>', 'language of the document (default: the company default, e.g. en)')
		.option('-o, --out <file>', 'file to write for one role (default: <role>.<locale>.pdf)')
		.option('-a, --all', 'every published role in every configured locale')
		.option('--out-dir <dir>', 'folder for --all: <dir>/<locale>/roles/<role>.pdf (default: pdf)')
		.option('--preview', 'with --all: include draft roles (watermarked DRAFT)')
		.option('--holder <name>', 'one role: pre-fill a familiarisation row with this name (repeat for more)', (value: string, previous: string[] = []) => [...previous, value])
		.option('--no-sign', 'do not sign, even with a certificate in the environment')
		.option('--with-holders', 'one role: pre-fill the familiarisation sheet with its holders from content/sign-offs.yaml')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.addHelpText(
			'after',
			'\nExamples:\n  rolebook pdf key-account-manager --locale ru --out kam-ru.pdf\n  rolebook pdf --all --out-dir build/pdf\n\nThe template comes from the role ("template" in role.yaml) or the company default (templates/<id>.yaml).\nApproved PDFs are digitally signed when ROLEBOOK_SIGNING_P12 (or ROLEBOOK_SIGNING_P12_BASE64) and\nROLEBOOK_SIGNING_PASSWORD are set.',
		)
		.action(async (role: string | undefined, options: { locale?: string; out?: string; all?: boolean; outDir?: string; preview?: boolean; content?: string; holder?: string[]; withHolders?: boolean; sign: boolean }) => {
			exitCode = await pdf(
				{
					...(role ? { role } : {}),
					...(options.all ? { all: true } : {}),
					...(options.locale ? { locale: options.locale } : {}),
					...(options.out ? { out: options.out } : {}),
					...(options.outDir ? { outDir: options.outDir } : {}),
					...(options.content ? { contentDir: options.content } : {}),
					...(options.preview ? { preview: true } : {}),
					...(options.holder ? { holders: options.holder } : {}),
					withHolders: Boolean(options.withHolders),
					sign: options.sign,
				},
				consoleOutput,
			);
		});

	program
		.command('docx')
		.description('Write Word (.docx) job descriptions for the agreement route: one role in one locale, or every published role in every locale.')
		.argument('[role]', 'role id, e.g. key-account-manager')
		.option('-l, --locale <locale>', 'language of the document (default: the company default, e.g. en)')
		.option('-o, --out <file>', 'file to write for one role (default: <role>.<locale>.docx)')
		.option('-a, --all', 'every published role in every configured locale')
		.option('--out-dir <dir>', 'folder for --all: <dir>/<locale>/roles/<role>.docx (default: docx)')
		.option('--preview', 'with --all: include draft roles (marked DRAFT)')
		.option('--with-holders', 'one role: pre-fill the familiarisation sheet with its holders from content/sign-offs.yaml')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.addHelpText('after', '\nExamples:\n  rolebook docx key-account-manager --locale ru --out kam-ru.docx\n  rolebook docx --all --out-dir build/docx\n\nTrack Changes is on in every file, so the edits of the agreement route are recorded.\nCheck a file with LibreOffice: soffice --headless --convert-to pdf kam-ru.docx')
		.action(async (role: string | undefined, options: { locale?: string; out?: string; all?: boolean; outDir?: string; preview?: boolean; withHolders?: boolean; content?: string }) => {
			exitCode = await docxCommand(
				{
					...(role ? { role } : {}),
					...(options.all ? { all: true } : {}),
					...(options.locale ? { locale: options.locale } : {}),
					...(options.out ? { out: options.out } : {}),
					...(options.outDir ? { outDir: options.outDir } : {}),
					...(options.preview ? { preview: true } : {}),
					...(options.withHolders ? { withHolders: true } : {}),
					...(options.content ? { contentDir: options.content } : {}),
				},
				consoleOutput,
			);
		});

	program
		.command('import')
		.description('Import Word job descriptions (.docx files or folders of them) as draft roles, or as translations of existing roles.')
		.argument('<files...>', '.docx files and folders')
		.option('--id <role-id>', 'one file: the role id (default: from the title; an existing role gets a translation)')
		.option('-l, --locale <locale>', 'language of the documents (default: recognised from headings and labels)')
		.option('--replace', "overwrite a role's existing text in that language with the document's (the agreement route's edited Word file)")
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.option('--dry-run', 'show what would be written')
		.addHelpText('after', '\nExamples:\n  rolebook import ~/hr/job-descriptions/            # a folder, with a summary\n  rolebook import kam.docx --id key-account-manager\n  rolebook import kam-ru.docx --id key-account-manager --locale ru   # adds ru.mdx, compares item counts with en\n\nEvery paragraph the import cannot place is printed with its number and kept as a TODO in the text.')
		.action((files: string[], options: { id?: string; locale?: string; replace?: boolean; content?: string; dryRun?: boolean }) => {
			exitCode = importCommand(
				{
					inputs: files,
					...(options.id ? { id: options.id } : {}),
					...(options.locale ? { locale: options.locale } : {}),
					...(options.replace ? { replace: true } : {}),
					...(options.content ? { contentDir: options.content } : {}),
					dryRun: Boolean(options.dryRun),
				},
				consoleOutput,
			);
		});

	program
		.command('status')
		.description('Report who has signed which version of each role, and which translations are current, outdated or missing.')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.option('--sign-offs', 'only the sign-off register')
		.option('--translations', 'only the translation status')
		.action((options: { content?: string; signOffs?: boolean; translations?: boolean }) => {
			const both = !options.signOffs && !options.translations;
			exitCode = status(
				{ ...(options.content ? { contentDir: options.content } : {}), signOffs: both || Boolean(options.signOffs), translations: both || Boolean(options.translations) },
				consoleOutput,
			);
		});

	program
		.command('where-used')
		.description('Show where a clause of the library (content/clauses/<id>.yaml) is used, and which approved roles need a new version to take its new wording.')
		.argument('[clause]', 'clause id, e.g. trade-secrets (default: list the library)')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.addHelpText('after', '\nExamples:\n  rolebook where-used                         # every clause and how many roles use it\n  rolebook where-used responsibility-duties   # each role, item numbers per language')
		.action((clause: string | undefined, options: { content?: string }) => {
			exitCode = whereUsed({ ...(clause ? { clause } : {}), ...(options.content ? { contentDir: options.content } : {}) }, consoleOutput);
		});

	program
		.command('new')
		.description('Scaffold a new role from templates/role/: role.yaml and a text file per locale, as a draft.')
		.argument('<id>', 'role id, kebab-case (the URL slug), e.g. logistics-manager')
		.requiredOption('-d, --department <id>', 'department id from content/company.yaml')
		.option('-t, --title <title>', 'title in the default locale')
		.option('--category <category>', 'specialist, manager, performer or technical', 'specialist')
		.option('--reports-to <id>', 'role or position id of the direct manager')
		.option('--locales <list>', 'comma-separated locales to create text files for (default: those every role is translated into)')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.option('--dry-run', 'show what would be written')
		.action((id: string, options: { department: string; title?: string; category: string; reportsTo?: string; locales?: string; content?: string; dryRun?: boolean }) => {
			exitCode = newRole(
				{
					id,
					department: options.department,
					category: options.category,
					...(options.title ? { title: options.title } : {}),
					...(options.reportsTo ? { reportsTo: options.reportsTo } : {}),
					...(options.locales ? { locales: options.locales.split(',').map((l) => l.trim()) } : {}),
					...(options.content ? { contentDir: options.content } : {}),
					dryRun: Boolean(options.dryRun),
				},
				consoleOutput,
			);
		});

	program
		.command('version')
		.description('Start a new version of an approved role: freeze the current one in versions/<n>/ and make version n+1 a draft.')
		.argument('<id>', 'role id')
		.option('-s, --summary <text>', 'what will change (default locale)')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.option('--dry-run', 'show what would change')
		.action((id: string, options: { summary?: string; content?: string; dryRun?: boolean }) => {
			exitCode = newVersion({ id, ...(options.summary ? { summary: options.summary } : {}), ...(options.content ? { contentDir: options.content } : {}), dryRun: Boolean(options.dryRun) }, consoleOutput);
		});

	program
		.command('approve')
		.description("Approve a role's draft version (status, effective date, approver) and record the clause wordings and texts it is approved with, so check notices a clause or text edited in place; on an approved version, record what is missing.")
		.argument('<id>', 'role id')
		.option('--by <signatory>', 'signatory id of the approver (default: document.approvedBy in role.yaml)')
		.option('--effective <date>', 'in force from, YYYY-MM-DD (default: today)')
		.option('--content <dir>', 'content folder (default: ./content or $ROLEBOOK_CONTENT)')
		.option('--dry-run', 'show what would change')
		.addHelpText(
			'after',
			'\nExamples:\n  rolebook approve key-account-manager --by volkova --effective 2027-01-15   # a draft version becomes approved\n  rolebook approve key-account-manager                                     # an approved one: record its clause wordings',
		)
		.action((id: string, options: { by?: string; effective?: string; content?: string; dryRun?: boolean }) => {
			exitCode = approve(
				{
					id,
					...(options.by ? { by: options.by } : {}),
					...(options.effective ? { effective: options.effective } : {}),
					...(options.content ? { contentDir: options.content } : {}),
					dryRun: Boolean(options.dryRun),
				},
				consoleOutput,
			);
		});

	try {
		await program.parseAsync(argv, { from: 'user' });
	} catch (error) {
		if (error instanceof CommanderError) return error.exitCode;
		throw error;
	}
	return exitCode;
}
