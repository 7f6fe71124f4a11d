package cn.renda.proposals.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** Group ids asked for in one query. */
  private static final int CHUNK = 500;

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
    create(groupId, resource, resourceId, permissions);
  }

  /**
   * The given groups and their grants on the given kinds of resource, read at once, to bring up to date in one pass.
   * A start checks every group and grant the roles need; one query each was some 3,000 queries at a province's 213
   * agencies (two groups each, their Tasklist and process grants, five filters each), where a few now read them all.
   * Grants on other kinds of resource are still looked up one by one (the agencies' grants on single tasks, which
   * grow with the open tasks, are never read in bulk).
   */
  public Known known(Collection<String> groupIds, Set<Resource> resources) {
    Map<String, Group> groups = new HashMap<>();
    Map<String, Authorization> granted = new HashMap<>();
    List<String> ids = List.copyOf(groupIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
      identityService.createGroupQuery().groupIdIn(chunk).list().forEach(group -> groups.put(group.getId(), group));
      for (Resource resource : resources) {
        authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(chunk).resourceType(resource).list()
            .forEach(grant -> granted.putIfAbsent(key(grant.getGroupId(), resource, grant.getResourceId()), grant));
      }
    }
    return new Known(Set.copyOf(ids), groups, granted, Set.copyOf(resources));
  }

  private static String key(String groupId, Resource resource, String resourceId) {
    return groupId + "\n" + resource.resourceType() + "\n" + resourceId;
  }

  /** Groups and grants read at once ({@link #known}); the same operations, without a query for what is known. */
  public final class Known {

    private final Set<String> ids;
    private final Map<String, Group> groups;
    private final Map<String, Authorization> granted;
    private final Set<Resource> resources;

    private Known(Set<String> ids, Map<String, Group> groups, Map<String, Authorization> granted,
        Set<Resource> resources) {
      this.ids = ids;
      this.groups = groups;
      this.granted = granted;
      this.resources = resources;
    }

    /** As {@link AuthorizationGrants#ensureGroup}, for a group of those read. */
    public void ensureGroup(String id, String name, String type) {
      Group group = groups.get(id);
      if (group == null) {
        AuthorizationGrants.this.ensureGroup(id, name, type);
      } else if (!name.equals(group.getName()) || !type.equals(group.getType())) {
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
      }
    }

    /** As {@link AuthorizationGrants#grant}. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      if (!resources.contains(resource) || !ids.contains(groupId)) {
        AuthorizationGrants.this.grant(groupId, resource, resourceId, permissions);
        return;
      }
      String key = key(groupId, resource, resourceId);
      Authorization existing = granted.get(key);
      if (existing == null) {
        granted.put(key, create(groupId, resource, resourceId, permissions));
      } else if (!Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
        Arrays.stream(permissions).forEach(existing::addPermission);
        authorizationService.saveAuthorization(existing);
      }
    }
  }

  private Authorization create(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    Arrays.stream(permissions).forEach(authorization::addPermission);
    saveTolerant(() -> authorizationService.saveAuthorization(authorization));
    return authorization;
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
