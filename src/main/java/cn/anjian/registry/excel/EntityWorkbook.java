package cn.anjian.registry.excel;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the entity workbook — template, export, an import's error report — with SXSSF, holding a window of
 * {@value #WINDOW} rows in memory however long the export. Sheets: 监管对象 (the {@link EntityColumn}s, typed cells,
 * drop-downs of the enabled dictionary labels), 填写说明 (each column explained), 属地区划代码 (the caller's streets
 * and grids) and a hidden sheet with the drop-down lists.
 */
final class EntityWorkbook implements Closeable {

	static final String DATA_SHEET = "监管对象";
	static final String NOTES_SHEET = "填写说明";
	static final String PLACES_SHEET = "属地区划代码";
	static final String LISTS_SHEET = "下拉选项";
	static final int WINDOW = 200;

	private static final String[] FLAGS = { EntityRow.YES, EntityRow.NO };

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
	private final Vocabulary vocabulary;
	private final SXSSFSheet data;
	private final boolean errorColumn;
	private final Map<String, CellStyle> styles = new LinkedHashMap<>();

	/** With {@code errorColumn}, a last column 错误信息 holds each bad row's messages (the error report). */
	EntityWorkbook(Vocabulary vocabulary, boolean errorColumn) {
		this.vocabulary = vocabulary;
		this.errorColumn = errorColumn;
		createStyles();
		this.data = workbook.createSheet(DATA_SHEET);
		writeHeader();
		TemplateNotes.write(workbook.createSheet(NOTES_SHEET), vocabulary, style("header"));
		writePlaces(workbook.createSheet(PLACES_SHEET));
		writeListsAndDropDowns(workbook.createSheet(LISTS_SHEET));
		workbook.setSheetHidden(workbook.getSheetIndex(LISTS_SHEET), true);
		workbook.setActiveSheet(0);
	}

	/** Writes a row where Excel showed it (an error report keeps the uploaded row numbers). */
	void add(EntityRow row) {
		add(row, null);
	}

	void add(EntityRow row, String error) {
		Row r = data.createRow(row.number() - 1);
		for (EntityColumn column : EntityColumn.values()) {
			String value = row.get(column);
			if (value != null) {
				write(r.createCell(column.ordinal()), column, value);
			}
		}
		if (error != null) {
			Cell cell = r.createCell(EntityColumn.values().length);
			cell.setCellValue(error);
			cell.setCellStyle(style("error"));
		}
	}

	void writeTo(OutputStream out) {
		try {
			workbook.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	byte[] toBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeTo(out);
		return out.toByteArray();
	}

	@Override
	public void close() {
		try {
			workbook.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Numbers and dates as Excel's own types (so they sort and sum); text that does not parse stays as typed. */
	private void write(Cell cell, EntityColumn column, String value) {
		try {
			switch (column.kind) {
				case INTEGER, DECIMAL -> {
					cell.setCellValue(new BigDecimal(value).doubleValue());
					cell.setCellStyle(style(column.kind == EntityColumn.Kind.INTEGER ? "integer" : "decimal"));
				}
				case DATE -> {
					cell.setCellValue(LocalDate.parse(value));
					cell.setCellStyle(style("date"));
				}
				default -> text(cell, value);
			}
		}
		catch (NumberFormatException | DateTimeParseException e) {
			text(cell, value);
		}
	}

	private void text(Cell cell, String value) {
		cell.setCellValue(value);
		cell.setCellStyle(style("text"));
	}

	private void writeHeader() {
		Row header = data.createRow(0);
		for (EntityColumn column : EntityColumn.values()) {
			Cell cell = header.createCell(column.ordinal());
			cell.setCellValue(column.title);
			cell.setCellStyle(style(column.required ? "requiredHeader" : "header"));
			data.setColumnWidth(column.ordinal(), width(column));
			data.setDefaultColumnStyle(column.ordinal(), style(switch (column.kind) {
				case DATE -> "date";
				case INTEGER -> "integer";
				case DECIMAL -> "decimal";
				default -> "text";
			}));
		}
		if (errorColumn) {
			Cell cell = header.createCell(EntityColumn.values().length);
			cell.setCellValue(EntityColumn.ERROR_TITLE);
			cell.setCellStyle(style("requiredHeader"));
			data.setColumnWidth(EntityColumn.values().length, 60 * 256);
		}
		data.createFreezePane(2, 1);
	}

	private static int width(EntityColumn column) {
		return switch (column) {
			case NAME, ADDRESS -> 30 * 256;
			case USCC -> 22 * 256;
			default -> Math.max(12, column.title.length() * 2 + 2) * 256;
		};
	}

	private void writePlaces(Sheet sheet) {
		Row header = sheet.createRow(0);
		String[] titles = { "区划代码", "名称", "上级" };
		for (int i = 0; i < titles.length; i++) {
			header.createCell(i).setCellValue(titles[i]);
			header.getCell(i).setCellStyle(style("header"));
		}
		sheet.setColumnWidth(0, 16 * 256);
		sheet.setColumnWidth(1, 24 * 256);
		sheet.setColumnWidth(2, 40 * 256);
		int n = 1;
		for (Vocabulary.Place place : vocabulary.places()) {
			Row row = sheet.createRow(n++);
			text(row.createCell(0), place.code());
			row.createCell(1).setCellValue(place.name());
			row.createCell(2).setCellValue(place.parents() == null ? "" : place.parents());
		}
	}

	/** One column per dictionary on the hidden sheet, a named range over it, a drop-down on the data column. */
	private void writeListsAndDropDowns(Sheet lists) {
		List<EntityColumn> listed = List.of(EntityColumn.values()).stream()
			.filter(c -> c.kind == EntityColumn.Kind.DICTIONARY).toList();
		int longest = listed.stream().mapToInt(c -> vocabulary.choices(c.dictionary).size()).max().orElse(0);
		for (int r = 0; r <= longest; r++) {
			Row row = lists.createRow(r);
			for (int i = 0; i < listed.size(); i++) {
				List<String> choices = vocabulary.choices(listed.get(i).dictionary);
				if (r == 0) {
					row.createCell(i).setCellValue(listed.get(i).title);
				}
				else if (r <= choices.size()) {
					row.createCell(i).setCellValue(choices.get(r - 1));
				}
			}
		}
		DataValidationHelper helper = data.getDataValidationHelper();
		for (int i = 0; i < listed.size(); i++) {
			EntityColumn column = listed.get(i);
			int size = vocabulary.choices(column.dictionary).size();
			if (size > 0) {
				String letter = CellReference.convertNumToColString(i);
				Name name = workbook.createName();
				name.setNameName("list_" + column.dictionary);
				name.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (size + 1));
				dropDown(helper, column, helper.createFormulaListConstraint("list_" + column.dictionary));
			}
		}
		for (EntityColumn column : EntityColumn.values()) {
			switch (column.kind) {
				case FLAG -> dropDown(helper, column, helper.createExplicitListConstraint(FLAGS));
				case INTEGER -> restrict(helper, column, helper.createIntegerConstraint(
						DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), "请填写不小于0的整数");
				default -> {
				}
			}
		}
	}

	private void dropDown(DataValidationHelper helper, EntityColumn column, DataValidationConstraint constraint) {
		DataValidation validation = restrict(helper, column, constraint, "请从下拉列表中选择");
		validation.setSuppressDropDownArrow(true); // for .xlsx, true means the arrow is shown
	}

	private DataValidation restrict(DataValidationHelper helper, EntityColumn column, DataValidationConstraint constraint,
			String error) {
		DataValidation validation = helper.createValidation(constraint,
				new CellRangeAddressList(1, EntitySheetReader.MAX_ROWS, column.ordinal(), column.ordinal()));
		validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
		validation.createErrorBox(column.title, error);
		validation.setShowErrorBox(true);
		validation.createPromptBox(column.title, column.hint);
		validation.setShowPromptBox(true);
		data.addValidationData(validation);
		return validation;
	}

	private CellStyle style(String name) {
		return styles.get(name);
	}

	private void createStyles() {
		short textFormat = workbook.createDataFormat().getFormat("@");
		styles.put("text", styleWithFormat(textFormat));
		styles.put("date", styleWithFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd")));
		styles.put("integer", styleWithFormat(workbook.createDataFormat().getFormat("0")));
		styles.put("decimal", styleWithFormat(workbook.createDataFormat().getFormat("0.000000")));
		styles.put("header", headerStyle(IndexedColors.BLACK));
		styles.put("requiredHeader", headerStyle(IndexedColors.RED));
		CellStyle error = workbook.createCellStyle();
		Font red = workbook.createFont();
		red.setColor(IndexedColors.RED.getIndex());
		error.setFont(red);
		error.setDataFormat(textFormat);
		styles.put("error", error);
	}

	private CellStyle styleWithFormat(short format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(format);
		return style;
	}

	private CellStyle headerStyle(IndexedColors color) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		font.setColor(color.getIndex());
		style.setFont(font);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		return style;
	}
}
