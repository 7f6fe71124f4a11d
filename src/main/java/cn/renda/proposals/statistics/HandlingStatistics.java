package cn.renda.proposals.statistics;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.WorkingDayCalendar;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.proposal.CoOpinionStatus;
import cn.renda.proposals.proposal.HandlingCount;
import cn.renda.proposals.proposal.HandlingFigures;
import cn.renda.proposals.proposal.HandlingFigures.AgencyCounts;
import cn.renda.proposals.proposal.HandlingFigures.ReplyTime;
import cn.renda.proposals.proposal.HandlingFilter;
import cn.renda.proposals.proposal.HandlingItem;
import cn.renda.proposals.proposal.ProposalViews.AgencyRef;
import cn.renda.proposals.proposal.ProposalViews.Coded;
import cn.renda.proposals.web.ForbiddenException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The handling statistics (办理统计): the record's counts ({@link HandlingFigures}) turned into the figures of
 * {@link Figure}, the composite score and the ranking, for what the caller may see. The offices (and administrators)
 * see every agency; an agency's handlers and leaders see their own agency's figures and the county's totals; nobody
 * else sees any (deputies get a public yearly summary, later).
 */
@Service
public class HandlingStatistics {

  private final HandlingFigures figures;
  private final AgencyDirectory agencies;
  private final WorkingDayCalendar calendar;
  private final StatisticsProperties properties;
  private final Clock clock;
  private final String cockpit;
  private final ExecutorService reads = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "statistics-read");
    thread.setDaemon(true);
    return thread;
  });

  public HandlingStatistics(HandlingFigures figures, AgencyDirectory agencies, WorkingDayCalendar calendar,
      StatisticsProperties properties, Clock clock,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    this.figures = figures;
    this.agencies = agencies;
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
    this.cockpit = webapps + "/app/cockpit/default/#/process-instance/";
  }

  @PreDestroy
  void stop() {
    reads.shutdownNow();
  }

  /**
   * Refuses callers who may see no figures at all (deputies, users of no office or agency), and a caller of an agency
   * asking for another agency's.
   */
  public void checkAccess(CurrentUser user, String agency) {
    Set<String> visible = visibleAgencies(user);
    if (agency != null && visible != null && !visible.contains(agency)) {
      throw new ForbiddenException("An agency sees its own figures and the county's totals only.",
          "承办单位只能查看本单位的办理统计和全县合计。");
    }
  }

  /** The league table (排名) with every figure, of the agencies the caller may see, and the county's totals. */
  public LeagueTable table(CurrentUser user, StatisticsQuery query) {
    Set<String> visible = visibleAgencies(user);
    LocalDate today = today();
    HandlingFilter filter = filter(query, null, today);
    // the two independent reads run side by side: the league table is asked for at every look at the dashboard
    CompletableFuture<List<ReplyTime>> times = CompletableFuture.supplyAsync(() -> figures.replyTimes(filter,
        (first, last) -> new WorkingDays(calendar, first, last).numbers()), reads);
    Map<String, AgencyCounts> counts = figures.byAgency(filter);
    Map<String, Double> medians = new HashMap<>();
    Double countyMedian = medians(times.join(), medians);

    List<Agency> directory = agencies.all();
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < directory.size(); i++) {
      order.put(directory.get(i).code(), i);
    }
    List<LeagueTable.Row> rows = new ArrayList<>();
    for (AgencyCounts agency : counts.values()) {
      Map<String, Number> values = values(agency.counts(), agency.oldestOverdueDue(),
          medians.get(agency.agencyCode()), today);
      rows.add(new LeagueTable.Row(ref(agency.agencyCode()), null, score(values), values));
    }
    rows = ranked(rows, order);
    boolean offices = visible == null;
    List<LeagueTable.Row> shown = rows.stream()
        .filter(row -> offices || visible.contains(row.agency().code()))
        .map(row -> offices ? row : new LeagueTable.Row(row.agency(), null, row.score(), row.figures()))
        .toList();

    Map<HandlingCount, Long> total = new EnumMap<>(HandlingCount.class);
    LocalDate oldestOverdue = null;
    for (AgencyCounts agency : counts.values()) {
      agency.counts().forEach((count, value) -> total.merge(count, value, Long::sum));
      if (agency.oldestOverdueDue() != null
          && (oldestOverdue == null || agency.oldestOverdueDue().isBefore(oldestOverdue))) {
        oldestOverdue = agency.oldestOverdueDue();
      }
    }
    Map<String, Number> county = values(total, oldestOverdue, countyMedian, today);
    return new LeagueTable(query, today, weights(), shown, county);
  }

  /** Month by month, for the county or (as lead agency) one agency. */
  public Trend trend(CurrentUser user, StatisticsQuery query, String agency) {
    checkAccess(user, agency);
    HandlingFilter filter = filter(query, agency == null ? null : Set.of(agency), today());
    List<Trend.Month> months = figures.months(filter).stream()
        .map(month -> new Trend.Month(month.month().toString(), month.assigned(), month.replied(),
            month.repliedOnTime(), rate(month.repliedOnTime(), month.replied())))
        .toList();
    return new Trend(query, agency == null ? null : ref(agency), months);
  }

  /**
   * The proposals behind a figure of one agency, or of every agency the caller may see (for an agency's staff: their
   * own).
   */
  public DrillDown proposals(CurrentUser user, StatisticsQuery query, Figure figure, String agency) {
    checkAccess(user, agency);
    Set<String> visible = visibleAgencies(user);
    Set<String> asked = agency != null ? Set.of(agency) : visible;
    LocalDate today = today();
    HandlingFigures.Items found = figures.items(filter(query, asked, today), figure.basis(), DrillDown.LIMIT);
    Map<String, AgencyRef> names = new HashMap<>();
    List<DrillDown.Item> items = found.items().stream()
        .map(item -> item(item, names.computeIfAbsent(item.agencyCode(), this::ref), today))
        .toList();
    return new DrillDown(query, DrillDown.FigureInfo.of(figure), agency == null ? null : ref(agency), found.total(),
        items);
  }

  public List<String> sessions(CurrentUser user) {
    visibleAgencies(user);
    return figures.sessions();
  }

  public boolean hasSession(String session) {
    return figures.hasSession(session);
  }

  public LeagueTable.Weights weights() {
    return new LeagueTable.Weights(properties.onTimeWeight(), properties.satisfactionWeight(),
        properties.resolutionWeight(), properties.coOpinionWeight());
  }

  /** The agencies whose figures the caller may see; null for all. */
  private static Set<String> visibleAgencies(CurrentUser user) {
    if (user.seesEverything()) {
      return null;
    }
    if (!user.agencyCodes().isEmpty()) {
      return user.agencyCodes();
    }
    throw new ForbiddenException("The handling statistics are for the offices and the agencies.",
        "办理统计仅供人大常委会办公室、人民政府办公室和承办单位查看。");
  }

  private HandlingFilter filter(StatisticsQuery query, Set<String> agencyCodes, LocalDate today) {
    return new HandlingFilter(query.session(), query.kind(), query.priority(), query.assignedFrom(),
        query.assignedTo(), agencyCodes, today);
  }

  /** Every figure from the counts, in the order of {@link Figure}. */
  private static Map<String, Number> values(Map<HandlingCount, Long> counts, LocalDate oldestOverdue, Double median,
      LocalDate today) {
    Map<String, Number> values = new LinkedHashMap<>();
    for (Figure figure : Figure.values()) {
      Number value = switch (figure.type()) {
        case COUNT -> counts.getOrDefault(figure.count(), 0L);
        case RATE -> rate(counts.getOrDefault(figure.count(), 0L), counts.getOrDefault(figure.denominator(), 0L));
        case MEDIAN -> median;
        case DAYS -> oldestOverdue == null ? null : ChronoUnit.DAYS.between(oldestOverdue, today);
      };
      values.put(figure.key(), value);
    }
    return values;
  }

  private static Double rate(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  /**
   * The weighted mean of the rates an agency has, in points of 100 with one decimal; none for an agency that has
   * none of the lead agency's rates (a co-agency only is not ranked on its co-opinions alone).
   */
  Double score(Map<String, Number> values) {
    if (values.get(Figure.ON_TIME_RATE.key()) == null && values.get(Figure.FINAL_SATISFACTION_RATE.key()) == null
        && values.get(Figure.RESOLUTION_RATE.key()) == null) {
      return null;
    }
    double weighted = 0;
    int weights = 0;
    int[] weightOf = {properties.onTimeWeight(), properties.satisfactionWeight(), properties.resolutionWeight(),
        properties.coOpinionWeight()};
    Figure[] rates = {Figure.ON_TIME_RATE, Figure.FINAL_SATISFACTION_RATE, Figure.RESOLUTION_RATE,
        Figure.CO_ON_TIME_RATE};
    for (int i = 0; i < rates.length; i++) {
      Number rate = values.get(rates[i].key());
      if (rate != null && weightOf[i] > 0) {
        weighted += weightOf[i] * rate.doubleValue();
        weights += weightOf[i];
      }
    }
    return weights == 0 ? null : Math.round(1000 * weighted / weights) / 10.0;
  }

  /** Highest score first; equal scores share a rank; agencies without a score last, in the directory's order. */
  private static List<LeagueTable.Row> ranked(List<LeagueTable.Row> rows, Map<String, Integer> order) {
    Comparator<LeagueTable.Row> byOrder = Comparator.comparing(row -> order.getOrDefault(row.agency().code(),
        Integer.MAX_VALUE));
    List<LeagueTable.Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing((LeagueTable.Row row) -> row.score() == null)
        .thenComparing(row -> row.score() == null ? 0 : -row.score())
        .thenComparing(byOrder));
    List<LeagueTable.Row> result = new ArrayList<>();
    for (LeagueTable.Row row : sorted) {
      Integer rank = null;
      if (row.score() != null) {
        rank = 1 + (int) sorted.stream().filter(other -> other.score() != null && other.score() > row.score())
            .count();
      }
      result.add(new LeagueTable.Row(row.agency(), rank, row.score(), row.figures()));
    }
    return result;
  }

  /**
   * The median of working days from 交办 to the first letter, per agency into {@code byAgency}; answers the county's.
   */
  private static Double medians(List<ReplyTime> times, Map<String, Double> byAgency) {
    Map<String, TreeMap<Integer, Long>> histograms = new HashMap<>();
    TreeMap<Integer, Long> county = new TreeMap<>();
    for (ReplyTime time : times) {
      histograms.computeIfAbsent(time.agencyCode(), code -> new TreeMap<>())
          .merge(time.workingDays(), time.proposals(), Long::sum);
      county.merge(time.workingDays(), time.proposals(), Long::sum);
    }
    histograms.forEach((agency, histogram) -> byAgency.put(agency, median(histogram)));
    return median(county);
  }

  private static Double median(TreeMap<Integer, Long> histogram) {
    long total = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return null;
    }
    return (valueAt(histogram, (total - 1) / 2) + valueAt(histogram, total / 2)) / 2.0;
  }

  /** The value at a position (from 0) of the sorted values the histogram counts. */
  private static int valueAt(TreeMap<Integer, Long> histogram, long position) {
    long seen = 0;
    for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
      seen += entry.getValue();
      if (position < seen) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("position " + position + " beyond " + seen);
  }

  private DrillDown.Item item(HandlingItem item, AgencyRef agency, LocalDate today) {
    LocalDate assignedOn = item.firstAssignedAt() == null ? null
        : item.firstAssignedAt().atZone(clock.getZone()).toLocalDate();
    Boolean onTime = item.firstReplyDate() == null ? null
        : item.firstReplyDeadline() == null || !item.firstReplyDate().isAfter(item.firstReplyDeadline());
    Integer workingDays = null;
    if (item.firstReplyDate() != null && assignedOn != null) {
      workingDays = new WorkingDays(calendar, assignedOn, item.firstReplyDate().isBefore(assignedOn) ? assignedOn
          : item.firstReplyDate()).between(assignedOn, item.firstReplyDate());
    }
    Long daysOverdue = item.status().replyOwed() && item.replyDue() != null && item.replyDue().isBefore(today)
        ? ChronoUnit.DAYS.between(item.replyDue(), today) : null;
    boolean ended = item.status().ended();
    return new DrillDown.Item(
        item.id(),
        item.caseNumber(),
        Coded.of(item.kind()),
        item.title(),
        Coded.of(item.priority()),
        Coded.of(item.status()),
        agency,
        assignedOn,
        item.replyDue(),
        item.firstReplyDate(),
        item.firstReplyDeadline(),
        onTime,
        workingDays,
        daysOverdue,
        Coded.of(item.classification()),
        Coded.of(item.communicationMethod()),
        Coded.of(item.firstSatisfaction()),
        Coded.of(item.satisfaction()),
        Coded.of(item.finalClassification()),
        item.progressDue(),
        coOpinion(item.coOpinionStatus()),
        item.coOpinionDue(),
        "/api/proposals/" + item.id(),
        ended || item.processInstanceId() == null ? null : cockpit + item.processInstanceId());
  }

  private static Coded coOpinion(CoOpinionStatus status) {
    if (status == null) {
      return null;
    }
    String label = switch (status) {
      case OPEN -> "待提出";
      case SUBMITTED -> "已按时提出";
      case LATE -> "超期未提出";
    };
    return new Coded(status.name(), label);
  }

  private AgencyRef ref(String code) {
    return code == null ? null : new AgencyRef(code, agencies.nameOf(code));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
