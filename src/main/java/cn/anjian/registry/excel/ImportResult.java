package cn.anjian.registry.excel;

import java.util.List;

/**
 * What an import did: rows read (blank rows not counted), valid rows, and of those how many were created, updated or
 * already identical; failed rows with their errors (at most {@link #SHOWN_ERRORS}; the error report has them all).
 */
record ImportResult(Mode mode, int totalRows, int validRows, int created, int updated, int unchanged, int failed,
		List<Error> errors, Long reportId) {

	static final int SHOWN_ERRORS = 1000;

	enum Mode {
		/** any error saves nothing */
		ALL_OR_NOTHING,
		/** the valid rows are saved, the others reported */
		VALID_ONLY
	}

	/** One problem: the row number Excel shows, the column's title, the form field, and what is wrong. */
	record Error(int row, String column, String field, String message) {
	}
}
