package cn.renda.proposals.platform;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's grants for a task's candidate groups, without READ for the groups that read every task anyway (the
 * offices, {@link AllTaskReaders}). When a group becomes a task's candidate, the engine grants it READ and the task
 * permission (TASK_WORK here) on that one task. For the offices that READ adds nothing, and it costs every Tasklist
 * filter an office opens: the engine joins its authorization table on {@code RESOURCE_ID_ IN (task, definition,
 * '*')}, which PostgreSQL can only run as a loop over every grant of the caller for every candidate task. With 500
 * supervision tasks the government office's 督办 filter spent 40 of its 48 ms there (README, "Benchmark at national
 * scale", figure 3). The offices keep TASK_WORK on the tasks given to them, so what they may do is unchanged;
 * agencies keep READ on their own tasks, which is what they see by.
 *
 * <p>Grants made before this provider lose their READ once, at start-up (the all-tasks grant covers it).
 */
@Component
public class TaskGrants extends AbstractProcessEnginePlugin {

  /** The groups that read every task by a grant on all tasks (the offices), given by the identity feature. */
  public interface AllTaskReaders {
    List<String> groups();
  }

  private final ObjectProvider<AllTaskReaders> readers;
  private volatile List<String> readerGroups;

  // the readers are looked up when the engine first needs them: the plugin is created before the application's beans
  public TaskGrants(ObjectProvider<AllTaskReaders> readers) {
    this.readers = readers;
  }

  /** The groups, looked up once: the provider asks for them whenever a task gets a candidate group. */
  private List<String> readers() {
    List<String> groups = readerGroups;
    if (groups == null) {
      AllTaskReaders given = readers.getIfAvailable();
      groups = given == null ? List.of() : List.copyOf(given.groups());
      readerGroups = groups;
    }
    return groups;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    List<String> groups = readers();
    if (groups.isEmpty()) {
      return;
    }
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    List<Authorization> before = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groups.toArray(String[]::new))
        .resourceType(TASK)
        .hasPermission(Permissions.READ)
        .list();
    for (Authorization grant : before) {
      if (!Authorization.ANY.equals(grant.getResourceId())) {
        grant.removePermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  /** The engine's default grants, except that an office as a task's candidate gets the task permission only. */
  final class Provider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizationsByGroupId(Task task, String groupId) {
      if (!readers().contains(groupId)) {
        return super.createOrUpdateAuthorizationsByGroupId(task, groupId);
      }
      return new AuthorizationEntity[] {
        createOrUpdateAuthorization(task, null, groupId, TASK, false, getDefaultUserPermissionForTask())
      };
    }
  }
}
