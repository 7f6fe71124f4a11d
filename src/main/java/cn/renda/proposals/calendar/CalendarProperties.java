package cn.renda.proposals.calendar;

import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working-day calendar ({@code proposals.calendar}). The calendar lives in the database and is maintained at run
 * time (the calendar page, {@code PUT /api/calendar/{year}}).
 *
 * @param files holiday files in the format of {@code calendar/cn-holidays-2019-2026.json}: a year that the database
 *     does not hold yet is imported from them at start-up (later files win for a day given twice); a year the
 *     database holds is never read from a file again
 * @param zone the business time zone: a date is due at the end of that day in this zone
 * @param warnFrom from this day of the year on, a next year without data is reported (health, weekly alerts)
 * @param checkCron when the calendar is checked for a missing year (Spring cron in {@code zone}; {@code -} never)
 */
@ConfigurationProperties("proposals.calendar")
public record CalendarProperties(
    @DefaultValue("classpath:calendar/cn-holidays-2019-2026.json") List<String> files,
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("--11-01") MonthDay warnFrom,
    @DefaultValue("0 0 8 * * *") String checkCron) {}
