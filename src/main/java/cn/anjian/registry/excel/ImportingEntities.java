package cn.anjian.registry.excel;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiError;
import cn.anjian.platform.web.ApiException;
import cn.anjian.registry.Entities;
import cn.anjian.registry.EntityValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing supervised entities from the entity workbook (监管对象批量导入): the same checks as the form for each row,
 * plus the file's own (a USCC twice) and the register's (a USCC registered outside the caller's scope). Re-importing a
 * file updates by USCC, and a row identical to the register writes nothing.
 *
 * <p>All-or-nothing leans on the request being one transaction ({@code WriteTransactionFilter}): rows are written as
 * they pass, and an import with any bad row answers 400, which rolls every one of them back. Only its error report is
 * kept, in a transaction of its own, so the user can download it.
 */
@Component
class ImportingEntities {

	static final long MAX_BYTES = 30L * 1024 * 1024;

	private final JdbcClient jdbc;
	private final Entities entities;
	private final EntityValidation validation;
	private final OperationLog operationLog;
	private final ImportReports reports;

	ImportingEntities(JdbcClient jdbc, Entities entities, EntityValidation validation, OperationLog operationLog,
			ImportReports reports) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.validation = validation;
		this.operationLog = operationLog;
		this.reports = reports;
	}

	@Transactional
	public ImportResult run(DataScope scope, MultipartFile upload, ImportResult.Mode mode) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业用户不能导入监管对象");
		}
		if (upload == null || upload.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_EMPTY", "请选择要导入的Excel文件");
		}
		if (upload.getSize() > MAX_BYTES) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_TOO_LARGE",
					"文件超过" + MAX_BYTES / 1024 / 1024 + "MB，请拆分后分批导入");
		}
		Path file = copy(upload);
		try {
			return run(scope, file, fileName(upload), mode);
		}
		finally {
			delete(file);
		}
	}

	private ImportResult run(DataScope scope, Path file, String fileName, ImportResult.Mode mode) {
		Vocabulary vocabulary = Vocabulary.load(jdbc, scope);
		ImportRun run = new ImportRun(scope, mode, vocabulary, validation.forBatch(scope), entities, operationLog);
		EntitySheetReader.read(file, run::accept);
		run.finish();
		if (run.total() == 0) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_EMPTY", "文件中没有数据行（表头以下都是空行）");
		}
		Long reportId = run.failed() == 0 ? null
				: reports.save(scope, "导入错误报告-" + fileName, report(file, vocabulary, run.messagesByRow()));
		ImportResult result = run.result(reportId);
		if (mode == ImportResult.Mode.ALL_OR_NOTHING && result.failed() > 0) {
			throw invalidRows(result, run.errorCount());
		}
		operationLog.record("IMPORT", "entity_import", reportId, null, summary(fileName, result));
		return result;
	}

	/** A copy of the uploaded rows, same row numbers, with each bad row's messages in a last column 错误信息. */
	private static byte[] report(Path file, Vocabulary vocabulary, Map<Integer, String> messages) {
		try (EntityWorkbook report = new EntityWorkbook(vocabulary, true)) {
			EntitySheetReader.read(file, row -> report.add(row, messages.get(row.number())));
			return report.toBytes();
		}
	}

	private static ApiException invalidRows(ImportResult result, int errorCount) {
		ImportResult.Error first = result.errors().get(0);
		String message = "第" + first.row() + "行" + first.message() + (errorCount > 1 ? "等" + errorCount + "处错误" : "")
				+ "，未导入任何数据";
		List<ApiError.Detail> details = result.errors().stream()
			.map(e -> new ApiError.Detail(e.row() + ":" + e.column(), e.message()))
			.toList();
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("reportId", result.reportId());
		extra.put("totalRows", result.totalRows());
		extra.put("validRows", result.validRows());
		extra.put("failed", result.failed());
		return new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_INVALID_ROWS", message, details, extra);
	}

	private static Map<String, Object> summary(String fileName, ImportResult result) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("fileName", fileName);
		summary.put("mode", result.mode());
		summary.put("totalRows", result.totalRows());
		summary.put("created", result.created());
		summary.put("updated", result.updated());
		summary.put("unchanged", result.unchanged());
		summary.put("failed", result.failed());
		return summary;
	}

	private static String fileName(MultipartFile upload) {
		String name = StringUtils.getFilename(StringUtils.cleanPath(String.valueOf(upload.getOriginalFilename())));
		name = name == null || name.isBlank() || name.equals("null") ? "监管对象.xlsx" : name;
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	/** Spring may keep the upload on disk already; POI reads a file by random access, not a stream into memory. */
	private static Path copy(MultipartFile upload) {
		try {
			Path file = Files.createTempFile("anjian-import-", ".xlsx");
			upload.transferTo(file);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// a temporary file left behind is not worth failing the import
		}
	}
}
