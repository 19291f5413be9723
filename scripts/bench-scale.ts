/**
 * Scale figures of issue 10, printed (never asserted): the same synthetic corpus built with
 * Rolebook and — in the same run, alternating — with Starlight, plus `npm run dev` figures.
 *
 *   npm run bench:scale                                   # 990 roles in en, ru, de; 3 rounds
 *   npm run bench:scale -- --roles 60 --rounds 1          # a quick run
 *   npm run bench:scale -- --reuse-corpus --json figures.json
 *   npm run bench:scale -- --reuse-corpus --only dev      # the dev-server figures alone
 *
 * What it does, in order:
 *   1. Corpus: `scripts/synthetic-corpus.ts --roles <n> --locales en,ru,de` into the work folder
 *      (`--reuse-corpus` keeps one already there with the same number of roles).
 *   2. Starlight: a project in `<work>/starlight/` (gitignored, outside the repo's sources),
 *      @astrojs/starlight 0.42.4 with the project's own astro and pagefind versions, installed
 *      with npm once and reused. Its pages are written from the SAME model Rolebook renders
 *      (`loadRolebook` on the corpus): every published role × every locale it is translated into
 *      and every chapter × every configured locale, one Markdown page each with the same visible
 *      text — title, summary, the numbered sections with their items and numbers, the MDX body.
 *      Starlight's i18n (en as the default locale under /en/, like Rolebook) gives one Pagefind
 *      index per language; the sidebar has two links (a long sidebar on every page would measure
 *      the sidebar, not the pages).
 *   3. Cold builds, alternating per round: [Rolebook pages + search], Rolebook, Starlight.
 *      Cold = the folders of ROLEBOOK_CACHES (below) and the output removed first; Starlight's
 *      `.astro/`, `node_modules/.astro/` and `dist/` removed. Then one warm Rolebook rebuild
 *      with nothing changed, after the last cold one.
 *   4. Dev server (`npm run dev` with ROLEBOOK_CONTENT=<a copy of the corpus in <work>/dev/>, so
 *      builds of the corpus running at the same time never see its edits): time from start to
 *      the first role page answering 200; then, `--rounds` times, edits of one role's en.mdx
 *      body, its front matter (title) and its role.yaml (document.effective), each timed until
 *      the page shows the new text and the PDF (/en/roles/<id>.pdf) differs from before the
 *      edit; polled every 50 ms, given up after 60 s. Medians over the rounds, every round shown.
 *      `--only dev` runs this step alone (no Starlight, no builds).
 *
 * Each build records: wall time (spawn to exit); the peak memory of EVERY process of its process
 * tree — VmHWM from /proc/<pid>/status of all descendants, sampled every 100 ms (a process that
 * lives under 100 ms can be missed) — reported as the largest single process with its command;
 * output size (`du -sk`); pages, PDFs and cards written; Rolebook's phase lines ("✓ … in N s",
 * Astro's "N page(s) built in …").
 *
 * The pages + search part (goal 1's second ratio). `rolebook build` runs `astro build` in its own
 * process with the PDFs, Word files and cards rendered alongside the pages, so neither that
 * process's lifetime nor Astro's own "built in" time is "pages + search". So it is measured as
 * its own cold build: `astro build` with ROLEBOOK_SKIP_RENDER_MANY=1 — the project's Astro build
 * with the render-many stage switched off, the same kind of process as Starlight's
 * `astro build`; the benchmark counts the PDFs and cards in that output and says so when the
 * variable was ignored. When a Rolebook version runs Astro as a child process, that child's
 * lifetime inside the full build is printed too, for comparison (`--no-pages-only` skips the
 * separate build and uses that lifetime).
 *
 * Figures are medians over the rounds. Memory: 1 GB = 2^30 bytes; sizes: 1 MB = 2^20 bytes.
 * The machine is shared: other processes running at the same time change the figures.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { alive, withProjectLock } from '../src/cli/project-lock.ts';
import { formatDate, languageName } from '../src/i18n/index.ts';
import { localizeChapter, loadRolebook, publishedChapters, publishedRoles, type ChapterText, type Item, type Rolebook, type RoleText } from '../src/model/index.ts';

// ————— Settings the pipeline's owner may need to adjust —————

/**
 * What a cold Rolebook build starts without, relative to the project root. `{contentKey}` is
 * the content folder's key of astro.config.mjs (sha256 of its absolute path, 12 hex digits).
 * The PDF and card caches are shared with every other build of the project, so their files are
 * deleted, not the folders (a build running at the same time never loses its folder).
 */
export const ROLEBOOK_CACHES = ['.rolebook/render-cache', '.rolebook/workers', '.rolebook/pdf-cache', '.rolebook/og-cache', 'node_modules/.astro/content-{contentKey}'];
/** What a cold Starlight build starts without, relative to its project. */
export const STARLIGHT_CACHES = ['.astro', 'node_modules/.astro', 'dist'];
/** The environment variable that makes the project's build render pages and search only. */
export const SKIP_RENDER_MANY = 'ROLEBOOK_SKIP_RENDER_MANY';
export const STARLIGHT_VERSION = '0.42.4';

const SAMPLE_EVERY_MS = 100;
const POLL_EVERY_MS = 50;
const EDIT_TIMEOUT_MS = 60_000;
const DEV_START_TIMEOUT_MS = 300_000;

// ————— Pure helpers (unit-tested in tests/scripts/bench-scale.test.ts) —————

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The cache folders of ROLEBOOK_CACHES for one content folder. */
export function rolebookCaches(contentDir: string, caches: readonly string[] = ROLEBOOK_CACHES): string[] {
	const contentKey = createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12);
	return caches.map((cache) => cache.replaceAll('{contentKey}', contentKey));
}

/** Astro's duration format ("850ms", "80.12s", "1m 20s") in milliseconds. */
export function parseAstroDuration(text: string): number | undefined {
	const match = /^\s*(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?\s*$/.exec(text);
	if (!match || (!match[1] && !match[2])) return undefined;
	const minutes = Number(match[1] ?? 0);
	const value = Number(match[2] ?? 0);
	return minutes * 60_000 + (match[3] === 'ms' ? value : value * 1000);
}

export interface Phase {
	/** "Astro", or the words of a "✓" line ("PDF job descriptions"). */
	name: string;
	ms: number;
	count?: number;
	/** The line as printed. */
	line: string;
}

/** Phase timings a build printed: Astro's "N page(s) built in T" and every "✓ [N] what (…) in T s." line. */
export function parsePhases(log: string): Phase[] {
	const phases: Phase[] = [];
	for (const raw of stripAnsi(log).split(/\r?\n/)) {
		const line = raw.trim();
		const astro = /(\d[\d,]*) page\(s\) built in (.+)$/.exec(line);
		if (astro) {
			const ms = parseAstroDuration(astro[2]!);
			if (ms !== undefined) phases.push({ name: 'Astro', ms, count: Number(astro[1]!.replaceAll(',', '')), line });
			continue;
		}
		const done = /^✓\s+(?:(\d[\d,]*)\s+)?(.+?)(?:\s*\(.*\))?\s+in\s+([\d.]+)\s*s\.?$/.exec(line);
		if (done) {
			phases.push({ name: done[2]!, ms: Number(done[3]) * 1000, ...(done[1] ? { count: Number(done[1].replaceAll(',', '')) } : {}), line });
		}
	}
	return phases;
}

export function stripAnsi(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/** Text that Markdown would otherwise read as markup, escaped so the page shows it as written. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>~]/g, (character) => `\\${character}`);
}

/** The Starlight page of a role text: the same visible text as Rolebook's role page. */
export function roleMarkdown(text: Pick<RoleText, 'title' | 'summary' | 'sections' | 'body'>): string {
	const items = (list: readonly Item[]): string[] => list.flatMap((item) => [`${item.number}. ${escapeMarkdown(item.text)}`, ...items(item.items)]);
	const sections = text.sections.flatMap((section) => [`## ${section.number}. ${escapeMarkdown(section.heading)}`, ...(section.intro ? [escapeMarkdown(section.intro)] : []), ...items(section.items)]);
	return [frontMatter(text.title, text.summary), escapeMarkdown(text.summary), ...sections, text.body.trim()].join('\n\n') + '\n';
}

/** The Starlight page of a chapter text. */
export function chapterMarkdown(text: Pick<ChapterText, 'title' | 'summary' | 'body'>): string {
	return [frontMatter(text.title, text.summary), escapeMarkdown(text.summary), text.body.trim()].join('\n\n') + '\n';
}

function frontMatter(title: string, description: string): string {
	// JSON strings are YAML strings.
	return `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\n---`;
}

/** The MDX file with `suffix` added to the front matter's one-line `title`. */
export function withTitleSuffix(mdx: string, suffix: string): string {
	const front = /^(---\r?\n)([\s\S]*?)(\r?\n---)/.exec(mdx);
	if (!front) throw new Error('no front matter');
	const lines = front[2]!.split('\n');
	const index = lines.findIndex((line) => /^title:\s*\S/.test(line));
	if (index < 0) throw new Error('no one-line title in the front matter');
	const line = lines[index]!.replace(/\r$/, '');
	const quoted = /^(title:\s*)(["'])(.*)\2\s*$/.exec(line);
	if (quoted) lines[index] = `${quoted[1]}${quoted[2]}${quoted[3]} ${suffix}${quoted[2]}`;
	else if (/^title:\s*[>|]/.test(line)) throw new Error('the title is a block scalar');
	else lines[index] = `${line.trimEnd()} ${suffix}`;
	return `${front[1]}${lines.join('\n')}${front[3]}${mdx.slice(front[0].length)}`;
}

/** The role.yaml with its `document.effective` date replaced. */
export function withEffectiveDate(yaml: string, date: string): string {
	const pattern = /^(\s+effective:\s*)(["']?)\d{4}-\d{2}-\d{2}\2(\s*)$/m;
	if (!pattern.test(yaml)) throw new Error('no document.effective date in role.yaml');
	return yaml.replace(pattern, `$1$2${date}$2$3`);
}

export function shiftDate(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const seconds = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—');
export const gigabytes = (kb: number): string => (Number.isFinite(kb) ? (kb >= 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(2)} GB` : `${Math.round(kb / 1024)} MB`) : '—');
export const megabytes = (kb: number): string => (Number.isFinite(kb) ? `${Math.round(kb / 1024).toLocaleString('en-US')} MB` : '—');
export const count = (value: number): string => value.toLocaleString('en-US');
export const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');

// ————— Commands and processes —————

interface Command {
	argv: string[];
	cwd: string;
	/** Variables set for this command (shown when it is printed). */
	env: Record<string, string>;
}

/** Every command run, in order, as printed. */
const commandsRun: string[] = [];
/** Children still running and files edited, for Ctrl+C. */
const running = new Set<ChildProcess>();
const edited = new Map<string, Buffer>();

function shown(command: Command, root: string): string {
	const word = (part: string) => {
		const short = part === process.execPath ? 'node' : part.startsWith('/') ? relativeOrAbsolute(part, command.cwd) : part;
		return /^[\w./:@=,+-]+$/.test(short) ? short : `'${short.replaceAll("'", `'\\''`)}'`;
	};
	const env = Object.entries(command.env).map(([key, value]) => `${key}=${word(value)}`);
	const cd = command.cwd === root ? '' : `(cd ${relativeOrAbsolute(command.cwd, root)} && `;
	return `${cd}${[...env, ...command.argv.map(word)].join(' ')}${cd ? ')' : ''}`;
}

function relativeOrAbsolute(path: string, from: string): string {
	const rel = relative(from, path);
	return rel.startsWith('../../') || rel === '' ? path : rel;
}

/** The environment of a run: the caller's without any ROLEBOOK_* setting, plus the command's own. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('ROLEBOOK_')) env[key] = value;
	return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

interface Started {
	child: ChildProcess;
	/** performance.now() when the process exited, and its exit code. */
	exited: Promise<{ at: number; code: number | null }>;
	/** Resolves when the process has exited and its log file is complete. */
	logged: Promise<void>;
}

/** Starts a command in its own process group (so its whole tree can be stopped), output to `logFile`. */
function start(command: Command, root: string, logFile: string): Started {
	const line = shown(command, root);
	commandsRun.push(line);
	console.log(`  $ ${line}`);
	mkdirSync(dirname(logFile), { recursive: true });
	const log = createWriteStream(logFile);
	const child = spawn(command.argv[0]!, command.argv.slice(1), { cwd: command.cwd, env: environment(command.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	running.add(child);
	child.stdout!.pipe(log, { end: false });
	child.stderr!.pipe(log, { end: false });
	const exited = new Promise<{ at: number; code: number | null }>((done) => {
		child.once('exit', (code) => {
			running.delete(child);
			done({ at: performance.now(), code });
		});
		child.once('error', (error) => {
			running.delete(child);
			log.end(`bench:scale: could not start ${command.argv[0]}: ${error.message}\n`);
			done({ at: performance.now(), code: -1 });
		});
	});
	const logged = new Promise<void>((done) => {
		log.once('finish', () => done());
		child.once('close', () => log.end());
	});
	return { child, exited, logged };
}

function stopTree(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

async function stopAndWait(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	stopTree(child, 'SIGTERM');
	const timer = setTimeout(() => stopTree(child, 'SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

interface ProcessPeak {
	pid: number;
	command: string;
	/** VmHWM, kB. */
	peakKb: number;
	firstSeenMs: number;
	lastSeenMs: number;
}

/** Samples VmHWM of a process and all its descendants every 100 ms. */
class TreeSampler {
	private readonly seen = new Map<number, ProcessPeak>();
	private readonly timer: NodeJS.Timeout;
	constructor(
		private readonly rootPid: number,
		private readonly startedAt: number,
	) {
		this.sample();
		this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
	}

	stop(): ProcessPeak[] {
		clearInterval(this.timer);
		return [...this.seen.values()];
	}

	private sample(): void {
		const now = performance.now() - this.startedAt;
		for (const pid of descendants(this.rootPid)) {
			const peakKb = readHighWaterMark(pid);
			if (peakKb === undefined) continue;
			const known = this.seen.get(pid);
			if (known) {
				known.peakKb = Math.max(known.peakKb, peakKb);
				known.lastSeenMs = now;
			} else {
				this.seen.set(pid, { pid, command: readCommand(pid), peakKb, firstSeenMs: now, lastSeenMs: now });
			}
		}
	}
}

function descendants(rootPid: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// ended while listing
		}
	}
	const tree = [rootPid];
	for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
	return tree;
}

function readHighWaterMark(pid: number): number | undefined {
	try {
		const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

function readCommand(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
	} catch {
		return `(process ${pid})`;
	}
}

/** A command line short enough for a table: "node bin/rolebook.js build", "astro build", "pagefind_extended". */
export function shortCommand(command: string, root: string): string {
	const words: string[] = [];
	for (const part of command.split(' ')) {
		if (part.startsWith('--')) break;
		if (/(^|\/)node$/.test(part) || part === process.execPath) words.push('node');
		else if (/node_modules\/(\.bin\/astro|astro\/bin\/astro\.mjs)$/.test(part)) words.splice(0, words.length, 'astro');
		else if (part.includes('/node_modules/') || part.startsWith('node_modules/')) words.push(part.split('/').at(-1)!);
		else words.push(part.startsWith(`${root}/`) ? relative(root, part) : part);
	}
	return words.join(' ');
}

// ————— Measured builds —————

interface Outputs {
	pages: number;
	pdfs: number;
	cards: number;
	sizeKb: number;
}

interface BuildRun {
	kind: 'rolebook-cold' | 'rolebook-pages' | 'rolebook-warm' | 'starlight-cold';
	round: number;
	command: string;
	wallMs: number;
	exitCode: number | null;
	/** The largest single process of the tree. */
	peakKb: number;
	peakCommand: string;
	/** Lifetime of the `astro build` process of the tree, when it is a child of its own. */
	astroProcessMs?: number;
	phases: Phase[];
	outputs: Outputs;
	/** The project lock was held by another build when this one started: its wall time includes waiting. */
	waitedForLock: boolean;
	/** The machine's 1-minute load average when the build started (other work on the machine). */
	loadBefore: number;
	log: string;
	processes: ProcessPeak[];
}

async function measure(kind: BuildRun['kind'], round: number, command: Command, outDir: string, paths: WorkPaths): Promise<BuildRun> {
	const logFile = join(paths.logs, `${kind}-${round}.log`);
	const loadBefore = loadavg()[0]!;
	const startedAt = performance.now();
	const { child, exited, logged } = start(command, paths.root, logFile);
	const sampler = new TreeSampler(child.pid!, startedAt);
	const { at, code: exitCode } = await exited;
	const wallMs = at - startedAt;
	const processes = sampler.stop();
	await logged;
	const log = stripAnsi(readFileSync(logFile, 'utf8'));
	const biggest = processes.reduce((a, b) => (b.peakKb > a.peakKb ? b : a), processes[0] ?? { pid: 0, command: '?', peakKb: 0, firstSeenMs: 0, lastSeenMs: 0 });
	const astro = processes.find((process) => process.pid !== child.pid && /astro(\.mjs)?\s+build\b/.test(process.command));
	const run: BuildRun = {
		kind,
		round,
		command: commandsRun.at(-1)!,
		wallMs,
		exitCode,
		peakKb: biggest.peakKb,
		peakCommand: shortCommand(biggest.command, paths.root),
		...(astro ? { astroProcessMs: astro.lastSeenMs - astro.firstSeenMs } : {}),
		phases: parsePhases(log),
		outputs: exitCode === 0 ? countOutputs(outDir) : { pages: 0, pdfs: 0, cards: 0, sizeKb: Number.NaN },
		waitedForLock: /Waiting for another build/.test(log),
		loadBefore,
		log: logFile,
		processes: processes.map((process) => ({ ...process, command: shortCommand(process.command, paths.root) })),
	};
	if (exitCode !== 0) {
		const tail = log.trimEnd().split('\n').slice(-40).join('\n');
		throw new Error(`${kind} build (round ${round}) failed with exit code ${exitCode}; the end of ${logFile}:\n${tail}`);
	}
	console.log(`    ${describeRun(run)}`);
	return run;
}

function describeRun(run: BuildRun): string {
	const outputs = [`${count(run.outputs.pages)} pages`, run.outputs.pdfs ? `${count(run.outputs.pdfs)} PDFs` : '', run.outputs.cards ? `${count(run.outputs.cards)} cards` : ''].filter(Boolean).join(' · ');
	const astro = run.astroProcessMs !== undefined ? `, astro process ${seconds(run.astroProcessMs)}` : '';
	return `${seconds(run.wallMs)}${astro}; peak ${gigabytes(run.peakKb)} (${run.peakCommand}); ${outputs}; ${megabytes(run.outputs.sizeKb)}; load before ${run.loadBefore.toFixed(1)}${run.waitedForLock ? '; WAITED FOR ANOTHER BUILD' : ''}`;
}

function countOutputs(dir: string): Outputs {
	const totals = { pages: 0, pdfs: 0, cards: 0 };
	const walk = (folder: string, inCards: boolean): void => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'pagefind') walk(path, inCards || (folder === dir && entry.name === 'og'));
			} else if (entry.name.endsWith('.html')) totals.pages++;
			else if (entry.name.endsWith('.pdf')) totals.pdfs++;
			else if (inCards && entry.name.endsWith('.png')) totals.cards++;
		}
	};
	walk(dir, false);
	return { ...totals, sizeKb: diskUsageKb(dir) };
}

function diskUsageKb(dir: string): number {
	const result = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
	return Number(result.stdout.split('\t')[0]);
}

/** Removes a cache folder's files; the folder itself stays when `keepFolder` (shared caches). */
function clear(path: string, keepFolder: boolean): void {
	if (!existsSync(path)) return;
	if (!keepFolder) {
		rmSync(path, { recursive: true, force: true });
		return;
	}
	for (const name of readdirSync(path)) rmSync(join(path, name), { recursive: true, force: true });
}

/** Waits while another build of the project holds its lock, so a timed build does not wait inside. */
async function lockFree(root: string): Promise<void> {
	const lock = join(root, '.rolebook', 'build.lock');
	let told = false;
	while (existsSync(lock)) {
		const holder = Number(readFileSync(lock, 'utf8').trim() || 0);
		if (!holder || !alive(holder)) return;
		if (!told) console.log(`    (waiting for another build of the project, process ${holder}, to finish)`);
		told = true;
		await sleep(500);
	}
}


const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ————— The steps —————

interface Options {
	roles: number;
	rounds: number;
	locales: string[];
	reuseCorpus: boolean;
	pagesOnly: boolean;
	dev: boolean;
	/** Run one part only: the builds (steps 2–3) or the dev server (step 4). */
	only?: 'builds' | 'dev';
	json?: string;
}

interface WorkPaths {
	root: string;
	work: string;
	corpus: string;
	logs: string;
	/** The copy of the corpus the dev server runs on (its edits never touch the corpus). */
	devCorpus: string;
	starlight: string;
	rolebookOut: string;
	pagesOut: string;
}

const HELP = `npm run bench:scale -- [options]

  --roles <n>         roles in the synthetic corpus (default 990)
  --rounds <n>        cold builds of each kind, alternating, and rounds of dev-server edits (default 3)
  --locales <list>    corpus languages (default en,ru,de)
  --reuse-corpus      keep the corpus already in the work folder when it has <n> roles
  --work <dir>        work folder: corpus, outputs, logs, the Starlight project (default .rolebook/bench-scale)
  --no-pages-only     skip the separate pages + search build (${SKIP_RENDER_MANY}=1 astro build)
  --no-dev            skip the dev-server figures
  --only <part>       run one part: "builds" (Starlight and the builds) or "dev" (the dev-server figures, no builds)
  --json <file>       also write the raw figures as JSON
`;

function parseOptions(root: string): { options: Options; paths: WorkPaths } {
	const { values } = parseArgs({
		allowNegative: true,
		options: {
			roles: { type: 'string', default: '990' },
			rounds: { type: 'string', default: '3' },
			locales: { type: 'string', default: 'en,ru,de' },
			'reuse-corpus': { type: 'boolean', default: false },
			work: { type: 'string', default: '.rolebook/bench-scale' },
			'pages-only': { type: 'boolean', default: true },
			dev: { type: 'boolean', default: true },
			only: { type: 'string' },
			json: { type: 'string' },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(HELP);
		process.exit(0);
	}
	const roles = Number(values.roles);
	const rounds = Number(values.rounds);
	if (!Number.isInteger(roles) || roles < 1) stop(`--roles must be a whole number of at least 1 (found: "${values.roles}").`);
	if (!Number.isInteger(rounds) || rounds < 1) stop(`--rounds must be a whole number of at least 1 (found: "${values.rounds}").`);
	if (values.only !== undefined && values.only !== 'builds' && values.only !== 'dev') stop(`--only takes "builds" or "dev" (found: "${values.only}").`);
	if (values.only === 'dev' && !values.dev) stop('--only dev and --no-dev contradict each other: drop one.');
	const work = resolve(root, values.work!);
	const paths: WorkPaths = {
		root,
		work,
		corpus: join(work, `corpus-${roles}`),
		logs: join(work, 'logs'),
		devCorpus: join(work, 'dev', `corpus-${roles}`),
		starlight: join(work, 'starlight'),
		rolebookOut: join(work, 'out', 'rolebook'),
		pagesOut: join(work, 'out', 'rolebook-pages'),
	};
	const options: Options = {
		roles,
		rounds,
		locales: values.locales!.split(',').map((locale) => locale.trim()),
		reuseCorpus: values['reuse-corpus']!,
		pagesOnly: values['pages-only']!,
		dev: values.dev! && values.only !== 'builds',
		...(values.only ? { only: values.only } : {}),
		...(values.json ? { json: resolve(values.json) } : {}),
	};
	return { options, paths };
}

function stop(message: string): never {
	console.error(`bench:scale: ${message}`);
	process.exit(1);
}

/** Step 1: the corpus, generated by the project's script (or kept with --reuse-corpus). */
async function prepareCorpus(options: Options, paths: WorkPaths): Promise<void> {
	const id = (n: number) => join(paths.corpus, 'roles', `role-${String(n).padStart(5, '0')}`);
	const complete = existsSync(id(options.roles)) && !existsSync(id(options.roles + 1)) && existsSync(join(paths.corpus, 'company.yaml'));
	if (options.reuseCorpus && complete) {
		console.log(`Corpus: reusing ${relative(paths.root, paths.corpus)} (${options.roles} roles)`);
		return;
	}
	console.log(`Corpus: ${options.roles} roles in ${options.locales.join(', ')}`);
	const tsx = join(paths.root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
	const command: Command = {
		argv: [process.execPath, tsx, 'scripts/synthetic-corpus.ts', '--roles', String(options.roles), '--locales', options.locales.join(','), '--out', paths.corpus],
		cwd: paths.root,
		env: {},
	};
	const { exited } = start(command, paths.root, join(paths.logs, 'corpus.log'));
	if ((await exited).code !== 0) stop(`the corpus script failed; see ${join(paths.logs, 'corpus.log')}`);
}

function loadCorpus(paths: WorkPaths): Rolebook {
	const { rolebook, problems } = loadRolebook({ root: paths.root, contentDir: paths.corpus });
	if (!rolebook) stop(`the corpus has errors (${problems.filter((p) => p.severity === 'error').length}): run "npm run check -- --content ${relative(paths.root, paths.corpus)}".`);
	return rolebook;
}

/** Step 2: the Starlight project, installed once; its pages rewritten from the model on every run. */
async function prepareStarlight(paths: WorkPaths, rolebook: Rolebook): Promise<{ pages: number }> {
	const version = (dir: string, name: string) => {
		try {
			return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version as string;
		} catch {
			return undefined;
		}
	};
	const astro = version(paths.root, 'astro')!;
	const pagefind = version(paths.root, 'pagefind')!;
	const dir = paths.starlight;
	mkdirSync(dir, { recursive: true });
	const manifest = {
		name: 'rolebook-bench-starlight',
		private: true,
		type: 'module',
		description: 'Written by scripts/bench-scale.ts: Starlight building the same corpus as Rolebook.',
		dependencies: { '@astrojs/starlight': STARLIGHT_VERSION, astro, pagefind },
		allowScripts: { esbuild: true, sharp: true },
	};
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	if (version(dir, '@astrojs/starlight') === STARLIGHT_VERSION && version(dir, 'astro') === astro && version(dir, 'pagefind') === pagefind) {
		console.log(`Starlight ${STARLIGHT_VERSION} (astro ${astro}, pagefind ${pagefind}): installed in ${relative(paths.root, dir)}`);
	} else {
		console.log(`Starlight ${STARLIGHT_VERSION} (astro ${astro}, pagefind ${pagefind}): installing in ${relative(paths.root, dir)}`);
		const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
		const { exited } = start({ argv: [...npm, 'install', '--no-audit', '--no-fund', '--loglevel=error'], cwd: dir, env: {} }, paths.root, join(paths.logs, 'starlight-install.log'));
		if ((await exited).code !== 0) stop(`npm install of Starlight failed; see ${join(paths.logs, 'starlight-install.log')}`);
	}
	writeFileSync(join(dir, 'astro.config.mjs'), starlightConfig(rolebook));
	mkdirSync(join(dir, 'src'), { recursive: true });
	writeFileSync(
		join(dir, 'src', 'content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
	);
	// Its own tsconfig, so nothing resolves the project's.
	writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify({ extends: 'astro/tsconfigs/strict', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] }, null, '\t')}\n`);
	return { pages: writeStarlightPages(join(dir, 'src', 'content', 'docs'), rolebook) };
}

function starlightConfig(rolebook: Rolebook): string {
	const { company } = rolebook;
	const locales = Object.fromEntries(company.locales.map((locale) => [locale, { label: languageName(rolebook, locale), lang: locale }]));
	const firstRole = publishedRoles(rolebook, { preview: false })[0];
	const firstChapter = publishedChapters(rolebook, { preview: false })[0];
	const sidebar = [
		...(firstRole ? [{ label: 'Roles', link: `/${company.defaultLocale}/roles/${firstRole.id}/` }] : []),
		...(firstChapter ? [{ label: 'Handbook', link: `/${company.defaultLocale}/handbook/${firstChapter.slug}/` }] : []),
	];
	const options = { title: company.name[company.defaultLocale] ?? 'Rolebook', defaultLocale: company.defaultLocale, locales, sidebar };
	return `// Written by scripts/bench-scale.ts.\nimport starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\n\nexport default defineConfig({\n\tsite: ${JSON.stringify(company.site.url)},\n\tintegrations: [starlight(${JSON.stringify(options, null, '\t').replaceAll('\n', '\n\t')})],\n});\n`;
}

/** One Markdown page per published role × translated locale and per chapter × configured locale. */
function writeStarlightPages(docs: string, rolebook: Rolebook): number {
	rmSync(docs, { recursive: true, force: true });
	const { defaultLocale, locales } = rolebook.company;
	let pages = 0;
	const write = (file: string, text: string) => {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text);
		pages++;
	};
	for (const role of publishedRoles(rolebook, { preview: false })) {
		for (const [locale, text] of Object.entries(role.texts)) write(join(docs, locale, 'roles', `${role.id}.md`), roleMarkdown(text));
	}
	for (const chapter of publishedChapters(rolebook, { preview: false })) {
		for (const locale of locales) write(join(docs, locale, 'handbook', `${chapter.slug}.md`), chapterMarkdown(localizeChapter(chapter, locale, defaultLocale).text));
	}
	return pages;
}

function rolebookColdCommand(paths: WorkPaths): Command {
	return { argv: [process.execPath, 'bin/rolebook.js', 'build', '--content', paths.corpus, '--out', paths.rolebookOut], cwd: paths.root, env: {} };
}

function pagesOnlyCommand(paths: WorkPaths): Command {
	const astro = join(paths.root, 'node_modules', 'astro', 'bin', 'astro.mjs');
	return {
		argv: [process.execPath, astro, 'build'],
		cwd: paths.root,
		env: { [SKIP_RENDER_MANY]: '1', ROLEBOOK_CONTENT: paths.corpus, ROLEBOOK_OUT_DIR: paths.pagesOut, ROLEBOOK_PREVIEW: '0' },
	};
}

function starlightCommand(paths: WorkPaths): Command {
	return { argv: [process.execPath, join(paths.starlight, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], cwd: paths.starlight, env: {} };
}

function clearRolebook(paths: WorkPaths, outDir: string): void {
	for (const cache of rolebookCaches(paths.corpus)) clear(join(paths.root, cache), cache.startsWith('.rolebook/'));
	for (const output of [outDir, `${outDir}.previous`, join(dirname(outDir), `.${basename(outDir)}.staging`)]) clear(output, false);
}

function clearStarlight(paths: WorkPaths): void {
	for (const cache of STARLIGHT_CACHES) clear(join(paths.starlight, cache), false);
}

/** Step 3: cold builds alternating per round, then one warm Rolebook rebuild. */
async function alternateBuilds(options: Options, paths: WorkPaths): Promise<BuildRun[]> {
	const runs: BuildRun[] = [];
	for (let round = 1; round <= options.rounds; round++) {
		if (options.pagesOnly) {
			console.log(`Round ${round}/${options.rounds} · Rolebook pages + search only (cold, ${SKIP_RENDER_MANY}=1 astro build)`);
			clearRolebook(paths, paths.pagesOut);
			await lockFree(paths.root);
			// Held like `rolebook build` holds it: one Astro build of this project at a time.
			runs.push(await withProjectLock(paths.root, { info: console.log, error: console.error }, () => measure('rolebook-pages', round, pagesOnlyCommand(paths), paths.pagesOut, paths)));
		}
		console.log(`Round ${round}/${options.rounds} · Rolebook (cold)`);
		runs.push(await withoutLockWait(() => measure('rolebook-cold', round, rolebookColdCommand(paths), paths.rolebookOut, paths), () => clearRolebook(paths, paths.rolebookOut), paths));
		console.log(`Round ${round}/${options.rounds} · Starlight (cold)`);
		clearStarlight(paths);
		runs.push(await measure('starlight-cold', round, starlightCommand(paths), join(paths.starlight, 'dist'), paths));
	}
	console.log('Rolebook rebuild, nothing changed (warm)');
	runs.push(await withoutLockWait(() => measure('rolebook-warm', 1, rolebookColdCommand(paths), paths.rolebookOut, paths), () => undefined, paths));
	return runs;
}

/**
 * A Rolebook build that had to wait for another build of the project (its lock) measured the
 * wait too: it is run again, up to three times in all, after `prepare` (the cold clean-up).
 */
async function withoutLockWait(build: () => Promise<BuildRun>, prepare: () => void, paths: WorkPaths): Promise<BuildRun> {
	let run: BuildRun | undefined;
	for (let attempt = 1; attempt <= 3; attempt++) {
		prepare();
		await lockFree(paths.root);
		run = await build();
		if (!run.waitedForLock) return run;
		console.log('    (it waited for another build of the project: measuring it again)');
	}
	return run!;
}

// ————— Step 4: the dev server —————

interface EditFigure {
	edit: string;
	/** Which round of edits (each round edits the body, the front matter and role.yaml once). */
	round: number;
	file: string;
	/** Milliseconds from saving to the page showing the change; undefined = never within the timeout. */
	pageMs?: number;
	/** Milliseconds to the PDF differing from before the edit; a string when not measured (404, not expected). */
	pdf: number | string;
}

interface DevFigures {
	command: string;
	roleUrl: string;
	pdfUrl: string;
	/** Milliseconds from start to the first role page answering 200; undefined = never. */
	firstPageMs?: number;
	/** The PDF right after the first page: status and milliseconds to answer. */
	firstPdf: { status: number | string; ms: number };
	edits: EditFigure[];
	peakKb: number;
	peakCommand: string;
}

async function freePort(): Promise<number> {
	return await new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

async function get(url: string, timeoutMs: number): Promise<{ status: number; body: Buffer } | { status: string; body?: undefined }> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs))) });
		return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
		return { status: cause };
	}
}

/** Polls `url` every 50 ms until `done` holds; the milliseconds from `since`, or undefined after the timeout. */
async function pollUntil(url: string, done: (answer: { status: number | string; body?: Buffer }) => boolean, since: number, timeoutMs: number): Promise<number | undefined> {
	for (;;) {
		const left = since + timeoutMs - performance.now();
		if (left <= 0) return undefined;
		const answer = await get(url, left);
		if (done(answer)) return performance.now() - since;
		await sleep(POLL_EVERY_MS);
	}
}

function devCommand(paths: WorkPaths, port: number): Command {
	const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
	return { argv: [...npm, 'run', 'dev', '--', '--port', String(port)], cwd: paths.root, env: { ROLEBOOK_CONTENT: paths.devCorpus } };
}

function editFile(file: string, change: (text: string) => string): void {
	if (!edited.has(file)) edited.set(file, readFileSync(file));
	writeFileSync(file, change(readFileSync(file, 'utf8')));
}

function restoreEdits(): void {
	for (const [file, bytes] of edited) writeFileSync(file, bytes);
	edited.clear();
}

/**
 * The dev server runs on a copy of the corpus (`<work>/dev/corpus-<n>`, refreshed every run), so
 * its edits never touch the corpus other builds may be reading at the same time.
 */
function prepareDevCorpus(paths: WorkPaths): void {
	rmSync(paths.devCorpus, { recursive: true, force: true });
	mkdirSync(dirname(paths.devCorpus), { recursive: true });
	cpSync(paths.corpus, paths.devCorpus, { recursive: true });
}

async function devServerFigures(options: Options, paths: WorkPaths, rolebook: Rolebook): Promise<DevFigures> {
	const locale = rolebook.company.defaultLocale;
	const role = publishedRoles(rolebook, { preview: false }).find((candidate) => candidate.texts[locale])!;
	const text = role.texts[locale]!;
	// The model was loaded from the corpus; the server reads (and the edits go to) the copy.
	const inCopy = (file: string) => join(paths.devCorpus, relative(paths.corpus, join(paths.root, file)));
	prepareDevCorpus(paths);
	const port = await freePort();
	const base = `http://localhost:${port}`;
	const roleUrl = `${base}/${locale}/roles/${role.id}/`;
	const pdfUrl = `${base}/${locale}/roles/${role.id}.pdf`;
	console.log(`Dev server on a copy of the corpus (${relative(paths.root, paths.devCorpus)}): ${roleUrl}`);
	const startedAt = performance.now();
	const { child } = start(devCommand(paths, port), paths.root, join(paths.logs, 'dev.log'));
	const sampler = new TreeSampler(child.pid!, startedAt);
	try {
		const firstPageMs = await pollUntil(roleUrl, (answer) => answer.status === 200, startedAt, DEV_START_TIMEOUT_MS);
		console.log(`    first role page: ${firstPageMs === undefined ? `never (${DEV_START_TIMEOUT_MS / 1000} s)` : seconds(firstPageMs)}`);
		const pdfStarted = performance.now();
		const pdfAnswer = await get(pdfUrl, EDIT_TIMEOUT_MS);
		const firstPdf = { status: pdfAnswer.status, ms: performance.now() - pdfStarted };
		console.log(`    its PDF: ${firstPdf.status} in ${seconds(firstPdf.ms)}`);
		const edits: EditFigure[] = [];
		if (firstPageMs !== undefined) {
			const roleFile = inCopy(join(role.dir, 'role.yaml'));
			const textFile = inCopy(text.file);
			const oldDate = role.document.effective ?? '2026-01-01';
			// Each round edits all three again, with new markers (the edits add up; the copy is thrown away).
			for (let round = 1; round <= options.rounds; round++) {
				const stamp = `${Date.now().toString(36)}r${round}`;
				const newDate = shiftDate(oldDate, -13 * round);
				const plan = [
					{ edit: 'MDX body', file: textFile, change: (mdx: string) => `${mdx.trimEnd()}\n\nBenchbody${stamp} edited.\n`, marker: `Benchbody${stamp}`, pdfPrints: false },
					{ edit: 'front matter (title)', file: textFile, change: (mdx: string) => withTitleSuffix(mdx, `Benchtitle${stamp}`), marker: `Benchtitle${stamp}`, pdfPrints: true },
					{ edit: 'role.yaml (document.effective)', file: roleFile, change: (yaml: string) => withEffectiveDate(yaml, newDate), marker: formatDate(newDate, locale), pdfPrints: true },
				];
				for (const step of plan) edits.push(await timeEdit(step, round, roleUrl, pdfUrl, paths.root));
			}
		}
		const processes = sampler.stop();
		const biggest = processes.reduce((a, b) => (b.peakKb > a.peakKb ? b : a));
		return {
			command: commandsRun.at(-1)!,
			roleUrl: roleUrl.replace(base, ''),
			pdfUrl: pdfUrl.replace(base, ''),
			...(firstPageMs !== undefined ? { firstPageMs } : {}),
			firstPdf,
			edits,
			peakKb: biggest.peakKb,
			peakCommand: shortCommand(biggest.command, paths.root),
		};
	} finally {
		sampler.stop();
		restoreEdits();
		await stopAndWait(child);
	}
}

async function timeEdit(
	step: { edit: string; file: string; change: (text: string) => string; marker: string; pdfPrints: boolean },
	round: number,
	roleUrl: string,
	pdfUrl: string,
	root: string,
): Promise<EditFigure> {
	const page = await get(roleUrl, EDIT_TIMEOUT_MS);
	const pdf = await get(pdfUrl, EDIT_TIMEOUT_MS);
	if (page.body?.toString('utf8').includes(step.marker)) throw new Error(`the page shows "${step.marker}" before the edit of the ${step.edit}: choose another marker`);
	const savedAt = performance.now();
	editFile(step.file, step.change);
	const pageShows = pollUntil(roleUrl, (answer) => answer.status === 200 && answer.body!.toString('utf8').includes(step.marker), savedAt, EDIT_TIMEOUT_MS);
	const pdfChanges: Promise<number | string> = !step.pdfPrints
		? Promise.resolve('not expected (the PDF does not print the body)')
		: pdf.status !== 200
			? Promise.resolve(String(pdf.status))
			: pollUntil(pdfUrl, (answer) => answer.status === 200 && !answer.body!.equals(pdf.body!), savedAt, EDIT_TIMEOUT_MS).then((ms) => ms ?? Number.POSITIVE_INFINITY);
	const figure: EditFigure = { edit: step.edit, round, file: relative(root, step.file), pdf: await pdfChanges };
	const pageMs = await pageShows;
	if (pageMs !== undefined) figure.pageMs = pageMs;
	console.log(`    ${step.edit} (round ${round}): page ${showEditTime(figure.pageMs)}, PDF ${showPdf(figure.pdf)}`);
	return figure;
}

/** Edit times to the hundredth of a second: the goal is 1 s. */
const showEditTime = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? `never (${EDIT_TIMEOUT_MS / 1000} s)` : `${(ms / 1000).toFixed(2)} s`);
const showPdf = (pdf: number | string) => (typeof pdf === 'number' ? showEditTime(pdf) : /^\d+$/.test(pdf) ? `${pdf} (no PDF in dev)` : pdf);

/** One row per kind of edit: the median over the rounds, and every round's figure when there were several. */
function editRows(edits: readonly EditFigure[]): string[] {
	const kinds = [...new Set(edits.map((edit) => edit.edit))];
	return kinds.map((kind) => {
		const of = edits.filter((edit) => edit.edit === kind);
		const pages = of.map((edit) => edit.pageMs ?? Number.POSITIVE_INFINITY);
		const pdfs = of.map((edit) => edit.pdf);
		const all = (values: (number | string)[]) => (of.length > 1 ? ` (${values.map((value) => (typeof value === 'number' ? (Number.isFinite(value) ? (value / 1000).toFixed(2) : 'never') : value)).join(', ')})` : '');
		const pdfCell = pdfs.every((pdf) => typeof pdf === 'number') ? `${showEditTime(median(pdfs as number[]))}${all(pdfs)}` : showPdf(pdfs[0]!);
		return `| an edit of the ${kind} visible | ${showEditTime(median(pages))}${all(pages)} | ${pdfCell} |`;
	});
}

// ————— Step 5: the report —————

interface Summary {
	rolebookColdMs: number;
	starlightColdMs: number;
	pagesSearchMs: number;
	pagesSearchSource: string;
	buildRatio: number;
	pagesRatio: number;
}

function summarise(runs: BuildRun[]): Summary {
	const of = (kind: BuildRun['kind']) => runs.filter((run) => run.kind === kind);
	const rolebookColdMs = median(of('rolebook-cold').map((run) => run.wallMs));
	const starlightColdMs = median(of('starlight-cold').map((run) => run.wallMs));
	const pages = of('rolebook-pages');
	const pagesSearchMs = pages.length > 0 ? median(pages.map((run) => run.wallMs)) : median(of('rolebook-cold').map((run) => run.astroProcessMs ?? Number.NaN));
	const pagesSearchSource = pages.length > 0 ? `${SKIP_RENDER_MANY}=1 astro build` : 'the astro process of the full build';
	return { rolebookColdMs, starlightColdMs, pagesSearchMs, pagesSearchSource, buildRatio: rolebookColdMs / starlightColdMs, pagesRatio: pagesSearchMs / starlightColdMs };
}

/** The run whose wall time is the median (the lower middle for an even count). */
function medianRun(runs: BuildRun[]): BuildRun | undefined {
	const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

function phaseSummary(run: BuildRun | undefined): string {
	if (!run) return '';
	const short = (name: string) => (/PDF/.test(name) ? 'PDFs' : /link-preview|image/.test(name) ? 'cards' : name);
	const phases = run.phases.filter((phase) => !/^Site built/.test(phase.name));
	return phases.map((phase) => `${short(phase.name)} ${seconds(phase.ms)}${phase.count !== undefined ? ` (${count(phase.count)}${phase.name === 'Astro' ? ' pages' : ''})` : ''}`).join(', ');
}

function printReport(options: Options, paths: WorkPaths, runs: BuildRun[], dev: DevFigures | undefined, starlightPages: number): void {
	const rounds = options.rounds === 1 ? '1 round' : `medians of ${options.rounds} rounds`;
	console.log(`\n## bench:scale — ${options.roles} roles in ${options.locales.join(', ')} (${rounds}), ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}\n`);
	if (options.only !== 'dev') printBuilds(runs, starlightPages);
	if (dev) {
		console.log(`\n| \`npm run dev\`, ${options.roles}-role corpus, ${dev.roleUrl} | page | PDF (${dev.pdfUrl}) |`);
		console.log('| --- | --- | --- |');
		console.log(`| first role page (from start) | ${dev.firstPageMs === undefined ? `never (${DEV_START_TIMEOUT_MS / 1000} s)` : seconds(dev.firstPageMs)} | ${dev.firstPdf.status} after the page, in ${seconds(dev.firstPdf.ms)} |`);
		for (const row of editRows(dev.edits)) console.log(row);
		console.log(`| peak memory of one process | ${gigabytes(dev.peakKb)} (${dev.peakCommand}) | |`);
	}
	console.log(`\nCommands run (from ${paths.root}):`);
	for (const line of commandsRun) console.log(`  ${line}`);
	console.log(`Logs: ${relative(paths.root, paths.logs)}/`);
}

function printBuilds(runs: BuildRun[], starlightPages: number): void {
	const of = (kind: BuildRun['kind']) => runs.filter((run) => run.kind === kind);
	const summary = summarise(runs);
	const cold = of('rolebook-cold');
	const pages = of('rolebook-pages');
	const starlight = of('starlight-cold');
	const warm = of('rolebook-warm');
	const peakOf = (list: BuildRun[]) => {
		const largest = [...list].sort((a, b) => b.peakKb - a.peakKb)[0];
		if (!largest) return '—';
		const most = list.length > 1 ? `; highest of ${list.length} runs ${gigabytes(largest.peakKb)}` : '';
		return `${gigabytes(median(list.map((run) => run.peakKb)))} (${largest.peakCommand}${most})`;
	};
	const mid = medianRun(cold);
	const midStarlight = medianRun(starlight);
	console.log(`| cold build of the same corpus | Rolebook | Starlight ${STARLIGHT_VERSION} |`);
	console.log('| --- | --- | --- |');
	console.log(
		`| wall time | ${seconds(summary.rolebookColdMs)}: ${phaseSummary(mid)}; ${count(mid?.outputs.pages ?? 0)} pages, ${count(mid?.outputs.pdfs ?? 0)} PDFs, ${count(mid?.outputs.cards ?? 0)} cards | ${seconds(summary.starlightColdMs)} (${count(midStarlight?.outputs.pages ?? 0)} pages from ${count(starlightPages)} Markdown files) |`,
	);
	const astroInFull = median(cold.map((run) => run.astroProcessMs ?? Number.NaN));
	const pagesCell = pages.length > 0 ? `${seconds(summary.pagesSearchMs)} (${summary.pagesSearchSource}${ignoredSkip(pages)})${Number.isFinite(astroInFull) ? `; astro process inside the full build ${seconds(astroInFull)}` : ''}` : `${seconds(summary.pagesSearchMs)} (${summary.pagesSearchSource})`;
	console.log(`| pages + search | ${pagesCell} | ${seconds(summary.starlightColdMs)} |`);
	console.log(`| peak memory of one process | ${peakOf(cold)} | ${peakOf(starlight)} |`);
	console.log(`| rebuild with nothing changed | ${warm[0] ? `${seconds(warm[0].wallMs)}: ${phaseSummary(warm[0])}` : '—'} | — |`);
	console.log(`| output | ${megabytes(median(cold.map((run) => run.outputs.sizeKb)))} | ${megabytes(median(starlight.map((run) => run.outputs.sizeKb)))} |`);
	console.log(`\nRolebook cold build ÷ Starlight cold build: ${ratio(summary.rolebookColdMs, summary.starlightColdMs)} (goal ≤ 1.5)`);
	console.log(`pages + search ÷ Starlight cold build: ${ratio(summary.pagesSearchMs, summary.starlightColdMs)} (goal ≤ 1.0)`);
	if (runs.some((run) => run.waitedForLock)) console.log('Note: a build waited for another build of the project; its wall time includes the wait.');

	console.log('\nEvery build:');
	for (const run of runs) console.log(`  ${run.kind} ${run.round}: ${describeRun(run)}${run.phases.length > 0 ? `\n      ${run.phases.map((phase) => phase.line).join('\n      ')}` : ''}`);

}

function ignoredSkip(pages: BuildRun[]): string {
	const made = pages.find((run) => run.outputs.pdfs > 0 || run.outputs.cards > 0);
	return made ? `; ${SKIP_RENDER_MANY} IGNORED: it made ${count(made.outputs.pdfs)} PDFs and ${count(made.outputs.cards)} cards` : '';
}

// ————— main —————

async function main(): Promise<void> {
	const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
	if (major < 22 || (major === 22 && minor < 12)) stop(`needs Node 22.12 or newer (this is ${process.version}): run it as "npm run bench:scale", which uses the project's Node.`);
	const { options, paths } = parseOptions(root);
	process.on('SIGINT', () => interrupted());
	process.on('SIGTERM', () => interrupted());
	const started = performance.now();
	await prepareCorpus(options, paths);
	const rolebook = loadCorpus(paths);
	const builds = options.only !== 'dev';
	const starlight = builds ? await prepareStarlight(paths, rolebook) : { pages: 0 };
	const runs = builds ? await alternateBuilds(options, paths) : [];
	const dev = options.dev ? await devServerFigures(options, paths, rolebook) : undefined;
	printReport(options, paths, runs, dev, starlight.pages);
	console.log(`The whole benchmark took ${seconds(performance.now() - started)}.`);
	if (options.json) {
		const figures = { date: new Date().toISOString(), machine: { cores: availableParallelism(), memoryBytes: totalmem(), node: process.version }, options, ...(builds ? { summary: summarise(runs) } : {}), runs, dev, commands: commandsRun };
		writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
		console.log(`Raw figures: ${options.json}`);
	}
}

function interrupted(): void {
	for (const child of running) stopTree(child, 'SIGKILL');
	restoreEdits();
	console.error('\nbench:scale: interrupted; builds stopped, edited corpus files restored.');
	process.exit(130);
}

const entry = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) {
	try {
		await main();
	} catch (error) {
		for (const child of running) stopTree(child, 'SIGKILL');
		restoreEdits();
		console.error(`bench:scale: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
