package cn.anjian.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks for tests, as a user would make them in Excel (shared strings, rows where the user typed them), and a
 * reader for downloaded ones.
 */
public final class Xlsx {

	private final XSSFWorkbook workbook = new XSSFWorkbook();
	private final Sheet sheet;
	private final List<String> header = new ArrayList<>();

	private Xlsx(String sheetName) {
		this.sheet = workbook.createSheet(sheetName);
	}

	public static Xlsx sheet(String name) {
		return new Xlsx(name);
	}

	/** Row 1: the column titles. */
	public Xlsx header(List<String> titles) {
		header.addAll(titles);
		return row(1, titles);
	}

	/** A row at the Excel row number given, cells in order from column A. */
	public Xlsx row(int number, List<String> cells) {
		Row row = sheet.createRow(number - 1);
		for (int i = 0; i < cells.size(); i++) {
			if (cells.get(i) != null) {
				row.createCell(i).setCellValue(cells.get(i));
			}
		}
		return this;
	}

	/** A row at the Excel row number given, cells placed under the header titles named. */
	public Xlsx row(int number, Map<String, String> byTitle) {
		List<String> cells = new ArrayList<>();
		header.forEach(title -> cells.add(byTitle.get(title)));
		byTitle.keySet().forEach(title -> {
			if (!header.contains(title)) {
				throw new IllegalArgumentException("no column " + title);
			}
		});
		return row(number, cells);
	}

	public Xlsx merge(String range) {
		sheet.addMergedRegion(CellRangeAddress.valueOf(range));
		return this;
	}

	public byte[] bytes() {
		try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static XSSFWorkbook read(byte[] bytes) {
		try {
			return new XSSFWorkbook(new ByteArrayInputStream(bytes));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The cells of a row as Excel shows them (blank cells as ""), up to the last one filled. */
	public static List<String> texts(Row row) {
		DataFormatter format = new DataFormatter();
		List<String> texts = new ArrayList<>();
		for (int i = 0; row != null && i < row.getLastCellNum(); i++) {
			texts.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
		}
		return texts;
	}
}
