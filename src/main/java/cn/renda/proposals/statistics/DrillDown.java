package cn.renda.proposals.statistics;

import cn.renda.proposals.proposal.ProposalViews.AgencyRef;
import cn.renda.proposals.proposal.ProposalViews.Coded;
import java.time.LocalDate;
import java.util.List;

/**
 * The proposals behind one figure of one agency (or of the county), with where to open each.
 *
 * @param total how many proposals there are; {@code items} holds at most the first {@link #LIMIT}
 */
public record DrillDown(StatisticsQuery query, FigureInfo figure, AgencyRef agency, long total, List<Item> items) {

  public static final int LIMIT = 1000;

  /** A figure as the table explains it. */
  public record FigureInfo(String key, String label, String group, String definition) {

    static FigureInfo of(Figure figure) {
      return new FigureInfo(figure.key(), figure.label(), figure.group().label(), figure.definition());
    }
  }

  /**
   * One proposal.
   *
   * @param agency the agency the figure is about (lead agency, co-agency, or the agency that gave it back)
   * @param firstAssignedOn 交办 day
   * @param firstReplyDate the day the first letter was delivered
   * @param firstReplyDeadline the reply deadline in force that day
   * @param onTime whether the first letter was on time; null before it
   * @param workingDays working days from 交办 to the first letter
   * @param daysOverdue calendar days past the reply deadline while a reply is owed
   * @param record our API's record of the proposal
   * @param cockpit its process instance in Cockpit; null once the process has ended
   */
  public record Item(
      String id,
      Integer caseNumber,
      Coded kind,
      String title,
      Coded priority,
      Coded status,
      AgencyRef agency,
      LocalDate firstAssignedOn,
      LocalDate replyDue,
      LocalDate firstReplyDate,
      LocalDate firstReplyDeadline,
      Boolean onTime,
      Integer workingDays,
      Long daysOverdue,
      Coded classification,
      Coded communicationMethod,
      Coded firstSatisfaction,
      Coded satisfaction,
      Coded finalClassification,
      LocalDate progressDue,
      Coded coOpinionStatus,
      LocalDate coOpinionDue,
      String record,
      String cockpit) {}
}
