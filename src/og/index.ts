/** Link-preview (OpenGraph) images: what each card says, rendering, and the build step with its cache. */
export { renderCard, type CardContent } from './card.ts';
export { cardJobs, type CardJob, type CardOptions, type CardText } from './cards.ts';
export { cardGlyphFindings } from './coverage.ts';
export { generateOgImages, type OgResult } from './generate.ts';
export { CARD_HEIGHT, CARD_WIDTH, ogImageFile, type CardKind } from './paths.ts';
