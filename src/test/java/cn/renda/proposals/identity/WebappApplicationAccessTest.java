package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The APIs of Cockpit, Admin and Tasklist answer only a webapp session whose user may use that application, as the
 * applications' pages do; the files and the login they need before a login stay open.
 */
@IntegrationTest
class WebappApplicationAccessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
  private static final String METRICS = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
      + "?metrics=process-instances&groupBy=year&subscriptionStartDate=2020-01-01T00:00:00.000%2B0800";
  private static final String TASKLIST_PLUGIN = "/camunda/api/tasklist/plugin/tasklistPlugins/default/anything";

  @LocalServerPort int port;

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void shouldRefuseCockpitsAndAdminsApisToAnAgencyHandlerLoggedIntoTasklist() throws Exception {
    WebappSession handler = session("tasklist", "zfw-handler");

    HttpResponse<String> statistics = handler.get(STATISTICS);
    HttpResponse<String> metrics = handler.get(METRICS);

    assertRefused(statistics, 403, "您没有使用 Cockpit 的权限", "You are not allowed to use Cockpit");
    assertThat(statistics.body()).doesNotContain("instances").doesNotContain("proposal-handling");
    assertRefused(metrics, 403, "您没有使用 Admin 的权限", "You are not allowed to use Admin");
    // a write is refused just the same (Cockpit's instance search is a POST)
    HttpResponse<String> search = handler.send(HttpRequest.newBuilder(URI.create(
            base() + "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=50"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", handler.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build());
    assertRefused(search, 403, "您没有使用 Cockpit 的权限", "You are not allowed to use Cockpit");
    // the handler's own application still answers: Tasklist's API and the engine API it runs on
    assertThat(handler.get(TASKLIST_PLUGIN).statusCode()).isNotIn(401, 403);
    assertThat(handler.get("/camunda/api/engine/engine/default/task?maxResults=5").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLetTheGovernmentOfficeUseCockpitButNotAdmin() throws Exception {
    WebappSession clerk = session("cockpit", "gov-clerk");

    HttpResponse<String> statistics = clerk.get(STATISTICS);

    assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(200);
    assertThat(JSON.readTree(statistics.body()))
        .anySatisfy(definition -> assertThat(definition.get("key").asText()).isEqualTo("proposal-handling"));
    assertRefused(clerk.get(METRICS), 403, "您没有使用 Admin 的权限", "You are not allowed to use Admin");
  }

  @Test
  void shouldLetAnAdministratorUseAdmin() throws Exception {
    WebappSession admin = session("admin", "admin");

    HttpResponse<String> metrics = admin.get(METRICS);

    assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
    assertThat(JSON.readTree(metrics.body()).isArray()).isTrue();
  }

  @Test
  void shouldAskAnonymousCallersToLogInButServeWhatTheLoginPagesNeed() throws Exception {
    WebappSession anonymous = new WebappSession(base(), "default");

    assertRefused(anonymous.get(STATISTICS), 401, "请先登录 Cockpit", "Log in to Cockpit first");
    assertRefused(anonymous.get(TASKLIST_PLUGIN), 401, "请先登录 Tasklist", "Log in to Tasklist first");
    // plugin scripts load before the login; the login status endpoint answers Camunda's own "not logged in"
    for (String app : new String[] {"cockpit", "admin", "tasklist"}) {
      HttpResponse<String> script =
          anonymous.get("/camunda/api/" + app + "/plugin/" + app + "Plugins/static/app/plugin.js");
      assertThat(script.statusCode()).as(app).isEqualTo(200);
    }
    assertThat(anonymous.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);
    assertThat(anonymous.login("tasklist", "zfw-handler", "demo")).isEqualTo(200);
  }

  private WebappSession session(String app, String user) {
    WebappSession session = new WebappSession(base(), "default");
    assertThat(session.login(app, user, "demo")).isEqualTo(200);
    return session;
  }

  private static void assertRefused(HttpResponse<String> answer, int status, String messageZh, String messageEn)
      throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("message").asText()).startsWith(messageZh).contains(messageEn);
    assertThat(body.get("messageEn").asText()).isEqualTo(messageEn);
  }
}
