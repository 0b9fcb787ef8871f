package cn.anjian.inspection;

import cn.anjian.platform.time.BusinessTime;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The 整改通知书 (责令限期整改指令书) of a hazard as a one-page A4 PDF, in the standard CJK font STSong-Light shipped
 * inside OpenPDF (see {@code responsibility/DutyListPdf} for why nothing needs installing).
 */
final class RectificationNoticePdf {

	/** The safety law's clause for ordering a hazard removed, when the hazard names none. */
	static final String DEFAULT_BASIS = "《中华人民共和国安全生产法》第六十五条";
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(BusinessTime.ZONE);

	private RectificationNoticePdf() {
	}

	static void write(Hazards.HazardView h, String issuer, OutputStream out) {
		BaseFont song = song();
		Font title = new Font(song, 20, Font.BOLD);
		Font subtitle = new Font(song, 12);
		Font body = new Font(song, 12);
		Document document = new Document(PageSize.A4, 64, 64, 64, 64);
		PdfWriter.getInstance(document, out);
		document.addTitle("整改通知书 " + h.noticeNumber());
		document.open();
		document.add(centered("整改通知书", title));
		document.add(centered("（责令限期整改指令书）", subtitle));
		document.add(centered(h.noticeNumber(), body));
		document.add(line(h.entityName() + "：", body, 18));
		document.add(line("　　经检查，你单位存在下列事故隐患（" + label(h) + "）：" + h.description()
				+ (h.location() == null || h.location().isBlank() ? "" : "（部位：" + h.location() + "）") + "。", body, 8));
		document.add(line("　　依据" + (h.legalBasis() == null || h.legalBasis().isBlank() ? DEFAULT_BASIS : h.legalBasis())
				+ "，现责令你单位" + ("SUSPEND".equals(h.rectificationType()) ? "停产停业整顿，" : "")
				+ "于" + DATE.format(h.deadline()) + "前整改完毕，并将整改情况连同佐证材料报送我单位"
				+ (h.reinspectionRequired() ? "，由我单位复查" : "") + "。", body, 8));
		document.add(line("　　整改期间，你单位应当采取相应的安全防范措施，防止事故发生。逾期未整改或整改不合格的，将依法予以处理。", body, 8));
		Paragraph signature = line(issuer, body, 48);
		signature.setAlignment(Element.ALIGN_RIGHT);
		document.add(signature);
		Paragraph date = line(DATE.format(issued(h)), body, 4);
		date.setAlignment(Element.ALIGN_RIGHT);
		document.add(date);
		document.close();
	}

	private static Instant issued(Hazards.HazardView h) {
		return h.noticeIssuedAt() == null ? h.foundAt() : h.noticeIssuedAt();
	}

	private static String label(Hazards.HazardView h) {
		return switch (h.level()) {
			case GENERAL -> "一般事故隐患";
			case MAJOR -> "重大事故隐患";
			case SUSPECTED_MAJOR -> "疑似重大事故隐患";
		};
	}

	private static Paragraph centered(String text, Font font) {
		Paragraph p = new Paragraph(text, font);
		p.setAlignment(Element.ALIGN_CENTER);
		p.setSpacingAfter(6);
		return p;
	}

	private static Paragraph line(String text, Font font, float before) {
		Paragraph p = new Paragraph(text, font);
		p.setSpacingBefore(before);
		p.setLeading(22);
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
}
