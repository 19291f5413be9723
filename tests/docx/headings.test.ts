/** Section headings in the six locales, with or without numbers, in capitals or not → section kinds. */
import { describe, expect, it } from 'vitest';
import { Recogniser } from '../../src/docx/import/structure.ts';
import { findTarget } from '../../src/docx/import/index.ts';
import { copyOfContent } from './helpers.ts';

const copy = copyOfContent();
const rolebook = copy.load();
copy.cleanup();
const recogniser = new Recogniser(rolebook.strings, Object.values(rolebook.company.name));

describe('section headings', () => {
	const cases: [string, string, string][] = [
		['en', 'General provisions', 'general-provisions'],
		['en', 'JOB RESPONSIBILITIES', 'duties'],
		['en', 'Rights of the key account manager', 'rights'],
		['en', 'Responsibility', 'responsibility'],
		['en', 'Evaluation criteria', 'performance-criteria'],
		['ru', 'Общие положения', 'general-provisions'],
		['ru', 'ОСНОВНЫЕ ЗАДАЧИ И ФУНКЦИИ', 'main-tasks'],
		['ru', 'Должностные обязанности менеджера', 'duties'],
		['ru', 'ПРАВА', 'rights'],
		['ru', 'Ответственность', 'responsibility'],
		['ru', 'Коммерческая тайна', 'trade-secrets'],
		['de', 'ALLGEMEINE BESTIMMUNGEN', 'general-provisions'],
		['de', 'Hauptaufgaben und Funktionen', 'main-tasks'],
		['de', 'ARBEITSVERANTWORTLICHKEITEN', 'duties'],
		['de', 'Rechte', 'rights'],
		['de', 'VERANTWORTUNG', 'responsibility'],
		['nb', 'Generelle bestemmelser', 'general-provisions'],
		['nb', 'Jobbansvar for en key account manager', 'duties'],
		['nb', 'Rettigheter til en nøkkelkontoansvarlig', 'rights'],
		['nb', 'Ansvar for key account manager', 'responsibility'],
		['sv', 'Allmänna bestämmelser', 'general-provisions'],
		['sv', 'ARBETSUPPGIFTER', 'duties'],
		['sv', 'Ansvarsområden', 'duties'],
		['sv', 'Befogenheter och rättigheter', 'rights'],
		['sv', 'Ansvar', 'responsibility'],
		['tr', 'Genel hükümler', 'general-provisions'],
		['tr', 'GENEL HÜKÜMLER', 'general-provisions'],
		['tr', 'Görev ve yükümlülükler', 'duties'],
		['tr', 'YETKİLER', 'rights'],
		['tr', 'Sorumluluk', 'responsibility'],
		['tr', 'Çalışma koşulları', 'working-conditions'],
	];
	for (const [locale, heading, kind] of cases) {
		it(`${locale}: "${heading}" → ${kind}`, () => {
			expect(recogniser.kind(heading)?.kind).toBe(kind);
		});
	}
	it('does not take a lead-in or a duty for a heading', () => {
		expect(recogniser.kind('The key account manager has the right to:')).toBeUndefined();
		expect(recogniser.kind('Plans individual sales volumes')).toBeUndefined();
	});
});

describe('targets', () => {
	it('finds the minimum, the period and the measure in several languages', () => {
		expect(findTarget('Makes at least 30 calls a day to key clients;')?.target).toEqual({ measure: 'calls', min: 30, per: 'day' });
		expect(findTarget('Carries out a reconciliation with the client at least once a month;')?.target).toEqual({ measure: 'reconciliations', min: 1, per: 'month' });
		expect(findTarget('направляет компаниям не менее 50 коммерческих предложений по электронной почте в день;')?.target).toEqual({ measure: 'emailed-offers', min: 50, per: 'day' });
		expect(findTarget('Schließt mindestens 4 (vier) Verträge mit Neukunden pro Monat ab.')?.target).toEqual({ measure: 'new-contracts', min: 4, per: 'month' });
		expect(findTarget('до 3-го числа каждого месяца составляет отчёт о выполненной работе.')?.target).toEqual({ measure: 'report', per: 'month', dueDay: 3 });
		expect(findTarget('Gjennomfører minst 12 kundebesøk i måneden.')).toMatchObject({ target: { min: 12, per: 'month' } });
		expect(findTarget('Keeps records of the fulfilment of orders.')).toBeUndefined();
	});
});
