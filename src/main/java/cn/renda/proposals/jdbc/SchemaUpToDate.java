package cn.renda.proposals.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Leaves Flyway out of a start whose database already holds exactly the migrations this build carries. Flyway checks
 * the schema at every start — it loads its plugins and some five hundred classes, reads every migration and compares
 * it with the schema history — and on a database in service it finds nothing to do: half a second of every start on
 * two cores (README, "Benchmark at national scale", figure 7).
 *
 * <p>Before the context is refreshed (the datasource settings are final then, tests' included), one query reads the
 * schema history, and each migration of the configured classpath location is read and summed as Flyway sums it. Only
 * when both hold the same migrations — every version, script and checksum, each applied successfully, nothing else in
 * the history, no other kind of file (repeatable migrations, callbacks, Java migrations) in the location — is
 * {@code spring.flyway.enabled} set to false for this start. In every other case, including any doubt (no history
 * table, another location or schema configured, a setting this check does not read, an error), Flyway runs exactly as
 * before: it migrates what is missing and refuses a migration that was changed after it was applied.
 */
public class SchemaUpToDate implements ApplicationListener<ApplicationPreparedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaUpToDate.class);

  static final String FLYWAY_ENABLED = "spring.flyway.enabled";

  /** Flyway's settings this check understands at their defaults; any of the others set, and Flyway decides. */
  private static final List<String> OTHER_SETTINGS = List.of("spring.flyway.table", "spring.flyway.schemas",
      "spring.flyway.default-schema", "spring.flyway.url", "spring.flyway.user", "spring.flyway.baseline-on-migrate",
      "spring.flyway.target", "spring.flyway.sql-migration-prefix", "spring.flyway.sql-migration-separator",
      "spring.flyway.sql-migration-suffixes", "spring.flyway.repeatable-sql-migration-prefix",
      "spring.flyway.callbacks", "spring.flyway.java-migrations");

  private static final String DEFAULT_LOCATION = "classpath:db/migration";

  /** Rows Flyway writes about itself rather than about a migration. */
  private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA");

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]+\\.sql");

  /** A migration as the schema history records it: its version, its script's file name and its checksum. */
  record Migration(String version, String script, int checksum) {}

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
    if (!environment.getProperty(FLYWAY_ENABLED, Boolean.class, true)) {
      return;
    }
    Set<Migration> carried = carried(environment, event.getApplicationContext().getClassLoader());
    if (carried == null) {
      return;
    }
    Set<Migration> applied = applied(environment);
    if (carried.equals(applied)) {
      environment.getPropertySources().addFirst(
          new MapPropertySource("schemaUpToDate", Map.of(FLYWAY_ENABLED, "false")));
      LOG.info("The schema history holds all {} migrations of this build: Flyway is not started", carried.size());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("The schema history differs from this build's migrations, Flyway decides: build {}, history {}",
          carried, applied);
    }
  }

  /**
   * The versioned migrations of the configured location, each with Flyway's checksum; null when the location holds
   * anything else or is not a single classpath location with the default file names.
   */
  static Set<Migration> carried(ConfigurableEnvironment environment, ClassLoader classLoader) {
    if (OTHER_SETTINGS.stream().anyMatch(setting -> environment.containsProperty(setting)
        || environment.containsProperty(setting + "[0]"))) {
      return null;
    }
    List<String> locations = Binder.get(environment)
        .bind("spring.flyway.locations", Bindable.listOf(String.class))
        .orElse(List.of(DEFAULT_LOCATION));
    if (locations.size() != 1 || !locations.get(0).startsWith("classpath:")) {
      return null;
    }
    String path = locations.get(0).substring("classpath:".length()).replaceAll("^/+|/+$", "");
    Charset encoding = Charset.forName(environment.getProperty("spring.flyway.encoding", "UTF-8"));
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
    try {
      Set<Migration> migrations = new HashSet<>();
      for (Resource resource : resolver.getResources("classpath*:" + path + "/**/*")) {
        String name = resource.getFilename();
        if (name == null || name.isEmpty() || !resource.isReadable()) {
          // a folder
          continue;
        }
        Matcher versioned = VERSIONED.matcher(name);
        if (!versioned.matches()) {
          // a repeatable migration, a callback, a Java migration, anything Flyway might run: Flyway decides
          return null;
        }
        migrations.add(new Migration(versioned.group(1).replace('_', '.'), name, checksum(resource, encoding)));
      }
      return migrations.isEmpty() ? null : migrations;
    } catch (IOException | RuntimeException unreadable) {
      LOG.debug("Migrations not read, Flyway decides", unreadable);
      return null;
    }
  }

  /**
   * The checksum Flyway records for a migration: CRC-32 of the UTF-8 bytes of its lines, without line endings and
   * without a byte order mark, so that neither the file's encoding of line breaks nor a BOM changes it.
   */
  static int checksum(Resource resource, Charset encoding) throws IOException {
    CRC32 crc = new CRC32();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), encoding))) {
      String line = reader.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = reader.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }

  /**
   * A connection of the configured driver, made by the driver itself: {@link java.sql.DriverManager} would first load
   * every driver on the class path (the embedded H2 of the demo mode as well), a quarter of a second.
   */
  private static Connection connect(String url, ConfigurableEnvironment environment) throws SQLException {
    String driverClass = environment.getProperty("spring.datasource.driver-class-name",
        DatabaseDriver.fromJdbcUrl(url).getDriverClassName());
    if (driverClass == null) {
      throw new SQLException("No driver known for " + url);
    }
    Driver driver;
    try {
      driver = (Driver) Class.forName(driverClass, true, SchemaUpToDate.class.getClassLoader())
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError missing) {
      throw new SQLException("Driver " + driverClass + " not available", missing);
    }
    Properties credentials = new Properties();
    String user = environment.getProperty("spring.datasource.username");
    String password = environment.getProperty("spring.datasource.password");
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    Connection connection = driver.connect(url, credentials);
    if (connection == null) {
      throw new SQLException("Driver " + driverClass + " does not take " + url);
    }
    return connection;
  }

  /**
   * The migrations the schema history holds; null when it holds anything but successful SQL migrations (and Flyway's
   * notes about itself), or cannot be read.
   */
  static Set<Migration> applied(ConfigurableEnvironment environment) {
    String url = environment.getProperty("spring.datasource.url");
    if (url == null) {
      return null;
    }
    try (Connection connection = connect(url, environment);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            // quoted as Flyway creates them, lower case, also where unquoted names are upper case (H2)
            "SELECT \"version\", \"script\", \"checksum\", \"type\", \"success\" FROM \"flyway_schema_history\"")) {
      Set<Migration> applied = new HashSet<>();
      while (rows.next()) {
        Object checksum = rows.getObject("checksum");
        String type = rows.getString("type");
        if (MARKERS.contains(type) && rows.getBoolean("success")) {
          // Flyway's own note that it created the history table (H2) or a schema: no migration
          continue;
        }
        if (!"SQL".equals(type) || !rows.getBoolean("success") || checksum == null) {
          return null;
        }
        applied.add(new Migration(Objects.toString(rows.getString("version"), ""), rows.getString("script"),
            ((Number) checksum).intValue()));
      }
      return applied;
    } catch (SQLException | RuntimeException unread) {
      // a new database (no history yet), another database, no connection: Flyway decides, and reports
      LOG.debug("Schema history not read, Flyway decides", unread);
      return null;
    }
  }
}
