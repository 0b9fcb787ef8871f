package cn.anjian.responsibility;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The department responsibility list as one printable sheet: the title, then each section as a bordered table. */
final class DutyListWorkbook {

	private static final int COLUMNS = 4;
	private static final int[] WIDTHS = { 18, 22, 60, 40 };

	private final XSSFWorkbook workbook = new XSSFWorkbook();
	private final Sheet sheet = workbook.createSheet("责任清单");
	private final CellStyle title = style(16, true, false);
	private final CellStyle heading = style(12, true, false);
	private final CellStyle header = style(11, true, true);
	private final CellStyle cell = style(11, false, true);
	private int next;

	static void write(DutyList list, OutputStream out) throws IOException {
		DutyListWorkbook book = new DutyListWorkbook();
		try (XSSFWorkbook workbook = book.workbook) {
			book.render(list);
			workbook.write(out);
		}
	}

	private void render(DutyList list) {
		for (int i = 0; i < COLUMNS; i++) {
			sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		merged(list.title(), title);
		merged(list.regionName() + "　截至 " + list.asOf(), cell);
		for (DutyList.Section section : list.sections()) {
			next++;
			merged(section.heading(), heading);
			row(section.headers(), header);
			section.rows().forEach(r -> row(r, cell));
		}
	}

	private void merged(String text, CellStyle style) {
		Row row = sheet.createRow(next);
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(style);
		sheet.addMergedRegion(new CellRangeAddress(next, next, 0, COLUMNS - 1));
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
