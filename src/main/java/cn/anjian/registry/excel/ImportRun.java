package cn.anjian.registry.excel;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiError;
import cn.anjian.platform.web.ApiException;
import cn.anjian.registry.Entities;
import cn.anjian.registry.EntityForm;
import cn.anjian.registry.EntityValidation;
import cn.anjian.registry.EntityView;
import cn.anjian.registry.Uscc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One import in progress. Rows arrive one by one from the reader and are handled {@value #CHUNK} at a time: read into
 * forms, checked, then created, updated or left alone in JDBC batches, each change logged. The register is looked
 * up per chunk (the chunk's USCCs), so memory does not grow with the size of the city's register.
 */
final class ImportRun {

	static final int CHUNK = 1000;

	private final DataScope scope;
	private final ImportResult.Mode mode;
	private final Vocabulary vocabulary;
	private final EntityValidation.Batch validator;
	private final Entities entities;
	private final OperationLog operationLog;

	private final List<EntityRow> pending = new ArrayList<>(CHUNK);
	private final Map<String, Integer> firstRowOfUscc = new HashMap<>();
	/** The first {@link ImportResult#SHOWN_ERRORS} errors; every failed row's messages are in {@link #messages}. */
	private final List<ImportResult.Error> errors = new ArrayList<>();
	private final Map<Integer, String> messages = new LinkedHashMap<>();
	private int errorCount;
	private int total;
	private int valid;
	private int created;
	private int updated;
	private int unchanged;
	private int failed;

	ImportRun(DataScope scope, ImportResult.Mode mode, Vocabulary vocabulary, EntityValidation.Batch validator,
			Entities entities, OperationLog operationLog) {
		this.scope = scope;
		this.mode = mode;
		this.vocabulary = vocabulary;
		this.validator = validator;
		this.entities = entities;
		this.operationLog = operationLog;
	}

	void accept(EntityRow row) {
		total++;
		pending.add(row);
		if (pending.size() == CHUNK) {
			flush();
		}
	}

	void finish() {
		flush();
	}

	int total() {
		return total;
	}

	int failed() {
		return failed;
	}

	int errorCount() {
		return errorCount;
	}

	/** Each failed row's messages, joined, by Excel row number (for the error report). */
	Map<Integer, String> messagesByRow() {
		return messages;
	}

	ImportResult result(Long reportId) {
		return new ImportResult(mode, total, valid, created, updated, unchanged, failed, List.copyOf(errors), reportId);
	}

	private void fail(int row, List<ImportResult.Error> rowErrors) {
		failed++;
		errorCount += rowErrors.size();
		rowErrors.stream().limit(Math.max(0, ImportResult.SHOWN_ERRORS - errors.size())).forEach(errors::add);
		String text = rowErrors.stream().map(ImportResult.Error::message).collect(Collectors.joining("；"));
		messages.merge(row, text, (a, b) -> a + "；" + b);
	}

	private void flush() {
		if (pending.isEmpty()) {
			return;
		}
		List<RowReading> readings = pending.stream().map(row -> new RowReading(row, vocabulary)).toList();
		Set<String> usccs = readings.stream().map(r -> r.form().uscc()).filter(Uscc::isValid).collect(Collectors.toSet());
		Map<String, Entities.Stored> visible = entities.storedByUscc(scope, usccs);
		Set<String> elsewhere = new HashSet<>(usccs);
		elsewhere.removeAll(visible.keySet());
		elsewhere = entities.registeredUsccs(elsewhere);
		Changes changes = new Changes();
		for (int i = 0; i < pending.size(); i++) {
			classify(pending.get(i), readings.get(i), visible, elsewhere, changes);
		}
		pending.clear();
		// all-or-nothing: once a row failed nothing will be kept, so writing more would only be undone
		if (mode == ImportResult.Mode.VALID_ONLY || errorCount == 0) {
			write(changes);
		}
	}

	/** What a chunk's valid rows ask for. */
	private static final class Changes {

		final List<EntityForm> creates = new ArrayList<>();
		final List<Entities.Update> updates = new ArrayList<>();
		final List<Integer> updateRows = new ArrayList<>();
	}

	/**
	 * A row identical to the stored entity is "unchanged" before the validator sees it: it writes nothing, so it cannot
	 * make the register worse, and an untouched export re-imports even if an older record breaks a newer rule.
	 */
	private void classify(EntityRow row, RowReading reading, Map<String, Entities.Stored> visible, Set<String> elsewhere,
			Changes changes) {
		EntityForm form = reading.form();
		Entities.Stored existing = form.uscc() == null ? null : visible.get(form.uscc());
		List<ImportResult.Error> rowErrors = cellAndRegisterErrors(row, reading, visible, elsewhere);
		boolean same = rowErrors.isEmpty() && existing != null && Entities.storesSame(existing.form(), form);
		if (rowErrors.isEmpty() && !same) {
			rowErrors = validationErrors(row, reading);
		}
		if (!rowErrors.isEmpty()) {
			fail(row.number(), rowErrors);
			return;
		}
		valid++;
		if (same) {
			unchanged++;
		}
		else if (existing == null) {
			changes.creates.add(form);
		}
		else {
			changes.updates.add(new Entities.Update(existing.id(), form, existing.version()));
			changes.updateRows.add(row.number());
		}
	}

	/** Cells that cannot be read, and a USCC repeated in the file or registered beyond the caller's reach. */
	private List<ImportResult.Error> cellAndRegisterErrors(EntityRow row, RowReading reading,
			Map<String, Entities.Stored> visible, Set<String> elsewhere) {
		List<ImportResult.Error> found = new ArrayList<>();
		reading.problems().forEach((column, message) -> found.add(error(row.number(), column, message)));
		String uscc = reading.form().uscc();
		if (Uscc.isValid(uscc)) {
			Integer first = firstRowOfUscc.putIfAbsent(uscc, row.number());
			if (first != null) {
				found.add(error(row.number(), EntityColumn.USCC, "统一社会信用代码" + uscc + "与第" + first + "行重复"));
			}
			else if (elsewhere.contains(uscc)) {
				found.add(error(row.number(), EntityColumn.USCC, "统一社会信用代码" + uscc + "已由其他辖区登记，不能在此导入"));
			}
			else if (!visible.containsKey(uscc) && scope.kind() == DataScope.Kind.DEPARTMENT) {
				// as with the form: a department's new entity would not be assigned to it, so it could not see it
				found.add(error(row.number(), EntityColumn.USCC, "部门用户只能更新本部门监管的单位，新单位请由属地登记"));
			}
		}
		return found;
	}

	/** The form's own checks ({@link EntityValidation}), one message per column. */
	private List<ImportResult.Error> validationErrors(EntityRow row, RowReading reading) {
		List<ImportResult.Error> found = new ArrayList<>();
		for (ApiError.Detail detail : validator.check(reading.form())) {
			EntityColumn column = EntityColumn.byField(detail.field());
			found.add(column == null ? new ImportResult.Error(row.number(), detail.field(), detail.field(), detail.message())
					: error(row.number(), column, detail.message()));
		}
		return found;
	}

	private static ImportResult.Error error(int row, EntityColumn column, String message) {
		return new ImportResult.Error(row, column.title, column.field, message);
	}

	private void write(Changes changes) {
		// the views before and after are what the entity's history shows; fetched only for the rows that change
		Map<String, EntityView> before = views(changes.updates.stream().map(u -> u.form().uscc()).toList());
		entities.insertAll(changes.creates);
		boolean[] done = entities.updateAll(changes.updates);
		Set<String> written = new HashSet<>();
		changes.creates.forEach(f -> written.add(f.uscc()));
		for (int i = 0; i < done.length; i++) {
			if (done[i]) {
				written.add(changes.updates.get(i).form().uscc());
			}
			else {
				valid--;
				int row = changes.updateRows.get(i);
				fail(row, List.of(error(row, EntityColumn.USCC, "该单位在导入过程中被他人修改，未更新，请重新导入")));
			}
		}
		Map<String, EntityView> after = views(written);
		List<OperationLog.Change> creations = new ArrayList<>();
		for (EntityForm form : changes.creates) {
			EntityView view = visibleAfter(after, form.uscc());
			creations.add(new OperationLog.Change(view.id(), null, view));
		}
		List<OperationLog.Change> updates = new ArrayList<>();
		for (int i = 0; i < done.length; i++) {
			if (done[i]) {
				String uscc = changes.updates.get(i).form().uscc();
				EntityView view = visibleAfter(after, uscc);
				updates.add(new OperationLog.Change(view.id(), before.get(uscc), view));
			}
		}
		// one entry per changed entity, as the entity's history reads them
		operationLog.recordAll("IMPORT_CREATE", "supervised_entity", creations);
		operationLog.recordAll("IMPORT_UPDATE", "supervised_entity", updates);
		created += creations.size();
		updated += updates.size();
	}

	private Map<String, EntityView> views(Collection<String> usccs) {
		return entities.findAllByUscc(scope, usccs).stream().collect(Collectors.toMap(EntityView::uscc, Function.identity()));
	}

	private static EntityView visibleAfter(Map<String, EntityView> after, String uscc) {
		EntityView view = after.get(uscc);
		if (view == null) {
			throw ApiException.forbidden("导入的单位" + uscc + "不在您的管辖范围内");
		}
		return view;
	}
}
