package cn.anjian.support;

import cn.anjian.registry.Uscc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Entity workbooks for tests: the template's header, a valid row for a place, fresh USCCs, a sheet as text. */
public final class EntitySheets {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private EntitySheets() {
	}

	/** The column titles of the template the client downloads. */
	public static List<String> header(ApiClient client) {
		try (XSSFWorkbook book = Xlsx.read(client.get("/api/entities/template.xlsx").expect(200).bytes())) {
			return Xlsx.texts(book.getSheet("监管对象").getRow(0));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A valid USCC never seen before, registered in the district whose 6-digit code is given. */
	public static String uscc(String district) {
		String first17 = "91" + district + "MA" + "%07d".formatted(SERIAL.incrementAndGet());
		return first17 + Uscc.checkCharacter(first17);
	}

	/** A valid row, by column title, for a small machine works at the street or grid with this code. */
	public static Map<String, String> row(String uscc, String placeCode) {
		Map<String, String> row = new HashMap<>();
		row.put("单位名称", "测试机械有限公司" + uscc.substring(12));
		row.put("统一社会信用代码", uscc);
		row.put("法定代表人", "张三");
		row.put("法定代表人电话", "13800000000");
		row.put("地址", "测试路1号");
		row.put("属地区划代码", placeCode);
		row.put("纬度", "36.651234");
		row.put("经度", "117.120098");
		row.put("从业人员数", "20");
		row.put("成立日期", "2015-03-18");
		row.put("社会功能", "企业");
		row.put("行业类型", "工贸其他");
		row.put("监管类型", "行业监管、属地管理");
		row.put("监管层级", "区县");
		row.put("已投保安责险", "否");
		return row;
	}

	/** A sheet of a downloaded workbook as text: one line per row, cells separated by |. */
	public static String text(byte[] xlsx, String sheetName) {
		try (XSSFWorkbook book = Xlsx.read(xlsx)) {
			StringBuilder text = new StringBuilder();
			Sheet sheet = book.getSheet(sheetName);
			for (Row row : sheet) {
				text.append(String.join("|", Xlsx.texts(row))).append('\n');
			}
			return text.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
