package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProposalProcess;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import cn.renda.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Supervisors find any proposal in Cockpit by business key (the proposal id) or by case number, with the grants
 * IdentitySetup gives the offices; an agency has no Cockpit and finds no instance through the REST API either.
 */
@IntegrationTest
class CockpitSupervisionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Walk walk;
  @Autowired ProcessDriver driver;
  @Autowired RepositoryService repositoryService;

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void shouldLetBothOfficesFindAnInstanceInCockpitByBusinessKeyAndByCaseNumber() throws Exception {
    // given an accepted proposal: case number 1 of a new session
    String session = ProcessDriver.newSession();
    String id = driver.submitSuggestion(session, "关于完善农村公路养护机制的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ProposalProcess.KEY).latestVersion().singleResult().getId();

    for (String clerk : List.of("gov-clerk", "congress-clerk")) {
      WebappSession cockpit = new WebappSession(base(), "default");
      assertThat(cockpit.login("cockpit", clerk, "demo")).isEqualTo(200);
      cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/" + definitionId); // CSRF token

      // when the clerk searches the definition's instances as Cockpit does
      JsonNode byBusinessKey = search(cockpit, base(), Map.of("processDefinitionId", definitionId, "businessKey", id));
      JsonNode byCaseNumber = search(cockpit, base(), Map.of("processDefinitionId", definitionId,
          "variables", List.of(Map.of("name", ProcessVariables.CASE_NUMBER.name(), "operator", "eq", "value", 1))));

      // then
      assertThat(byBusinessKey).as(clerk).extracting(instance -> instance.get("businessKey").asText())
          .containsExactly(id);
      assertThat(byCaseNumber).as(clerk).extracting(instance -> instance.get("businessKey").asText()).contains(id);
    }

    // and through the engine's REST API, with the same grants
    Http.Answer engineRest = Http.as(base(), "gov-clerk", "demo").post("/engine-rest/process-instance",
        Map.of("businessKey", id, "variables",
            List.of(Map.of("name", ProcessVariables.CASE_NUMBER.name(), "operator", "eq", "value", 1))));
    assertThat(engineRest.status()).isEqualTo(200);
    assertThat(engineRest.json()).extracting(instance -> instance.get("businessKey").asText()).containsExactly(id);
    Http.Answer history = Http.as(base(), "congress-clerk", "demo")
        .get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id);
    assertThat(history.json()).hasSize(1);
  }

  @Test
  void shouldShowAnAgencyNoInstanceAndNoCockpit() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "zfw");

    Http zfwHandler = Http.as(base(), "zfw-handler", "demo");

    assertThat(zfwHandler.get("/engine-rest/process-instance?businessKey=" + id).json()).isEmpty();
    assertThat(zfwHandler.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id).json())
        .isEmpty();
    assertThat(zfwHandler.get("/engine-rest/task?processInstanceBusinessKey=" + id).json()).hasSize(1);
    assertThat(new WebappSession(base(), "default").login("cockpit", "zfw-leader", "demo")).isEqualTo(403);
  }

  private static JsonNode search(WebappSession cockpit, String base, Map<String, Object> query) throws Exception {
    HttpResponse<String> answer = cockpit.send(HttpRequest.newBuilder(URI.create(
            base + "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=50"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", cockpit.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(query), StandardCharsets.UTF_8))
        .build());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
