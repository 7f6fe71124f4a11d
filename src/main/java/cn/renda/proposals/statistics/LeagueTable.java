package cn.renda.proposals.statistics;

import cn.renda.proposals.proposal.ProposalViews.AgencyRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of each agency the caller may see, ranked by the composite score, and the county's totals.
 *
 * @param asOf the day the figures were made on ("overdue" means overdue on this day)
 * @param agencies one row per agency that was lead agency, co-agency or gave an assignment back; ranked ones first
 * @param county the same figures over every agency of the county
 */
public record LeagueTable(StatisticsQuery query, LocalDate asOf, Weights weights, List<Row> agencies,
    Map<String, Number> county) {

  /**
   * One agency's figures, by {@link Figure#key()}.
   *
   * @param rank 排名 among the agencies with a score (equal scores share a rank); shown to the offices only
   * @param score 综合得分, 0–100 with one decimal; null when the agency has none of the weighted rates yet
   */
  public record Row(AgencyRef agency, Integer rank, Double score, Map<String, Number> figures) {}

  /** The weights of the composite score (percentage points of the figures named). */
  public record Weights(int onTimeRate, int finalSatisfactionRate, int resolutionRate, int coOnTimeRate) {}
}
