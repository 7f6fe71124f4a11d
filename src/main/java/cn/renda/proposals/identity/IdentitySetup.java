package cn.renda.proposals.identity;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The roles of DESIGN.md as Camunda groups with their application and resource grants, in every profile. Users are
 * not created here: production users are managed in the Admin webapp; demo users by {@link DemoAccounts}.
 *
 * <p>Which app each role may open: agency staff and deputies Tasklist only; the offices Tasklist and Cockpit;
 * administrators everything (Camunda grants {@code camunda-admin} all permissions when it creates the admin user).
 */
@Component
@Order(10)
class IdentitySetup implements ApplicationRunner {

  static final String PROCESS_KEY = "proposal-handling";
  private static final String WORKFLOW = "WORKFLOW";

  private final AuthorizationGrants grants;
  private final AgencyDirectory agencies;

  IdentitySetup(AuthorizationGrants grants, AgencyDirectory agencies) {
    this.grants = grants;
    this.agencies = agencies;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> tasklistUsers = new ArrayList<>(List.of(Groups.DEPUTIES, Groups.CONGRESS_OFFICE, Groups.GOV_OFFICE));
    for (Agency agency : agencies.all()) {
      tasklistUsers.add(Groups.agency(agency.code()));
      tasklistUsers.add(Groups.agencyLeaders(agency.code()));
    }
    // the offices' grant on all tasks is looked up on its own: the agencies' grants on single tasks are never read
    AuthorizationGrants.Known known =
        grants.known(tasklistUsers, Set.of(APPLICATION, PROCESS_DEFINITION, PROCESS_INSTANCE, DEPLOYMENT));
    known.ensureGroup(Groups.CONGRESS_OFFICE, "县人大常委会办公室", WORKFLOW);
    known.ensureGroup(Groups.GOV_OFFICE, "县人民政府办公室（督查室）", WORKFLOW);
    known.ensureGroup(Groups.DEPUTIES, "人大代表", WORKFLOW);
    for (Agency agency : agencies.all()) {
      known.ensureGroup(Groups.agency(agency.code()), agency.name() + "（经办人）", WORKFLOW);
      known.ensureGroup(Groups.agencyLeaders(agency.code()), agency.name() + "（领导）", WORKFLOW);
    }

    for (String group : tasklistUsers) {
      known.grant(group, APPLICATION, "tasklist", Permissions.ACCESS);
      // Tasklist shows the process name and diagram of a task; a definition reveals no proposal.
      known.grant(group, PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.READ);
    }
    for (String office : Groups.OFFICES) {
      known.grant(office, APPLICATION, "cockpit", Permissions.ACCESS);
      known.grant(
          office,
          PROCESS_DEFINITION,
          Authorization.ANY,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      known.grant(office, PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ);
      known.grant(office, TASK, Authorization.ANY, TaskPermissions.READ);
      known.grant(office, DEPLOYMENT, Authorization.ANY, Permissions.READ);
    }
    // The congress office registers proposals on a deputy's behalf (Tasklist start form).
    known.grant(Groups.CONGRESS_OFFICE, PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    known.grant(Groups.CONGRESS_OFFICE, PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
  }
}
