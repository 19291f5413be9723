import { z } from 'zod';
import { kebabId } from './common.ts';

/** Front matter of `content/handbook/<locale>/<slug>.mdx`. */
export const chapterSchema = z.strictObject({
	title: z.string().trim().min(1),
	/** Position in the handbook, 1 first. */
	order: z.int().min(1),
	/** One or two sentences for the home page, search results and link previews. */
	summary: z.string().trim().min(1),
	/** Role ids this chapter is for; empty means everyone. */
	roles: z.array(kebabId).default([]),
	/** Drafts appear only in preview builds. */
	draft: z.boolean().default(false),
});
export type ChapterData = z.output<typeof chapterSchema>;
