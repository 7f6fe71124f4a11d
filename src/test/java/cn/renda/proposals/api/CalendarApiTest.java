package cn.renda.proposals.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The calendar's API: who may read and change it, and what it refuses. The arrangements for 2031 below are invented
 * for these tests (no test has deadlines in 2031).
 */
@IntegrationTest
class CalendarApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessDriver driver;

  @AfterEach
  void without2031() {
    driver.resetClock();
    if (clerk().get("/api/calendar/2031").json().get("covered").asBoolean()) {
      assertThat(clerk().post("/api/calendar/2031/revert", Map.of("version", 0)).status()).isEqualTo(200);
    }
  }

  @Test
  void shouldShowTheImportedYearsToEveryoneSignedIn() {
    // when an agency handler reads 2026, imported from the bundled file
    JsonNode year = as("zfw-handler").get("/api/calendar/2026").json();

    // then it has the official holidays and make-up working days, in the bundled files' shape
    assertThat(year.get("covered").asBoolean()).isTrue();
    assertThat(year.get("version").asInt()).isPositive();
    assertThat(year.at("/holidays/2026-10-01").asText()).contains("国庆");
    assertThat(year.at("/workdays/2026-10-10").asText()).isNotEmpty();
    assertThat(year.get("holidays").size()).isGreaterThan(20);

    // and the overview lists 2019 to 2026, and on 2 December 2026 says that 2027 is missing
    driver.today(LocalDate.of(2026, 12, 2));
    JsonNode overview = as("maohongding").get("/api/calendar").json();
    List<Integer> years = new ArrayList<>();
    overview.get("years").forEach(v -> {
      if (v.get("holidays").asInt() > 0) {
        years.add(v.get("year").asInt());
      }
    });
    assertThat(years).contains(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
    assertThat(overview.get("missingYears")).extracting(JsonNode::asInt).containsExactly(2027);

    // and nobody reads it without signing in
    assertThat(Http.anonymous(base()).get("/api/calendar/2026").status()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zfw-handler", "zfw-leader", "maohongding", "gov-clerk"})
  void shouldLetOnlyTheCongressOfficeAndAdministratorsChangeIt(String user) {
    TableSnapshot before = TableSnapshot.of(jdbc);

    List<Http.Answer> answers = List.of(
        as(user).put("/api/calendar/2031", arrangement()),
        as(user).post("/api/calendar/2031/preview", arrangement()),
        as(user).post("/api/calendar/2031/revert", Map.of("version", 0)),
        as(user).post("/api/calendar/2031/revert/preview", Map.of("version", 0)),
        as(user).get("/api/calendar/2026/versions"),
        as(user).get("/api/calendar/2026/versions/1"));

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("detailZh").asText()).contains("人大常委会办公室");
    });
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldLetAdministratorsChangeItAndTakeAPlainListOfDays() {
    // when an administrator enters 2031 as a plain list (a holiday on a Saturday, as published)
    Http.Answer put = as("admin").put("/api/calendar/2031", List.of(
        Map.of("date", "2031-01-01", "kind", "HOLIDAY", "name", "元旦"),
        Map.of("date", "2031-01-04", "kind", "holiday", "name", "元旦"),
        Map.of("date", "2031-02-01", "kind", "WORKDAY")));

    // then it is in force, and reads back in the files' shape
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().at("/version/changedBy").asText()).isEqualTo("admin");
    JsonNode year = clerk().get("/api/calendar/2031").json();
    assertThat(year.get("covered").asBoolean()).isTrue();
    assertThat(year.get("holidays").fieldNames()).toIterable().containsExactly("2031-01-01", "2031-01-04");
    assertThat(year.get("workdays").fieldNames()).toIterable().containsExactly("2031-02-01");
  }

  @Test
  void shouldRefuseEveryFaultNamingItsDateAndStoreNothing() {
    TableSnapshot before = TableSnapshot.of(jdbc);

    // a date outside the year, a day both off and worked, a make-up working day on a Monday, a date that does not
    // exist, all at once
    Map<String, Object> faulty = Map.of(
        "holidays", Map.of("2030-12-31", "元旦", "2031-01-01", "元旦", "2031-02-01", "春节", "2031-02-30", "春节"),
        "workdays", Map.of("2031-02-01", "春节调休", "2031-01-06", "调休"));
    assertRefused(clerk().put("/api/calendar/2031", faulty), List.of(
        "holidays.2030-12-31 outside-year", "holidays.2031-02-30 date", "workdays.2031-02-01 both-kinds",
        "workdays.2031-01-06 workday-on-weekday"));
    JsonNode errors = clerk().post("/api/calendar/2031/preview", faulty).json().get("errors");
    assertThat(errors.findValuesAsText("messageZh")).anyMatch(text -> text.contains("2031-01-06 是周一"));
    assertThat(errors.findValuesAsText("messageEn")).anyMatch(text -> text.contains("2031-02-01 cannot be both"));

    // the list shape: a make-up working day on a Tuesday, an unknown kind, a missing date
    assertRefused(clerk().put("/api/calendar/2031", List.of(
        Map.of("date", "2031-01-01", "kind", "HOLIDAY"),
        Map.of("date", "2031-01-07", "kind", "WORKDAY"),
        Map.of("date", "2031-01-08", "kind", "休息"),
        Map.of("kind", "HOLIDAY"))), List.of(
        "days[1] workday-on-weekday", "days[2].kind kind", "days[3].date required"));

    // no holiday at all, unknown fields, no JSON, a year outside 2000-2100
    assertRefused(clerk().put("/api/calendar/2031", Map.of()), List.of("holidays empty"));
    assertRefused(clerk().put("/api/calendar/2031", Map.of("holidays", Map.of("2031-01-01", "元旦"), "remark", "x")),
        List.of("remark unknown-field"));
    Http.Answer notJson = clerk().putRaw("/api/calendar/2031", "application/json",
        "一、元旦：1月1日放假".getBytes(StandardCharsets.UTF_8));
    assertThat(notJson.status()).isEqualTo(400);
    assertRefused(clerk().put("/api/calendar/1999", arrangement()), List.of("year range"));
    assertRefused(clerk().post("/api/calendar/2031/revert", Map.of("version", 7)), List.of("version unknown-version"));

    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldRefuseAChangeBasedOnAVersionThatIsNoLongerInForce() {
    // given 2031 entered once
    int version = clerk().put("/api/calendar/2031", arrangement()).json().at("/version/version").asInt();
    TableSnapshot before = TableSnapshot.of(jdbc);

    // when someone applies what they previewed against the version before
    Http.Answer stale = clerk().put("/api/calendar/2031?basedOn=" + (version - 1), Map.of(
        "holidays", Map.of("2031-01-01", "元旦", "2031-01-02", "元旦")));

    // then it is refused as a conflict, and nothing is stored
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("detailZh").asText()).contains("请重新预览");
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldServeThePageWithAPolicyThatAllowsOnlyItsOwnScriptAndOurApi() {
    Http.Answer page = Http.anonymous(base()).get("/calendar");
    Http.Answer script = Http.anonymous(base()).get("/calendar/calendar.js");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("节假日安排").contains("/calendar/calendar.js").doesNotContain("<script>");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("connect-src 'self'")
        .contains("default-src 'none'").doesNotContain("unsafe");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Security-Policy")).isEqualTo(page.header("Content-Security-Policy"));
  }

  @Test
  void shouldReadAPastedNoticeWithoutStoringIt() {
    TableSnapshot before = TableSnapshot.of(jdbc);

    // an invented notice for 2031, in the usual layout
    Http.Answer reading = clerk().post("/api/calendar/2031/notice", Map.of("text",
        "一、元旦：1月1日（周三）放假1天，不调休。\n二、春节：1月22日（周三）至28日（周二）放假调休，共7天。1月19日（周日）上班。"));

    assertThat(reading.status()).isEqualTo(200);
    assertThat(reading.json().get("holidays").size()).isEqualTo(8);
    assertThat(reading.json().at("/workdays/2031-01-19").asText()).isEqualTo("春节调休上班");
    assertThat(reading.json().get("notes")).isEmpty();
    assertThat(as("zfw-handler").post("/api/calendar/2031/notice", Map.of("text", "一、元旦：1月1日放假")).status())
        .isEqualTo(403);
    assertRefused(clerk().post("/api/calendar/2031/notice", Map.of("text", " ")), List.of("text required"));
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  private static void assertRefused(Http.Answer answer, List<String> faults) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    List<String> found = new ArrayList<>();
    answer.json().get("errors").forEach(e -> found.add(e.get("field").asText() + " " + e.get("code").asText()));
    assertThat(found).containsExactlyInAnyOrderElementsOf(faults);
  }

  private static Map<String, Object> arrangement() {
    return Map.of("holidays", Map.of("2031-01-01", "元旦"), "source", "测试数据（虚构）");
  }

  private Http clerk() {
    return as("congress-clerk");
  }

  private Http as(String user) {
    return Http.as(base(), user, "demo");
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
