/**
 * The compiled MDX body of a role text or chapter, looked up by its id in Astro's content store
 * (`RoleText.bodyId`, `ChapterText.bodyId`) — never guessed from a file path, so content kept
 * outside the project folder renders the same.
 */
import { getEntry, render } from 'astro:content';
import type { ChapterText, RoleText } from '../model/index.ts';

export async function roleBody(text: RoleText) {
	return body(await getEntry('roleTexts', text.bodyId), text);
}

export async function chapterBody(text: ChapterText) {
	return body(await getEntry('chapters', text.bodyId), text);
}

async function body(entry: Parameters<typeof render>[0] | undefined, text: RoleText | ChapterText) {
	// `check` read and compiled this body; not finding it now is a bug in Rolebook, never a blank page.
	if (!entry) throw new Error(`The MDX body of ${text.file} (entry "${text.bodyId}") is missing from Astro's content store`);
	return (await render(entry)).Content;
}
