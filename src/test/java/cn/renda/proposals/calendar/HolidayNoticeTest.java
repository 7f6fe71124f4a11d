package cn.renda.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Reading a pasted notice. <b>The notice below is invented for this test</b> in the usual layout of the State
 * Council's notices; its dates are those of {@code InventedCalendar.year2027()}, not 2027's real arrangement.
 */
class HolidayNoticeTest {

  private static final String INVENTED_NOTICE = """
      国务院办公厅关于2027年部分节假日安排的通知（测试用虚构文本）
      各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
      经国务院批准，现将2027年元旦、春节、清明节、劳动节放假调休日期的具体安排通知如下。
      一、元旦：1月1日（周五）放假1天，不调休。
      二、春节：2月5日（农历腊月廿九、周五）至12日（农历正月初六、周五）放假调休，共8天。1月31日（周日）、2月20日（周六）上班。
      三、清明节：４月５日（周一）放假，共1天。
      四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
      节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
      """;

  @Test
  void shouldReadTheHolidaysAndMakeUpWorkingDaysOfEachItem() {
    HolidayNotice.Reading reading = HolidayNotice.read(INVENTED_NOTICE, 2027);

    assertThat(reading.notes()).isEmpty();
    assertThat(reading.holidays()).hasSize(1 + 8 + 1 + 5);
    assertThat(reading.holidays()).containsEntry(LocalDate.of(2027, 1, 1), "元旦")
        .containsEntry(LocalDate.of(2027, 2, 5), "春节").containsEntry(LocalDate.of(2027, 2, 12), "春节")
        .containsEntry(LocalDate.of(2027, 4, 5), "清明节").containsEntry(LocalDate.of(2027, 5, 5), "劳动节")
        .doesNotContainKey(LocalDate.of(2027, 2, 13));
    assertThat(reading.workdays()).containsOnlyKeys(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 20),
        LocalDate.of(2027, 4, 25));
    assertThat(reading.workdays()).containsEntry(LocalDate.of(2027, 1, 31), "春节调休上班");
  }

  @Test
  void shouldNoteWhatItCannotTakeAndNeverGuess() {
    HolidayNotice.Reading reading = HolidayNotice.read("""
        一、元旦：2026年12月31日（周四）至2027年1月2日（周六）放假，共3天。
        二、春节：2月5日（周四）放假。
        三、端午节：另行通知。
        """, 2027);

    assertThat(reading.holidays()).containsOnlyKeys(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2),
        LocalDate.of(2027, 2, 5));
    assertThat(reading.notes()).anyMatch(note -> note.startsWith("2026-12-31（元旦）不属于2027年"))
        .anyMatch(note -> note.contains("2027-02-05 是周五"))
        .anyMatch(note -> note.contains("“端午节”一项未能识别出日期"));
    assertThat(HolidayNotice.read("放假安排见附件", 2027).notes()).singleElement().asString().contains("没有找到");
  }
}
