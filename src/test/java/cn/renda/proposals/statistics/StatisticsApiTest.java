package cn.renda.proposals.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The figures of the API and of the Excel file, against the values worked out by hand ({@link Expected}). */
@IntegrationTest
class StatisticsApiTest {

  @LocalServerPort int port;
  @Autowired StatisticsFixture fixture;
  @Autowired ProcessDriver driver;

  private String session;

  @BeforeEach
  void today() {
    session = fixture.session();
    driver.today(StatisticsFixture.TODAY);
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldGiveEveryFigureOfEveryAgencyAndTheCountyAsWorkedOutByHand() {
    JsonNode table = office().get("/api/statistics/agencies?session=" + session).json();

    assertThat(table.get("asOf").asText()).isEqualTo("2026-07-20");
    assertThat(codes(table)).containsExactly("mzj", "sfj", "jtj", "zfw", "fy", "xfj");
    for (JsonNode row : table.get("agencies")) {
      String code = row.get("agency").get("code").asText();
      Expected.assertFigures(code, row.get("figures"), Expected.AGENCIES.get(code));
    }
    Expected.assertFigures("county", table.get("county"), Expected.COUNTY);
  }

  @Test
  void shouldRankTheAgenciesByTheCompositeScoreOfTheDocumentedWeights() {
    JsonNode table = office().get("/api/statistics/agencies?session=" + session).json();

    assertThat(table.get("weights").toString())
        .isEqualTo("{\"onTimeRate\":40,\"finalSatisfactionRate\":30,\"resolutionRate\":20,\"coOnTimeRate\":10}");
    for (JsonNode row : table.get("agencies")) {
      String code = row.get("agency").get("code").asText();
      if (Expected.SCORES.containsKey(code)) {
        assertThat(row.get("score").asDouble()).as(code).isCloseTo(Expected.SCORES.get(code), within(1e-9));
        assertThat(row.get("rank").asInt()).as(code).isEqualTo(Expected.RANKS.get(code));
      } else {
        // co-agencies only: listed, not ranked
        assertThat(row.has("score")).as(code).isFalse();
        assertThat(row.has("rank")).as(code).isFalse();
      }
    }
    assertThat(table.get("agencies").get(0).get("agency").get("name").asText()).isEqualTo("县民政局");
  }

  @Test
  void shouldCountOnlyTheProposalsOfTheKindPriorityAndAssignmentDaysAsked() {
    // the two key motions: P9 (mzj, on time, A, satisfied) and P16 (jtj, late, B, no feedback)
    for (String filter : List.of("&kind=MOTION", "&priority=KEY", "&kind=MOTION&priority=KEY")) {
      JsonNode table = office().get("/api/statistics/agencies?session=" + session + filter).json();
      assertThat(codes(table)).as(filter).containsExactly("mzj", "jtj");
      Expected.assertFigures("mzj" + filter, row(table, "mzj"), Expected.figures("assigned", 1, "replied", 1,
          "repliedOnTime", 1, "onTimeBasis", 1, "onTimeRate", 1.0, "medianWorkingDays", 60.0, "byFaceToFace", 1,
          "inPersonRate", 1.0, "satisfied", 1, "firstRoundSatisfactionRate", 1.0, "finalSatisfactionRate", 1.0,
          "classA", 1, "evaluated", 1, "resolutionRate", 1.0));
      Expected.assertFigures("jtj" + filter, row(table, "jtj"), Expected.figures("assigned", 1, "replied", 1,
          "repliedLate", 1, "onTimeBasis", 1, "onTimeRate", 0.0, "medianWorkingDays", 64.0, "byWriting", 1,
          "inPersonRate", 0.0, "noResponse", 1, "classB", 1, "evaluated", 1, "resolutionRate", 0.0,
          "bPromised", 1));
    }
    assertThat(codes(office().get("/api/statistics/agencies?session=" + session + "&kind=SUGGESTION").json()))
        .containsExactly("jtj", "sfj", "mzj", "zfw", "fy", "xfj");

    // first assigned from May on: P12 and P18 (mzj, with fy), P15 (jtj), none of them replied or due
    JsonNode may = office().get("/api/statistics/agencies?session=" + session + "&assignedFrom=2026-05-01").json();
    assertThat(codes(may)).containsExactly("fy", "mzj", "jtj");
    Expected.assertFigures("mzj from May", row(may, "mzj"), Expected.figures("assigned", 2, "open", 2));
    Expected.assertFigures("jtj from May", row(may, "jtj"), Expected.figures("assigned", 1, "open", 1));
    Expected.assertFigures("fy from May", row(may, "fy"), Expected.figures("coAssigned", 1, "coRequested", 1,
        "coOpen", 1));
    Expected.assertFigures("county from May", may.get("county"), Expected.figures("assigned", 3, "open", 3,
        "coAssigned", 1, "coRequested", 1, "coOpen", 1));

    // only 2026-03-02: everything but P12, P15, P18
    JsonNode march = office().get("/api/statistics/agencies?session=" + session
        + "&assignedFrom=2026-03-02&assignedTo=2026-03-02").json();
    assertThat(row(march, "mzj").get("assigned").asInt()).isEqualTo(3);
    assertThat(row(march, "jtj").get("assigned").asInt()).isEqualTo(4);
    assertThat(march.get("county").get("assigned").asInt()).isEqualTo(15);
    assertThat(march.get("county").get("disputed").asInt()).isEqualTo(2);

    JsonNode none = office().get("/api/statistics/agencies?session=" + session + "&assignedTo=2026-03-01").json();
    assertThat(none.get("agencies")).isEmpty();
    assertThat(none.get("county").get("assigned").asInt()).isZero();
    assertThat(none.get("county").has("onTimeRate")).isFalse();
  }

  @Test
  void shouldKeepTheSessionsApart() {
    JsonNode other = office().get("/api/statistics/agencies?session=" + fixture.otherSession()).json();

    // P19 (zfw, A by phone, delivered 04-10), P20 (sfj, overdue), P21 (mzj with fy, in time)
    assertThat(codes(other)).containsExactly("zfw", "sfj", "mzj", "fy");
    assertThat(row(other, "zfw").get("replied").asInt()).isEqualTo(1);
    assertThat(row(other, "zfw").get("byPhone").asInt()).isEqualTo(1);
    assertThat(row(other, "sfj").get("overdue").asInt()).isEqualTo(1);
    assertThat(row(other, "mzj").get("assigned").asInt()).isEqualTo(1);
    assertThat(row(other, "fy").get("coOnTime").asInt()).isEqualTo(1);
    assertThat(other.get("county").get("assigned").asInt()).isEqualTo(3);
    assertThat(office().get("/api/statistics/sessions").json().toString()).contains(session, fixture.otherSession());
  }

  @Test
  void shouldListTheProposalsBehindAFigureWithLinksToRecordAndCockpit() {
    JsonNode overdue = drill("zfw", "overdue");
    assertThat(overdue.get("total").asInt()).isEqualTo(1);
    JsonNode p4 = overdue.get("items").get(0);
    assertThat(p4.get("id").asText()).isEqualTo(fixture.id("P4"));
    assertThat(p4.get("daysOverdue").asInt()).isEqualTo(48);
    assertThat(p4.get("replyDue").asText()).isEqualTo("2026-06-02");
    assertThat(p4.get("status").get("label").asText()).isEqualTo("答复拟稿");
    assertThat(p4.get("record").asText()).isEqualTo("/api/proposals/" + fixture.id("P4"));
    assertThat(p4.get("cockpit").asText()).startsWith("/camunda/app/cockpit/default/#/process-instance/");
    assertThat(overdue.get("figure").get("label").asText()).isEqualTo("超期未答复");
    assertThat(overdue.get("agency").get("name").asText()).isEqualTo("县委政法委");

    // a rate: its denominator, with each proposal's part in it
    JsonNode onTime = drill("zfw", "onTimeRate");
    assertThat(ids(onTime)).containsExactlyInAnyOrder(fixture.id("P1"), fixture.id("P2"), fixture.id("P3"),
        fixture.id("P4"));
    Map<String, String> onTimeFlags = new HashMap<>();
    onTime.get("items").forEach(item -> onTimeFlags.put(item.get("id").asText(), String.valueOf(item.get("onTime"))));
    assertThat(onTimeFlags).containsEntry(fixture.id("P1"), "true").containsEntry(fixture.id("P2"), "false")
        .containsEntry(fixture.id("P3"), "true").containsEntry(fixture.id("P4"), "null");

    assertThat(ids(drill(null, "overdue"))).containsExactlyInAnyOrder(fixture.id("P4"), fixture.id("P17"));
    JsonNode disputed = drill("zfw", "disputed");
    assertThat(ids(disputed)).containsExactly(fixture.id("P5"));
    assertThat(disputed.get("items").get(0).get("agency").get("code").asText()).isEqualTo("zfw");
    JsonNode kept = drill("sfj", "bKept");
    assertThat(ids(kept)).containsExactly(fixture.id("P6"));
    assertThat(kept.get("items").get(0).has("cockpit")).as("closed: no running instance").isFalse();
    JsonNode open = drill("fy", "coOpen");
    assertThat(ids(open)).containsExactly(fixture.id("P18"));
    assertThat(open.get("items").get(0).get("coOpinionStatus").get("code").asText()).isEqualTo("OPEN");
    List<Integer> days = new ArrayList<>();
    drill("sfj", "medianWorkingDays").get("items").forEach(item -> days.add(item.get("workingDays").asInt()));
    assertThat(days).containsExactlyInAnyOrder(43, 34, 35, 47);
  }

  @Test
  void shouldListAsManyProposalsBehindEveryCountAsTheCountSays() {
    for (Figure figure : Figure.values()) {
      if (figure.type() != Figure.Type.COUNT) {
        continue;
      }
      assertThat(drill(null, figure.key()).get("total").asLong()).as("county " + figure.key())
          .isEqualTo(Expected.COUNTY.get(figure.key()).longValue());
      for (Map.Entry<String, Map<String, Number>> agency : Expected.AGENCIES.entrySet()) {
        JsonNode list = drill(agency.getKey(), figure.key());
        assertThat(list.get("total").asLong()).as(agency.getKey() + " " + figure.key())
            .isEqualTo(agency.getValue().get(figure.key()).longValue());
        assertThat(list.get("items")).allSatisfy(item ->
            assertThat(item.get("agency").get("code").asText()).isEqualTo(agency.getKey()));
      }
    }
  }

  @Test
  void shouldGiveTheMonthlyTrend() {
    JsonNode county = office().get("/api/statistics/trend?session=" + session).json();
    assertThat(months(county)).containsExactly(
        "2026-03 15 1 1 1.0", "2026-04 0 3 3 1.0", "2026-05 1 4 4 1.0", "2026-06 0 5 2 0.4", "2026-07 2 0 0 null");

    JsonNode zfw = office().get("/api/statistics/trend?session=" + session + "&agency=zfw").json();
    assertThat(zfw.get("agency").get("name").asText()).isEqualTo("县委政法委");
    assertThat(months(zfw)).containsExactly("2026-03 4 0 0 null", "2026-04 0 1 1 1.0", "2026-06 0 2 1 0.5");
  }

  @Test
  void shouldExplainEveryFigureInChinese() {
    JsonNode definitions = office().get("/api/statistics/definitions").json();
    assertThat(definitions.get("figures")).hasSize(Figure.values().length);
    for (JsonNode figure : definitions.get("figures")) {
      assertThat(figure.get("label").asText()).as(figure.get("key").asText()).matches(".*\\p{IsHan}.*");
      assertThat(figure.get("definition").asText()).as(figure.get("key").asText()).matches(".*\\p{IsHan}.{8,}");
    }
    assertThat(definitions.get("score").asText()).contains("按时答复率 × 40", "满意率（重新办理后）× 30", "办成率 × 20",
        "协办意见按时率 × 10");
  }

  @Test
  void shouldExportTheSameTableToExcelWithChineseHeaders() throws Exception {
    HttpResponse<byte[]> answer = download("gov-clerk", "/api/statistics/agencies.xlsx?session=" + session);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains("attachment",
        "filename*=UTF-8''%E5%8A%9E%E7%90%86%E7%BB%9F%E8%AE%A1");

    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
      Sheet sheet = workbook.getSheet("办理统计");
      Map<String, Integer> columns = new HashMap<>();
      Row header = sheet.getRow(ExcelExport.HEADER_ROW);
      header.forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
      List<String> labels = new ArrayList<>(List.of("排名", "单位", "综合得分"));
      for (Figure figure : Figure.values()) {
        labels.add(figure.label());
      }
      assertThat(StreamSupport.stream(header.spliterator(), false).map(Cell::getStringCellValue).toList())
          .containsExactlyElementsOf(labels);
      assertThat(header.getCell(columns.get("按时答复率")).getStringCellValue()).isEqualTo("按时答复率");

      Map<String, String> names = Map.of("zfw", "县委政法委", "sfj", "县司法局", "mzj", "县民政局", "jtj",
          "县交通运输局", "fy", "县人民法院", "xfj", "县信访局");
      Map<String, Row> rows = new HashMap<>();
      for (int i = ExcelExport.HEADER_ROW + 1; i <= sheet.getLastRowNum(); i++) {
        rows.put(sheet.getRow(i).getCell(columns.get("单位")).getStringCellValue(), sheet.getRow(i));
      }
      assertThat(rows).hasSize(7).containsKey("全县合计");
      for (Map.Entry<String, String> agency : names.entrySet()) {
        Row row = rows.get(agency.getValue());
        assertExcelFigures(agency.getValue(), row, columns, Expected.AGENCIES.get(agency.getKey()));
        Double score = Expected.SCORES.get(agency.getKey());
        assertThat(number(row.getCell(columns.get("综合得分")))).as(agency.getValue() + " score").isEqualTo(score);
        Integer rank = Expected.RANKS.get(agency.getKey());
        assertThat(number(row.getCell(columns.get("排名")))).as(agency.getValue() + " rank")
            .isEqualTo(rank == null ? null : rank.doubleValue());
      }
      assertExcelFigures("全县合计", rows.get("全县合计"), columns, Expected.COUNTY);
      assertThat(rows.get("县民政局").getRowNum()).isEqualTo(ExcelExport.HEADER_ROW + 1);
      assertThat(rows.get("县司法局").getCell(columns.get("按时答复率")).getCellStyle().getDataFormatString())
          .isEqualTo("0.0%");

      Sheet definitions = workbook.getSheet("指标说明");
      assertThat(definitions.getLastRowNum()).isEqualTo(Figure.values().length + 1);
      assertThat(definitions.getRow(1 + Figure.ON_TIME_RATE.ordinal()).getCell(2).getStringCellValue())
          .contains("按时答复件数 ÷ 应答复件数");
    }
  }

  private static void assertExcelFigures(String who, Row row, Map<String, Integer> columns,
      Map<String, Number> expected) {
    for (Figure figure : Figure.values()) {
      Number value = expected.get(figure.key());
      Double actual = number(row.getCell(columns.get(figure.label())));
      if (value == null) {
        assertThat(actual).as(who + " " + figure.label()).isNull();
      } else {
        assertThat(actual).as(who + " " + figure.label()).isNotNull();
        assertThat(actual).as(who + " " + figure.label()).isCloseTo(value.doubleValue(), within(1e-9));
      }
    }
  }

  private static Double number(Cell cell) {
    if (cell == null || cell.getCellType() == CellType.BLANK) {
      return null;
    }
    return cell.getNumericCellValue();
  }

  private JsonNode drill(String agency, String figure) {
    Http.Answer answer = office().get("/api/statistics/proposals?session=" + session + "&figure=" + figure
        + (agency == null ? "" : "&agency=" + agency));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> ids(JsonNode drillDown) {
    List<String> ids = new ArrayList<>();
    drillDown.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static List<String> months(JsonNode trend) {
    List<String> months = new ArrayList<>();
    trend.get("months").forEach(month -> months.add(month.get("month").asText() + " " + month.get("assigned")
        + " " + month.get("replied") + " " + month.get("repliedOnTime") + " " + month.get("onTimeRate")));
    return months;
  }

  static List<String> codes(JsonNode table) {
    List<String> codes = new ArrayList<>();
    table.get("agencies").forEach(row -> codes.add(row.get("agency").get("code").asText()));
    return codes;
  }

  static JsonNode row(JsonNode table, String code) {
    for (JsonNode row : table.get("agencies")) {
      if (row.get("agency").get("code").asText().equals(code)) {
        return row.get("figures");
      }
    }
    throw new AssertionError("no row of " + code + " in " + table);
  }

  private Http office() {
    return Http.as("http://localhost:" + port, "gov-clerk", "demo");
  }

  HttpResponse<byte[]> download(String user, String path) throws IOException, InterruptedException {
    String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + token).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
