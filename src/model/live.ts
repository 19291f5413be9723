/**
 * The one loaded model of a process, shared by everything in it that renders: the build
 * integration (PDFs, cards, search), the Astro pages (which Vite loads as separate module
 * copies, hence a global slot) and the dev server. Loaded once per build; in the dev server
 * loaded again after any content file changed (`invalidateContent`).
 *
 * A reload is incremental: the reader re-reads only files whose stamp changed (source.ts), the
 * loader re-checks the schema of only those (load.ts), and the stages after it keep their work
 * for the files that did not change (a text's own rules in rules/role-texts.ts, a text's
 * numbering and fingerprint in normalise.ts) — each keyed by the validated data object, which
 * stays the same object while its file is unchanged. The rules that span files run in full on
 * every reload, so a reload finds what `check` finds.
 */
import { loadRolebook, type LoadOptions, type LoadResult } from './index.ts';

/** A body rendered to HTML, as Astro's content store keeps it (`RenderedContent`). */
export interface RenderedBody {
	html: string;
	metadata?: { imagePaths?: string[]; [key: string]: unknown };
}

/** Renders a text's Markdown body, as the content loader does; `file` relative to the project root. */
export type BodyRenderer = (body: string, file: string) => Promise<RenderedBody>;

interface LiveModel {
	/** Bumped on every content change. */
	generation: number;
	loaded?: { generation: number; result: LoadResult };
	/** The copy of the model code that loads for every copy (see `claimLoading`). */
	load?: (options: LoadOptions) => LoadResult;
	/** The dev server's content loader, for bodies saved since the store was written. */
	renderBody?: BodyRenderer;
	/** Bodies rendered by `renderBody`, the latest per file. */
	rendered: Map<string, { body: string; html: Promise<RenderedBody> }>;
}

const SLOT = Symbol.for('rolebook.live-model');

function live(): LiveModel {
	const global = globalThis as { [SLOT]?: LiveModel };
	return (global[SLOT] ??= { generation: 0, rendered: new Map() });
}

/**
 * This copy of the model code loads the model for every copy in the process. The memos that
 * make a reload incremental live in module copies, so one copy must do every load: the build
 * integration claims it (a page's copy loading after the next save would start cold).
 */
export function claimLoading(): void {
	live().load = loadRolebook;
}

/** The model for the content as it is now (loaded at most once per change). */
export function liveRolebook(options: LoadOptions = {}): LoadResult {
	const state = live();
	if (!state.loaded || state.loaded.generation !== state.generation) {
		state.loaded = { generation: state.generation, result: (state.load ??= loadRolebook)(options) };
	}
	return state.loaded.result;
}

/** A content file changed: the next `liveRolebook()` loads again. */
export function invalidateContent(): void {
	live().generation++;
}

/** Which load the model is at: pages and servers compare it to know their derived data is stale. */
export function contentGeneration(): number {
	return live().generation;
}

/** The dev server's content loader offers its body renderer (src/content.config.ts). */
export function provideBodyRenderer(render: BodyRenderer): void {
	const state = live();
	state.renderBody = render;
	state.rendered.clear();
}

/**
 * A body rendered as the content loader renders it, for a page whose model has a body the
 * content store does not have yet; undefined outside the dev server. The latest per file is
 * kept, so polling a page does not render it again.
 */
export function renderLiveBody(body: string, file: string): Promise<RenderedBody> | undefined {
	const state = live();
	if (!state.renderBody) return undefined;
	const known = state.rendered.get(file);
	if (known?.body === body) return known.html;
	const html = state.renderBody(body, file);
	state.rendered.set(file, { body, html });
	// A failed render is not kept: the next request tries again.
	html.catch(() => state.rendered.get(file)?.html === html && state.rendered.delete(file));
	return html;
}
