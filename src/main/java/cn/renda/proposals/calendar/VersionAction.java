package cn.renda.proposals.calendar;

/** How a version of a year's calendar came about. */
public enum VersionAction {
  /** Imported at start-up from a holiday file (the bundled years, or a file of proposals.calendar.files). */
  IMPORTED("从文件导入"),
  /** Entered by a person (PUT /api/calendar/{year}, the calendar page). */
  CHANGED("录入修改"),
  /** Back to the days of an earlier version (version 0: the year without data). */
  REVERTED("恢复到早先版本");

  private final String label;

  VersionAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
