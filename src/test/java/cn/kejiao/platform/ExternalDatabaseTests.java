package cn.kejiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.account.Accounts;
import cn.kejiao.platform.database.EmbeddedDatabase;

/**
 * With a database configured, Kejiao uses it: it migrates that server, starts no PostgreSQL of its own and
 * loads no demo data unless asked to. (A separately started PostgreSQL stands in for the external server.)
 */
class ExternalDatabaseTests {

	@TempDir
	Path serverDir;

	@TempDir
	Path appDir;

	@Test
	void aConfiguredServerIsMigratedAndUsedInsteadOfTheEmbeddedOne() throws Exception {
		try (EmbeddedDatabase server = EmbeddedDatabase.start(serverDir, 0, false)) {
			ConfigurableApplicationContext app = new SpringApplicationBuilder(KejiaoApplication.class)
				.run("--spring.datasource.url=" + server.jdbcUrl(), "--spring.datasource.username=" + server.username(),
						"--kejiao.data-dir=" + appDir, "--server.port=0", "--spring.main.banner-mode=off",
						"--logging.file.name=" + appDir.resolve("kejiao.log"));
			try {
				assertThat(app.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
				assertThat(Files.exists(appDir.resolve("pg"))).as("no PostgreSQL of its own").isFalse();
				assertThat(app.getBean(Accounts.class).exists("admin")).as("no demo data with an external database").isFalse();
			}
			finally {
				app.close();
			}
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
					Statement statement = connection.createStatement();
					ResultSet regions = statement.executeQuery("select count(*) from region.region")) {
				regions.next();
				assertThat(regions.getInt(1)).as("regions migrated into the external server").isGreaterThan(3000);
			}
		}
	}
}
