package cn.anjian.registry.excel;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.registry.Entities;
import cn.anjian.registry.EntitySearch;
import java.io.OutputStream;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exporting the entity list (same filters, same scope) into the entity workbook, so an export edited in Excel imports
 * back. The export is logged as a sensitive read.
 */
@Component
class ExportingEntities {

	private final JdbcClient jdbc;
	private final Entities entities;
	private final OperationLog operationLog;
	private final TransactionTemplate readOnly;

	ExportingEntities(JdbcClient jdbc, Entities entities, OperationLog operationLog, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.operationLog = operationLog;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	void export(DataScope scope, EntitySearch search, OutputStream out) {
		Vocabulary vocabulary = Vocabulary.load(jdbc, scope);
		try (EntityWorkbook workbook = new EntityWorkbook(vocabulary, false)) {
			// PostgreSQL streams a result (fetch size) only inside a transaction; outside it would load every row at once
			int rows = readOnly.execute(status -> {
				int[] n = { 0 };
				entities.forEach(scope, search, view -> {
					n[0]++;
					workbook.add(EntityRow.of(n[0] + 1, view, vocabulary));
				});
				return n[0];
			});
			operationLog.record("EXPORT", "supervised_entity", null, null, Map.of("filter", String.valueOf(search), "rows", rows));
			workbook.writeTo(out);
		}
	}

	void template(DataScope scope, OutputStream out) {
		try (EntityWorkbook workbook = new EntityWorkbook(Vocabulary.load(jdbc, scope), false)) {
			workbook.writeTo(out);
		}
	}
}
