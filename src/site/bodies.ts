/**
 * The compiled MDX body of a role text or chapter, looked up by its id in Astro's content store
 * (`RoleText.bodyId`, `ChapterText.bodyId`) — never guessed from a file path, so content kept
 * outside the project folder renders the same.
 *
 * In `astro dev` the store gets a saved body up to a second after the model does (Astro writes
 * the whole store, debounced, then reloads it): until then the body the model has is rendered
 * by the content loader's own renderer (src/model/live.ts `renderLiveBody`), so a page shows
 * the saved text at once, and never a new title over an old body.
 */
import { getEntry, render } from 'astro:content';
import { renderLiveBody } from '../model/live.ts';
import type { ChapterText, RoleText } from '../model/index.ts';

/** `check` read and compiled every body; not finding one now is a bug in Rolebook, never a blank page. */
function missing(text: RoleText | ChapterText): Error {
	return new Error(`The MDX body of ${text.file} (entry "${text.bodyId}") is missing from Astro's content store`);
}

async function body(collection: 'roleTexts' | 'chapters', text: RoleText | ChapterText) {
	const entry = await getEntry(collection, text.bodyId);
	if (entry?.body === text.body) return (await render(entry)).Content;
	const fresh = renderLiveBody(text.body, text.file);
	if (!fresh) {
		if (!entry) throw missing(text);
		return (await render(entry)).Content;
	}
	const saved = { id: text.bodyId, collection, data: {}, filePath: text.file, ...entry, body: text.body, rendered: await fresh };
	return (await render(saved as NonNullable<typeof entry>)).Content;
}

export async function roleBody(text: RoleText) {
	return await body('roleTexts', text);
}

export async function chapterBody(text: ChapterText) {
	return await body('chapters', text);
}
