package cn.kejiao.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive lock on a data folder, held for as long as the application runs. */
public final class DataDirLock implements AutoCloseable {

	private final FileChannel channel;
	private final FileLock lock;

	private DataDirLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock at once or fails with {@link DataDirInUseException}; it never waits. */
	public static DataDirLock acquire(Path dataDir) {
		Path lockFile = dataDir.resolve("kejiao.lock");
		try {
			Files.createDirectories(dataDir);
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new DataDirInUseException(dataDir.toAbsolutePath());
			}
			return new DataDirLock(channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock the data folder " + dataDir.toAbsolutePath(), ex);
		}
	}

	@Override
	public void close() {
		try {
			if (lock.isValid()) {
				lock.release();
			}
			channel.close();
		}
		catch (IOException ex) {
			// the lock goes with the process anyway
		}
	}
}
