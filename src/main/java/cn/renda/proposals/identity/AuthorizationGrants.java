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
    ensureGroup(identityService.createGroupQuery().groupId(id).singleResult(), id, name, type);
  }

  /** Creates the group when {@code existing} is null, else brings its name and type to the given ones. */
  private void ensureGroup(Group existing, String id, String name, String type) {
    if (existing == null) {
      Group created = identityService.newGroup(id);
      created.setName(name);
      created.setType(type);
      saveTolerant(() -> identityService.saveGroup(created));
    } else if (!name.equals(existing.getName()) || !type.equals(existing.getType())) {
      existing.setName(name);
      existing.setType(type);
      identityService.saveGroup(existing);
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
    grant(existing, new Grant(groupId, resource.resourceType(), resourceId), resource, permissions);
  }

  /**
   * Creates the grant when {@code existing} is null, else adds the permissions it lacks; the grant as it now is.
   */
  private Authorization grant(Authorization existing, Grant grant, Resource resource, Permission... permissions) {
    if (existing != null) {
      if (!Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
        Arrays.stream(permissions).forEach(existing::addPermission);
        authorizationService.saveAuthorization(existing);
      }
      return existing;
    }
    Authorization created = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    created.setGroupId(grant.groupId());
    created.setResource(resource);
    created.setResourceId(grant.resourceId());
    Arrays.stream(permissions).forEach(created::addPermission);
    saveTolerant(() -> authorizationService.saveAuthorization(created));
    return created;
  }

  /** Which grant: a group's on one resource. */
  private record Grant(String groupId, int resourceType, String resourceId) {}

  /**
   * The given groups and their grants on the given kinds of resource, read at once, to bring up to date in one pass.
   * A start checks every group and grant the roles need; one query each was some 3,000 queries at a province's 213
   * agencies (two groups each, their Tasklist and process grants, five filters each), where a few now read them all.
   * Grants on other kinds of resource are still looked up one by one (the agencies' grants on single tasks, which
   * grow with the open tasks, are never read in bulk).
   */
  public Known known(Collection<String> groupIds, Set<Resource> resources) {
    Map<String, Group> groups = new HashMap<>();
    Map<Grant, Authorization> granted = new HashMap<>();
    List<String> ids = List.copyOf(groupIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
      identityService.createGroupQuery().groupIdIn(chunk).list().forEach(group -> groups.put(group.getId(), group));
      for (Resource resource : resources) {
        authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(chunk).resourceType(resource).list()
            .forEach(grant -> granted.putIfAbsent(
                new Grant(grant.getGroupId(), resource.resourceType(), grant.getResourceId()), grant));
      }
    }
    return new Known(Set.copyOf(ids), groups, granted, Set.copyOf(resources));
  }

  /** Groups and grants read at once ({@link #known}); the same operations, without a query for what is known. */
  public final class Known {

    private final Set<String> ids;
    private final Map<String, Group> groups;
    private final Map<Grant, Authorization> granted;
    private final Set<Resource> resources;

    private Known(Set<String> ids, Map<String, Group> groups, Map<Grant, Authorization> granted,
        Set<Resource> resources) {
      this.ids = ids;
      this.groups = groups;
      this.granted = granted;
      this.resources = resources;
    }

    /** As {@link AuthorizationGrants#ensureGroup(String, String, String)}, for one of the groups read. */
    public void ensureGroup(String id, String name, String type) {
      if (!ids.contains(id)) {
        AuthorizationGrants.this.ensureGroup(id, name, type);
        return;
      }
      AuthorizationGrants.this.ensureGroup(groups.get(id), id, name, type);
    }

    /** As {@link AuthorizationGrants#grant(String, Resource, String, Permission...)}. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      if (!resources.contains(resource) || !ids.contains(groupId)) {
        AuthorizationGrants.this.grant(groupId, resource, resourceId, permissions);
        return;
      }
      Grant grant = new Grant(groupId, resource.resourceType(), resourceId);
      granted.put(grant, AuthorizationGrants.this.grant(granted.get(grant), grant, resource, permissions));
    }
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
