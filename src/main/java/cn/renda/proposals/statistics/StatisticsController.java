package cn.renda.proposals.statistics;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.web.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 办理统计: the figures per agency and for the county, their definitions, the monthly trend, the proposals behind each
 * figure, and the same table as an Excel file. The offices see every agency; an agency's staff their own figures and
 * the county's totals; deputies none (403).
 */
@RestController
@RequestMapping("/api/statistics")
@Tag(name = "statistics", description = "办理统计 / handling statistics")
class StatisticsController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9_-]{1,32}");

  private final HandlingStatistics statistics;
  private final ExcelExport excel;
  private final AgencyDirectory agencies;

  StatisticsController(HandlingStatistics statistics, ExcelExport excel, AgencyDirectory agencies) {
    this.statistics = statistics;
    this.excel = excel;
    this.agencies = agencies;
  }

  @GetMapping("/sessions")
  @Operation(summary = "The sessions that have proposals, newest first")
  List<String> sessions(CurrentUser user) {
    return statistics.sessions(user);
  }

  @GetMapping("/definitions")
  @Operation(summary = "Every figure: its key, Chinese label, group and definition; the score's weights")
  Definitions definitions(CurrentUser user) {
    statistics.checkAccess(user, null);
    List<Definitions.Entry> figures = Arrays.stream(Figure.values())
        .map(figure -> new Definitions.Entry(figure.key(), figure.label(), figure.group().name(),
            figure.group().label(), figure.type().name(), figure.definition()))
        .toList();
    return new Definitions(figures, statistics.weights(), ExcelExport.scoreDefinition(statistics.weights()));
  }

  @GetMapping("/agencies")
  @Operation(summary = "The league table: every figure per agency, ranked by the composite score, and county totals")
  LeagueTable agencies(CurrentUser user, @RequestParam(required = false) String session,
      @RequestParam(required = false) ProposalKind kind, @RequestParam(required = false) Priority priority,
      @Parameter(description = "首次交办日期起（含），yyyy-MM-dd") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedFrom,
      @Parameter(description = "首次交办日期止（含），yyyy-MM-dd") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedTo) {
    statistics.checkAccess(user, null);
    return statistics.table(user, query(session, kind, priority, assignedFrom, assignedTo, null, new Violations()));
  }

  @GetMapping("/agencies.xlsx")
  @Operation(summary = "The league table as an Excel file, with the same columns and Chinese headers")
  ResponseEntity<byte[]> export(CurrentUser user, @RequestParam(required = false) String session,
      @RequestParam(required = false) ProposalKind kind, @RequestParam(required = false) Priority priority,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedTo)
      throws IOException {
    statistics.checkAccess(user, null);
    LeagueTable table = statistics.table(user, query(session, kind, priority, assignedFrom, assignedTo, null,
        new Violations()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    excel.write(table, out);
    String file = URLEncoder.encode("办理统计-" + table.query().session() + "-" + table.asOf() + ".xlsx",
        StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics.xlsx\"; filename*=UTF-8''" + file)
        .body(out.toByteArray());
  }

  @GetMapping("/trend")
  @Operation(summary = "Month by month: assigned, first replies delivered, of those on time; county or one agency")
  Trend trend(CurrentUser user, @RequestParam(required = false) String session,
      @RequestParam(required = false) ProposalKind kind, @RequestParam(required = false) Priority priority,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedTo,
      @Parameter(description = "单位代码（主办）；不填为全县") @RequestParam(required = false) String agency) {
    statistics.checkAccess(user, null);
    StatisticsQuery query = query(session, kind, priority, assignedFrom, assignedTo, agency, new Violations());
    return statistics.trend(user, query, agency);
  }

  @GetMapping("/proposals")
  @Operation(summary = "The proposals behind one figure of one agency (or of all the caller may see)")
  DrillDown proposals(CurrentUser user, @RequestParam(required = false) String session,
      @RequestParam(required = false) ProposalKind kind, @RequestParam(required = false) Priority priority,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedTo,
      @Parameter(description = "单位代码；不填为可查看的全部单位") @RequestParam(required = false) String agency,
      @Parameter(description = "指标，如 overdue、onTimeRate（见 /api/statistics/definitions）")
          @RequestParam(required = false) String figure) {
    statistics.checkAccess(user, null);
    Violations violations = new Violations();
    Figure asked = null;
    if (violations.required("figure", figure, "指标")) {
      asked = Figure.byKey(figure).orElse(null);
      if (asked == null) {
        violations.add("figure", "unknown", "没有这个指标（可用的指标见 /api/statistics/definitions）",
            "unknown figure (see /api/statistics/definitions)");
      }
    }
    StatisticsQuery query = query(session, kind, priority, assignedFrom, assignedTo, agency, violations);
    return statistics.proposals(user, query, asked, agency);
  }

  /** Checks every parameter, refusing all faults at once (400), before anything is read. */
  private StatisticsQuery query(String session, ProposalKind kind, Priority priority, LocalDate assignedFrom,
      LocalDate assignedTo, String agency, Violations violations) {
    ProposalRules.session(session, violations);
    if (!violations.has("session") && !statistics.hasSession(session)) {
      violations.add("session", "unknown", "没有该届次会议的议案建议", "no proposal belongs to this session");
    }
    if (assignedFrom != null && assignedTo != null && assignedFrom.isAfter(assignedTo)) {
      violations.add("assignedTo", "range", "交办日期止不能早于交办日期起", "assignedTo must not be before assignedFrom");
    }
    if (agency != null && (!AGENCY_CODE.matcher(agency).matches() || agencies.find(agency).isEmpty())) {
      violations.add("agency", "unknown", "没有这个单位", "unknown agency");
    }
    violations.throwIfAny();
    return new StatisticsQuery(session, kind, priority, assignedFrom, assignedTo);
  }

  /** The figures' definitions, for tooltips and documentation. */
  record Definitions(List<Entry> figures, LeagueTable.Weights weights, String score) {

    record Entry(String key, String label, String group, String groupLabel, String type, String definition) {}
  }
}
