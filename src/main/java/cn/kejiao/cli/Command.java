package cn.kejiao.cli;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A command run instead of the web application: it runs after every other runner (the index check, the demo
 * data), and its exit code is the process's.
 */
interface Command extends ApplicationRunner, ExitCodeGenerator {

	/** What to do once the application has stopped (its database too): remove what the command made. */
	default void afterStop() {
	}
}
