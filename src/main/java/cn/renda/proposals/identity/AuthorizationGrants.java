package cn.renda.proposals.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Idempotent creation of groups, users, memberships and grants: running it again changes nothing, and a concurrent
 * start of a second node that created the same row first is tolerated.
 */
@Component
public class AuthorizationGrants {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public AuthorizationGrants(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  public void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      Group created = identityService.newGroup(id);
      created.setName(name);
      created.setType(type);
      saveTolerant(() -> identityService.saveGroup(created));
    } else if (!name.equals(group.getName()) || !type.equals(group.getType())) {
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  /** Creates the user if missing; an existing user keeps its password (people change theirs). */
  public void ensureUser(String id, String name, String email, String password) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(name);
    user.setLastName("");
    user.setEmail(email);
    user.setPassword(password);
    saveTolerant(() -> identityService.saveUser(user));
  }

  public void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      saveTolerant(() -> identityService.createMembership(userId, groupId));
    }
  }

  /** Grants the permissions to the group on the resource, adding to what an existing grant already holds. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (existing != null) {
      if (Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
        return;
      }
      Arrays.stream(permissions).forEach(existing::addPermission);
      authorizationService.saveAuthorization(existing);
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    Arrays.stream(permissions).forEach(authorization::addPermission);
    saveTolerant(() -> authorizationService.saveAuthorization(authorization));
  }

  /** Another node starting at the same moment may have inserted the same row: its copy is as good as ours. */
  private static void saveTolerant(Runnable save) {
    try {
      save.run();
    } catch (ProcessEngineException e) {
      if (!isDuplicate(e)) {
        throw e;
      }
    }
  }

  private static boolean isDuplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase();
      if (message.contains("duplicate") || message.contains("unique")) {
        return true;
      }
    }
    return false;
  }
}
