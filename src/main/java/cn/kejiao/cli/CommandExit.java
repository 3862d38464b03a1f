package cn.kejiao.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Ends the process once the command has run: the application is stopped with {@link SpringApplication#exit},
 * which takes the exit code from the command ({@link org.springframework.boot.ExitCodeGenerator}); without this
 * the embedded database and the schedulers would keep the process alive.
 */
@Component
@ConditionalOnProperty(CommandEnvironment.COMMAND)
class CommandExit implements ApplicationListener<ApplicationReadyEvent> {

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		if (!context.getEnvironment().getProperty(Commands.ENDS_PROCESS, Boolean.class, true)) {
			return;
		}
		var commands = context.getBeansOfType(Command.class).values();
		int code = SpringApplication.exit(context);
		commands.forEach(Command::afterStop);
		System.exit(code);
	}
}
