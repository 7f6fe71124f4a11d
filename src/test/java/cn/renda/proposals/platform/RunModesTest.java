package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.identity.AdminPasswordRequirement.MissingAdminPasswordException;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import cn.renda.proposals.support.WebappSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The run modes of the README: the default H2 demo mode, and the postgres production profile. */
class RunModesTest {

  @Test
  void shouldServeTasklistInDefaultModeAndKeepDataAcrossRestart(@TempDir Path dataDir) {
    Map<String, String> h2 = Map.of("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("proposals"));
    long users;
    try (ConfigurableApplicationContext app = TestApplications.start(List.of(), h2)) {
      // given the default mode (no profile: demo, embedded H2)
      String base = baseUrl(app);
      String engine = app.getBean(ProcessEngine.class).getName();
      // built on the SQL mappings read ahead for H2
      assertThat(((EngineMappings.EarlyParsed) app.getBean(ProcessEngine.class).getProcessEngineConfiguration())
          .tookEarlyParse).isTrue();

      // then Tasklist is served and a demo account can log in
      var page = new WebappSession(base, engine).get("/camunda/app/tasklist/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<html");
      assertThat(new WebappSession(base, engine).login("tasklist", "congress-clerk", "demo")).isEqualTo(200);
      users = app.getBean(ProcessEngine.class).getIdentityService().createUserQuery().count();
      assertThat(users).isGreaterThan(30);

      // and the handling statistics' SQL runs on H2 as on PostgreSQL, over this year's demo proposals
      String session = String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(8).getYear());
      Http office = Http.as(base, "gov-clerk", "demo");
      Http.Answer table = office.get("/api/statistics/agencies?session=" + session);
      assertThat(table.status()).as(table.body()).isEqualTo(200);
      assertThat(table.json().get("county").get("replied").asInt()).isGreaterThanOrEqualTo(16);
      assertThat(table.json().get("county").get("medianWorkingDays").asDouble()).isPositive();
      assertThat(office.get("/api/statistics/trend?session=" + session).json().get("months")).isNotEmpty();
      assertThat(office.get("/api/statistics/proposals?session=" + session + "&figure=disputed").json()
          .get("total").asInt()).isPositive();
    }
    assertThat(Files.exists(dataDir.resolve("proposals.mv.db"))).isTrue();

    // when it starts again on the same files
    try (ConfigurableApplicationContext app = TestApplications.start(List.of(), h2)) {
      // then nothing is duplicated and the accounts are still there
      assertThat(app.getBean(ProcessEngine.class).getIdentityService().createUserQuery().count()).isEqualTo(users);
      // the schema found up to date on H2 as well: Flyway not started
      assertThat(app.getBeanNamesForType(org.flywaydb.core.Flyway.class)).isEmpty();
      assertThat(new WebappSession(baseUrl(app), app.getBean(ProcessEngine.class).getName())
              .login("tasklist", "zfw-handler", "demo"))
          .isEqualTo(200);
    }
  }

  @Test
  void shouldCreateNoDemoDataUnderPostgresProfile() {
    TestDatabases.Database database = TestDatabases.create();
    Map<String, String> env = Map.of(
        "DB_URL", database.url(),
        "DB_USER", database.user(),
        "DB_PASSWORD", database.password(),
        "ADMIN_PASSWORD", "s3cret-for-test");
    try (ConfigurableApplicationContext app = TestApplications.start(List.of("postgres"), env)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);

      assertThat(engine.getIdentityService().createUserQuery().list())
          .extracting(user -> user.getId())
          .containsExactly("admin");
      assertThat(jdbc.sql("SELECT COUNT(*) FROM agency").query(Long.class).single()).isZero();
      String tasks = "/engine-rest/engine/" + engine.getName() + "/task";
      assertThat(Http.as(baseUrl(app), "gov-clerk", "demo").get(tasks).status()).isEqualTo(401);
      assertThat(Http.as(baseUrl(app), "admin", "s3cret-for-test").get(tasks).status()).isEqualTo(200);
      // (last: a failed login counts against this client's next attempts for the account)
      assertThat(Http.as(baseUrl(app), "admin", "demo").get(tasks).status()).isEqualTo(401);
    }
  }

  @Test
  void shouldRefuseToStartWithoutAdminPasswordOutsideDemo() {
    TestDatabases.Database database = TestDatabases.create();
    Map<String, String> env = Map.of("DB_URL", database.url(), "DB_USER", database.user(), "DB_PASSWORD", "");

    assertThatThrownBy(() -> TestApplications.start(List.of("postgres"), env).close())
        .isInstanceOf(MissingAdminPasswordException.class)
        .hasMessageContaining("ADMIN_PASSWORD");
  }

  private static String baseUrl(ConfigurableApplicationContext app) {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return "http://localhost:" + port;
  }
}
