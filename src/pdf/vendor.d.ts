/** Types for the `linebreak` package (UAX #14 line breaking), which ships none. */
declare module 'linebreak' {
	export interface Break {
		/** Index in the string where the next segment starts. */
		position: number;
		/** A mandatory break (newline). */
		required: boolean;
	}
	export default class LineBreaker {
		constructor(text: string);
		nextBreak(): Break | null;
	}
}
