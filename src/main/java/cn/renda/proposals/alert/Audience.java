package cn.renda.proposals.alert;

import java.util.ArrayList;
import java.util.List;

/** Whom a notification is meant for: groups (all their members, or the group's own address) and single users. */
record Audience(List<String> groups, List<String> users) {

  Audience {
    groups = List.copyOf(groups);
    users = List.copyOf(users);
  }

  static Audience groups(List<String> groups) {
    return new Audience(groups, List.of());
  }

  static Audience group(String group) {
    return new Audience(List.of(group), List.of());
  }

  static Audience users(List<String> users) {
    return new Audience(List.of(), users);
  }

  /** As stored: {@code group:gov-office,user:maohongding}. */
  String stored() {
    List<String> entries = new ArrayList<>();
    groups.forEach(group -> entries.add("group:" + group));
    users.forEach(user -> entries.add("user:" + user));
    return String.join(",", entries);
  }
}
