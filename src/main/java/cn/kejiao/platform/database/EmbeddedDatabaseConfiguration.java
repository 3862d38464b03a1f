package cn.kejiao.platform.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/** With no database configured, Kejiao runs its own PostgreSQL and points the data source at it. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${kejiao.data-dir:./data}") Path dataDir,
			@Value("${kejiao.embedded-db.port:0}") int port,
			@Value("${kejiao.embedded-db.clean:false}") boolean clean) {
		return EmbeddedDatabase.start(dataDir, port, clean);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedDatabase database,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("kejiao-embedded");
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(database.username());
		dataSource.setMaximumPoolSize(poolSize);
		return dataSource;
	}

	static boolean isEmbedded(DataSource dataSource) {
		return dataSource instanceof HikariDataSource hikari && "kejiao-embedded".equals(hikari.getPoolName());
	}
}
