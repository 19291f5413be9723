/**
 * Word in and out.
 *   render.ts    one role in one locale → DOCX bytes (the PDF's document model, as Word structure)
 *   shapes.ts    docx writes each shape of paragraph or table once per process; documents fill in their texts
 *   package.ts   reproducible bytes: fixed core properties, zip parts in a fixed order with one date
 *   generate.ts  which DOCX files a site has (siteDocxJobs), and writing them
 *   read.ts      a .docx → paragraphs, list levels and labels, tables, headers, footers, properties
 *   import/      Word job descriptions → draft roles and translations (`rolebook import`)
 */
export { renderRoleDocx, docxContentKey, bookmarkName, DOCX_PROPERTIES, DOCX_STYLES, type DocxOptions } from './render.ts';
export { siteDocxJobs, writeDocxFiles, type DocxJob } from './generate.ts';
export { readDocx, allParagraphs, DocxReadError, type DocxContent, type DocxParagraph } from './read.ts';
export { planImport, type FileResult, type ImportOptions } from './import/index.ts';
