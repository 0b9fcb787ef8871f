package cn.anjian.registry.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The 填写说明 sheet: how the import treats a file, then one line per column (required, how to fill, choices). */
final class TemplateNotes {

	private static final int LISTED_CHOICES = 12;

	private static final List<String> RULES = List.of(
			"1. 请在“" + EntityWorkbook.DATA_SHEET + "”工作表中填写，一行一个单位；不要修改、删除或增加表头列，不要合并单元格。",
			"2. 以统一社会信用代码识别单位：已登记的单位按本表更新，未登记的新增；内容与系统一致的行不做任何修改，可放心重复导入。",
			"3. 同一文件中统一社会信用代码不能重复；已由其他辖区登记的单位不能导入，请联系其属地。",
			"4. 红色标题为必填列。字典列请从下拉列表选择；“是/否”列填“是”或“否”；日期按 yyyy-MM-dd 填写。",
			"5. 属地区划代码填街道（镇）9位或网格12位代码，见“" + EntityWorkbook.PLACES_SHEET + "”工作表（仅列出您管辖范围内的）。",
			"6. 空行会被跳过；报错时的行号即Excel左侧的行号。默认有任何错误则整批不导入，也可选择“只导入正确的行”。",
			"7. 出错时可下载错误报告：原样保留各行，并在最后一列“" + EntityColumn.ERROR_TITLE + "”写明原因，改正后可直接再次导入。",
			"8. 单个文件不超过30MB、" + EntitySheetReader.MAX_ROWS + "行。");

	private TemplateNotes() {
	}

	static void write(Sheet sheet, Vocabulary vocabulary, CellStyle header) {
		int n = 0;
		sheet.createRow(n++).createCell(0).setCellValue("监管对象导入填写说明");
		for (String rule : RULES) {
			sheet.createRow(n++).createCell(0).setCellValue(rule);
		}
		n++;
		Row titles = sheet.createRow(n++);
		String[] columns = { "列名", "必填", "填写要求", "可选值" };
		for (int i = 0; i < columns.length; i++) {
			titles.createCell(i).setCellValue(columns[i]);
			titles.getCell(i).setCellStyle(header);
		}
		for (EntityColumn column : EntityColumn.values()) {
			Row row = sheet.createRow(n++);
			row.createCell(0).setCellValue(column.title);
			row.createCell(1).setCellValue(column.required ? "是" : "否");
			row.createCell(2).setCellValue(column.hint);
			row.createCell(3).setCellValue(choices(column, vocabulary));
		}
		sheet.setColumnWidth(0, 26 * 256);
		sheet.setColumnWidth(1, 6 * 256);
		sheet.setColumnWidth(2, 70 * 256);
		sheet.setColumnWidth(3, 60 * 256);
	}

	private static String choices(EntityColumn column, Vocabulary vocabulary) {
		return switch (column.kind) {
			case FLAG -> EntityRow.YES + "、" + EntityRow.NO;
			case DICTIONARY, DICTIONARIES -> {
				List<String> labels = vocabulary.choices(column.dictionary);
				yield labels.size() <= LISTED_CHOICES ? String.join("、", labels) : "见下拉列表（共" + labels.size() + "项）";
			}
			default -> "";
		};
	}
}
