package cn.anjian.registry;

import cn.anjian.AnjianApplication;
import cn.anjian.support.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark (not a test): a 200,000-row entity workbook, written with SXSSF in the template's columns, imported over
 * HTTP by the city administrator (all new); then every entity exported and the export imported back (all unchanged).
 * Prints rows/s and the heap used meanwhile (the server runs in this JVM, so {@code -Xmx512m} bounds it).
 * Run: {@code MAVEN_OPTS=-Xmx512m mvn -q -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.anjian.registry.ExcelImportBenchmark}
 */
public class ExcelImportBenchmark {

	private static int rows = 200_000;

	private static final List<String> TITLES = List.of("单位名称", "统一社会信用代码", "法定代表人", "法定代表人电话", "实际控制人",
			"实际控制人电话", "主要负责人", "主要负责人电话", "安全总监", "安全总监电话", "地址", "属地区划代码", "纬度", "经度",
			"从业人员数", "成立日期", "社会功能", "行业类型", "监管类型", "监管层级", "经营状态", "高危行业", "重大危险源",
			"重大危险源等级", "人员密集场所", "已投保安责险", "安责险保单号", "安责险有效期至", "强制双重预防（人工认定）");

	/** {@code args[0]}: the number of rows, 200,000 unless given ({@code -Dexec.args=20000} for a quick run). */
	public static void main(String[] args) throws Exception {
		rows = args.length > 0 ? Integer.parseInt(args[0]) : rows;
		// as arguments, not default properties: application.properties would win over those (./data/pg, not cleaned)
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AnjianApplication.class).run(
				"--anjian.db.embedded.data-dir=target/bench-pg", "--anjian.db.embedded.clean=true", "--anjian.demo=true",
				"--anjian.demo.entities=400", "--db-scheduler.enabled=false", "--server.port=0", "--logging.level.root=WARN",
				"--logging.structured.format.console=")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			List<String> places = jdbc.sql("SELECT code FROM region WHERE level IN ('STREET', 'GRID') ORDER BY code")
				.query(String.class).list();
			List<String> industries = jdbc.sql("SELECT label FROM dict_item WHERE type = 'industry' AND enabled ORDER BY sort_order")
				.query(String.class).list();
			Path file = Files.createTempFile("bench-entities-", ".xlsx");
			long started = System.nanoTime();
			write(file, places, industries);
			System.out.printf("wrote %,d rows in %d ms: %.1f MB%n", rows, (System.nanoTime() - started) / 1_000_000,
					Files.size(file) / 1024.0 / 1024.0);

			ApiClient admin = ApiClient.signedIn(port, "admin");
			importOnce("import (all new)", admin, file);
			Path export = Files.createTempFile("bench-export-", ".xlsx");
			exportAll(admin, export);
			importOnce("import of the export (all unchanged)", admin, export);
			Files.delete(export);
			System.out.printf("entities now %,d; operation-log entries %,d%n",
					jdbc.sql("SELECT count(*) FROM supervised_entity").query(Long.class).single(),
					jdbc.sql("SELECT count(*) FROM operation_log").query(Long.class).single());
			Files.delete(file);
		}
	}

	private static void importOnce(String name, ApiClient client, Path file) throws InterruptedException {
		System.gc();
		HeapWatch heap = HeapWatch.start();
		long started = System.nanoTime();
		ApiClient.Response response = client.upload("/api/entities/import", "bench.xlsx", file);
		double seconds = (System.nanoTime() - started) / 1e9;
		heap.stop();
		JsonNode body = response.body();
		if (response.status() != 200) {
			throw new IllegalStateException(name + ": " + response.raw());
		}
		int total = body.get("totalRows").asInt();
		System.out.printf("%-38s HTTP %d  %6.1f s  %,8.0f rows/s  rows %,d: created %s updated %s unchanged %s failed %s%n",
				name, response.status(), seconds, total / seconds, total, body.get("created"), body.get("updated"),
				body.get("unchanged"), body.get("failed"));
		heap.print();
	}

	private static void exportAll(ApiClient client, Path file) throws Exception {
		System.gc();
		HeapWatch heap = HeapWatch.start();
		long started = System.nanoTime();
		int status = client.download("/api/entities/export.xlsx", file);
		double seconds = (System.nanoTime() - started) / 1e9;
		heap.stop();
		System.out.printf("%-38s HTTP %d  %6.1f s  %.1f MB%n", "export of every entity", status, seconds,
				Files.size(file) / 1024.0 / 1024.0);
		heap.print();
	}

	/** The template's columns, one valid row per entity, streamed with SXSSF (inline strings, as the export writes). */
	private static void write(Path file, List<String> places, List<String> industries) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("监管对象");
			Row header = sheet.createRow(0);
			for (int i = 0; i < TITLES.size(); i++) {
				header.createCell(i).setCellValue(TITLES.get(i));
			}
			for (int n = 1; n <= rows; n++) {
				String first17 = "91370100BM" + "%07d".formatted(n);
				String[] values = { "基准测试单位" + n + "有限公司", first17 + Uscc.checkCharacter(first17), "法人" + n,
						"138" + "%08d".formatted(n), null, null, "负责人" + n, "139" + "%08d".formatted(n), null, null,
						"测试路" + n + "号", places.get(n % places.size()), null, null, null, "2015-03-18", "企业",
						industries.get(15 + n % 60), "行业监管、属地管理", "区县", "在营", null, "否", null, n % 7 == 0 ? "是" : "否",
						"否", null, null, null };
				Row row = sheet.createRow(n);
				for (int i = 0; i < values.length; i++) {
					if (values[i] != null) {
						row.createCell(i).setCellValue(values[i]);
					}
				}
				row.createCell(12).setCellValue(36.5 + n % 1000 / 10000.0);
				row.createCell(13).setCellValue(117.0 + n % 1000 / 10000.0);
				row.createCell(14).setCellValue(5 + n % 200);
			}
			workbook.write(out);
		}
	}

	/** The most heap in use while an import runs, sampled every 20 ms, beside the pools' own peak counters. */
	private static final class HeapWatch {

		private final AtomicLong max = new AtomicLong();
		private volatile boolean running = true;
		private long maxUsed;
		private final Thread thread = new Thread(() -> {
			while (running) {
				max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});

		static HeapWatch start() {
			HeapWatch watch = new HeapWatch();
			heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
			watch.thread.setDaemon(true);
			watch.thread.start();
			return watch;
		}

		void stop() throws InterruptedException {
			running = false;
			thread.join();
			maxUsed = max.get();
		}

		void print() {
			System.out.printf("%-38s heap used meanwhile: max sampled %d MB, sum of pool peaks %d MB (-Xmx %d MB)%n", "",
					maxUsed / 1024 / 1024, poolPeaks() / 1024 / 1024, Runtime.getRuntime().maxMemory() / 1024 / 1024);
		}

		long poolPeaks() {
			return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		}

		private static List<MemoryPoolMXBean> heapPools() {
			return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
		}
	}
}
