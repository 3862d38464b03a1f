package cn.kejiao.platform.database;

import java.nio.file.Path;

/** Another Kejiao process holds the data folder: two servers on one PostgreSQL folder would corrupt it. */
public class DataDirInUseException extends IllegalStateException {

	private final Path dataDir;

	public DataDirInUseException(Path dataDir) {
		super("Another Kejiao instance is already running on the data folder " + dataDir
				+ " (its lock file kejiao.lock is held). Stop that instance, or start this one with another folder: "
				+ "--kejiao.data-dir=/some/other/folder");
		this.dataDir = dataDir;
	}

	public Path dataDir() {
		return dataDir;
	}
}
