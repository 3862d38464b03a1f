package cn.kejiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.support.KejiaoIntegrationTest;

/** A second Kejiao started on the data folder of a running one stops at once and tells the user why. */
@KejiaoIntegrationTest
class SecondInstanceTests {

	@Test
	void aSecondInstanceOnTheSameDataFolderFailsAtOnceWithAMessage() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		long started = System.nanoTime();
		Process second = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				KejiaoApplication.class.getName(), "--kejiao.data-dir=target/test-data", "--server.port=0",
				"--logging.file.name=target/second-instance.log")
			.redirectErrorStream(true)
			.start();
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("second instance stopped by itself").isTrue();
		String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		assertThat(second.exitValue()).isNotZero();
		assertThat(output).contains("APPLICATION FAILED TO START", "is in use by another running instance",
				"--kejiao.data-dir");
		assertThat(seconds).as("seconds until it gave up").isLessThan(20);
	}
}
