package cn.renda.proposals.alert;

import cn.renda.proposals.platform.Actors;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who receives a notification: the mail address of each member of a group (or the group's configured address), of
 * each single user, and the webhook of each group that has one. Users are looked up with the system's authority: the
 * person whose step causes a notification may not be allowed to read the accounts of those it goes to.
 */
@Component
class Recipients {

  private final IdentityService identity;
  private final Actors actors;
  private final Map<String, String> groupAddresses;
  private final Map<String, URI> webhooks;

  Recipients(IdentityService identity, Actors actors, NotificationProperties properties) {
    this.identity = identity;
    this.actors = actors;
    this.groupAddresses = properties.groupAddresses();
    this.webhooks = properties.webhooks();
  }

  /** Distinct mail addresses, sorted; users without an address are left out. */
  List<String> mailAddresses(Audience audience) {
    TreeSet<String> addresses = new TreeSet<>();
    actors.asSystem(() -> {
      for (String group : audience.groups()) {
        String own = groupAddresses.get(group);
        if (own != null && !own.isBlank()) {
          addresses.add(own.strip());
        } else {
          identity.createUserQuery().memberOfGroup(group).list().forEach(user -> add(addresses, user));
        }
      }
      for (String userId : audience.users()) {
        add(addresses, identity.createUserQuery().userId(userId).singleResult());
      }
      return null;
    });
    return List.copyOf(addresses);
  }

  /** The webhook of each group of the audience that has one. */
  List<Webhook> webhooks(Audience audience) {
    List<Webhook> targets = new ArrayList<>();
    for (String group : audience.groups()) {
      URI url = webhooks.get(group);
      if (url != null) {
        targets.add(new Webhook(group, url));
      }
    }
    return targets;
  }

  /** The display name of a group (e.g. 县人民政府办公室（督查室）), or its id. */
  String groupName(String groupId) {
    Group group = actors.asSystem(() -> identity.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
  }

  /** The display name of a user (full name), or the id. */
  String userName(String userId) {
    User user = actors.asSystem(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  private static void add(TreeSet<String> addresses, User user) {
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      addresses.add(user.getEmail().strip());
    }
  }

  record Webhook(String group, URI url) {}
}
