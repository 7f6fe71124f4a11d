package cn.renda.proposals.identity;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authenticated caller of a request: user id and Camunda groups. Obtained by {@link ApiAuthenticationFilter}
 * from HTTP Basic or the Camunda webapp session, and handed to controllers as a method argument.
 */
public record CurrentUser(String id, List<String> groups) {

  public CurrentUser {
    Objects.requireNonNull(id, "id");
    groups = List.copyOf(groups);
  }

  public boolean isIn(String group) {
    return groups.contains(group);
  }

  public boolean isCongressOffice() {
    return isIn(Groups.CONGRESS_OFFICE);
  }

  public boolean isGovOffice() {
    return isIn(Groups.GOV_OFFICE);
  }

  public boolean isAdmin() {
    return isIn(Groups.ADMINS);
  }

  /**
   * The offices see every proposal (DESIGN.md, "Roles"); so do administrators, who hold every engine permission
   * anyway (Camunda grants {@code camunda-admin} all rights) and whose view must not differ between our API and
   * Cockpit.
   */
  public boolean seesEverything() {
    return isCongressOffice() || isGovOffice() || isAdmin();
  }

  public boolean isDeputy() {
    return isIn(Groups.DEPUTIES);
  }

  /** Codes of the agencies whose handler or leader group the user belongs to. */
  public Set<String> agencyCodes() {
    Set<String> codes = new TreeSet<>();
    for (String group : groups) {
      String code = Groups.agencyCodeOf(group);
      if (code != null) {
        codes.add(code);
      }
    }
    return codes;
  }
}
