package cn.kejiao.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a held data folder into a two-line explanation instead of a stack trace. */
class DataDirInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirInUseException cause) {
		return new FailureAnalysis("Kejiao's data folder " + cause.dataDir() + " is in use by another running instance.",
				"Stop the other instance, or give this one its own folder with --kejiao.data-dir=/path/to/folder "
						+ "(or configure an external PostgreSQL with KEJIAO_DB_URL).",
				cause);
	}
}
