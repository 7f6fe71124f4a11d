package cn.renda.proposals.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL for the tests: embedded binaries (zonky) started once per test JVM, or an external server when
 * {@code TEST_PG_URL} names one (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code TEST_PG_USER}
 * and {@code TEST_PG_PASSWORD}). Every caller gets a fresh database of its own on that server.
 */
public final class TestDatabases {

  /** Connection settings of one test database. */
  public record Database(String url, String user, String password) {}

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static Server server;

  private TestDatabases() {}

  /** Creates a new, empty database and returns how to reach it. */
  public static synchronized Database create() {
    Server s = server();
    String name = "proposals_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(s.adminUrl, s.user, s.password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name + " on " + s.adminUrl, e);
    }
    return new Database(s.urlOf(name), s.user, s.password);
  }

  private static Server server() {
    if (server == null) {
      String external = System.getenv("TEST_PG_URL");
      server = external != null && !external.isBlank()
          ? Server.external(external, env("TEST_PG_USER", "postgres"), env("TEST_PG_PASSWORD", ""))
          : Server.embedded();
    }
    return server;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  private record Server(String adminUrl, String base, String user, String password) {

    static Server embedded() {
      try {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            postgres.close();
          } catch (IOException ignored) {
            // the JVM is going away; the data directory is a temporary one
          }
        }));
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new Server(url, url.substring(0, url.indexOf("/postgres")), "postgres", "");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
    }

    static Server external(String url, String user, String password) {
      int slash = url.indexOf('/', "jdbc:postgresql://".length());
      return new Server(url, url.substring(0, slash), user, password);
    }

    String urlOf(String database) {
      return base + "/" + database;
    }
  }
}
