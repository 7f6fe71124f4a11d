package cn.renda.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasks keep their owners (README, "Security"): a handler claims for themself and may give back what they hold; a
 * colleague cannot take a claimed task away or give it to anybody; the offices hand a task to another member of its
 * candidate groups (a handler on leave), never to someone outside them.
 */
@IntegrationTest
class TaskHandoverTest {

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private String taskId;

  @BeforeEach
  void aDraftOfTheJusticeBureauWithTwoHandlers() {
    if (identityService.createUserQuery().userId("sfj-handler2").count() == 0) {
      var colleague = identityService.newUser("sfj-handler2");
      colleague.setFirstName("县司法局 经办人乙");
      colleague.setPassword("demo");
      identityService.saveUser(colleague);
      identityService.createMembership("sfj-handler2", "agency-sfj");
    }
    String id = walk.toDrafting(ProcessDriver.newSession(), "sfj");
    taskId = driver.task(id, DraftReply.KEY).getId();
  }

  @Test
  void shouldLetAHandlerClaimAndGiveBackButNotHandOnOrTakeAColleaguesTask() {
    assertThat(post("sfj-handler", "/claim", Map.of("userId", "sfj-handler")).status()).isEqualTo(204);
    assertThat(assignee()).isEqualTo("sfj-handler");

    // a colleague can neither take it nor give it back for them, nor hand it on
    assertThat(post("sfj-handler2", "/claim", Map.of("userId", "sfj-handler2")).status()).isIn(400, 403, 409);
    assertThat(post("sfj-handler2", "/unclaim", Map.of()).status()).isEqualTo(403);
    assertThat(post("sfj-handler2", "/assignee", Map.of("userId", "sfj-handler2")).status()).isEqualTo(403);
    // nor can the holder hand it to a colleague
    assertThat(post("sfj-handler", "/assignee", Map.of("userId", "sfj-handler2")).status()).isEqualTo(403);
    assertThat(assignee()).isEqualTo("sfj-handler");

    // the holder gives it back
    assertThat(post("sfj-handler", "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(assignee()).isNull();
  }

  @Test
  void shouldLetTheOfficesReassignWithinTheAgencyOnly() {
    assertThat(post("sfj-handler", "/claim", Map.of("userId", "sfj-handler")).status()).isEqualTo(204);

    // the handler is on leave: the government office gives the task to a colleague of the same agency
    assertThat(post("gov-clerk", "/assignee", Map.of("userId", "sfj-handler2")).status()).isEqualTo(204);
    assertThat(assignee()).isEqualTo("sfj-handler2");

    // but not to anyone outside the task's candidate groups, nor to itself
    assertThat(post("gov-clerk", "/assignee", Map.of("userId", "zfw-handler")).status()).isEqualTo(403);
    assertThat(post("congress-clerk", "/assignee", Map.of("userId", "congress-clerk")).status()).isEqualTo(403);
    assertThat(post("gov-clerk", "/claim", Map.of("userId", "gov-clerk")).status()).isEqualTo(403);
    assertThat(assignee()).isEqualTo("sfj-handler2");

    // the congress office may release it back to the agency
    assertThat(post("congress-clerk", "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(assignee()).isNull();
  }

  private Http.Answer post(String user, String action, Map<String, Object> body) {
    return Http.as("http://localhost:" + port, user, "demo").post("/engine-rest/task/" + taskId + action, body);
  }

  private String assignee() {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }
}
