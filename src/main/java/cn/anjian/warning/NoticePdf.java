package cn.anjian.warning;

import cn.anjian.platform.time.BusinessTime;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A 通报 as a PDF in the layout of an official notice: number, title, intro, the table of named units, issuer and
 * date. Chinese text in Adobe's STSong-Light, as {@code responsibility/DutyListPdf} explains.
 */
final class NoticePdf {

	static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final Font title;
	private final Font header;
	private final Font body;

	private NoticePdf() {
		BaseFont song = song();
		title = new Font(song, 18, Font.BOLD);
		header = new Font(song, 10, Font.BOLD);
		body = new Font(song, 11);
	}

	static void write(Notice notice, OutputStream out) {
		new NoticePdf().render(notice, out);
	}

	private void render(Notice notice, OutputStream out) {
		Document document = new Document(PageSize.A4, 54, 54, 54, 54);
		PdfWriter.getInstance(document, out);
		document.addTitle(notice.title());
		document.open();
		document.add(centered(notice.number(), body, 6));
		document.add(centered(notice.title(), title, 12));
		Paragraph intro = new Paragraph(notice.intro(), body);
		intro.setFirstLineIndent(22);
		intro.setSpacingAfter(10);
		document.add(intro);
		PdfPTable table = new PdfPTable(new float[] { 6, 22, 18, 16, 30, 12 });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		Notice.HEADERS.forEach(h -> table.addCell(cell(h, header, new Color(230, 230, 230))));
		int n = 1;
		for (Notice.Item item : notice.items()) {
			table.addCell(cell(String.valueOf(n++), body, null));
			table.addCell(cell(item.unitName(), body, null));
			table.addCell(cell(item.regionName(), body, null));
			table.addCell(cell(item.departmentName() == null ? "" : item.departmentName(), body, null));
			table.addCell(cell(item.issue(), body, null));
			table.addCell(cell(LocalDate.ofInstant(item.triggeredAt(), BusinessTime.ZONE).toString(), body, null));
		}
		document.add(table);
		Paragraph issuer = new Paragraph(notice.issuer() + "\n" + CHINESE_DATE.format(notice.issuedOn()), body);
		issuer.setAlignment(Element.ALIGN_RIGHT);
		issuer.setSpacingBefore(24);
		document.add(issuer);
		document.close();
	}

	private static Paragraph centered(String text, Font font, float after) {
		Paragraph p = new Paragraph(text, font);
		p.setAlignment(Element.ALIGN_CENTER);
		p.setSpacingAfter(after);
		return p;
	}

	private static PdfPCell cell(String text, Font font, Color background) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(4);
		if (background != null) {
			cell.setBackgroundColor(background);
		}
		return cell;
	}

	private static BaseFont song() {
		try {
			return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (IOException e) {
			throw new IllegalStateException("OpenPDF's CJK font metrics are missing from the classpath", e);
		}
	}
}
