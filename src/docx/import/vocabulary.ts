/**
 * What the importer recognises, in the six locales: section headings per section kind, the
 * labels of the classic form (approval, agreement, familiarisation…), and the cue words that
 * tell which fact a general-provisions clause states and what a target counts. Written folded
 * (see text.ts: lower case, no accents); a trailing "*" means "a word starting with".
 * The UI strings of the configured locales (`section.*`, `pdf.*`) are added at run time, so a
 * heading or label HR renamed there is recognised too.
 */
import type { PROVISION_TOPICS, SectionKind } from '../../model/schema/index.ts';

type Kind = Exclude<SectionKind, 'custom'>;

export const SECTION_HEADINGS: Record<Kind, Record<string, string[]>> = {
	'general-provisions': {
		en: ['general provisions', 'general terms', 'general part', 'general information'],
		ru: ['общие положения', 'общая часть'],
		de: ['allgemeine bestimmungen', 'allgemeines', 'allgemeiner teil'],
		nb: ['generelle bestemmelser', 'generelt', 'alminnelige bestemmelser'],
		sv: ['allmanna bestammelser', 'allmant'],
		tr: ['genel hukumler', 'genel bilgiler', 'genel esaslar'],
	},
	'main-tasks': {
		en: ['main tasks', 'main tasks and functions', 'key tasks', 'main functions', 'functions'],
		ru: ['основные задачи', 'задачи', 'основные задачи и функции', 'задачи и функции', 'функции', 'основные функции'],
		de: ['hauptaufgaben', 'hauptaufgaben und funktionen', 'aufgaben und funktionen', 'funktionen'],
		nb: ['hovedoppgaver', 'hovedoppgaver og funksjoner', 'funksjoner'],
		sv: ['huvuduppgifter', 'huvuduppgifter och funktioner', 'funktioner'],
		tr: ['temel gorevler', 'ana gorevler', 'temel gorev ve islevler', 'islevler'],
	},
	duties: {
		en: ['duties', 'job duties', 'responsibilities', 'job responsibilities', 'duties and responsibilities', 'functional duties', 'main duties'],
		ru: ['должностные обязанности', 'обязанности', 'функциональные обязанности', 'трудовые обязанности', 'основные обязанности'],
		de: ['aufgaben und pflichten', 'pflichten', 'aufgaben', 'stellenaufgaben', 'arbeitsverantwortlichkeiten', 'arbeitsaufgaben', 'dienstpflichten', 'verantwortlichkeiten'],
		nb: ['arbeidsoppgaver og plikter', 'arbeidsoppgaver', 'oppgaver', 'plikter', 'jobbansvar', 'ansvarsomrader', 'stillingens oppgaver'],
		sv: ['arbetsuppgifter och skyldigheter', 'arbetsuppgifter', 'uppgifter', 'skyldigheter', 'ansvarsomraden'],
		tr: ['gorev ve yukumlulukler', 'gorevler', 'yukumlulukler', 'gorev ve sorumluluklar', 'is sorumluluklari'],
	},
	rights: {
		en: ['rights', 'rights and powers', 'powers', 'authority'],
		ru: ['права', 'права и полномочия', 'полномочия'],
		de: ['rechte', 'rechte und befugnisse', 'befugnisse'],
		nb: ['rettigheter', 'rettigheter og fullmakter', 'fullmakter'],
		sv: ['befogenheter och rattigheter', 'rattigheter', 'befogenheter'],
		tr: ['yetkiler', 'haklar', 'hak ve yetkiler'],
	},
	responsibility: {
		en: ['responsibility', 'liability', 'accountability'],
		ru: ['ответственность'],
		de: ['verantwortung', 'haftung'],
		nb: ['ansvar'],
		sv: ['ansvar'],
		tr: ['sorumluluk', 'sorumluluklar'],
	},
	'performance-criteria': {
		en: ['performance criteria', 'evaluation criteria', 'assessment criteria', 'key performance indicators', 'kpi'],
		ru: ['критерии оценки', 'критерии оценки деятельности', 'критерии оценки работы', 'показатели эффективности'],
		de: ['bewertungskriterien', 'leistungskriterien', 'kriterien der leistungsbewertung'],
		nb: ['vurderingskriterier', 'resultatkriterier'],
		sv: ['bedomningskriterier', 'utvarderingskriterier'],
		tr: ['degerlendirme olcutleri', 'performans kriterleri', 'degerlendirme kriterleri'],
	},
	'trade-secrets': {
		en: ['trade secrets', 'confidentiality', 'commercial secrets'],
		ru: ['коммерческая тайна', 'конфиденциальность'],
		de: ['geschaftsgeheimnisse', 'vertraulichkeit'],
		nb: ['forretningshemmeligheter', 'taushetsplikt', 'konfidensialitet'],
		sv: ['foretagshemligheter', 'sekretess', 'tystnadsplikt'],
		tr: ['ticari sirlar', 'gizlilik'],
	},
	'working-conditions': {
		en: ['working conditions', 'work conditions', 'working hours', 'conditions of work'],
		ru: ['условия работы', 'условия труда', 'режим работы'],
		de: ['arbeitsbedingungen', 'arbeitszeit'],
		nb: ['arbeidsvilkar', 'arbeidstid', 'arbeidsforhold'],
		sv: ['arbetsvillkor', 'arbetstid', 'arbetsforhallanden'],
		tr: ['calisma kosullari', 'calisma saatleri'],
	},
};

/** Labels of the classic form, beyond the `pdf.*` UI strings. */
export const LABELS = {
	approved: {
		en: ['approved', 'approved by', 'i approve'],
		ru: ['утверждаю', 'утверждено', 'утверждена', 'утвержден'],
		de: ['genehmigt', 'genehmigt von', 'ich habe zugestimmt', 'freigegeben'],
		nb: ['godkjent', 'jeg godkjent', 'jeg godkjenner'],
		sv: ['faststalld', 'godkand', 'jag godkanner'],
		tr: ['onaylandi', 'onayliyorum', 'onaylayan'],
	},
	agreed: {
		en: ['agreed', 'agreed with', 'agreed by', 'coordinated with'],
		ru: ['согласовано', 'согласован', 'согласована', 'лист согласования'],
		de: ['abgestimmt', 'abgestimmt mit', 'einverstanden'],
		nb: ['avstemt', 'avstemt med'],
		sv: ['avstamd', 'avstamd med'],
		tr: ['uygun goruldu', 'uygundur'],
	},
	jobDescription: {
		en: ['job description', 'position description', 'job description of', 'job description for'],
		ru: ['должностная инструкция'],
		de: ['stellenbeschreibung', 'arbeitsplatzbeschreibung'],
		nb: ['stillingsbeskrivelse', 'stillingsinstruks'],
		sv: ['befattningsbeskrivning', 'arbetsbeskrivning'],
		tr: ['gorev tanimi', 'is tanimi'],
	},
	familiarisation: {
		en: ['familiarisation sheet', 'familiarization sheet', 'acknowledgement sheet', 'i have read this job description', 'i have read the job description'],
		ru: ['лист ознакомления', 'с инструкцией ознакомлен*', 'с должностной инструкцией ознакомлен*', 'с настоящей должностной инструкцией ознакомлен*', 'ознакомлен*'],
		de: ['kenntnisnahme', 'zur kenntnis genommen'],
		nb: ['bekreftelse pa gjennomlesing'],
		sv: ['bekraftelse pa genomlasning'],
		tr: ['tebellug formu', 'tebellug'],
	},
	acknowledgement: { en: ['employee acknowledgement', 'employee acknowledgment'], ru: [], de: [], nb: [], sv: [], tr: [] },
} satisfies Record<string, Record<string, string[]>>;

export type LabelKind = keyof typeof LABELS;

/** Which UI string gives each label (its text in every configured locale is added). */
export const LABEL_STRINGS: Record<LabelKind, string[]> = {
	approved: ['pdf.approved'],
	agreed: ['pdf.agreed'],
	jobDescription: ['pdf.jobDescription'],
	familiarisation: ['pdf.familiarisation', 'pdf.familiarisationText'],
	acknowledgement: ['pdf.acknowledgement', 'pdf.acknowledgementText'],
};

type Topic = (typeof PROVISION_TOPICS)[number];

/** Cue words per topic of a general-provisions clause, tried in this order (the first topic with a cue wins). */
export const TOPIC_CUES: [Topic, string[]][] = [
	['knowledge', ['must know', 'should know', 'shall know', 'должен знать', 'должна знать', 'должны знать', 'muss wissen', 'muss kennen', 'mussen wissen', 'muss folgendes wissen', 'ma kjenne', 'ma kunne', 'skal kjenne', 'maste kunna', 'maste kanna', 'bilmelidir', 'bilmeli']],
	['guidance', ['guided', 'руководствуется', 'руководствоваться', 'richtet sich', 'leiten lassen', 'orientiert sich', 'veiledes', 'vagleds', 'styrs av', 'rehberlik*', 'esas alir']],
	['substitution', ['absence', 'absent', 'отсутстви*', 'abwesenheit', 'fravaer*', 'franvaro', 'bulunmadigi', 'yoklugunda']],
	['qualification', ['education', 'experience', 'образовани*', 'стаж*', 'опыт работы', 'ausbildung', 'berufserfahrung', 'erfahrung', 'fachausbildung', 'studium', 'utdanning', 'erfaring', 'utbildning', 'erfarenhet', 'egitim*', 'deneyim*', 'tecrube*']],
	['certification', ['certification', 'attestation', 'аттестаци*', 'zertifizierung', 'attestierung', 'sertifisering', 'certifiering', 'sertifika*']],
	['appointment', ['appointed', 'dismissed', 'назначается', 'освобождается', 'назначение', 'ernannt', 'eingestellt', 'entlassen', 'berufen', 'utnevnes', 'ansettes', 'avskjediges', 'tillsatts', 'utses', 'entledigas', 'atanir', 'atanma*', 'gorevden alinir']],
	['reporting', ['reports', 'reports directly', 'subordinate', 'подчиняется', 'подчинении', 'unterstellt', 'berichtet', 'rapporterer', 'underordnet', 'rapporterar', 'underställd', 'bagli', 'rapor verir']],
	['category', ['category', 'категори*', 'kategorie', 'kategori*', 'klassifisert', 'classified', 'относится к категории', 'sinifina']],
	['planning', ['plans', 'plan', 'планами', 'плану', 'планом', 'планов', 'planen', 'plane', 'planer', 'planlar*']],
];

/** Words that begin "on whose recommendation" in an appointment clause. */
export const RECOMMENDATION_CUES = ['recommendation', 'proposal', 'nomination', 'представлению', 'рекомендации', 'предложению', 'vorschlag', 'empfehlung', 'anbefaling', 'innstilling', 'nominasjon', 'forslag', 'rekommendation', 'forslag', 'onerisi*', 'teklifi*'];

export const CATEGORY_CUES: [('technical' | 'performer' | 'specialist' | 'manager'), string[]][] = [
	['technical', ['technical*', 'техническ*', 'technisch*', 'teknisk*', 'teknik*']],
	['performer', ['performer*', 'исполнител*', 'ausfuhrend*', 'kunstler*', 'utforer*', 'utforare', 'uygulayici*']],
	['specialist', ['specialist*', 'специалист*', 'spezialist*', 'fachkraft*', 'fachkrafte*', 'spesialist*', 'uzman*']],
	['manager', ['manager*', 'руководител*', 'fuhrungskraft*', 'fuhrungskrafte*', 'leder', 'ledere', 'chef', 'chefer', 'yonetici*']],
];

export const CATEGORY_ANCHORS = ['category', 'категори', 'kategorie', 'kategori', 'klassifisert som', 'classified as', 'sinifina'];

export const EDUCATION_CUES: [('higher' | 'secondary-vocational' | 'secondary'), string[]][] = [
	['higher', ['higher*', 'university', 'высше*', 'высш*', 'hochschul*', 'hohere*', 'universitat*', 'hoyere', 'hoyskole*', 'hogskole*', 'hogre', 'eftergymnasial', 'yuksek*', 'universite*', 'lisans']],
	['secondary-vocational', ['secondary vocational', 'vocational', 'secondary specialised', 'secondary specialized', 'среднее профессиональное', 'средне профессиональное', 'среднее специальное', 'средне специальное', 'berufsausbildung', 'fachausbildung', 'berufliche', 'sekundare fachausbildung', 'fagutdanning', 'yrkesutdanning', 'fagskole', 'yrkesutbildning', 'meslek*']],
	['secondary', ['secondary', 'high school', 'среднее', 'средне', 'mittlere reife', 'sekundar*', 'videregaende', 'gymnasie*', 'lise']],
];

export const NO_EXPERIENCE_CUES = ['no experience', 'without experience', 'experience not required', 'без предъявления требований к стажу', 'без опыта', 'без требований к стажу', 'ohne berufserfahrung', 'keine berufserfahrung', 'ingen erfaring', 'ingen erfarenhet', 'deneyim sarti aranmaz', 'deneyimsiz'];

export const YEAR_WORDS = ['year', 'years', 'год', 'года', 'лет', 'jahr', 'jahre', 'jahren', 'jahres', 'ar', 'ars', 'yil', 'yillik'];
export const MONTH_WORDS = ['months', 'month', 'месяцев', 'месяца', 'месяц', 'monate', 'monaten', 'monat', 'maneder', 'maned', 'manader', 'manad', 'ay'];

/** "at least" and its kin: a target's minimum follows. */
export const MINIMUM_CUES = ['at least', 'no fewer than', 'no less than', 'not less than', 'a minimum of', 'minimum of', 'не менее чем', 'не менее', 'не реже', 'не меньше', 'минимум', 'mindestens', 'wenigstens', 'minst', 'minimum', 'en az'];

export const PERIOD_CUES: [('day' | 'week' | 'month' | 'quarter' | 'year'), string[]][] = [
	['day', ['a day', 'per day', 'each day', 'every day', 'daily', 'в день', 'ежедневно', 'в сутки', 'taglich', 'pro tag', 'am tag', 'jeden tag', 'per dag', 'om dagen', 'daglig', 'gunde', 'gunluk', 'her gun']],
	['week', ['a week', 'per week', 'each week', 'every week', 'weekly', 'в неделю', 'еженедельно', 'pro woche', 'wochentlich', 'in der woche', 'per uke', 'i uken', 'ukentlig', 'per vecka', 'i veckan', 'haftada', 'haftalik']],
	['month', ['a month', 'per month', 'each month', 'every month', 'monthly', 'в месяц', 'ежемесячно', 'каждого месяца', 'pro monat', 'im monat', 'monatlich', 'jeden monats', 'eines jeden monats', 'per maned', 'i maneden', 'manedlig', 'per manad', 'i manaden', 'ayda', 'aylik', 'her ay']],
	['quarter', ['a quarter', 'per quarter', 'each quarter', 'quarterly', 'в квартал', 'ежеквартально', 'pro quartal', 'im quartal', 'quartalsweise', 'per kvartal', 'kvartalsvis', 'ceyrekte']],
	['year', ['a year', 'per year', 'each year', 'every year', 'annually', 'yearly', 'в год', 'ежегодно', 'pro jahr', 'im jahr', 'jahrlich', 'per ar', 'i aret', 'arlig', 'arligen', 'yilda', 'yillik']],
];

/** What a target counts: a measure id and the cue sets that must all be present (any cue of each set). */
export const MEASURES: [string, string[][]][] = [
	['emailed-offers', [['offer*', 'предложени*', 'angebot*', 'tilbud*', 'erbjudand*', 'teklif*'], ['e mail', 'email*', 'электронной почт*', 'e post', 'epost*', 'e posta']]],
	['phone-offers', [['offer*', 'предложени*', 'angebot*', 'tilbud*', 'erbjudand*', 'teklif*'], ['telephone*', 'phone*', 'телефон*', 'telefon*']]],
	['new-contracts', [['contract*', 'договор*', 'vertrag*', 'vertrage*', 'kontrakt*', 'avtal*', 'sozlesme*'], ['new', 'нов*', 'neu*', 'ny', 'nye', 'nya', 'yeni']]],
	['calls', [['calls', 'call', 'звонк*', 'звонок', 'telefonat*', 'anruf*', 'samtal*', 'oppringing*', 'arama*']]],
	['reconciliations', [['reconciliation*', 'сверк*', 'сверку', 'abgleich*', 'avstemming*', 'avstamning*', 'mutabakat*']]],
	['meetings', [['meeting*', 'встреч*', 'treffen', 'mote', 'moten', 'toplanti*']]],
	['visits', [['visit*', 'визит*', 'посещени*', 'besuch*', 'besok*', 'ziyaret*']]],
	['report', [['report*', 'отчет*', 'bericht*', 'rapport*', 'rapor*']]],
];

/** "by the 3rd of each month" and its kin, on the lower-cased (not folded) text: the day is group 1. */
export const DUE_DAY_PATTERNS: RegExp[] = [
	/\bby the (\d{1,2})(?:st|nd|rd|th)?\b/u,
	/(?:^|\s)до (\d{1,2})(?:-?го)? числа/u,
	/\bbis zum (\d{1,2})\./u,
	/\binnen den (\d{1,2})\./u,
	/\bsenast den (\d{1,2})/u,
	/(?:^|\s)(\d{1,2})['’]?\s*(?:ine|sine|üne|una|ına|e|a)?\s+kadar(?:\s|$)/u,
];
