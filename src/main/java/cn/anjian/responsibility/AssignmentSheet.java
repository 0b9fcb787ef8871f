package cn.anjian.responsibility;

import cn.anjian.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The assignment spreadsheet: one row per assignment, the same columns in the template, the export and the import,
 * so an export can be edited and imported back. Imports are capped at {@link #MAX_ROWS} rows and {@link #MAX_BYTES}
 * bytes: an assignment file names entities by USCC and is read whole into memory (plain {@link XSSFWorkbook}); a
 * district's yearly re-assignment fits, a whole city's goes in several files.
 */
final class AssignmentSheet {

	enum Column {
		USCC("统一社会信用代码", 22), ENTITY_NAME("单位名称（仅供核对）", 30), DEPARTMENT("监管部门", 24),
		OFFICE("处（科）室", 20), TYPE("监管类型", 12), INSPECTORS("监管人员账号（多个用、分隔）", 30);

		final String title;
		final int width;

		Column(String title, int width) {
			this.title = title;
			this.width = width;
		}
	}

	/** One non-blank data row, numbered as Excel shows it (the header is row 1). */
	record Line(int row, Map<Column, String> values) {

		String get(Column column) {
			return values.getOrDefault(column, "");
		}
	}

	static final int MAX_ROWS = 5_000;
	static final long MAX_BYTES = 1024 * 1024;

	private static final Column[] COLUMNS = Column.values();

	private AssignmentSheet() {
	}

	static List<Line> read(InputStream in) {
		try (Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			checkHeader(sheet.getRow(0));
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw ApiException.invalid("file", "每次最多导入" + MAX_ROWS + "行，请拆分文件");
			}
			DataFormatter text = new DataFormatter();
			List<Line> lines = new java.util.ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Line line = line(sheet.getRow(r), r + 1, text);
				if (!line.values().isEmpty()) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof ApiException api) {
				throw api;
			}
			throw ApiException.invalid("file", "文件不是有效的 Excel（.xlsx）文件");
		}
	}

	/** The template: the header, and a second sheet listing the supervision types the dictionary allows. */
	static void template(OutputStream out, List<String> typeLabels) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = header(workbook);
			Sheet notes = workbook.createSheet("填写说明");
			notes.setColumnWidth(0, 80 * 256);
			String[] lines = { "每行一条监管分工：统一社会信用代码 + 监管部门 + 处（科）室（可空）+ 监管类型 + 监管人员账号（可空）。",
					"监管部门、处（科）室填名称；监管人员填登录账号，多个用、分隔，须为该部门在用账号。",
					"同一单位、同一部门、同一监管类型已有分工的，只更新处（科）室和监管人员；完全相同的行不作改动。",
					"每个文件最多" + MAX_ROWS + "行。可选的监管类型：" + String.join("、", typeLabels) };
			for (int i = 0; i < lines.length; i++) {
				notes.createRow(i).createCell(0).setCellValue(lines[i]);
			}
			workbook.setActiveSheet(workbook.getSheetIndex(sheet));
			workbook.write(out);
		}
	}

	/** Streams rows (values in column order) to the output without holding the workbook in memory. */
	static void export(OutputStream out, Consumer<Consumer<List<String>>> rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = header(workbook);
			int[] next = { 1 };
			rows.accept(values -> {
				Row row = sheet.createRow(next[0]++);
				for (int i = 0; i < values.size(); i++) {
					row.createCell(i).setCellValue(values.get(i) == null ? "" : values.get(i));
				}
			});
			workbook.write(out);
		}
	}

	private static Sheet header(Workbook workbook) {
		Sheet sheet = workbook.createSheet("监管分工");
		CellStyle asText = workbook.createCellStyle();
		// USCCs of digits only would otherwise turn into numbers and lose their last digits
		asText.setDataFormat(workbook.createDataFormat().getFormat("@"));
		Row head = sheet.createRow(0);
		for (Column column : COLUMNS) {
			head.createCell(column.ordinal()).setCellValue(column.title);
			sheet.setColumnWidth(column.ordinal(), column.width * 256);
			sheet.setDefaultColumnStyle(column.ordinal(), asText);
		}
		return sheet;
	}

	private static void checkHeader(Row head) {
		for (Column column : COLUMNS) {
			String title = head == null || head.getCell(column.ordinal()) == null ? ""
					: head.getCell(column.ordinal()).toString().trim();
			if (!title.equals(column.title)) {
				throw ApiException.invalid("file", "表头与模板不符：第" + (column.ordinal() + 1) + "列应为“" + column.title + "”，请使用导入模板");
			}
		}
	}

	private static Line line(Row row, int excelRow, DataFormatter text) {
		Map<Column, String> values = new EnumMap<>(Column.class);
		if (row != null) {
			for (Column column : COLUMNS) {
				String value = text.formatCellValue(row.getCell(column.ordinal())).trim();
				if (!value.isEmpty()) {
					values.put(column, value);
				}
			}
		}
		return new Line(excelRow, values);
	}
}
