package cn.renda.proposals.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake from Excel: a session's paper proposals become submitted proposals, registered once by their 登记号, with
 * their co-signatures signed on paper; a file with a refused cell is refused whole, every cell reported and nothing
 * stored; per-row mode registers the good rows; only the congress office uploads.
 */
@IntegrationTest
class PaperIntakeTest {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final List<String> HEADERS = List.of("登记号", "类型", "案由", "内容", "领衔代表", "附议代表", "收到日期");
  private static final String TEN = "张丽华、王建国，李晓明 陈海燕、刘志强、杨秀英、黄卫东、周俊杰、吴海波、徐丽娜（xulina）";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldRegisterEveryRowOnceAndNothingOnASecondUpload() throws IOException {
    // given 200 paper proposals of a session: every third a motion of eleven deputies, received on 2026-01-15
    String session = ProcessDriver.newSession();
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      boolean motion = i % 3 == 0;
      rows.add(List.of("P" + i, motion ? "议案" : "建议", "关于海岛民生事项第" + i + "项的" + (motion ? "议案" : "建议"),
          "内容第" + i + "项：建议加快推进。", i % 2 == 0 ? "毛宏定" : "毛宏定（maohongding）", motion ? TEN : "",
          LocalDate.of(2026, 1, 15)));
    }
    byte[] file = workbook(rows);

    // when the congress office uploads them
    JsonNode job = finished(upload(session, "", file));

    // then each row is a submitted proposal with the row's fields, waiting for review, registered on paper
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    assertThat(job.get("created").asInt()).isEqualTo(200);
    assertThat(job.get("processed").asInt()).isEqualTo(200);
    List<Map<String, Object>> stored = jdbc.sql("""
            SELECT r.register_number, r.received_on, r.registered_by, p.id, p.kind, p.title, p.content, p.lead_deputy,
                   p.status, p.case_number, p.submitted_by,
                   (SELECT COUNT(*) FROM proposal_co_signer c WHERE c.proposal_id = p.id) AS co_signers,
                   (SELECT COUNT(*) FROM proposal_co_signer s WHERE s.proposal_id = p.id AND s.answer = 'ON_PAPER'
                      AND s.recorded_by = 'congress-clerk'
                      AND CAST(s.answered_at AT TIME ZONE 'Asia/Shanghai' AS DATE) = r.received_on) AS signed_on_paper
            FROM paper_registration r JOIN proposal p ON p.id = r.proposal_id
            WHERE r.session_code = ? AND p.session_code = ?""")
        .params(session, session)
        .query()
        .listOfRows();
    assertThat(stored).hasSize(200);
    for (Map<String, Object> proposal : stored) {
      int i = Integer.parseInt(((String) proposal.get("register_number")).substring(1));
      boolean motion = i % 3 == 0;
      assertThat(proposal.get("kind")).isEqualTo(motion ? "MOTION" : "SUGGESTION");
      assertThat(proposal.get("title")).isEqualTo("关于海岛民生事项第" + i + "项的" + (motion ? "议案" : "建议"));
      assertThat(proposal.get("content")).isEqualTo("内容第" + i + "项：建议加快推进。");
      assertThat(proposal.get("lead_deputy")).isEqualTo("maohongding");
      assertThat(proposal.get("status")).isEqualTo("SUBMITTED");
      assertThat(proposal.get("submitted_by")).isEqualTo("congress-clerk");
      assertThat(proposal.get("registered_by")).isEqualTo("congress-clerk");
      assertThat(proposal.get("received_on").toString()).isEqualTo("2026-01-15");
      assertThat(((Number) proposal.get("co_signers")).intValue()).isEqualTo(motion ? 10 : 0);
      assertThat(((Number) proposal.get("signed_on_paper")).intValue()).isEqualTo(motion ? 10 : 0);
      // the case number comes with acceptance at review (审查立案), as for every submission
      assertThat(proposal.get("case_number")).isNull();
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey((String) proposal.get("id"))
          .taskDefinitionKey(ReviewProposal.KEY).count()).isEqualTo(1);
    }
    // and the record tells it came on paper
    String first = (String) stored.get(0).get("id");
    JsonNode record = Http.as(base(), "congress-clerk", "demo").get("/api/proposals/" + first).json();
    assertThat(record.get("timeline").findValuesAsText("label")).contains("提交", "纸质登记");

    // when the same file is uploaded again, nothing is registered twice: every row is skipped
    TableSnapshot before = TableSnapshot.of(jdbc);
    JsonNode again = finished(upload(session, "", file));
    assertThat(again.get("status").asText()).isEqualTo("DONE");
    assertThat(again.get("created").asInt()).isZero();
    assertThat(again.get("skipped").asInt()).isEqualTo(200);
    assertThat(again.at("/rows/0/errors/0/messageZh").asText()).isEqualTo("登记号已登记，本次跳过");
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldRegisterNothingTwiceWhenTheSameFileIsUploadedTwiceAtOnce() throws IOException {
    // given a file of thirty rows
    String session = ProcessDriver.newSession();
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      rows.add(List.of("D" + i, "建议", "关于海岛民生事项第" + i + "项的建议", "内容", "毛宏定", "", ""));
    }
    byte[] file = workbook(rows);

    // when it is uploaded twice, the second time before the first has finished
    Http.Binary first = upload(session, "", file);
    Http.Binary second = upload(session, "", file);

    // then the rows are registered once: the second upload skips every row, whenever it learnt of the first
    assertThat(finished(first).get("created").asInt()).isEqualTo(30);
    JsonNode again = finished(second);
    assertThat(again.get("status").asText()).isEqualTo("DONE");
    assertThat(again.get("created").asInt()).isZero();
    assertThat(again.get("skipped").asInt()).isEqualTo(30);
    assertThat(registered(session)).isEqualTo(30);
  }

  @Test
  void shouldRefuseAFileWithBadCellsWholeReportingEveryCell() throws IOException {
    // given a file with two good rows and one bad cell in each other row
    String session = ProcessDriver.newSession();
    byte[] file = badFile();
    TableSnapshot before = TableSnapshot.of(jdbc);

    // when it is uploaded all or nothing (the default)
    Http.Binary answer = upload(session, "", file);

    // then it is refused with every bad cell, where and why, and nothing is stored anywhere
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    List<String> cells = new ArrayList<>();
    problem.get("errors").forEach(e -> cells.add(e.get("field").asText() + " " + e.get("code").asText()));
    assertThat(cells).containsExactly("E3 unknown-deputy", "F4 motion-deputies", "C5 required", "B6 choice",
        "C7 type", "D8 formula", "D9 size");
    assertThat(messages(problem)).containsExactly(
        "第3行「领衔代表」：领衔代表不存在或不是人大代表：张三",
        "第4行「附议代表」：议案须由10名以上代表联名（含领衔人），当前9名",
        "第5行「案由」：请填写案由（标题）",
        "第6行「类型」：类型应为“议案”或“建议”",
        "第7行「案由」：应为文字，不能是日期",
        "第8行「内容」：不接受公式，请填写文字",
        "第9行「内容」：单元格内容过长（2000000 字，上限 50000 字）");
    problem.get("errors").forEach(e -> assertThat(e.get("messageEn").asText()).startsWith("row "));
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
    assertThat(registered(session)).isZero();
  }

  @Test
  void shouldRegisterTheGoodRowsPerRowOnRequest() throws IOException {
    // given the same file
    String session = ProcessDriver.newSession();

    // when it is uploaded row by row
    JsonNode job = finished(upload(session, "&mode=PER_ROW", badFile()));

    // then the two good rows are registered and the seven others reported with their cells
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    assertThat(job.get("created").asInt()).isEqualTo(2);
    assertThat(job.get("refused").asInt()).isEqualTo(7);
    List<String> outcomes = new ArrayList<>();
    job.get("rows").forEach(row -> outcomes.add(row.get("row").asInt() + " " + row.get("outcome").asText()));
    assertThat(outcomes).containsExactly("2 CREATED", "3 REFUSED", "4 REFUSED", "5 REFUSED", "6 REFUSED",
        "7 REFUSED", "8 REFUSED", "9 REFUSED", "10 CREATED");
    assertThat(job.at("/rows/1/errors/0/field").asText()).isEqualTo("E3");
    assertThat(registered(session)).isEqualTo(2);
  }

  @Test
  void shouldRefuseWhatIsNoTemplateAndStoreNothing() throws IOException {
    String session = ProcessDriver.newSession();
    TableSnapshot before = TableSnapshot.of(jdbc);

    // an old .xls renamed .xlsx
    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (HSSFWorkbook old = new HSSFWorkbook()) {
      old.createSheet("议案建议登记").createRow(0).createCell(0).setCellValue("登记号");
      old.write(xls);
    }
    assertRefused(upload(session, "", xls.toByteArray()), "format", "文件是旧版 Excel（.xls）格式，请在 Excel 中另存为 .xlsx 后再上传");
    // a zip bomb: a sheet of 60 MB of spaces, a few dozen kilobytes packed
    assertRefused(upload(session, "", zipBomb()), "zip-bomb", "文件解压后异常膨胀（疑似压缩炸弹），已拒绝");
    // something else entirely, and nothing
    assertRefused(upload(session, "", "登记号,类型".getBytes(StandardCharsets.UTF_8)), "format", "文件不是 Excel（.xlsx）文件");
    assertRefused(upload(session, "", new byte[0]), "required", "请上传 Excel（.xlsx）文件");
    // a workbook that is not the template
    assertRefused(upload(session, "", workbook(List.of(), List.of("编号", "标题"))), "headers",
        "表头应为：登记号、类型、案由、内容、领衔代表、附议代表、收到日期（请使用下载的登记表模板）");
    // a file declared over 20 MB is answered before it is sent
    assertThat(declaring(session, 21L * 1024 * 1024)).startsWith("HTTP/1.1 413").contains("application/problem+json");
    // a day received in the future
    driver.today(LocalDate.of(2027, 1, 20));
    Http.Binary future = upload(session, "", workbook(List.of(List.of("F1", "建议", "关于增设海岛公交线路的建议", "内容",
        "毛宏定", "", LocalDate.of(2027, 1, 21)))));
    assertThat(future.status()).isEqualTo(400);
    assertThat(JSON.readTree(future.body()).at("/errors/0/messageZh").asText()).isEqualTo("第2行「收到日期」：收到日期不能晚于今天");
    // a bad session
    Http.Binary badSession = upload("二〇二七", "", workbook(List.of()));
    assertThat(badSession.status()).isEqualTo(400);
    assertThat(badSession.text()).contains("session", "届次会议");

    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldLetOnlyTheCongressOfficeRegisterPaperProposals() throws IOException {
    String session = ProcessDriver.newSession();
    byte[] file = workbook(List.of(List.of("A1", "建议", "关于增设海岛公交线路的建议", "内容", "毛宏定", "", "")));
    TableSnapshot before = TableSnapshot.of(jdbc);

    for (String user : List.of("gov-clerk", "zfw-handler", "zfw-leader", "maohongding")) {
      Http.Binary refused = Http.as(base(), user, "demo").upload("/api/paper/intake?session=" + session, XLSX, file);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.text()).contains("只有人大常委会办公室可以登记纸质议案建议");
      assertThat(Http.as(base(), user, "demo").download("/api/paper/intake/template.xlsx?session=" + session).status())
          .as(user).isEqualTo(403);
    }
    assertThat(Http.anonymous(base()).upload("/api/paper/intake?session=" + session, XLSX, file).status())
        .isEqualTo(401);
    assertThat(Http.anonymous(base()).download("/api/paper/intake/template.xlsx?session=" + session).status())
        .isEqualTo(401);
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();

    // nor may anyone else watch the office's jobs
    String job = JSON.readTree(upload(session, "", file).body()).get("id").asText();
    finished(Http.as(base(), "congress-clerk", "demo").download("/api/paper/intake/jobs/" + job));
    assertThat(registered(session)).isEqualTo(1);
    assertThat(Http.as(base(), "gov-clerk", "demo").get("/api/paper/intake/jobs/" + job).status()).isEqualTo(403);
    assertThat(Http.as(base(), "zfw-handler", "demo").get("/api/paper/intake/jobs/" + job).status()).isEqualTo(403);
  }

  @Test
  void shouldHandOutATemplateWithDropDownsThatComesBackRegistered() throws IOException {
    // given the template of a session
    String session = ProcessDriver.newSession();
    Http.Binary template = Http.as(base(), "congress-clerk", "demo").download("/api/paper/intake/template.xlsx?session="
        + session);
    assertThat(template.status()).isEqualTo(200);
    assertThat(template.contentType()).isEqualTo(XLSX);
    byte[] filled;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
      Sheet sheet = workbook.getSheet("议案建议登记");
      List<String> headers = new ArrayList<>();
      sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
      assertThat(headers).isEqualTo(HEADERS);
      // drop-down lists of kind and deputies, the lists holding the deputies and the agencies
      assertThat(sheet.getDataValidations()).hasSize(2);
      assertThat(sheet.getDataValidations().get(0).getValidationConstraint().getFormula1()).isEqualTo("选项!$A$2:$A$3");
      Sheet lists = workbook.getSheet("选项");
      List<String> listed = new ArrayList<>();
      lists.forEach(row -> row.forEach(cell -> listed.add(cell.getStringCellValue())));
      assertThat(listed).contains("议案", "建议", "毛宏定（maohongding）", "吴海波（wuhaibo）", "县委政法委（zfw）", "县司法局（sfj）");

      // when it is filled in as the office would, from the lists
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("2027-001");
      row.createCell(1).setCellValue("建议");
      row.createCell(2).setCellValue("关于改善海岛学校寄宿条件的建议");
      row.createCell(3).setCellValue("建议改善寄宿条件。");
      row.createCell(4).setCellValue("吴海波（wuhaibo）");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      filled = out.toByteArray();
    }

    // then it comes back registered, received today
    driver.today(LocalDate.of(2027, 1, 20));
    JsonNode job = finished(upload(session, "", filled));
    assertThat(job.get("created").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT p.lead_deputy || ' ' || r.received_on FROM paper_registration r"
            + " JOIN proposal p ON p.id = r.proposal_id WHERE r.session_code = ?")
        .param(session).query(String.class).single()).isEqualTo("wuhaibo 2027-01-20");
  }

  @Test
  void shouldRegisterAThousandRowsWithinAMinute() throws IOException {
    // given 1,000 paper proposals, a motion of eleven deputies in every ten
    String session = ProcessDriver.newSession();
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      boolean motion = i % 10 == 0;
      rows.add(List.of(String.valueOf(i), motion ? "议案" : "建议", "关于第" + i + "号民生事项的" + (motion ? "议案" : "建议"),
          "建议" + "加快推进海岛民生事项。".repeat(40), "毛宏定", motion ? TEN : "", ""));
    }
    byte[] file = workbook(rows);

    // when they are uploaded, and the job polled while it runs
    long started = System.nanoTime();
    Http.Binary accepted = upload(session, "", file);
    assertThat(accepted.status()).isEqualTo(202);
    String location = accepted.header("Location");
    List<Integer> progress = new ArrayList<>();
    JsonNode job = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
      JsonNode polled = Http.as(base(), "congress-clerk", "demo").get(location).json();
      progress.add(polled.get("processed").asInt());
      return polled;
    }, polled -> !polled.get("status").asText().equals("RUNNING"));
    double seconds = (System.nanoTime() - started) / 1e9;

    // then all are registered, and the time is told
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    assertThat(job.get("created").asInt()).isEqualTo(1000);
    assertThat(registered(session)).isEqualTo(1000);
    assertThat(progress).isSorted();
    System.out.printf("Paper intake: 1,000 rows (%d KB) registered in %.1f s (job %d ms), progress seen: %s%n",
        file.length / 1024, seconds, job.get("elapsedMillis").asLong(),
        progress.stream().distinct().map(String::valueOf).collect(Collectors.joining(",")));
  }

  // --- files ------------------------------------------------------------------------------------------------

  private byte[] badFile() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = template(workbook, HEADERS);
      CellStyle day = workbook.createCellStyle();
      day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      fill(sheet.createRow(1), List.of("B1", "建议", "关于增开海岛夜间航班的建议", "建议增开夜间航班。", "毛宏定", "", ""));
      fill(sheet.createRow(2), List.of("B2", "建议", "关于建设海岛养老中心的建议", "建议建设养老中心。", "张三", "", ""));
      fill(sheet.createRow(3), List.of("B3", "议案", "关于完善渔业保险制度的议案", "建议完善渔业保险。", "毛宏定",
          "张丽华、王建国、李晓明、陈海燕、刘志强、杨秀英、黄卫东、周俊杰", ""));
      fill(sheet.createRow(4), List.of("B4", "建议", "", "内容俱全，只缺案由。", "毛宏定", "", ""));
      fill(sheet.createRow(5), List.of("B5", "提案", "关于修缮海岛码头的建议", "建议修缮码头。", "毛宏定", "", ""));
      Row date = sheet.createRow(6);
      fill(date, List.of("B6", "建议", "", "案由栏填成了日期。", "毛宏定", "", ""));
      date.getCell(2).setCellValue(new Date());
      date.getCell(2).setCellStyle(day);
      Row formula = sheet.createRow(7);
      fill(formula, List.of("B7", "建议", "关于增设海岛公交线路的建议", "", "毛宏定", "", ""));
      formula.getCell(3).setCellFormula("CONCATENATE(\"建议\",\"增设线路\")");
      Row huge = sheet.createRow(8);
      fill(huge, List.of("B8", "建议", "关于建设海岛图书馆的建议", "", "毛宏定", "", ""));
      // Excel itself stops at 32,767 characters a cell; a file made by other means need not
      CTCell cell = ((XSSFCell) huge.getCell(3)).getCTCell();
      cell.setT(STCellType.INLINE_STR);
      cell.addNewIs().setT(prose(2_000_000));
      fill(sheet.createRow(9), List.of("B9", "议案", "关于完善法律援助工作机制的议案", "建议完善法律援助。", "毛宏定", TEN,
          LocalDate.of(2026, 1, 16)));
      return bytes(workbook);
    }
  }

  /** Text that packs like text, not like a zip bomb: characters drawn from five hundred common ones. */
  private static String prose(int length) {
    java.util.Random random = new java.util.Random(28);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) (0x4E00 + random.nextInt(500)));
    }
    return text.toString();
  }

  private static byte[] workbook(List<List<Object>> rows) throws IOException {
    return workbook(rows, HEADERS);
  }

  private static byte[] workbook(List<List<Object>> rows, List<String> headers) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = template(workbook, headers);
      for (int r = 0; r < rows.size(); r++) {
        fill(sheet.createRow(r + 1), rows.get(r));
      }
      return bytes(workbook);
    }
  }

  private static Sheet template(XSSFWorkbook workbook, List<String> headers) {
    Sheet sheet = workbook.createSheet("议案建议登记");
    Row header = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      header.createCell(c).setCellValue(headers.get(c));
    }
    return sheet;
  }

  private static void fill(Row row, List<?> values) {
    CellStyle day = null;
    for (int c = 0; c < values.size(); c++) {
      Object value = values.get(c);
      if (value instanceof LocalDate date) {
        if (day == null) {
          day = row.getSheet().getWorkbook().createCellStyle();
          day.setDataFormat(row.getSheet().getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
        }
        row.createCell(c).setCellValue(date);
        row.getCell(c).setCellStyle(day);
      } else if (!value.toString().isEmpty()) {
        row.createCell(c).setCellValue(value.toString());
      } else {
        row.createCell(c);
      }
    }
  }

  private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    return out.toByteArray();
  }

  /** A workbook whose sheet inflates a thousandfold: 60 MB of spaces. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/xl/workbook.xml"
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
          <Override PartName="/xl/worksheets/sheet1.xml"
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Target="xl/workbook.xml"
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
          </Relationships>""");
      entry(zip, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <sheets><sheet name="议案建议登记" sheetId="1" r:id="rId1"/></sheets></workbook>""");
      entry(zip, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Target="worksheets/sheet1.xml"
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
          </Relationships>""");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
          .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 60; i++) {
        zip.write(spaces);
      }
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  // --- calls ------------------------------------------------------------------------------------------------

  private Http.Binary upload(String session, String options, byte[] file) {
    return Http.as(base(), "congress-clerk", "demo").upload("/api/paper/intake?session=" + session + options, XLSX,
        file);
  }

  /** The job of an accepted upload, once it has finished. */
  private JsonNode finished(Http.Binary accepted) throws IOException {
    assertThat(accepted.status()).as(accepted.text()).isIn(200, 202);
    String id = JSON.readTree(accepted.body()).get("id").asText();
    return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
        .until(() -> Http.as(base(), "congress-clerk", "demo").get("/api/paper/intake/jobs/" + id).json(),
            job -> !job.get("status").asText().equals("RUNNING"));
  }

  /** The answer's head to an upload that declares its length and sends nothing (yet). */
  private String declaring(String session, long length) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      String auth = java.util.Base64.getEncoder()
          .encodeToString("congress-clerk:demo".getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(("POST /api/paper/intake?session=" + session + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Basic " + auth + "\r\nContent-Type: " + XLSX + "\r\nContent-Length: " + length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      byte[] head = new byte[2048];
      int read = socket.getInputStream().read(head);
      return new String(head, 0, Math.max(read, 0), StandardCharsets.UTF_8);
    }
  }

  private static void assertRefused(Http.Binary answer, String code, String messageZh) throws IOException {
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("file");
    assertThat(problem.at("/errors/0/code").asText()).isEqualTo(code);
    assertThat(problem.at("/errors/0/messageZh").asText()).isEqualTo(messageZh);
    assertThat(problem.get("errors")).hasSize(1);
  }

  private static List<String> messages(JsonNode problem) {
    List<String> messages = new ArrayList<>();
    problem.get("errors").forEach(e -> messages.add(e.get("messageZh").asText()));
    return messages;
  }

  private long registered(String session) {
    return jdbc.sql("SELECT COUNT(*) FROM paper_registration WHERE session_code = ?").param(session)
        .query(Long.class).single();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
