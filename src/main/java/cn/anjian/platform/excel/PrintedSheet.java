package cn.anjian.platform.excel;

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

/**
 * One printable sheet written top to bottom (a responsibility list, a 通报): column widths, full-width merged lines,
 * table rows, and the few cell styles such a document needs.
 */
public final class PrintedSheet implements AutoCloseable {

	private final XSSFWorkbook workbook = new XSSFWorkbook();
	private final Sheet sheet;
	private final int columns;
	private int next;

	/** {@code widths}: each column's width in characters. */
	public PrintedSheet(String name, int... widths) {
		this.sheet = workbook.createSheet(name);
		this.columns = widths.length;
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

	public CellStyle style(int points, boolean bold, boolean bordered) {
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

	/** A line of text across every column. */
	public void merged(String text, CellStyle style) {
		Row row = sheet.createRow(next);
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(style);
		sheet.addMergedRegion(new CellRangeAddress(next, next, 0, columns - 1));
		next++;
	}

	public void row(List<String> values, CellStyle style) {
		Row row = sheet.createRow(next++);
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
			row.getCell(i).setCellStyle(style);
		}
	}

	/** Leaves an empty row. */
	public void skip() {
		next++;
	}

	public void write(OutputStream out) throws IOException {
		workbook.write(out);
	}

	@Override
	public void close() throws IOException {
		workbook.close();
	}
}
