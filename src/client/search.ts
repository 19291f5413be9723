/**
 * Search UI over Pagefind's JS API (no Pagefind UI bundle: it would double the first-query
 * transfer). Each page searches the index of its own <html lang>, so Russian pages get
 * Russian stemming. Results show type and department; the filters for both load only when
 * the reader opens them, so a plain first query downloads as little as possible.
 */
interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
}
interface PagefindSearch {
	results: { id: string; data: () => Promise<PagefindResultData> }[];
	filters: Record<string, Record<string, number>>;
}
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(term: string, options?: { filters?: Record<string, string[]> }): Promise<PagefindSearch>;
}

interface Labels {
	noResults: string;
	results: string;
	filterType: string;
	filterDepartment: string;
	showFilters: string;
	unavailable: string;
}

const SHOWN_RESULTS = 5;
const FILTERS = ['type', 'department'] as const;

export function attach(root: HTMLElement, pagefindModule: Promise<unknown>): void {
	const input = root.querySelector<HTMLInputElement>('input')!;
	const output = root.querySelector<HTMLElement>('.search-results')!;
	const labels = JSON.parse(root.dataset.labels!) as Labels;
	const selected: Record<string, Set<string>> = { type: new Set(), department: new Set() };
	let filtersOpen = false;
	let filtersLoaded: Promise<unknown> | undefined;
	// No debounce: a search costs a few milliseconds once its index chunk is loaded, so every
	// keystroke searches at once and only the newest answer is shown.
	let latest = 0;

	const ready = (pagefindModule as Promise<Pagefind>).then(async (pagefind) => {
		await pagefind.options({ baseUrl: root.dataset.base, excerptLength: 24 });
		await pagefind.init();
		return pagefind;
	});

	const render = async () => {
		const ticket = ++latest;
		const query = input.value.trim();
		if (query === '') {
			output.hidden = true;
			output.replaceChildren();
			return;
		}
		let search: PagefindSearch;
		try {
			const pagefind = await ready;
			if (filtersOpen) await (filtersLoaded ??= pagefind.filters());
			const filters = Object.fromEntries(Object.entries(selected).filter(([, values]) => values.size > 0).map(([key, values]) => [key, [...values]]));
			search = await pagefind.search(query, { filters });
		} catch {
			output.hidden = false;
			output.textContent = labels.unavailable;
			return;
		}
		if (ticket !== latest) return;
		const results = await Promise.all(search.results.slice(0, SHOWN_RESULTS).map((result) => result.data()));
		if (ticket !== latest) return;
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
			excerpt.append(...excerptNodes(result.excerpt));
			li.append(link, badges, excerpt);
			ol.append(li);
		}
		return ol;
	};

	const filterBar = (search: PagefindSearch) => {
		const bar = document.createElement('div');
		bar.className = 'search-filters';
		const toggle = document.createElement('button');
		toggle.type = 'button';
		toggle.className = 'filter-toggle';
		toggle.textContent = labels.showFilters;
		toggle.setAttribute('aria-expanded', String(filtersOpen));
		toggle.addEventListener('click', () => {
			filtersOpen = !filtersOpen;
			void render().then(() => output.querySelector<HTMLElement>('.filter-toggle')?.focus());
		});
		bar.append(toggle);
		if (!filtersOpen) return bar;
		for (const key of FILTERS) {
			const counts = search.filters[key] ?? {};
			if (Object.keys(counts).length === 0) continue;
			const fieldset = document.createElement('fieldset');
			const legend = document.createElement('legend');
			legend.textContent = key === 'type' ? labels.filterType : labels.filterDepartment;
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
	if (input.value) void render();
}

/**
 * Pagefind's excerpt as text with its <mark> highlights, built as DOM nodes: only the mark
 * tags become elements, so whatever else an excerpt holds stays text, never markup.
 */
function excerptNodes(excerpt: string): Node[] {
	const decode = (html: string) => new DOMParser().parseFromString(html, 'text/html').documentElement.textContent ?? '';
	return excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).map((part) => {
		const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
		if (!marked) return document.createTextNode(decode(part));
		const mark = document.createElement('mark');
		mark.textContent = decode(marked[1]!);
		return mark;
	});
}
