package cn.renda.proposals.statistics;

import cn.renda.proposals.proposal.ProposalViews.AgencyRef;
import java.util.List;

/**
 * Month by month, for the county or one agency (as lead agency).
 *
 * @param agency null for the county
 */
public record Trend(StatisticsQuery query, AgencyRef agency, List<Month> months) {

  /**
   * One month.
   *
   * @param month {@code yyyy-MM}
   * @param assigned proposals first assigned (交办) in the month
   * @param replied first letters delivered in the month
   * @param repliedOnTime of those, delivered by their deadline
   * @param onTimeRate repliedOnTime ÷ replied; null without replies
   */
  public record Month(String month, long assigned, long replied, long repliedOnTime, Double onTimeRate) {}
}
