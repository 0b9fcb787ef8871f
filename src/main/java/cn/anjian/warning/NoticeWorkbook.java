package cn.anjian.warning;

import cn.anjian.platform.time.BusinessTime;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A 通报 as one sheet: number, title, intro, the table of named units, issuer and date. */
final class NoticeWorkbook {

	private static final int[] WIDTHS = { 6, 30, 24, 20, 50, 14 };

	private final XSSFWorkbook workbook = new XSSFWorkbook();
	private final Sheet sheet = workbook.createSheet("通报");
	private final CellStyle title = style(16, true, false);
	private final CellStyle header = style(11, true, true);
	private final CellStyle cell = style(11, false, true);
	private final CellStyle plain = style(11, false, false);
	private int next;

	static void write(Notice notice, OutputStream out) throws IOException {
		NoticeWorkbook book = new NoticeWorkbook();
		try (XSSFWorkbook workbook = book.workbook) {
			book.render(notice);
			workbook.write(out);
		}
	}

	private void render(Notice notice) {
		for (int i = 0; i < WIDTHS.length; i++) {
			sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		merged(notice.number(), plain);
		merged(notice.title(), title);
		merged(notice.intro(), plain);
		row(Notice.HEADERS, header);
		int n = 1;
		for (Notice.Item item : notice.items()) {
			row(List.of(String.valueOf(n++), item.unitName(), item.regionName(),
					item.departmentName() == null ? "" : item.departmentName(), item.issue(),
					LocalDate.ofInstant(item.triggeredAt(), BusinessTime.ZONE).toString()), cell);
		}
		next++;
		merged(notice.issuer() + "　" + NoticePdf.CHINESE_DATE.format(notice.issuedOn()), plain);
	}

	private void merged(String text, CellStyle style) {
		Row row = sheet.createRow(next);
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(style);
		sheet.addMergedRegion(new CellRangeAddress(next, next, 0, WIDTHS.length - 1));
		next++;
	}

	private void row(List<String> values, CellStyle style) {
		Row row = sheet.createRow(next++);
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
			row.getCell(i).setCellStyle(style);
		}
	}

	private CellStyle style(int points, boolean bold, boolean bordered) {
		Font font = workbook.createFont();
		font.setFontHeightInPoints((short) points);
		font.setBold(bold);
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		style.setWrapText(true);
		if (bordered) {
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
		}
		return style;
	}
}
