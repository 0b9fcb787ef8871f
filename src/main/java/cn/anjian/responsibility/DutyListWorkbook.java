package cn.anjian.responsibility;

import cn.anjian.platform.excel.PrintedSheet;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.CellStyle;

/** The department responsibility list as one printable sheet: the title, then each section as a bordered table. */
final class DutyListWorkbook {

	private DutyListWorkbook() {
	}

	static void write(DutyList list, OutputStream out) throws IOException {
		try (PrintedSheet sheet = new PrintedSheet("责任清单", 18, 22, 60, 40)) {
			CellStyle title = sheet.style(16, true, false);
			CellStyle heading = sheet.style(12, true, false);
			CellStyle header = sheet.style(11, true, true);
			CellStyle cell = sheet.style(11, false, true);
			sheet.merged(list.title(), title);
			sheet.merged(list.regionName() + "　截至 " + list.asOf(), cell);
			for (DutyList.Section section : list.sections()) {
				sheet.skip();
				sheet.merged(section.heading(), heading);
				sheet.row(section.headers(), header);
				section.rows().forEach(r -> sheet.row(r, cell));
			}
			sheet.write(out);
		}
	}
}
