import { PageSizes, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDay, formatInstantDay } from '../../../shared/src/format/formatDate';
import { translate } from '../../../shared/src/i18n/translate';
import type { AgreementSummary } from '../../../shared/src/versions/agreementSummary';
import { printFamilie, printProfessioneel, type PrintItem, type PrintSection } from '../../../shared/src/versions/printVersion';
import type { StoredVersion } from '../../../shared/src/versions/versionTypes';

const MARGIN = 50;
const FOOTER = 28;
const BODY = 10;
const LEADING = 1.35;
const GREY = rgb(0.3, 0.3, 0.3);

/** What goes into the PDF besides the version: whether the exporter may see the professionals' part. */
export interface VersionPdfOptions {
  readonly professioneel: boolean;
  /** The plan's title, printed above the version. */
  readonly titel: string;
}

/**
 * A version as a PDF for the registration system, the Raad or the kinderrechter (issue #8): A4, the plan's
 * blocks in order (from the same printable form the browser shows), the attendance, each party's answer,
 * and on every page the version number, its date and its hash. Plain standard fonts, no images.
 *
 * @example const bytes = await versionPdf(version, agreementSummary(n, answers, members), { professioneel: true });
 */
export async function versionPdf(version: StoredVersion, answers: AgreementSummary, options: VersionPdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const { header } = version;
  pdf.setTitle(`${header.label} (${translate('versies.kort', { nummer: header.nummer })})`);
  pdf.setCreator('Gezinsplan');
  pdf.setCreationDate(new Date(header.vastgesteldOp));
  const writer = new PageWriter(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold));

  writer.text(options.titel, { bold: true });
  writer.heading(`${header.label} — ${translate('versies.kort', { nummer: header.nummer })}`, 16);
  writer.text(translate('versies.vastgesteldDoor', { name: header.vastgesteldDoor.name, date: formatInstantDay(header.vastgesteldOp) }));
  writer.text(`${translate('versies.hash')}: ${header.hash}`, { size: 8 });
  writer.gap();

  writer.heading(translate('versies.aanwezigheid'), 13);
  if (header.aanwezigheid.length === 0) writer.text(translate('versies.geenAanwezigheid'));
  for (const a of header.aanwezigheid) writer.text(`${a.name} (${translate(`role.${a.role}`)}): ${translate(`members.${a.aanwezigheid}`)}`);
  if (header.waarschuwingen.length > 0) {
    writer.gap();
    writer.heading(translate('versies.waarschuwingenInVersie'), 13);
    for (const w of header.waarschuwingen) writer.text(`• ${translate(w.messageKey, w.params)}`);
  }

  const sections: PrintSection[] = [...printFamilie(version.renderings.familie), ...(options.professioneel ? printProfessioneel(version.renderings.professioneel, version.renderings.familie) : [])];
  for (const section of sections) writeSection(writer, section);

  writer.gap();
  writer.heading(translate('versies.pdf.akkoord'), 13);
  for (const { member, answer } of answers.akkoord) writer.text(`${member.name}: ${translate('versies.akkoord.ja')}${answer.reden ? ` — ${answer.reden}` : ''}`);
  for (const { member, answer } of answers.nietAkkoord) writer.text(`${member.name}: ${translate('versies.akkoord.nee')} — ${answer.reden}`);
  for (const member of answers.geenAntwoord) writer.text(`${member.name}: ${translate('versies.pdf.geenAntwoord')}`, { color: GREY });

  writer.footers((page, pages) =>
    translate('versies.pdf.voet', { nummer: header.nummer, date: formatDay(header.vastgesteldOp.slice(0, 10)), hash: header.hash, page, pages }),
  );
  return pdf.save();
}

function writeSection(writer: PageWriter, section: PrintSection): void {
  writer.gap();
  writer.heading(section.titel, 14);
  for (const line of section.records) writer.text(`${line.label}: ${line.value}`);
  for (const prose of section.prose) {
    if (!prose.paragraphs.some((p) => p.trim() !== '')) continue;
    writer.text(prose.label, { bold: true });
    for (const paragraph of prose.paragraphs) writer.text(paragraph);
  }
  for (const list of section.lists) {
    if (list.items.length === 0) continue;
    if (list.label) writer.text(list.label, { bold: true });
    for (const item of list.items) writeItem(writer, item, 0);
  }
}

function writeItem(writer: PageWriter, item: PrintItem, depth: number): void {
  const indent = depth * 14;
  writer.text(`• ${item.titel || '—'}`, { bold: true, indent });
  for (const line of item.lines) writer.text(`${line.label}: ${line.value}`, { indent: indent + 10 });
  if (item.door) writer.text(item.door, { indent: indent + 10, size: 8, color: GREY });
  for (const nested of item.nested) {
    if (nested.items.length === 0) continue;
    writer.text(nested.label, { indent: indent + 10, bold: true, size: 9 });
    for (const sub of nested.items) writeItem(writer, sub, depth + 1);
  }
}

/** Lays text out top to bottom on A4 pages, wrapping at word boundaries and starting a new page when full. */
class PageWriter {
  private page: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];
  private readonly encodable: Set<number>;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.encodable = new Set(font.getCharacterSet());
    this.page = this.newPage();
  }

  heading(text: string, size: number): void {
    this.text(text, { bold: true, size });
  }

  gap(): void {
    this.y -= BODY * 0.8;
  }

  text(text: string, style: { bold?: boolean; size?: number; indent?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const font = style.bold ? this.bold : this.font;
    const size = style.size ?? BODY;
    const x = MARGIN + (style.indent ?? 0);
    const width = this.page.getWidth() - MARGIN - x;
    for (const paragraph of this.clean(text).split('\n')) {
      for (const line of wrap(paragraph, font, size, width)) {
        if (this.y - size * LEADING < MARGIN + FOOTER) this.page = this.newPage();
        this.y -= size * LEADING;
        this.page.drawText(line, { x, y: this.y, size, font, color: style.color ?? rgb(0, 0, 0) });
      }
    }
  }

  /** Draws the footer on every page, once the number of pages is known. */
  footers(text: (page: number, pages: number) => string): void {
    this.pages.forEach((page, i) => {
      const line = this.clean(text(i + 1, this.pages.length));
      page.drawText(line, { x: MARGIN, y: MARGIN / 2, size: 7, font: this.font, color: GREY });
    });
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage(PageSizes.A4);
    this.pages.push(page);
    this.y = page.getHeight() - MARGIN;
    return page;
  }

  /** The standard fonts know Windows-1252 only: other characters become '?', tabs a space. */
  private clean(text: string): string {
    return [...text.replace(/\t/g, ' ').replace(/\r/g, '')].map((ch) => (ch === '\n' || this.encodable.has(ch.codePointAt(0) ?? 0) ? ch : '?')).join('');
  }
}

/** Splits a paragraph into lines that fit `width`; a word longer than a line is cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  if (text.trim() === '') return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}
