package cn.anjian.warning;

import cn.anjian.platform.excel.PrintedSheet;
import cn.anjian.platform.time.BusinessTime;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;

/** A 通报 as one sheet: number, title, intro, the table of named units, issuer and date. */
final class NoticeWorkbook {

	private NoticeWorkbook() {
	}

	static void write(Notice notice, OutputStream out) throws IOException {
		try (PrintedSheet sheet = new PrintedSheet("通报", 6, 30, 24, 20, 50, 14)) {
			CellStyle title = sheet.style(16, true, false);
			CellStyle header = sheet.style(11, true, true);
			CellStyle cell = sheet.style(11, false, true);
			CellStyle plain = sheet.style(11, false, false);
			sheet.merged(notice.number(), plain);
			sheet.merged(notice.title(), title);
			sheet.merged(notice.intro(), plain);
			sheet.row(Notice.HEADERS, header);
			int n = 1;
			for (Notice.Item item : notice.items()) {
				sheet.row(List.of(String.valueOf(n++), item.unitName(), item.regionName(),
						item.departmentName() == null ? "" : item.departmentName(), item.issue(),
						LocalDate.ofInstant(item.triggeredAt(), BusinessTime.ZONE).toString()), cell);
			}
			sheet.skip();
			sheet.merged(notice.issuer() + "　" + NoticePdf.CHINESE_DATE.format(notice.issuedOn()), plain);
			sheet.write(out);
		}
	}
}
