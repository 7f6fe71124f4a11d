package cn.renda.proposals.identity;

import java.util.List;

/** Camunda group ids of DESIGN.md ("Roles"). Agency groups are derived from the agency code. */
public final class Groups {

  public static final String DEPUTIES = "deputies";
  public static final String CONGRESS_OFFICE = "congress-office";
  public static final String GOV_OFFICE = "gov-office";
  public static final String ADMINS = "camunda-admin";

  /** The offices, which read every task (a grant on all tasks) and work on the tasks given to them. */
  public static final List<String> OFFICES = List.of(CONGRESS_OFFICE, GOV_OFFICE);

  private static final String AGENCY_PREFIX = "agency-";
  private static final String LEADERS_SUFFIX = "-leaders";

  private Groups() {}

  /** Handlers (经办人) of an agency: {@code agency-{code}}. */
  public static String agency(String agencyCode) {
    return AGENCY_PREFIX + agencyCode;
  }

  /** Leaders of an agency, who sign off its replies: {@code agency-{code}-leaders}. */
  public static String agencyLeaders(String agencyCode) {
    return AGENCY_PREFIX + agencyCode + LEADERS_SUFFIX;
  }

  /** The agency code of an agency group (handlers or leaders), or null for any other group. */
  public static String agencyCodeOf(String groupId) {
    if (groupId == null || !groupId.startsWith(AGENCY_PREFIX)) {
      return null;
    }
    String rest = groupId.substring(AGENCY_PREFIX.length());
    return rest.endsWith(LEADERS_SUFFIX) ? rest.substring(0, rest.length() - LEADERS_SUFFIX.length()) : rest;
  }
}
