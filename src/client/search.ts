/**
 * Search UI over Pagefind's JS API (no Pagefind UI bundle: it would double the first-query
 * transfer). Each page searches the index of its own <html lang>, so Russian pages get
 * Russian stemming. Results show type and department; both are filters.
 */
interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}
interface PagefindSearch {
	results: { id: string; data: () => Promise<PagefindResultData> }[];
	filters: Record<string, Record<string, number>>;
	unfilteredResultCount: number;
}
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	debouncedSearch(term: string, options?: { filters?: Record<string, string[]> }, debounceMs?: number): Promise<PagefindSearch | null>;
}

interface Labels {
	noResults: string;
	results: string;
	filterType: string;
	filterDepartment: string;
	unavailable: string;
}

const SHOWN_RESULTS = 6;

export function attach(root: HTMLElement): void {
	const input = root.querySelector<HTMLInputElement>('input')!;
	const output = root.querySelector<HTMLElement>('.search-results')!;
	const bundle = root.dataset.bundle!;
	const labels = JSON.parse(root.dataset.labels!) as Labels;
	const selected: Record<string, Set<string>> = { type: new Set(), department: new Set() };
	let pagefind: Promise<Pagefind> | undefined;

	const load = () =>
		(pagefind ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (module) => {
			await module.options({ baseUrl: root.dataset.base, excerptLength: 24 });
			await module.init();
			// Loading the filter index makes each search report counts per type and department.
			await module.filters();
			return module;
		}));

	const render = async () => {
		const query = input.value.trim();
		if (query === '') {
			output.hidden = true;
			output.replaceChildren();
			return;
		}
		let search: PagefindSearch | null;
		try {
			const filters = Object.fromEntries(Object.entries(selected).filter(([, values]) => values.size > 0).map(([key, values]) => [key, [...values]]));
			search = await (await load()).debouncedSearch(query, { filters }, 120);
		} catch {
			output.hidden = false;
			output.textContent = labels.unavailable;
			return;
		}
		if (search === null) return; // superseded by a newer keystroke
		const results = await Promise.all(search.results.slice(0, SHOWN_RESULTS).map((result) => result.data()));
		output.hidden = false;
		output.replaceChildren(filterBar(search), summary(search.results.length, query), list(results));
	};

	const summary = (count: number, query: string) => {
		const p = document.createElement('p');
		p.className = 'search-count';
		p.textContent = count === 0 ? labels.noResults.replace('{query}', query) : labels.results.replace('{count}', String(count));
		return p;
	};

	const list = (results: PagefindResultData[]) => {
		const ol = document.createElement('ol');
		for (const result of results) {
			const li = document.createElement('li');
			const link = document.createElement('a');
			link.href = result.url;
			link.textContent = result.meta.title ?? result.url;
			const badges = document.createElement('span');
			badges.className = 'badges';
			for (const value of [result.meta.type, result.meta.department]) {
				if (!value) continue;
				const badge = document.createElement('span');
				badge.className = 'badge';
				badge.textContent = value;
				badges.append(badge);
			}
			const excerpt = document.createElement('p');
			excerpt.innerHTML = result.excerpt; // Pagefind's excerpt of our own content, with <mark> around matches
			li.append(link, badges, excerpt);
			ol.append(li);
		}
		return ol;
	};

	const filterBar = (search: PagefindSearch) => {
		const bar = document.createElement('div');
		bar.className = 'search-filters';
		for (const [key, legendText] of [['type', labels.filterType], ['department', labels.filterDepartment]] as const) {
			const counts = search.filters[key] ?? {};
			if (Object.keys(counts).length === 0) continue;
			const fieldset = document.createElement('fieldset');
			const legend = document.createElement('legend');
			legend.textContent = legendText;
			fieldset.append(legend);
			for (const [value, count] of Object.entries(counts)) {
				const label = document.createElement('label');
				const box = document.createElement('input');
				box.type = 'checkbox';
				box.name = key;
				box.value = value;
				box.checked = selected[key]!.has(value);
				box.addEventListener('change', () => {
					if (box.checked) selected[key]!.add(value);
					else selected[key]!.delete(value);
					void render();
				});
				label.append(box, ` ${value} (${count})`);
				fieldset.append(label);
			}
			bar.append(fieldset);
		}
		return bar;
	};

	input.addEventListener('input', () => void render());
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') {
			input.value = '';
			void render();
		}
	});
	void load();
	if (input.value) void render();
}
