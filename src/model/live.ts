/**
 * The one loaded model of a process, shared by everything in it that renders: the build
 * integration (PDFs, cards, search), the Astro pages (which Vite loads as separate module
 * copies, hence a global slot) and the dev server. Loaded once per build; in the dev server
 * loaded again, lazily, after any content file changed (`invalidateContent`) — unchanged files
 * come from the reader's memo, so a reload after one save stays fast.
 */
import { loadRolebook, type LoadOptions, type LoadResult } from './index.ts';

interface LiveModel {
	/** Bumped on every content change. */
	generation: number;
	loaded?: { generation: number; result: LoadResult };
}

const SLOT = Symbol.for('rolebook.live-model');

function live(): LiveModel {
	const global = globalThis as { [SLOT]?: LiveModel };
	return (global[SLOT] ??= { generation: 0 });
}

/** The model for the content as it is now (loaded at most once per change). */
export function liveRolebook(options: LoadOptions = {}): LoadResult {
	const state = live();
	if (!state.loaded || state.loaded.generation !== state.generation) state.loaded = { generation: state.generation, result: loadRolebook(options) };
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
