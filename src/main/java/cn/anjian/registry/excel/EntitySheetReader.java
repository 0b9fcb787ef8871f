package cn.anjian.registry.excel;

import cn.anjian.platform.web.ApiError;
import cn.anjian.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the data rows of an uploaded entity workbook with POI's event API (XSSFReader and XSSFSheetXMLHandler over a
 * read-only shared-strings table): memory stays flat however many rows. Refuses, with a stable code and a Chinese
 * message, whatever is not such a workbook — not an .xlsx at all (an .xls or .csv renamed, random bytes), a zip bomb
 * (POI's ZipSecureFile inflate-ratio guard is left on), no sheet 监管对象, a header other than the template's, merged
 * cells among the data, more than {@link #MAX_ROWS} rows.
 */
final class EntitySheetReader {

	static final int MAX_ROWS = 300_000;

	private static final Logger log = LoggerFactory.getLogger(EntitySheetReader.class);

	private EntitySheetReader() {
	}

	/** Calls {@code rows} with each non-blank data row, in order; an exception it throws ends the reading as is. */
	static void read(Path file, Consumer<EntityRow> rows) {
		checkFormat(file);
		OPCPackage pkg = null;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			try (InputStream sheet = dataSheet(reader)) {
				Contents contents = new Contents(rows);
				SheetHandler handler = new SheetHandler(styles, strings, contents);
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(handler);
				parser.parse(new InputSource(sheet));
				handler.refuseMergedData();
			}
		}
		catch (ApiException e) {
			throw e;
		}
		catch (ConsumerFailed e) {
			throw e.failure;
		}
		catch (Exception e) {
			throw unreadable(e);
		}
		finally {
			if (pkg != null) {
				pkg.revert();
			}
		}
	}

	private static void checkFormat(Path file) {
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException e) {
			throw unreadable(e);
		}
		if (magic == FileMagic.OLE2) {
			throw unreadable("这是旧版Excel（.xls）或加密的文件，请在Excel中另存为“Excel工作簿（*.xlsx）”并取消密码后再导入");
		}
		if (magic != FileMagic.OOXML) {
			throw unreadable("文件不是Excel工作簿（.xlsx），无法读取，请使用下载的模板填写");
		}
	}

	private static InputStream dataSheet(XSSFReader reader) throws Exception {
		XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
		List<String> names = new ArrayList<>();
		while (sheets.hasNext()) {
			InputStream sheet = sheets.next();
			if (EntityWorkbook.DATA_SHEET.equals(sheets.getSheetName())) {
				return sheet;
			}
			names.add(sheets.getSheetName());
			sheet.close();
		}
		throw new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_BAD_SHEET", "文件中没有名为“" + EntityWorkbook.DATA_SHEET
				+ "”的工作表（现有：" + String.join("、", names) + "），请使用下载的模板填写");
	}

	private static ApiException unreadable(Exception e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("Zip bomb") || message.contains("exceed the max size")) {
				return unreadable("文件解压后的大小异常（疑似压缩炸弹），已拒绝读取");
			}
		}
		log.warn("Unreadable import file: {}", e.toString());
		return unreadable("文件已损坏或不是有效的Excel工作簿（.xlsx），无法读取");
	}

	private static ApiException unreadable(String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_UNREADABLE", message);
	}

	/** A failure of the row consumer (the database, say), carried through the XML parser untouched. */
	private static final class ConsumerFailed extends RuntimeException {

		private final RuntimeException failure;

		ConsumerFailed(RuntimeException failure) {
			super(failure);
			this.failure = failure;
		}
	}

	/** The sheet XML handler, also noting merged ranges (they come after the rows, in {@code <mergeCells>}). */
	private static final class SheetHandler extends XSSFSheetXMLHandler {

		private final List<String> mergedData = new ArrayList<>();

		SheetHandler(StylesTable styles, ReadOnlySharedStringsTable strings, Contents contents) {
			super(styles, strings, contents, new ValueFormatter(), false);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
			if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
				String ref = attributes.getValue("ref");
				if (CellRangeAddress.valueOf(ref).getLastRow() >= 1) {
					mergedData.add(ref);
				}
			}
			super.startElement(uri, localName, qName, attributes);
		}

		void refuseMergedData() {
			if (!mergedData.isEmpty()) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_MERGED_CELLS", "数据区有合并单元格（"
						+ String.join("、", mergedData) + "），请取消合并、每个单元格单独填写后再导入",
						mergedData.stream().map(ref -> new ApiError.Detail(ref, "合并单元格 " + ref + "，请取消合并")).toList());
			}
		}
	}

	/**
	 * Cell values as the importer needs them, whatever the display format: dates as yyyy-MM-dd, numbers in full
	 * (a latitude shown with 2 decimals keeps its 6; a phone number typed as a number keeps its digits).
	 */
	private static final class ValueFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
	}

	/** Row 1 is the header; every later non-blank row becomes an {@link EntityRow} numbered as Excel shows it. */
	private static final class Contents implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<EntityRow> rows;
		private final TreeMap<Integer, String> titles = new TreeMap<>();
		private EntityColumn[] columns;
		private Map<EntityColumn, String> cells;
		private int number;
		private int nextColumn;
		private int count;

		Contents(Consumer<EntityRow> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			number = rowNum + 1;
			nextColumn = 0;
			cells = new EnumMap<>(EntityColumn.class);
			if (columns == null && number != 1) {
				throw badHeader(List.of(new ApiError.Detail("1", "第1行应为表头（各列标题），请使用下载的模板填写")));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? nextColumn : new CellReference(reference).getCol();
			nextColumn = column + 1;
			if (value == null || value.isBlank()) {
				return;
			}
			if (columns == null) {
				titles.put(column, value.strip());
			}
			else if (column < columns.length && columns[column] != null) {
				cells.put(columns[column], value.strip());
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (columns == null) {
				columns = header(titles);
			}
			else if (!cells.isEmpty()) {
				if (++count > MAX_ROWS) {
					throw new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_TOO_MANY_ROWS",
							"单次最多导入" + MAX_ROWS + "行，请拆分文件后分批导入");
				}
				try {
					rows.accept(new EntityRow(number, cells));
				}
				catch (ApiException e) {
					throw e;
				}
				catch (RuntimeException e) {
					throw new ConsumerFailed(e);
				}
			}
		}

		@Override
		public void endSheet() {
			if (columns == null) {
				throw badHeader(List.of(new ApiError.Detail("1", "工作表是空的，第1行应为表头")));
			}
		}

		/** Columns are matched by title, so their order may change; each must be there once, and no other. */
		private static EntityColumn[] header(TreeMap<Integer, String> titles) {
			List<ApiError.Detail> problems = new ArrayList<>();
			EntityColumn[] columns = new EntityColumn[titles.isEmpty() ? 0 : titles.lastKey() + 1];
			Map<EntityColumn, Integer> found = new EnumMap<>(EntityColumn.class);
			titles.forEach((index, title) -> {
				if (title.equals(EntityColumn.ERROR_TITLE)) {
					return;
				}
				String letter = CellReference.convertNumToColString(index);
				EntityColumn column = byTitle(title);
				if (column == null) {
					problems.add(new ApiError.Detail(title, "第" + letter + "列“" + title + "”不是模板中的列"));
				}
				else if (found.containsKey(column)) {
					problems.add(new ApiError.Detail(title, "列“" + title + "”重复（第"
							+ CellReference.convertNumToColString(found.get(column)) + "列和第" + letter + "列）"));
				}
				else {
					found.put(column, index);
					columns[index] = column;
				}
			});
			Set<EntityColumn> missing = EnumSet.allOf(EntityColumn.class);
			missing.removeAll(found.keySet());
			missing.forEach(c -> problems.add(new ApiError.Detail(c.title, "缺少列“" + c.title + "”")));
			if (!problems.isEmpty()) {
				throw badHeader(problems);
			}
			return columns;
		}

		private static EntityColumn byTitle(String title) {
			for (EntityColumn column : EntityColumn.values()) {
				if (column.title.equals(title)) {
					return column;
				}
			}
			return null;
		}

		private static ApiException badHeader(List<ApiError.Detail> problems) {
			String first = problems.get(0).message();
			return new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_BAD_HEADER", "表头与模板不一致：" + first
					+ (problems.size() > 1 ? "等" + problems.size() + "处" : "") + "，请使用下载的模板填写", problems);
		}
	}
}
