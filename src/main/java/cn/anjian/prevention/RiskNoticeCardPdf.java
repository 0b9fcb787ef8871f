package cn.anjian.prevention;

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
import java.util.List;

/**
 * The 风险告知卡 of a risk point as a one-page A4 PDF, posted at the point: a band in the grade's colour, then what
 * can go wrong there (hazards, accident types), how it is controlled, what to do in an emergency and who answers for
 * it. Chinese text in STSong-Light, as {@code responsibility/DutyListPdf} explains.
 */
final class RiskNoticeCardPdf {

	/** What the card shows; lists are already labelled (measure category, accident type names). */
	record Card(String entityName, String pointName, String kind, String location, RiskGrade grade, String controlLevel,
			List<String> hazards, List<String> accidentTypes, List<String> controlMeasures, List<String> emergencyMeasures,
			List<String> responsible, List<String> contacts, LocalDate assessedOn, LocalDate reassessDueOn, LocalDate printedOn) {
	}

	static final String EMERGENCY_NUMBERS = "火警 119　急救 120　报警 110";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
	private static final Color LABEL_BACKGROUND = new Color(240, 240, 240);

	private final Font title;
	private final Font band;
	private final Font label;
	private final Font body;

	private RiskNoticeCardPdf() {
		BaseFont song = song();
		title = new Font(song, 26, Font.BOLD);
		band = new Font(song, 16, Font.BOLD);
		label = new Font(song, 11, Font.BOLD);
		body = new Font(song, 11);
	}

	static void write(Card card, OutputStream out) {
		new RiskNoticeCardPdf().render(card, out);
	}

	/** The colours of GradeTag.vue ({@code web/src/modules/prevention/labels.js}), so print and screen agree. */
	static Color colour(RiskGrade grade) {
		if (grade == null) {
			return new Color(144, 147, 153);
		}
		return switch (grade) {
			case RED -> new Color(0xe5, 0x39, 0x35);
			case ORANGE -> new Color(0xfb, 0x8c, 0x00);
			case YELLOW -> new Color(0xfd, 0xd8, 0x35);
			case BLUE -> new Color(0x1e, 0x88, 0xe5);
		};
	}

	static String gradeText(RiskGrade grade) {
		if (grade == null) {
			return "未评价";
		}
		String colour = switch (grade) {
			case RED -> "红色";
			case ORANGE -> "橙色";
			case YELLOW -> "黄色";
			case BLUE -> "蓝色";
		};
		return grade.label() + "（" + colour + "）";
	}

	private void render(Card card, OutputStream out) {
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		PdfWriter.getInstance(document, out);
		document.addTitle("风险告知卡 " + card.pointName());
		document.open();
		Paragraph heading = new Paragraph("风险告知卡", title);
		heading.setAlignment(Element.ALIGN_CENTER);
		heading.setSpacingAfter(12);
		document.add(heading);

		PdfPTable table = new PdfPTable(new float[] { 22, 78 });
		table.setWidthPercentage(100);
		PdfPCell gradeBand = new PdfPCell(new Phrase("风险等级：" + gradeText(card.grade()),
				new Font(band.getBaseFont(), band.getSize(), Font.BOLD, card.grade() == RiskGrade.YELLOW ? Color.BLACK : Color.WHITE)));
		gradeBand.setColspan(2);
		gradeBand.setBackgroundColor(colour(card.grade()));
		gradeBand.setHorizontalAlignment(Element.ALIGN_CENTER);
		gradeBand.setPadding(10);
		table.addCell(gradeBand);
		row(table, "单位名称", card.entityName());
		row(table, "风险点名称", card.pointName());
		row(table, "所在位置", blankAs(card.location(), "—"));
		row(table, "风险点类型", card.kind());
		row(table, "管控层级", blankAs(card.controlLevel(), "—"));
		row(table, "危险源/危害因素", lines(card.hazards(), "未辨识"));
		row(table, "可能导致的事故", card.accidentTypes().isEmpty() ? "—" : String.join("、", card.accidentTypes()));
		row(table, "管控措施", lines(card.controlMeasures(), "未录入"));
		row(table, "应急处置措施", lines(card.emergencyMeasures(), "（尚未录入应急处置措施）"));
		row(table, "责任人", lines(card.responsible(), "—"));
		row(table, "联系电话", lines(card.contacts(), "—") + "\n应急电话：" + EMERGENCY_NUMBERS);
		row(table, "评价日期", (card.assessedOn() == null ? "未评价" : DATE.format(card.assessedOn()))
				+ (card.reassessDueOn() == null ? "" : "（应于" + DATE.format(card.reassessDueOn()) + "前重新评价）"));
		document.add(table);

		Paragraph printed = new Paragraph("制卡日期：" + DATE.format(card.printedOn()), body);
		printed.setAlignment(Element.ALIGN_RIGHT);
		printed.setSpacingBefore(12);
		document.add(printed);
		document.close();
	}

	private void row(PdfPTable table, String name, String value) {
		PdfPCell head = new PdfPCell(new Phrase(name, label));
		head.setBackgroundColor(LABEL_BACKGROUND);
		head.setPadding(6);
		head.setVerticalAlignment(Element.ALIGN_MIDDLE);
		table.addCell(head);
		PdfPCell cell = new PdfPCell(new Phrase(value, body));
		cell.setPadding(6);
		cell.setLeading(0, 1.4f);
		table.addCell(cell);
	}

	private static String lines(List<String> items, String none) {
		if (items.isEmpty()) {
			return none;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < items.size(); i++) {
			text.append(i == 0 ? "" : "\n").append(items.size() == 1 ? "" : (i + 1) + ". ").append(items.get(i));
		}
		return text.toString();
	}

	private static String blankAs(String value, String none) {
		return value == null || value.isBlank() ? none : value;
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
