package cn.renda.proposals.paper;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proposal list as an Excel file: read back with POI, its rows are the API's list for the same filters, for each
 * role; an agency never finds another agency's proposals in it.
 */
@IntegrationTest
class ProposalExportTest {

  private static final List<String> HEADERS = List.of("编号", "届次会议", "类型", "案号", "案由", "类别", "状态", "领衔代表",
      "附议人数", "主办单位", "答复期限", "是否超期", "提交时间", "公开时间");
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired JdbcClient jdbc;

  private String session;
  private String zfwWithSfj;
  private String jtj;
  private String sfjMotion;
  private String waiting;

  @BeforeEach
  void session() {
    // (in June: the work given to agencies here falls due after the work TasklistBrowserTest expects first)
    // a session of four proposals: 县委政法委 with 县司法局, 县交通运输局, a motion of 县司法局, one waiting for review
    session = ProcessDriver.newSession();
    driver.today(LocalDate.of(2026, 6, 1));
    zfwWithSfj = driver.submitSuggestion(session, "关于建设乡镇矛盾调解中心的建议");
    walk.review(zfwWithSfj, "ACCEPT", "KEY");
    walk.assign(zfwWithSfj, "zfw", "sfj");
    driver.today(LocalDate.of(2026, 6, 2));
    jtj = driver.submitSuggestion(session, "关于增开海岛夜间航班的建议");
    walk.review(jtj, "ACCEPT", "NORMAL");
    walk.assign(jtj, "jtj");
    walk.accept(jtj, "jtj");
    driver.today(LocalDate.of(2026, 6, 3));
    sfjMotion = driver.submitMotion(session, "关于完善法律援助工作机制的议案");
    walk.review(sfjMotion, "ACCEPT", "NORMAL");
    walk.assign(sfjMotion, "sfj");
    driver.today(LocalDate.of(2026, 6, 4));
    waiting = driver.submitSuggestion(session, "关于建设海岛调解中心的建议");
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldExportWhatTheListShowsEachRole() throws IOException {
    for (String user : List.of("congress-clerk", "gov-clerk", "zfw-handler", "zfw-leader", "sfj-handler",
        "jtj-handler", "czj-handler", "maohongding", "wuhaibo")) {
      for (String filter : List.of("session=" + session, "session=" + session + "&status=AWAITING_ACCEPTANCE",
          "session=" + session + "&agency=sfj", "session=" + session + "&q=" + url("调解中心"),
          "session=" + session + "&kind=MOTION&priority=NORMAL", "session=" + session + "&overdue=false")) {
        assertThat(exported(user, filter)).as(user + " " + filter).isEqualTo(listed(user, filter));
      }
    }
  }

  @Test
  void shouldGiveAnAgencyItsOwnProposalsOnly() throws IOException {
    // the offices find all four, in the list's order (newest first)
    assertThat(ids(exported("gov-clerk", "session=" + session))).containsExactly(waiting, sfjMotion, jtj, zfwWithSfj);

    // an agency its own work, as lead or co-agency, and nothing else
    assertThat(ids(exported("zfw-handler", "session=" + session))).containsExactly(zfwWithSfj);
    assertThat(ids(exported("sfj-handler", "session=" + session))).containsExactly(sfjMotion, zfwWithSfj);
    assertThat(ids(exported("jtj-handler", "session=" + session))).containsExactly(jtj);
    assertThat(exported("czj-handler", "session=" + session)).isEmpty();
    // also when it asks for another agency's proposals, or for everything it may see
    assertThat(exported("jtj-handler", "session=" + session + "&agency=zfw")).isEmpty();
    List<List<String>> everything = exported("jtj-handler", "");
    assertThat(everything).isEqualTo(listedAllPages("jtj-handler"));
    assertThat(ids(everything)).contains(jtj).doesNotContain(zfwWithSfj, sfjMotion, waiting);

    // a deputy co-signing the motion finds the motion only
    assertThat(ids(exported("wuhaibo", "session=" + session))).containsExactly(sfjMotion);
  }

  @Test
  void shouldWriteChineseHeadersAndTypedCells() throws IOException {
    Http.Binary file = Http.as(base(), "congress-clerk", "demo").download("/api/proposals/export.xlsx?session="
        + session);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(file.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
      Sheet sheet = workbook.getSheet("议案建议");
      List<String> headers = new ArrayList<>();
      sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
      assertThat(headers).isEqualTo(HEADERS);
      Row motion = sheet.getRow(2);
      assertThat(motion.getCell(0).getStringCellValue()).isEqualTo(sfjMotion);
      assertThat(motion.getCell(2).getStringCellValue()).isEqualTo("议案");
      assertThat(motion.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(motion.getCell(8).getNumericCellValue()).isEqualTo(10.0);
      assertThat(motion.getCell(9).getStringCellValue()).isEqualTo("县司法局");
      assertThat(motion.getCell(10).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 3));
      assertThat(motion.getCell(12).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 3));
    }
  }

  @Test
  void shouldRefuseBadFiltersAndAnonymousCallersAndChangeNothing() {
    TableSnapshot before = TableSnapshot.of(jdbc);

    Http.Binary bad = Http.as(base(), "gov-clerk", "demo").download("/api/proposals/export.xlsx?agency=ZFW!");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.text()).contains("agency", "单位代码");
    assertThat(Http.as(base(), "gov-clerk", "demo").download("/api/proposals/export.xlsx?session=" + url("二〇二〇"))
        .status()).isEqualTo(400);
    assertThat(Http.as(base(), "gov-clerk", "demo").download("/api/proposals/export.xlsx?kind=BILL").status())
        .isEqualTo(400);
    assertThat(Http.anonymous(base()).download("/api/proposals/export.xlsx").status()).isEqualTo(401);

    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  /** The rows of the export: what the list shows of each proposal, as text. */
  private List<List<String>> exported(String user, String filter) throws IOException {
    Http.Binary file = Http.as(base(), user, "demo").download("/api/proposals/export.xlsx?" + filter);
    assertThat(file.status()).as(user + " " + filter).isEqualTo(200);
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < HEADERS.size(); c++) {
          cells.add(text(row.getCell(c)));
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  private List<List<String>> listed(String user, String filter) {
    Http.Answer answer = Http.as(base(), user, "demo").get("/api/proposals?size=100&" + filter);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("total").asLong()).isLessThanOrEqualTo(100);
    return rows(answer.json().get("items"));
  }

  private List<List<String>> listedAllPages(String user) {
    List<List<String>> rows = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = Http.as(base(), user, "demo").get("/api/proposals?size=100&page=" + page).json();
      rows.addAll(rows(answer.get("items")));
      if ((long) (page + 1) * 100 >= answer.get("total").asLong()) {
        return rows;
      }
    }
  }

  /** The same columns from the API's JSON. */
  private static List<List<String>> rows(JsonNode items) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode item : items) {
      rows.add(List.of(
          item.get("id").asText(),
          item.get("session").asText(),
          item.at("/kind/label").asText(),
          optional(item, "/caseNumber"),
          item.get("title").asText(),
          item.at("/priority/label").asText(),
          item.at("/status/label").asText(),
          optional(item, "/leadDeputy/name"),
          item.get("coSignerCount").asText(),
          optional(item, "/leadAgency/name"),
          optional(item, "/replyDue"),
          item.get("overdue").asBoolean() ? "是" : "否",
          minute(item.at("/submittedAt")),
          minute(item.at("/publishedAt"))));
    }
    return rows;
  }

  /** A field the JSON leaves out when it has no value. */
  private static String optional(JsonNode item, String pointer) {
    JsonNode value = item.at(pointer);
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }

  private static String minute(JsonNode instant) {
    if (instant.isMissingNode() || instant.isNull()) {
      return "";
    }
    return java.time.Instant.parse(instant.asText()).atZone(ZONE).toLocalDateTime()
        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      if (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
        String format = cell.getCellStyle().getDataFormatString();
        return format.contains("hh")
            ? cell.getLocalDateTimeCellValue().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString()
            : cell.getLocalDateTimeCellValue().toLocalDate().toString();
      }
      return String.valueOf((long) cell.getNumericCellValue());
    }
    return cell.getStringCellValue();
  }

  private static List<String> ids(List<List<String>> rows) {
    return rows.stream().map(row -> row.get(0)).toList();
  }

  private static String url(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
