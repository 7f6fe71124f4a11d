package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.tasklist.TasklistFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each start brings the roles' groups and grants back to what they must be, reading them all at once: a missing grant
 * is made again, a grant that lost a permission gets it back, a renamed group its name; and a start that finds
 * everything in place changes no group and no grant.
 */
@IntegrationTest
class StartUpGrantsTest {

  @Autowired IdentitySetup identitySetup;
  @Autowired TasklistFilters filters;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identities;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldRepairWhatWasChangedAndChangeNothingWhenAllIsInPlace() {
    // an administrator deleted zfw's Tasklist access, took READ_TASK from the government office's grant on all
    // definitions, renamed a group and deleted sfj's grant on the 已超期 filter
    authorizations.deleteAuthorization(grant("agency-zfw", Resources.APPLICATION, "tasklist").getId());
    Authorization office = grant("gov-office", Resources.PROCESS_DEFINITION, Authorization.ANY);
    office.removePermission(ProcessDefinitionPermissions.READ_TASK);
    authorizations.saveAuthorization(office);
    Group group = identities.createGroupQuery().groupId("agency-sfj-leaders").singleResult();
    String name = group.getName();
    group.setName("改过的名字");
    identities.saveGroup(group);
    String overdue = jdbc.sql("SELECT id_ FROM act_ru_filter WHERE name_ = ?").param(TasklistFilters.OVERDUE)
        .query(String.class).single();
    authorizations.deleteAuthorization(grant("agency-sfj", Resources.FILTER, overdue).getId());

    identitySetup.run(null);
    filters.run(null);

    assertThat(grant("agency-zfw", Resources.APPLICATION, "tasklist").isPermissionGranted(Permissions.ACCESS))
        .isTrue();
    assertThat(grant("gov-office", Resources.PROCESS_DEFINITION, Authorization.ANY)
        .isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)).isTrue();
    assertThat(identities.createGroupQuery().groupId("agency-sfj-leaders").singleResult().getName()).isEqualTo(name);
    assertThat(grant("agency-sfj", Resources.FILTER, overdue).isPermissionGranted(Permissions.READ)).isTrue();

    TableSnapshot before = TableSnapshot.of(jdbc);
    identitySetup.run(null);
    filters.run(null);
    // the filters themselves are written back at every start (their revision counts); groups and grants are not
    assertThat(TableSnapshot.of(jdbc).changedSince(before))
        .as("tables changed by a start that found everything in place")
        .isSubsetOf("act_ru_filter");
  }

  private Authorization grant(String group, Resources resource, String resourceId) {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
  }
}
