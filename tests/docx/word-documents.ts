/**
 * Realistic Word job descriptions for the import tests, made with the `docx` library (another
 * writer than Rolebook's exporter): a Russian one numbered by Word (multilevel list: "I." for
 * sections, "1." and "1.1." for items, bullets for the "must know" list) and an English one
 * with heading styles and a Word outline list ("2.13."). What a person would get from HR.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

type Line = string | [level: number, text: string] | ['bullet', string] | ['plain', string] | ['heading', string];

const plain = (text: string, options: { bold?: boolean; align?: 'right' | 'center' } = {}) =>
	new Paragraph({
		...(options.align ? { alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER } : {}),
		children: [new TextRun({ text, ...(options.bold ? { bold: true } : {}) })],
	});

/** Russian, numbered by Word: sections "I." … (bold, no heading style), items "1.", sub-items "3.1.", bullets. */
export async function russianWordNumbered(): Promise<Uint8Array> {
	const list = 'ru-instruction';
	const body: Line[] = [
		['heading', 'ОБЩИЕ ПОЛОЖЕНИЯ'],
		[1, 'Менеджер по закупкам относится к категории специалистов.'],
		[1, 'Менеджер по закупкам назначается на должность и освобождается от неё приказом генерального директора по представлению коммерческого директора.'],
		[1, 'Менеджер по закупкам подчиняется непосредственно начальнику отдела продаж.'],
		[1, 'На должность менеджера по закупкам назначается лицо, имеющее высшее образование и стаж работы в сфере закупок не менее 2 лет.'],
		[1, 'Менеджер по закупкам должен знать:'],
		['bullet', 'ассортимент и характеристики закупаемых товаров;'],
		['bullet', 'порядок заключения договоров поставки;'],
		['bullet', 'основы логистики и складского учёта.'],
		[1, 'На время отсутствия менеджера по закупкам его обязанности исполняет менеджер по работе с ключевыми клиентами.'],
		['heading', 'ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ'],
		['plain', 'Менеджер по закупкам:'],
		[1, 'Ищет поставщиков и ведёт с ними переговоры.'],
		[1, 'Готовит и согласовывает договоры поставки:'],
		[2, 'проверяет условия оплаты;'],
		[2, 'согласует сроки поставки с отделом логистики.'],
		[1, 'Проводит не менее 15 встреч с поставщиками в месяц.'],
		['plain', 'Примечание: пункт 2.3 действует с 1 марта 2027 года.'],
		[1, 'Ежемесячно до 5-го числа составляет отчёт о закупках.'],
		['heading', 'ПРАВА'],
		['plain', 'Менеджер по закупкам имеет право:'],
		[1, 'Запрашивать у подразделений компании сведения, необходимые для работы.'],
		[1, 'Вносить руководству предложения по улучшению закупок.'],
		['heading', 'ОТВЕТСТВЕННОСТЬ'],
		['plain', 'Менеджер по закупкам несёт ответственность:'],
		[1, 'За ненадлежащее исполнение своих обязанностей — в пределах, установленных трудовым законодательством Российской Федерации.'],
		[1, 'За причинение материального ущерба — в пределах, установленных трудовым и гражданским законодательством Российской Федерации.'],
	];
	const children: (Paragraph | Table)[] = [
		plain('УТВЕРЖДАЮ', { bold: true, align: 'right' }),
		plain('Генеральный директор', { align: 'right' }),
		plain('_______________ А.С. Волкова', { align: 'right' }),
		plain('«___» ____________ 2026 г.', { align: 'right' }),
		plain('ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ', { bold: true, align: 'center' }),
		plain('менеджера по закупкам', { bold: true, align: 'center' }),
		plain('Отдел продаж', { align: 'center' }),
		...body.map((line) => {
			if (typeof line === 'string') return plain(line);
			const [kind, text] = line;
			if (kind === 'heading') return new Paragraph({ numbering: { reference: list, level: 0 }, children: [new TextRun({ text, bold: true })] });
			if (kind === 'bullet') return new Paragraph({ numbering: { reference: 'ru-bullets', level: 0 }, children: [new TextRun(text)] });
			if (kind === 'plain') return plain(text);
			return new Paragraph({ numbering: { reference: list, level: kind }, children: [new TextRun(text)] });
		}),
		plain('СОГЛАСОВАНО:', { bold: true }),
		plain('Юрисконсульт _______________ Е.В. Зайцева'),
		plain('Начальник отдела кадров _______________ О.Н. Морозова'),
		plain('С инструкцией ознакомлен(а): _______________ «___» ____________ 20__ г.'),
	];
	return pack(
		new Document({
			creator: 'Отдел кадров',
			numbering: {
				config: [
					{
						reference: list,
						levels: [
							{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
							{ level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } },
							{ level: 2, format: LevelFormat.DECIMAL, text: '%2.%3.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 1440, hanging: 540 } } } },
						],
					},
					{ reference: 'ru-bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 1080, hanging: 360 } } } }] },
				],
			},
			sections: [{ children }],
		}),
	);
}

/** English, Word outline numbering on "Heading 1" sections and list items ("2.13."), an approval table and an agreement table. */
export async function englishWordNumbered(): Promise<Uint8Array> {
	const list = 'outline';
	const item = (level: number, text: string) => new Paragraph({ numbering: { reference: list, level }, children: [new TextRun(text)] });
	const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: list, level: 0 }, children: [new TextRun(text)] });
	const cell = (lines: string[]) => new TableCell({ width: { size: 4500, type: WidthType.DXA }, children: lines.map((line) => new Paragraph(line)) });
	const duties = Array.from({ length: 14 }, (_, i) => `Duty number ${i + 1} of the logistics coordinator.`);
	duties[12] = 'Makes at least 40 calls a day to carriers and warehouses.';
	duties[13] = 'Sends a weekly shipment report to the head of sales by the 2nd of each month.';
	return pack(
		new Document({
			numbering: {
				config: [
					{
						reference: list,
						levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.DECIMAL, text: Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join('.') + '.', alignment: AlignmentType.LEFT })),
					},
				],
			},
			sections: [
				{
					children: [
						new Table({ rows: [new TableRow({ children: [cell([]), cell(['APPROVED', 'General Director', '______________ Volkova A.S.', '"__" __________ 20__'])] })] }),
						new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('JOB DESCRIPTION')] }),
						new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Logistics coordinator', bold: true })] }),
						new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('Sales department')] }),
						heading('General provisions'),
						item(1, 'The logistics coordinator belongs to the category of specialists.'),
						item(1, 'The logistics coordinator is appointed to and dismissed from the position by order of the General Director.'),
						item(1, 'The logistics coordinator reports to the Head of the Sales Department.'),
						item(1, 'A person with secondary vocational or higher education and at least 3 years of experience in logistics is appointed to the position.'),
						item(1, 'The logistics coordinator must know:'),
						item(2, 'the company’s warehouses and carriers;'),
						item(2, 'customs rules for imported lighting products.'),
						heading('Job responsibilities'),
						...duties.map((text) => item(1, text)),
						heading('Rights'),
						item(1, 'Request information from other departments.'),
						heading('Responsibility'),
						item(1, 'Failure to perform the duties — within the limits set by the labour law of the Russian Federation.'),
						heading('Working hours'),
						item(1, 'Works Monday to Friday, 9:00 to 18:00.'),
						new Paragraph({ children: [new TextRun({ text: 'AGREED', bold: true })] }),
						new Table({
							rows: [
								new TableRow({ children: [cell(['Legal Counsel']), cell(['______________ Zaitseva E.V.'])] }),
								new TableRow({ children: [cell(['Head of Logistics']), cell(['______________ Petrov I.I.'])] }),
							],
						}),
					],
				},
			],
		}),
	);
}

async function pack(document: Document): Promise<Uint8Array> {
	return new Uint8Array(await Packer.toBuffer(document));
}
