package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.platform.TaskGrants;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.WebappSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An office as a task's candidate holds TASK_WORK on it and no READ of its own, which it has on all tasks anyway
 * ({@link TaskGrants}); agencies keep READ on their tasks. What either may see and do is unchanged.
 */
@IntegrationTest
class TaskGrantsTest extends ProcessTestBase {

  private static final int READ = Permissions.READ.getValue();
  private static final int TASK_WORK = Permissions.TASK_WORK.getValue();

  @Autowired TaskGrants taskGrants;
  @LocalServerPort int port;

  @Test
  void shouldGrantTheOfficesWorkWithoutReadOnTheirTasksAndLetThemWorkAsBefore() {
    Overdue overdue = overdueReply();
    Task supervision = overdue.supervision();
    Task drafting = overdue.drafting();

    assertThat(grant("gov-office", supervision.getId())).isEqualTo(TASK_WORK);
    assertThat(grant("agency-zfw", drafting.getId()) & (READ | TASK_WORK)).isEqualTo(READ | TASK_WORK);

    // the office still sees its task (and every other) and works on it; an agency sees neither
    assertThat(visibleTo("gov-clerk", "gov-office", supervision.getId())).isTrue();
    assertThat(visibleTo("gov-clerk", "gov-office", drafting.getId())).isTrue();
    assertThat(visibleTo("zfw-handler", "agency-zfw", supervision.getId())).isFalse();
    assertThatThrownBy(() -> as("zfw-handler", "agency-zfw", () -> tasks().claim(supervision.getId(), "zfw-handler")))
        .isInstanceOf(AuthorizationException.class);
    as("gov-clerk", "gov-office", () -> tasks().claim(supervision.getId(), "gov-clerk"));
    driver.complete("gov-clerk", supervision, Map.of(SuperviseOverdue.SUPERVISION_NOTE.name(), "已电话督促"));
    assertThat(driver.tasks(overdue.proposalId(), SuperviseOverdue.KEY)).isEmpty();
  }

  @Test
  void shouldTakeReadOutOfTheOfficesGrantsMadeBeforeAtStartUp() {
    Overdue overdue = overdueReply();
    Task supervision = overdue.supervision();
    Task drafting = overdue.drafting();
    // as the engine's default provider left them before
    jdbc.sql("UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = PERMS_ | ? WHERE GROUP_ID_ = 'gov-office' AND RESOURCE_ID_ = ?")
        .params(READ, supervision.getId()).update();
    int agencyBefore = grant("agency-zfw", drafting.getId());
    int officesEverything = grant("gov-office", "*");

    taskGrants.postProcessEngineBuild(engine);
    taskGrants.postProcessEngineBuild(engine);

    assertThat(grant("gov-office", supervision.getId())).isEqualTo(TASK_WORK);
    assertThat(grant("agency-zfw", drafting.getId())).isEqualTo(agencyBefore);
    assertThat(grant("gov-office", "*")).isEqualTo(officesEverything);
    assertThat(visibleTo("gov-clerk", "gov-office", supervision.getId())).isTrue();
  }

  @Test
  void shouldLetNoOtherRoleClaimOrCompleteTheOfficesTaskThroughEngineRestOrTasklist() {
    Task supervision = overdueReply().supervision();
    String base = "http://localhost:" + port;
    TableSnapshot before = TableSnapshot.of(jdbc);
    List<String> failures = new ArrayList<>();
    for (String user : List.of("zfw-handler", "zfw-leader", "sfj-handler", "congress-clerk", "maohongding")) {
      Http rest = Http.as(base, user, "demo");
      int claim = rest.post("/engine-rest/task/" + supervision.getId() + "/claim", Map.of("userId", user)).status();
      int complete = rest.post("/engine-rest/task/" + supervision.getId() + "/complete", Map.of("variables",
          Map.of(SuperviseOverdue.SUPERVISION_NOTE.name(), Map.of("value", "越权督办", "type", "String")))).status();
      WebappSession tasklist = new WebappSession(base, engine.getName());
      assertThat(tasklist.login("tasklist", user, "demo")).as(user + " logs into Tasklist").isEqualTo(200);
      tasklist.get("/camunda/api/admin/auth/user/" + engine.getName());
      int webappClaim = tasklist.json("POST", "/camunda/api/engine/engine/" + engine.getName() + "/task/"
          + supervision.getId() + "/claim", "{\"userId\":\"" + user + "\"}").statusCode();
      for (int status : List.of(claim, complete, webappClaim)) {
        if (status != 403 && status != 404) {
          failures.add(user + ": " + claim + " / " + complete + " / " + webappClaim);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
    assertThat(tasks().createTaskQuery().taskId(supervision.getId()).singleResult().getAssignee()).isNull();
  }

  /** A proposal whose reply is overdue: its drafting task (zfw's) and the government office's supervision task. */
  private record Overdue(String proposalId, Task drafting, Task supervision) {}

  private Overdue overdueReply() {
    driver.today(LocalDate.of(2026, 7, 1));
    String id = walk.toDrafting(ProcessDriver.newSession(), "zfw");
    driver.fire(id, "Timer_ReplyOverdue");
    return new Overdue(id, driver.task(id, DraftReply.KEY), driver.task(id, SuperviseOverdue.KEY));
  }

  private int grant(String group, String taskId) {
    return jdbc.sql("SELECT PERMS_ FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 1 AND RESOURCE_TYPE_ = 7"
        + " AND GROUP_ID_ = ? AND RESOURCE_ID_ = ?").params(group, taskId).query(Integer.class).single();
  }

  private boolean visibleTo(String user, String group, String taskId) {
    long[] count = new long[1];
    as(user, group, () -> count[0] = tasks().createTaskQuery().taskId(taskId).count());
    return count[0] == 1;
  }

  private void as(String user, String group, Runnable action) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private TaskService tasks() {
    return engine.getTaskService();
  }
}
