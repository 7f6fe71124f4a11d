package cn.renda.proposals.paper;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.ProvideCoOpinion;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.Outbox;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk assignment (批量交办): one plan assigns fifty proposals as the government office's clerk would in Tasklist;
 * rows for proposals at other steps, or with answers the 交办 contract refuses, are refused row by row.
 */
@IntegrationTest
class BulkAssignmentTest {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final List<String> LEADS = List.of("zfw", "sfj", "mzj", "jtj", "czj");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldAssignFiftyProposalsFromOnePlanAsTasklistWould() throws IOException {
    // given fifty suggestions of a session accepted at review (建议第1–50号), waiting for assignment (交办) in June
    // (so that the work they give agencies falls due after the work TasklistBrowserTest expects first)
    String session = ProcessDriver.newSession();
    driver.today(LocalDate.of(2026, 6, 1));
    Map<Integer, String> ids = new LinkedHashMap<>();
    for (int i = 1; i <= 50; i++) {
      String id = driver.submitSuggestion(session, "关于海岛民生事项第" + i + "项的建议");
      walk.review(id, "ACCEPT", "NORMAL");
      ids.put(i, id);
    }
    // and two more: no. 51 assigned already and accepted, no. 52 waiting too
    String accepted = driver.submitSuggestion(session, "关于已交办事项的建议");
    walk.review(accepted, "ACCEPT", "NORMAL");
    walk.assign(accepted, "wjj");
    walk.accept(accepted, "wjj");
    String waiting = driver.submitSuggestion(session, "关于仍待交办事项的建议");
    walk.review(waiting, "ACCEPT", "NORMAL");

    // when the government office uploads a plan: no. i to one of five agencies, 县信访局 co-agency for even numbers,
    // 县人民政府办公室 signing every tenth letter; and four rows that cannot be assigned
    List<List<String>> plan = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      plan.add(List.of("建议", String.valueOf(i), "", lead(i),
          i % 2 == 0 ? "县信访局" : "", i % 10 == 0 ? "县人民政府办公室（zfb）" : ""));
    }
    plan.add(List.of("建议", "51", "", "zfw", "", ""));
    plan.add(List.of("建议", "52", "", "zfw", "zfw、县信访局", "县宣传部"));
    plan.add(List.of("建议", "7", "", "sfj", "", ""));
    plan.add(List.of("议案", "3", "", "sfj", "", ""));
    Http.Answer answer = upload("gov-clerk", session, workbook(plan));

    // then the fifty are assigned and the four rows refused, each with its reason
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode report = answer.json();
    assertThat(report.get("assigned").asInt()).isEqualTo(50);
    assertThat(report.get("refused").asInt()).isEqualTo(4);
    Map<Integer, List<String>> refusals = new HashMap<>();
    report.get("outcomes").forEach(outcome -> {
      if (outcome.get("outcome").asText().equals("REFUSED")) {
        List<String> reasons = new ArrayList<>();
        outcome.get("errors").forEach(e -> reasons.add(e.get("field").asText() + " " + e.get("messageZh").asText()));
        refusals.put(outcome.get("row").asInt(), reasons);
      }
    });
    assertThat(refusals).containsOnlyKeys(52, 53, 54, 55);
    String status = Http.as(base(), "gov-clerk", "demo").get("/api/proposals/" + accepted).json().at("/status/label")
        .asText();
    assertThat(refusals.get(52)).containsExactly("B52 第52行「案号」：该建议当前不在交办环节（当前状态：" + status + "），未交办");
    assertThat(refusals.get(53)).containsExactly("E53 第53行「协办单位」：主办单位不能同时作为协办单位：zfw",
        "F53 第53行「答复单位」：未知的单位代码：县宣传部");
    assertThat(refusals.get(54)).containsExactly("B54 第54行「案号」：建议第7号在交办方案中重复");
    assertThat(refusals.get(55)).containsExactly("B55 第55行「案号」：本届次会议没有议案第3号");

    // the record holds each assignment as Tasklist's would: agencies, issuer, the reply due in three months
    for (Map.Entry<Integer, String> entry : ids.entrySet()) {
      int i = entry.getKey();
      JsonNode record = Http.as(base(), "gov-clerk", "demo").get("/api/proposals/" + entry.getValue()).json();
      assertThat(record.at("/status/code").asText()).isEqualTo("AWAITING_ACCEPTANCE");
      List<String> agencies = new ArrayList<>();
      record.get("agencies").forEach(a -> agencies.add(a.get("code").asText() + ":" + a.get("role").asText()));
      List<String> expected = new ArrayList<>(List.of(code(i) + ":LEAD"));
      if (i % 2 == 0) {
        expected.add("xfj:CO");
      }
      assertThat(agencies).as("no. " + i).isEqualTo(expected);
      assertThat(record.at("/replyIssuer/code").asText()).isEqualTo(i % 10 == 0 ? "zfb" : code(i));
      assertThat(record.get("replyDue").asText()).isEqualTo("2026-09-01");
      assertThat(record.get("timeline").findValuesAsText("label").stream().filter("交办"::equals)).hasSize(1);
    }
    // the refused rows changed nothing: no. 52 still waits for assignment, no. 51 is where it was
    assertThat(driver.task(waiting, "assignAgencies")).isNotNull();
    assertThat(driver.tasks(accepted, ProvideCoOpinion.KEY)).isEmpty();

    // each agency sees exactly its own acceptance tasks, in Tasklist's terms; 县信访局 has none before acceptance
    Set<String> fifty = new HashSet<>(ids.values());
    for (String agency : LEADS) {
      Set<String> expected = ids.entrySet().stream().filter(e -> code(e.getKey()).equals(agency))
          .map(Map.Entry::getValue).collect(Collectors.toSet());
      assertThat(acceptanceTasksOf(agency, fifty)).as(agency).isEqualTo(expected);
    }
    assertThat(acceptanceTasksOf("xfj", fifty)).isEmpty();
    // and finds exactly its own in the proposal list
    Set<String> listedToXfj = new HashSet<>();
    Http.as(base(), "xfj-handler", "demo").get("/api/proposals?size=100&session=" + session).json().get("items")
        .forEach(item -> listedToXfj.add(item.get("id").asText()));
    assertThat(listedToXfj).isEqualTo(ids.entrySet().stream().filter(e -> e.getKey() % 2 == 0)
        .map(Map.Entry::getValue).collect(Collectors.toSet()));

    // each agency prints its notice of the day's round: its own proposals, lead or co-agency, with the deadlines
    String notice = "/api/paper/assignment/notice.pdf?session=" + session + "&date=2026-06-01&agency=";
    Http.Binary zfw = Http.as(base(), "zfw-handler", "demo").download(notice + "zfw");
    assertThat(zfw.status()).isEqualTo(200);
    assertThat(zfw.contentType()).isEqualTo("application/pdf");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/letters"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/letters/assignment-notice-zfw.pdf"), zfw.body());
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(zfw.body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text).startsWith("—1—议案建议交办通知单县委政法委:").contains("主办10件，协办0件");
      for (int i = 1; i <= 52; i++) {
        if (code(i).equals("zfw") && i <= 50) {
          assertThat(text).contains("建议第" + i + "号关于海岛民生事项第" + i + "项的建议毛宏定主办答复2026年9月1日（周二）");
        } else {
          assertThat(text).doesNotContain("建议第" + i + "号");
        }
      }
      javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 80), "png",
          new java.io.File("target/letters/assignment-notice-zfw-page1.png"));
    }
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
        Http.as(base(), "gov-clerk", "demo").download(notice + "xfj").body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text).contains("主办0件，协办25件", "建议第2号", "建议第50号", "协办意见2026年7月1日（周三）")
          .doesNotContain("建议第1号", "答复2026");
    }
    assertThat(Http.as(base(), "jtj-handler", "demo").download(notice + "zfw").status()).isEqualTo(403);
    assertThat(Http.as(base(), "gov-clerk", "demo").download(notice.replace("2026-06-01", "2026-06-02") + "zfw")
        .status()).isEqualTo(404);

    // the lead agencies are notified once each, as on an assignment in Tasklist
    for (String id : ids.values()) {
      assertThat(outbox.deliveries(id).stream().filter(d -> d.kind().equals("ASSIGNED")))
          .singleElement()
          .satisfies(d -> assertThat(d.channel()).isEqualTo("MAIL"));
    }
  }

  @Test
  void shouldHandOutThePlanOfTheProposalsWaitingAtAssignment() throws IOException {
    // given a session with two suggestions at 交办 and one still at review
    String session = ProcessDriver.newSession();
    String first = driver.submitSuggestion(session, "关于建设海岛图书馆的建议");
    walk.review(first, "ACCEPT", "NORMAL");
    String second = driver.submitSuggestion(session, "关于修缮海岛码头的建议");
    walk.review(second, "ACCEPT", "NORMAL");
    driver.submitSuggestion(session, "关于仍在审查的建议");

    // then the plan's template lists the two, by case number, with the agencies to choose from
    Http.Binary template = Http.as(base(), "gov-clerk", "demo").download("/api/paper/assignment/template.xlsx?session="
        + session);
    assertThat(template.status()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
      Sheet sheet = workbook.getSheet("交办方案");
      List<String> rows = new ArrayList<>();
      sheet.forEach(row -> {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
            ? String.valueOf((int) cell.getNumericCellValue()) : cell.getStringCellValue()));
        rows.add(String.join("|", cells));
      });
      assertThat(rows).containsExactly("类型|案号|案由|主办单位|协办单位|答复单位", "建议|1|关于建设海岛图书馆的建议",
          "建议|2|关于修缮海岛码头的建议");
      assertThat(sheet.getDataValidations()).hasSize(2);
      List<String> agencies = new ArrayList<>();
      workbook.getSheet("单位").forEach(row -> agencies.add(row.getCell(0).getStringCellValue()));
      assertThat(agencies).contains("县委政法委（zfw）", "县人民政府办公室（zfb）").hasSize(12);
    }
  }

  @Test
  void shouldLetOnlyTheGovernmentOfficeAssignAndChangeNothingOtherwise() throws IOException {
    String session = ProcessDriver.newSession();
    String id = driver.submitSuggestion(session, "关于建设海岛养老中心的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    byte[] plan = workbook(List.of(List.of("建议", "1", "", "zfw", "", "")));
    TableSnapshot before = TableSnapshot.of(jdbc);

    for (String user : List.of("congress-clerk", "zfw-handler", "zfw-leader", "maohongding")) {
      Http.Answer refused = upload(user, session, plan);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.json().get("detailZh").asText()).isEqualTo("只有县人民政府办公室可以交办议案建议。");
    }
    assertThat(Http.anonymous(base()).postRaw("/api/paper/assignment?session=" + session, XLSX, plan).status())
        .isEqualTo(401);
    Http.Answer notExcel = upload("gov-clerk", session, "主办单位".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(notExcel.status()).isEqualTo(400);
    assertThat(notExcel.json().at("/errors/0/field").asText()).isEqualTo("file");
    Http.Answer wrongHeaders = upload("gov-clerk", session, workbookWithHeaders(List.of("案号", "单位")));
    assertThat(wrongHeaders.status()).isEqualTo(400);
    assertThat(wrongHeaders.json().at("/errors/0/code").asText()).isEqualTo("headers");

    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
    assertThat(driver.task(id, "assignAgencies")).isNotNull();
  }

  private Set<String> acceptanceTasksOf(String agency, Set<String> among) {
    Set<String> seen = new HashSet<>();
    driver.as(agency + "-handler", () -> taskService.createTaskQuery().taskDefinitionKey(AcceptAssignment.KEY)
        .list().stream()
        .map(Task::getProcessInstanceId)
        .forEach(instance -> {
          String id = jdbc.sql("SELECT business_key_ FROM act_ru_execution WHERE id_ = ?").param(instance)
              .query(String.class).single();
          if (among.contains(id)) {
            seen.add(id);
          }
        }));
    return seen;
  }

  private static String code(int i) {
    return LEADS.get(i % LEADS.size());
  }

  /** The lead agency as the plan names it: by name with code, by code, or by name alone. */
  private static String lead(int i) {
    return switch (code(i)) {
      case "zfw" -> "县委政法委（zfw）";
      case "sfj" -> "sfj";
      case "mzj" -> "县民政局";
      case "jtj" -> "县交通运输局（jtj）";
      default -> "czj";
    };
  }

  private Http.Answer upload(String user, String session, byte[] plan) {
    return Http.as(base(), user, "demo").postRaw("/api/paper/assignment?session=" + session, XLSX, plan);
  }

  private static byte[] workbook(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("交办方案");
      Row header = sheet.createRow(0);
      List<String> headers = List.of("类型", "案号", "案由", "主办单位", "协办单位", "答复单位");
      for (int c = 0; c < headers.size(); c++) {
        header.createCell(c).setCellValue(headers.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).size(); c++) {
          if (!rows.get(r).get(c).isEmpty()) {
            row.createCell(c).setCellValue(rows.get(r).get(c));
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] workbookWithHeaders(List<String> headers) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Row header = workbook.createSheet("交办方案").createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        header.createCell(c).setCellValue(headers.get(c));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
