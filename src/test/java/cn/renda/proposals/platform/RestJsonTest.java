package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** engine-rest and the webapps' engine API read and write JSON with one shared mapper, in Camunda's format. */
@IntegrationTest
class RestJsonTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void shouldAnswerThroughTheSharedMapperInCamundasDateFormat() throws Exception {
    String base = "http://localhost:" + port;
    String engineName = engine.getName();

    long before = RestJson.answered();
    Http.Answer tasks = Http.as(base, "gov-clerk", "demo").get("/engine-rest/engine/" + engineName + "/task");
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(RestJson.answered()).isGreaterThan(before);
    JsonNode list = tasks.json();
    assertThat(list).isNotEmpty();
    // Camunda's date format (yyyy-MM-dd'T'HH:mm:ss.SSSZ), as its own mapper writes it
    assertThat(list.get(0).get("created").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");

    long beforeWebapp = RestJson.answered();
    WebappSession tasklist = new WebappSession(base, engineName);
    assertThat(tasklist.login("tasklist", "gov-clerk", "demo")).isEqualTo(200);
    tasklist.get("/camunda/api/admin/auth/user/" + engineName);
    var count = tasklist.json("POST", "/camunda/api/engine/engine/" + engineName + "/task/count", "{}");
    assertThat(count.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(count.body()).get("count").asLong()).isEqualTo(list.size());
    assertThat(RestJson.answered()).isGreaterThan(beforeWebapp);
  }
}
