package cn.kejiao.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Kejiao where to open it. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Environment env = event.getApplicationContext().getEnvironment();
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		log.info("Kejiao 科交 is ready: http://localhost:{}/ (API: http://localhost:{}/swagger-ui.html)", port, port);
		// Start-up (migrations, demo data, index checks) leaves a heap several times the size of what stays
		// live; one collection now lets the JVM return that memory to the system instead of holding it.
		Thread.ofVirtual().name("post-start-gc").start(System::gc);
	}
}
