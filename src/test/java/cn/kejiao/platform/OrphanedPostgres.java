package cn.kejiao.platform;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Starts PostgreSQL on a folder and dies without stopping it, as a JVM killed with kill -9 would. */
public final class OrphanedPostgres {

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
			.setRegisterShutdownHook(false).start();
		System.out.println("started");
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}
}
