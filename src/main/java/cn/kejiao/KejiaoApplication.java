package cn.kejiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kejiao (科交): regions share research instruments, services, achievements and experts, pay with each
 * other's innovation vouchers and see what flowed where.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class KejiaoApplication {

	/** Starts the web application, or a command named by the first argument (see {@code cn.kejiao.cli}). */
	public static void main(String[] args) {
		SpringApplication.run(KejiaoApplication.class, args);
	}
}
