/**
 * Builds the sites the build-output tests read, with the real `rolebook build` command. A
 * build that fails fails the whole test run with its own output.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeFixture, PROJECT_ROOT } from '../helpers/fixture.ts';
import { builds, HOSTILE_FIXTURE_EDITS, PRIVACY_FIXTURE_EDITS, SUBPATH_BASE, TEST_TODAY } from '../helpers/builds.ts';

function build(out: string, args: string[] = [], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), 'build', '--out', out, ...args], {
		cwd: PROJECT_ROOT,
		env: { ...process.env, ROLEBOOK_TODAY: TEST_TODAY, ...env },
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`build of ${out} failed:\n${result.stdout}\n${result.stderr}`);
	// What the build said, for tests of its messages (e.g. that a preview says so).
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(`${out}.log`, `${result.stdout}\n${result.stderr}`);
}

/** `astro build` run directly, as a user of Astro would, with the same environment the CLI passes. */
function astroBuild(out: string, env: Record<string, string>) {
	const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
	const result = spawnSync(process.execPath, [astro, 'build'], { cwd: PROJECT_ROOT, env: { ...process.env, ROLEBOOK_TODAY: TEST_TODAY, ROLEBOOK_OUT_DIR: out, ...env }, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`astro build of ${out} failed:\n${result.stdout}\n${result.stderr}`);
}

export default function setup() {
	if (process.env.ROLEBOOK_TEST_REUSE_BUILDS === '1') return;
	build(builds.shipped);
	build(builds.subpath, [], { ROLEBOOK_BASE: SUBPATH_BASE });
	// Outside the project, under a folder whose name ends in "roles": MDX bodies are found by id, not by guessing from the path.
	const fixture = makeFixture(PRIVACY_FIXTURE_EDITS, { parent: join(tmpdir(), 'hr-old-roles') });
	try {
		// Previews asked for as the issue that found the leak did: by the environment, spelt "true".
		// The --preview flag and every other spelling meet the same function (tests/cli/preview.test.ts).
		build(builds.fixturePublic, ['--content', fixture.contentDir], { ROLEBOOK_PREVIEW: 'false' });
		build(builds.fixturePreview, ['--content', fixture.contentDir], { ROLEBOOK_PREVIEW: 'true' });
		// `astro build` alone (no CLI) must make the same site: PDFs, Word files and cards included.
		astroBuild(builds.fixtureAstro, { ROLEBOOK_CONTENT: fixture.contentDir, ROLEBOOK_PREVIEW: 'false' });
	} finally {
		fixture.cleanup();
	}
	const hostile = makeFixture(HOSTILE_FIXTURE_EDITS);
	try {
		build(builds.hostile, ['--content', hostile.contentDir]);
	} finally {
		hostile.cleanup();
	}
}
