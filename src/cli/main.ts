#!/usr/bin/env node
/**
 * The `rolebook` command for HR and CI. Each subcommand is a function in ./commands that
 * returns an exit code; nothing below this file calls process.exit.
 */
import { Command, CommanderError } from 'commander';
import { build } from './commands/build.ts';
import { check } from './commands/check.ts';
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
		.action((options: { content?: string; out: string; preview?: boolean }) => {
			exitCode = build(
				{ ...(options.content ? { contentDir: options.content } : {}), outDir: options.out, preview: options.preview ?? process.env.ROLEBOOK_PREVIEW === '1' },
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

const isEntry = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/bin/rolebook.js');
if (isEntry) {
	main(process.argv.slice(2)).then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			// An unexpected failure is a bug in Rolebook, not in the content: say so plainly.
			process.stderr.write(`rolebook: internal error: ${(error as Error).message}\nPlease report this with the command you ran.\n`);
			process.exitCode = 2;
		},
	);
}
