package cn.anjian.assessment;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;

/**
 * A bulletin in the layout of a government document (GB/T 9704): the issuing office in red, the document number,
 * a red rule, the title, the body in numbered sections, then the issuer and the date at the right. A draft is
 * marked as such in place of the number. Chinese in STSong-Light, as {@code responsibility/DutyListPdf} explains.
 */
final class BulletinPdf {

	private static final Color RED = new Color(200, 16, 16);

	static void write(BulletinController.Bulletin bulletin, OutputStream out) {
		BaseFont song = song();
		Font masthead = new Font(song, 30, Font.BOLD, RED);
		Font number = new Font(song, 14);
		Font title = new Font(song, 20, Font.BOLD);
		Font heading = new Font(song, 14, Font.BOLD);
		Font body = new Font(song, 14);
		// A4 with the standard type area: 37 mm top, 28 mm left, 26 mm right, 35 mm bottom
		Document document = new Document(PageSize.A4, 79, 74, 105, 99);
		com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
		document.addTitle(bulletin.title());
		document.open();
		document.add(centred(BulletinController.ISSUER, masthead, 0, 18));
		document.add(centred(bulletin.docNumber() == null ? "（草稿，未编号）" : bulletin.docNumber(), number, 0, 4));
		document.add(new Chunk(new LineSeparator(2f, 100f, RED, Element.ALIGN_CENTER, -2f)));
		document.add(centred(bulletin.title(), title, 24, 18));
		Paragraph greeting = new Paragraph("各区县安委会，市安委会各成员单位：", body);
		greeting.setSpacingAfter(6);
		document.add(greeting);
		for (BulletinDraft.Section section : bulletin.sections()) {
			Paragraph h = new Paragraph(section.heading(), heading);
			h.setFirstLineIndent(28);
			h.setSpacingBefore(6);
			document.add(h);
			for (String line : section.text().split("\n")) {
				Paragraph p = new Paragraph(line, body);
				p.setFirstLineIndent(28);
				p.setLeading(28);
				document.add(p);
			}
		}
		Paragraph issuer = new Paragraph(bulletin.issuer(), body);
		issuer.setAlignment(Element.ALIGN_RIGHT);
		issuer.setSpacingBefore(36);
		document.add(issuer);
		String date = bulletin.issuedOn() == null ? "（印发日期）" : bulletin.issuedOn().format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
		Paragraph day = new Paragraph(date, body);
		day.setAlignment(Element.ALIGN_RIGHT);
		document.add(day);
		document.close();
	}

	private static Paragraph centred(String text, Font font, float before, float after) {
		Paragraph p = new Paragraph(text, font);
		p.setAlignment(Element.ALIGN_CENTER);
		p.setSpacingBefore(before);
		p.setSpacingAfter(after);
		return p;
	}

	private static BaseFont song() {
		try {
			return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (IOException e) {
			throw new IllegalStateException("OpenPDF's CJK font metrics are missing from the classpath", e);
		}
	}

	private BulletinPdf() {
	}
}
