package cn.anjian.responsibility;

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
import java.util.List;

/**
 * The department responsibility list as a PDF. Chinese text uses Adobe's standard font STSong-Light with the
 * UniGB-UCS2-H encoding, whose metrics and CMaps ship inside OpenPDF: nothing to install on the server and no font
 * file in the repository. The font itself is not embedded; every Chinese-capable reader (Acrobat, WPS, browsers,
 * poppler with a CJK font) substitutes its own Song typeface.
 */
final class DutyListPdf {

	private final Font title;
	private final Font heading;
	private final Font header;
	private final Font body;

	private DutyListPdf() {
		BaseFont song = song();
		title = new Font(song, 16, Font.BOLD);
		heading = new Font(song, 12, Font.BOLD);
		header = new Font(song, 10, Font.BOLD);
		body = new Font(song, 10);
	}

	static void write(DutyList list, OutputStream out) {
		new DutyListPdf().render(list, out);
	}

	private void render(DutyList list, OutputStream out) {
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.addTitle(list.title());
		document.open();
		Paragraph titleLine = new Paragraph(list.title(), title);
		titleLine.setAlignment(Element.ALIGN_CENTER);
		document.add(titleLine);
		document.add(new Paragraph(list.regionName() + "　截至 " + list.asOf(), body));
		for (DutyList.Section section : list.sections()) {
			Paragraph headingLine = new Paragraph(section.heading(), heading);
			headingLine.setSpacingBefore(12);
			headingLine.setSpacingAfter(6);
			document.add(headingLine);
			document.add(table(section));
		}
		document.close();
	}

	private PdfPTable table(DutyList.Section section) {
		float[] widths = new float[section.widths().size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = section.widths().get(i);
		}
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		section.headers().forEach(h -> table.addCell(cell(h, header, new Color(230, 230, 230))));
		for (List<String> row : section.rows()) {
			row.forEach(v -> table.addCell(cell(v, body, null)));
		}
		if (section.rows().isEmpty()) {
			PdfPCell none = cell("（未填写）", body, null);
			none.setColspan(section.headers().size());
			table.addCell(none);
		}
		return table;
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
