/**
 * Astro collections over the MDX files of `content/`, used to compile their bodies for the
 * web pages. Their front matter is checked with the same schemas as src/model; all page data
 * comes from the normalised model (src/site/rolebook.ts), never from these entries.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema, roleTextSchema } from './model/schema/index.ts';

const contentDir = process.env.ROLEBOOK_CONTENT ?? './content';

export const collections = {
	roleTexts: defineCollection({
		loader: glob({ pattern: ['*/*.mdx', '*/versions/*/*.mdx'], base: `${contentDir}/roles` }),
		schema: roleTextSchema,
	}),
	chapters: defineCollection({
		loader: glob({ pattern: '*/*.mdx', base: `${contentDir}/handbook` }),
		schema: chapterSchema,
	}),
};
