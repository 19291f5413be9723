/**
 * The compiled MDX body of a role text or chapter, looked up by its id in Astro's content store
 * (`RoleText.bodyId`, `ChapterText.bodyId`) — never guessed from a file path, so content kept
 * outside the project folder renders the same.
 */
import { getEntry, render } from 'astro:content';
import type { ChapterText, RoleText } from '../model/index.ts';

/** `check` read and compiled every body; not finding one now is a bug in Rolebook, never a blank page. */
function missing(text: RoleText | ChapterText): Error {
	return new Error(`The MDX body of ${text.file} (entry "${text.bodyId}") is missing from Astro's content store`);
}

export async function roleBody(text: RoleText) {
	const entry = await getEntry('roleTexts', text.bodyId);
	if (!entry) throw missing(text);
	return (await render(entry)).Content;
}

export async function chapterBody(text: ChapterText) {
	const entry = await getEntry('chapters', text.bodyId);
	if (!entry) throw missing(text);
	return (await render(entry)).Content;
}
