package cn.renda.proposals.calendar;

/** What the State Council's arrangement makes of a day: an official holiday, or a make-up working day (调休上班). */
public enum DayKind {
  HOLIDAY("放假"),
  WORKDAY("调休上班");

  private final String label;

  DayKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
