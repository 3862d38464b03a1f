package cn.kejiao.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where an import stands: QUEUED, RUNNING (rowsDone of rowsTotal), DONE, REJECTED (all-or-nothing and a
 * row was wrong: nothing imported) or FAILED (the file itself was unusable: {@code failureCode}). Each
 * row problem names the row as numbered in the spreadsheet, the column header and what is wrong.
 */
public record ImportStatus(UUID id, EntryType type, String mode, String fileName, String state, int rowsTotal,
		int rowsDone, int rowsImported, @Nullable String failureCode, @Nullable String failureMessage,
		List<RowProblem> errors, Instant createdAt, @Nullable Instant finishedAt) {

	public record RowProblem(int row, String column, String code, String message) {
	}
}
