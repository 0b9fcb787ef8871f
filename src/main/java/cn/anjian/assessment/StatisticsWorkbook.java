package cn.anjian.assessment;

import cn.anjian.assessment.Statistics.Table;
import cn.anjian.assessment.StatisticsCatalogue.Figure;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The statistics report as one sheet: a column per figure and per dimension, a row per region, the total, 环比 and 同比. */
final class StatisticsWorkbook {

	private record Column(String key, String header, boolean rate) {
	}

	static void write(String title, StatisticsController.Report report, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("统计");
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			List<Column> columns = columns(report);
			int next = 0;
			Row titleRow = sheet.createRow(next++);
			titleRow.createCell(0).setCellValue(title);
			titleRow.getCell(0).setCellStyle(bold);
			Row header = sheet.createRow(next++);
			header.createCell(0).setCellValue("区划");
			for (int i = 0; i < columns.size(); i++) {
				header.createCell(i + 1).setCellValue(columns.get(i).header());
				header.getCell(i + 1).setCellStyle(bold);
			}
			for (Statistics.Row row : report.current().rows()) {
				line(sheet.createRow(next++), row.regionName(), row.values(), columns);
			}
			line(sheet.createRow(next++), "合计", report.current().total(), columns);
			line(sheet.createRow(next++), label("上期（环比）", report.previous()), report.previous().total(), columns);
			line(sheet.createRow(next++), label("去年同期（同比）", report.lastYear()), report.lastYear().total(), columns);
			sheet.setColumnWidth(0, 30 * 256);
			book.write(out);
		}
	}

	private static String label(String what, Table table) {
		return what + " " + table.period().from() + "至" + table.period().to();
	}

	private static void line(Row row, String name, Map<String, BigDecimal> values, List<Column> columns) {
		row.createCell(0).setCellValue(name);
		for (int i = 0; i < columns.size(); i++) {
			BigDecimal v = values.get(columns.get(i).key());
			if (v != null) {
				row.createCell(i + 1).setCellValue(columns.get(i).rate() ? v.movePointRight(2).doubleValue() : v.doubleValue());
			}
		}
	}

	/** A figure's total, then each of its dimensions that occurs in any table of the report. */
	private static List<Column> columns(StatisticsController.Report report) {
		List<Column> columns = new ArrayList<>();
		for (Figure f : report.figures()) {
			boolean rate = f.unit() == StatisticsCatalogue.Unit.RATE;
			columns.add(new Column(f.code(), f.name() + (rate ? "（%）" : ""), rate));
			if (f.dimension() == null) {
				continue;
			}
			TreeSet<String> dims = new TreeSet<>();
			for (Table t : List.of(report.current(), report.previous(), report.lastYear())) {
				t.total().keySet().stream().filter(k -> k.startsWith(f.code() + ".")).forEach(k -> dims.add(k.substring(f.code().length() + 1)));
			}
			Map<String, String> labels = report.labels().getOrDefault(f.dimension(), Map.of());
			dims.forEach(d -> columns.add(new Column(f.code() + "." + d, f.name() + "·" + labels.getOrDefault(d, d), false)));
		}
		return columns;
	}

	private StatisticsWorkbook() {
	}
}
