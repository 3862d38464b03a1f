package cn.kejiao.cli;

import java.util.Collection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a command inside a running JVM (a test), returning its exit code instead of ending the process. */
public final class Commands {

	/** {@code false}: the command returns to its caller instead of ending the process. */
	static final String ENDS_PROCESS = "kejiao.command-ends-process";

	private Commands() {
	}

	/** {@code args}: the command's name first, then its arguments and options, as on the command line. */
	public static int run(Class<?> application, String... args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.properties(ENDS_PROCESS + "=false").run(args);
		Collection<Command> commands = context.getBeansOfType(Command.class).values();
		int code = SpringApplication.exit(context);
		commands.forEach(Command::afterStop);
		return code;
	}
}
