package cn.renda.proposals.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flyway is left out of a start only when the schema history holds exactly this build's migrations; a database that
 * lacks one is migrated, and a migration changed after it was applied is refused, as always.
 */
class SchemaUpToDateTest {

  @Test
  void shouldSumEveryMigrationAsFlywayRecordedIt() {
    // given a database Flyway migrated
    TestDatabases.Database database = TestDatabases.create();
    flyway(database, null).migrate();

    // when this build's migrations and the history are read
    StandardEnvironment environment = environment(database);
    Set<SchemaUpToDate.Migration> carried = SchemaUpToDate.carried(environment, getClass().getClassLoader());
    Set<SchemaUpToDate.Migration> applied = SchemaUpToDate.applied(environment);

    // then they are the same, checksums included
    assertThat(carried).isNotNull().hasSizeGreaterThan(10)
        .anySatisfy(migration -> assertThat(migration.version()).isEqualTo("6.1"))
        .isEqualTo(applied);
  }

  @Test
  void shouldMigrateWhatIsMissingAndThenStartWithoutFlyway() throws Exception {
    // given a database migrated to an older build's schema
    TestDatabases.Database database = TestDatabases.create();
    flyway(database, "9").migrate();
    Map<String, String> properties = properties(database);

    // when the application starts on it, Flyway migrates the rest
    try (ConfigurableApplicationContext first = TestApplications.start(List.of("demo"), properties)) {
      assertThat(first.getBeanNamesForType(Flyway.class)).hasSize(1);
      assertThat(SchemaUpToDate.applied(environment(database)))
          .isEqualTo(SchemaUpToDate.carried(environment(database), getClass().getClassLoader()));
    }

    // and the next start finds it up to date: no Flyway, and the schema serves
    try (ConfigurableApplicationContext second = TestApplications.start(List.of("demo"), properties)) {
      assertThat(second.getBeanNamesForType(Flyway.class)).isEmpty();
      assertThat(second.getEnvironment().getProperty(SchemaUpToDate.FLYWAY_ENABLED)).isEqualTo("false");
      assertThat(second.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM proposal").query(Long.class).single())
          .isPositive();
    }
  }

  @Test
  void shouldLetFlywayRefuseAMigrationChangedAfterItWasApplied() throws SQLException {
    // given a database whose history records another checksum for one migration
    TestDatabases.Database database = TestDatabases.create();
    flyway(database, null).migrate();
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
    }

    // when the application starts on it, then Flyway refuses it, as it always did
    assertThatThrownBy(() -> TestApplications.start(List.of("demo"), properties(database)).close())
        .hasStackTraceContaining("checksum mismatch");
  }

  private static Flyway flyway(TestDatabases.Database database, String target) {
    var configuration = Flyway.configure()
        .dataSource(database.url(), database.user(), database.password())
        .locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  private static Map<String, String> properties(TestDatabases.Database database) {
    Map<String, String> properties = new HashMap<>(TestApplications.on(database));
    properties.put("camunda.bpm.job-execution.enabled", "false");
    return properties;
  }

  private static StandardEnvironment environment(TestDatabases.Database database) {
    StandardEnvironment environment = new StandardEnvironment();
    Map<String, Object> settings = new HashMap<>(TestApplications.on(database));
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    return environment;
  }
}
