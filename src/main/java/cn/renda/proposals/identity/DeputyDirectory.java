package cn.renda.proposals.identity;

import cn.renda.proposals.platform.Actors;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The deputies (members of the {@code deputies} group) and their names. */
@Component
public class DeputyDirectory {

  private final IdentityService identityService;
  private final Actors actors;

  public DeputyDirectory(IdentityService identityService, Actors actors) {
    this.identityService = identityService;
    this.actors = actors;
  }

  /** Whether the user exists and is a deputy, whatever the caller may read. */
  public boolean isDeputy(String userId) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    return actors.asSystem(() ->
        identityService.createUserQuery().userId(userId).memberOfGroup(Groups.DEPUTIES).count() > 0);
  }

  /** Names of all deputies by user id (one query; a county has a few hundred deputies). */
  public Map<String, String> names() {
    Map<String, String> names = new HashMap<>();
    actors.asSystem(() -> identityService.createUserQuery().memberOfGroup(Groups.DEPUTIES).list())
        .forEach(user -> names.put(user.getId(), displayName(user)));
    return names;
  }

  private static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** The names of these users by id (one query), for those that exist. */
  public Map<String, String> namesOf(java.util.Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    actors.asSystem(() -> identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list())
        .forEach(user -> names.put(user.getId(), displayName(user)));
    return names;
  }

  /** The display name of a user (full name as stored), or the id when unknown. */
  public String nameOf(String userId) {
    User user = actors.asSystem(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : displayName(user);
  }
}
