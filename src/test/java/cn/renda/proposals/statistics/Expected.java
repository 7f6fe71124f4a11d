package cn.renda.proposals.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of the fixture ({@link StatisticsFixture}) of its main session, worked out by hand from the outcomes
 * written there. A figure not named is 0 (a count) or empty (a rate, median or number of days).
 */
final class Expected {

  // zfw: P1 on time (A, 面商, satisfied), P2 late (C, phone; dissatisfied → rehandled by 座谈 → satisfied), P3
  // extended and on time (B by 走访, basically satisfied, following up), P4 overdue 48 days; gave P5 back.
  // Working days from 03-02: P1 04-15 = 31, P2 06-10 = 69, P3 06-25 = 79.
  static final Map<String, Number> ZFW = figures(
      "assigned", 4, "replied", 3, "repliedOnTime", 2, "repliedLate", 1, "onTimeBasis", 4, "onTimeRate", 2 / 4.0,
      "open", 1, "overdue", 1, "maxDaysOverdue", 48, "medianWorkingDays", 69.0, "disputed", 1,
      "extensionRequested", 1, "extensionApproved", 1,
      "byFaceToFace", 1, "byMeeting", 1, "byVisit", 1, "inPersonRate", 3 / 3.0,
      "satisfied", 2, "basicallySatisfied", 1, "firstRoundSatisfactionRate", 2 / 3.0, "rehandled", 1,
      "finalSatisfactionRate", 3 / 3.0,
      "classA", 1, "classB", 1, "classC", 1, "evaluated", 3, "resolutionRate", 1 / 3.0, "bPromised", 1);

  // sfj: P5 (taken over from zfw; A in writing, no feedback), P6 (B by 面商, promise kept → A), P7 (B by phone,
  // report overdue), P8 (D by phone, dissatisfied twice, rehandled in writing, closed as D), all on time; co-agency of
  // P13 (in time) and P14 (late). Working days: P6 04-20 = 34, P7 04-21 = 35, P5 05-06 = 43, P8 05-11 = 47.
  static final Map<String, Number> SFJ = figures(
      "assigned", 4, "replied", 4, "repliedOnTime", 4, "onTimeBasis", 4, "onTimeRate", 4 / 4.0,
      "medianWorkingDays", (35 + 43) / 2.0,
      "byFaceToFace", 1, "byPhone", 1, "byWriting", 2, "inPersonRate", 1 / 4.0,
      "satisfied", 2, "dissatisfied", 1, "noResponse", 1, "firstRoundSatisfactionRate", 2 / 3.0, "rehandled", 1,
      "finalSatisfactionRate", 2 / 3.0,
      "classA", 1, "classB", 2, "classD", 1, "evaluated", 4, "resolutionRate", 2 / 4.0, "bPromised", 2, "bKept", 1,
      "bFollowUpOverdue", 1,
      "coAssigned", 2, "coRequested", 2, "coOnTime", 1, "coLate", 1, "coOnTimeRate", 1 / 2.0);

  // mzj: P9 (key motion, A by 面商, satisfied), P10 (B by 座谈 on the deadline, basically satisfied), P11 (refused
  // extension, C by phone, late), P12 and P18 open and not due. Working days: P9 05-28 = 60, P10 06-02 = 63,
  // P11 06-05 = 66.
  static final Map<String, Number> MZJ = figures(
      "assigned", 5, "replied", 3, "repliedOnTime", 2, "repliedLate", 1, "onTimeBasis", 3, "onTimeRate", 2 / 3.0,
      "open", 2, "medianWorkingDays", 63.0, "extensionRequested", 1,
      "byFaceToFace", 1, "byMeeting", 1, "byPhone", 1, "inPersonRate", 2 / 3.0,
      "satisfied", 1, "basicallySatisfied", 1, "firstRoundSatisfactionRate", 2 / 2.0, "finalSatisfactionRate", 2 / 2.0,
      "classA", 1, "classB", 1, "classC", 1, "evaluated", 1, "resolutionRate", 1 / 1.0);

  // jtj: P13 (A by 走访), P14 (A by phone), P16 (key motion, B in writing, late, no feedback), P15 open and not due,
  // P17 overdue 48 days; gave P23 back. Working days: P13 03-30 = 20, P14 05-15 = 51, P16 06-03 = 64.
  static final Map<String, Number> JTJ = figures(
      "assigned", 5, "replied", 3, "repliedOnTime", 2, "repliedLate", 1, "onTimeBasis", 4, "onTimeRate", 2 / 4.0,
      "open", 2, "overdue", 1, "maxDaysOverdue", 48, "medianWorkingDays", 51.0, "disputed", 1,
      "byVisit", 1, "byPhone", 1, "byWriting", 1, "inPersonRate", 1 / 3.0,
      "satisfied", 2, "noResponse", 1, "firstRoundSatisfactionRate", 2 / 2.0, "finalSatisfactionRate", 2 / 2.0,
      "classA", 2, "classB", 1, "evaluated", 3, "resolutionRate", 2 / 3.0, "bPromised", 1);

  // fy: co-agency of P1 and P17 (in time) and P18 (open)
  static final Map<String, Number> FY = figures(
      "coAssigned", 3, "coRequested", 3, "coOnTime", 2, "coOpen", 1, "coOnTimeRate", 2 / 2.0);

  // xfj: co-agency of P5 (late)
  static final Map<String, Number> XFJ = figures(
      "coAssigned", 1, "coRequested", 1, "coLate", 1, "coOnTimeRate", 0 / 1.0);

  // the sums of the above; the median of all 13 letters: 20 31 34 35 43 47 [51] 60 63 64 66 69 79
  static final Map<String, Number> COUNTY = figures(
      "assigned", 18, "replied", 13, "repliedOnTime", 10, "repliedLate", 3, "onTimeBasis", 15,
      "onTimeRate", 10 / 15.0, "open", 5, "overdue", 2, "maxDaysOverdue", 48, "medianWorkingDays", 51.0,
      "disputed", 2, "extensionRequested", 2, "extensionApproved", 1,
      "byFaceToFace", 3, "byMeeting", 2, "byVisit", 2, "byPhone", 3, "byWriting", 3, "inPersonRate", 7 / 13.0,
      "satisfied", 7, "basicallySatisfied", 2, "dissatisfied", 1, "noResponse", 2,
      "firstRoundSatisfactionRate", 8 / 10.0, "rehandled", 2, "finalSatisfactionRate", 9 / 10.0,
      "classA", 5, "classB", 5, "classC", 2, "classD", 1, "evaluated", 11, "resolutionRate", 6 / 11.0,
      "bPromised", 4, "bKept", 1, "bFollowUpOverdue", 1,
      "coAssigned", 6, "coRequested", 6, "coOnTime", 3, "coLate", 2, "coOpen", 1, "coOnTimeRate", 3 / 5.0);

  // composite score (weights 40/30/20/10 of the rates an agency has, over the weights counted), by hand:
  // mzj (40·2/3 + 30·1 + 20·1) / 90 = 85.2; sfj (40·1 + 30·2/3 + 20·1/2 + 10·1/2) / 100 = 75.0;
  // jtj (40·1/2 + 30·1 + 20·2/3) / 90 = 70.4; zfw (40·1/2 + 30·1 + 20·1/3) / 90 = 63.0; fy and xfj: co-agency only;
  // county (40·10/15 + 30·9/10 + 20·6/11 + 10·3/5) / 100 = 70.6
  static final Map<String, Double> SCORES = Map.of("mzj", 85.2, "sfj", 75.0, "jtj", 70.4, "zfw", 63.0);
  static final double COUNTY_SCORE = 70.6;
  static final Map<String, Integer> RANKS = Map.of("mzj", 1, "sfj", 2, "jtj", 3, "zfw", 4);

  static final Map<String, Map<String, Number>> AGENCIES = Map.of(
      "zfw", ZFW, "sfj", SFJ, "mzj", MZJ, "jtj", JTJ, "fy", FY, "xfj", XFJ);

  private Expected() {}

  /** Every figure: the ones given, the others 0 or empty. */
  static Map<String, Number> figures(Object... pairs) {
    Map<String, Number> values = new LinkedHashMap<>();
    for (Figure figure : Figure.values()) {
      values.put(figure.key(), figure.type() == Figure.Type.COUNT ? 0 : null);
    }
    for (int i = 0; i < pairs.length; i += 2) {
      String key = (String) pairs[i];
      assertThat(values).as("a figure of the fixture").containsKey(key);
      values.put(key, (Number) pairs[i + 1]);
    }
    return values;
  }

  /** The JSON figures equal the expected ones, each of them; the API leaves out a figure that has no value. */
  static void assertFigures(String who, JsonNode actual, Map<String, Number> expected) {
    actual.fieldNames().forEachRemaining(key -> assertThat(expected).as(who + ": a figure").containsKey(key));
    expected.forEach((key, value) -> {
      JsonNode node = actual.get(key);
      if (value == null) {
        assertThat(node == null || node.isNull()).as(who + " " + key + " = " + node + ", expected none").isTrue();
      } else {
        assertThat(node).as(who + " " + key + " present").isNotNull();
        assertThat(node.isNumber()).as(who + " " + key + " = " + node + ", expected " + value).isTrue();
        assertThat(node.asDouble()).as(who + " " + key).isCloseTo(value.doubleValue(), within(1e-9));
      }
    });
  }
}
