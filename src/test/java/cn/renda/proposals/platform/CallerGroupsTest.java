package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Authorization checks take the caller's groups as given, without reading the groups that hold grants first. */
@IntegrationTest
class CallerGroupsTest {

  @Autowired ProcessEngine engine;

  @Test
  void shouldCheckWithTheCallersGroupsAsGivenAndAnswerTheSame() {
    AuthorizationManager manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(CallerGroups.Manager.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("agency-zfw", "a-group-without-grants")))
        .containsExactly("agency-zfw", "a-group-without-grants");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();

    // a group without grants changes nothing a person sees
    List<String> plain = visible("gov-clerk", List.of("gov-office"));
    assertThat(plain).isNotEmpty();
    assertThat(visible("gov-clerk", List.of("gov-office", "a-group-without-grants"))).isEqualTo(plain);
    assertThat(visible("gov-clerk", List.of("a-group-without-grants"))).isEmpty();
  }

  private List<String> visible(String user, List<String> groups) {
    IdentityService identity = engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    identity.setAuthentication(user, groups);
    try {
      return tasks.createTaskQuery().orderByTaskId().asc().list().stream().map(Task::getId).toList();
    } finally {
      identity.clearAuthentication();
    }
  }
}
